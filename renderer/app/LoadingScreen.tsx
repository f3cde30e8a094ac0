import { useTranslation } from 'react-i18next';
import { BrandMark } from '../components/BrandMark';

export function LoadingScreen() {
  const { t } = useTranslation();
  return (
    <div className="loading-screen" role="status" aria-live="polite">
      <BrandMark />
      <p>{t('app.loading')}</p>
    </div>
  );
}
