import { useTranslation } from 'react-i18next';
import type { PageId } from '../shell/pages';
import { PageTabs } from '../components/PageTabs';
import { UsersPanel } from './users/UsersPanel';
import { SettingsPanel } from './settings/SettingsPanel';
import { AuditPanel } from './audit/AuditPanel';
import { AgenciesPanel } from './agencies/AgenciesPanel';
import { SchedulingPanel } from './scheduling/SchedulingPanel';
import { ExportPanel } from './export/ExportPanel';

const TABS = [
  { page: 'admin/users', key: 'users' },
  { page: 'admin/agencies', key: 'agencies' },
  { page: 'admin/scheduling', key: 'scheduling' },
  { page: 'admin/settings', key: 'settings' },
  { page: 'admin/audit', key: 'audit' },
  { page: 'admin/export', key: 'export' },
] as const;

/** Admin: users, partner agencies, rooms and availability, clinic settings, the audit log and the full export, one tab each. */
export function AdminPage({ page, onNavigate }: { page: PageId; onNavigate: (page: PageId) => void }) {
  const { t } = useTranslation();
  return (
    <>
      <h1 className="page-title">{t('nav.admin')}</h1>
      <PageTabs tabs={TABS.map((tab) => ({ page: tab.page, label: t(`admin.tabs.${tab.key}`) }))} page={page} label={t('admin.tabsLabel')} onNavigate={onNavigate} />
      {page === 'admin/users' && <UsersPanel />}
      {page === 'admin/agencies' && <AgenciesPanel />}
      {page === 'admin/scheduling' && <SchedulingPanel />}
      {page === 'admin/settings' && <SettingsPanel />}
      {page === 'admin/audit' && <AuditPanel />}
      {page === 'admin/export' && <ExportPanel />}
    </>
  );
}
