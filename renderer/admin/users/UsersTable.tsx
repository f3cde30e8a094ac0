import { useTranslation } from 'react-i18next';
import type { UserSummary } from '../../../shared/contract/schemas';
import { useSession } from '../../session/SessionContext';
import { useFormatters } from '../../session/useFormatters';

interface UsersTableProps {
  users: UserSummary[];
  onDisable: (user: UserSummary) => void;
  onReset: (user: UserSummary) => void;
}

export function UsersTable({ users, onDisable, onReset }: UsersTableProps) {
  const { t } = useTranslation();
  const { session } = useSession();
  const { date } = useFormatters();
  return (
    <div className="table-wrap">
      <table className="table" data-testid="users-table">
        <thead>
          <tr>
            <th scope="col">{t('admin.users.columns.name')}</th>
            <th scope="col">{t('admin.users.columns.role')}</th>
            <th scope="col">{t('admin.users.columns.status')}</th>
            <th scope="col">{t('admin.users.columns.created')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('admin.users.columns.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {users.map((user) => (
            <tr key={user.id} data-username={user.username}>
              <td>
                <div className="cell-primary">{user.displayName}</div>
                <div className="cell-secondary">{user.username}</div>
              </td>
              <td>{t(`roles.${user.role}`)}</td>
              <td>
                {user.active ? (
                  <span className="badge badge--success">{t('admin.users.status.active')}</span>
                ) : (
                  <span className="badge badge--muted">{t('admin.users.status.disabled')}</span>
                )}
                {user.active && !user.canUnlock && <span className="badge badge--warning">{t('admin.users.status.needsPassphrase')}</span>}
              </td>
              <td>{date(user.createdAt)}</td>
              <td className="table__actions">
                {/* Not on your own row: the admin reset skips the current passphrase, so the
                    service refuses it for yourself (CANNOT_RESET_OWN_PASSPHRASE); My account
                    changes your own, asking for the current one. */}
                {user.active && user.id !== session.user.id && (
                  <button type="button" className="button button--ghost button--small" onClick={() => onReset(user)}>
                    {t('admin.users.reset')}
                    <span className="visually-hidden"> {user.displayName}</span>
                  </button>
                )}
                {user.active && user.id !== session.user.id && (
                  <button type="button" className="button button--danger-ghost button--small" onClick={() => onDisable(user)}>
                    {t('admin.users.disable')}
                    <span className="visually-hidden"> {user.displayName}</span>
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
