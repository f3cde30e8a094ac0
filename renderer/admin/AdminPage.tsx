import { useTranslation } from 'react-i18next';
import type { PageId } from '../shell/pages';
import { UsersPanel } from './users/UsersPanel';
import { SettingsPanel } from './settings/SettingsPanel';
import { AuditPanel } from './audit/AuditPanel';
import { AgenciesPanel } from './agencies/AgenciesPanel';

const TABS = [
  { page: 'admin/users', key: 'users' },
  { page: 'admin/agencies', key: 'agencies' },
  { page: 'admin/settings', key: 'settings' },
  { page: 'admin/audit', key: 'audit' },
] as const;

/** Admin: users, partner agencies, clinic settings and the audit log, one tab each. */
export function AdminPage({ page, onNavigate }: { page: PageId; onNavigate: (page: PageId) => void }) {
  const { t } = useTranslation();
  return (
    <>
      <h1 className="page-title">{t('nav.admin')}</h1>
      <nav className="tabs" aria-label={t('admin.tabsLabel')}>
        {TABS.map((tab) => (
          <a
            key={tab.page}
            href={`#${tab.page}`}
            className={tab.page === page ? 'tabs__tab tabs__tab--active' : 'tabs__tab'}
            aria-current={tab.page === page ? 'page' : undefined}
            onClick={(event) => {
              event.preventDefault();
              onNavigate(tab.page);
            }}
          >
            {t(`admin.tabs.${tab.key}`)}
          </a>
        ))}
      </nav>
      {page === 'admin/users' && <UsersPanel />}
      {page === 'admin/agencies' && <AgenciesPanel />}
      {page === 'admin/settings' && <SettingsPanel />}
      {page === 'admin/audit' && <AuditPanel />}
    </>
  );
}
