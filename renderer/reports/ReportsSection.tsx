import '../styles/reports.css';
import { useTranslation } from 'react-i18next';
import { PageTabs } from '../components/PageTabs';
import type { PageId } from '../shell/pages';
import { ReportBuilder } from './ReportBuilder';
import { RegisterPanel } from './RegisterPanel';

const TABS = [
  { page: 'reports', label: 'reports.tabs.build' },
  { page: 'reports/register', label: 'reports.tabs.register' },
] as const;

/** Reports (admins): build an agency report with disclosure control, and the register of what left the clinic. */
export function ReportsSection({ page, onNavigate }: { page: PageId; onNavigate: (page: PageId) => void }) {
  const { t } = useTranslation();
  return (
    <>
      <h1 className="page-title">{t('nav.reports')}</h1>
      <PageTabs tabs={TABS.map((tab) => ({ page: tab.page, label: t(tab.label) }))} page={page} label={t('reports.tabs.label')} onNavigate={onNavigate} />
      {page === 'reports/register' ? <RegisterPanel /> : <ReportBuilder />}
    </>
  );
}
