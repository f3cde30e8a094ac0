import { useTranslation } from 'react-i18next';
import { Icon } from '../components/Icon';

type Section = 'referrals' | 'calendar' | 'clients' | 'reports';

/** A section later releases fill in: says what it will hold, calmly. */
export function PlaceholderPage({ section }: { section: Section }) {
  const { t } = useTranslation();
  return (
    <>
      <h1 className="page-title">{t(`nav.${section}`)}</h1>
      <section className="placeholder card">
        <div className="placeholder__icon">
          <Icon name={section} />
        </div>
        <h2 className="placeholder__title">{t('placeholder.comingSoon')}</h2>
        <p className="placeholder__text">{t(`placeholder.${section}`)}</p>
      </section>
    </>
  );
}
