import { useTranslation } from 'react-i18next';
import type { PageId } from '../shell/pages';
import { PageTabs } from '../components/PageTabs';
import { UsersPanel } from './users/UsersPanel';
import { SettingsPanel } from './settings/SettingsPanel';
import { AuditPanel } from './audit/AuditPanel';
import { AgenciesPanel } from './agencies/AgenciesPanel';
import { SchedulingPanel } from './scheduling/SchedulingPanel';
import { ExportPanel } from './export/ExportPanel';
import { MeasuresPanel } from './measures/MeasuresPanel';

const TABS = [
  { page: 'admin/users', label: 'admin.tabs.users' },
  { page: 'admin/agencies', label: 'admin.tabs.agencies' },
  { page: 'admin/scheduling', label: 'admin.tabs.scheduling' },
  { page: 'admin/settings', label: 'admin.tabs.settings' },
  { page: 'admin/measures', label: 'adminMeasures.tab' },
  { page: 'admin/audit', label: 'admin.tabs.audit' },
  { page: 'admin/export', label: 'admin.tabs.export' },
] as const;

/** Admin: users, partner agencies, rooms and availability, clinic settings, the outcome-measure instruments, the audit log and the full export, one tab each. */
export function AdminPage({ page, onNavigate }: { page: PageId; onNavigate: (page: PageId) => void }) {
  const { t } = useTranslation();
  return (
    <>
      <h1 className="page-title">{t('nav.admin')}</h1>
      <PageTabs tabs={TABS.map((tab) => ({ page: tab.page, label: t(tab.label) }))} page={page} label={t('admin.tabsLabel')} onNavigate={onNavigate} />
      {page === 'admin/users' && <UsersPanel />}
      {page === 'admin/agencies' && <AgenciesPanel />}
      {page === 'admin/scheduling' && <SchedulingPanel />}
      {page === 'admin/settings' && <SettingsPanel />}
      {page === 'admin/measures' && <MeasuresPanel />}
      {page === 'admin/audit' && <AuditPanel />}
      {page === 'admin/export' && <ExportPanel />}
    </>
  );
}
