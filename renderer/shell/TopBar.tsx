import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../components/Icon';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { useSession } from '../session/SessionContext';
import type { PageId } from './pages';

/** The clinic's name, who is signed in (and as what), the language switch and Lock. */
export function TopBar({ page, onNavigate }: { page: PageId; onNavigate: (page: PageId) => void }) {
  const { t } = useTranslation();
  const { session, lock } = useSession();
  const [locking, setLocking] = useState(false);
  return (
    <header className="topbar">
      <div className="topbar__clinic" data-testid="clinic-name">
        {session.settings.clinicName}
      </div>
      <div className="topbar__tools">
        <LanguageSwitch id="topbar-language" />
        <a
          href="#account"
          className={page === 'account' ? 'topbar__user topbar__user--active' : 'topbar__user'}
          aria-current={page === 'account' ? 'page' : undefined}
          title={t('nav.account')}
          onClick={(event) => {
            event.preventDefault();
            onNavigate('account');
          }}
        >
          <span className="topbar__avatar" aria-hidden="true">
            {session.user.displayName.trim().charAt(0).toUpperCase()}
          </span>
          <span className="topbar__identity">
            <span className="topbar__name" data-testid="signed-in-name">
              {session.user.displayName}
            </span>
            <span className="topbar__role" data-testid="signed-in-role">
              {t(`roles.${session.user.role}`)}
            </span>
          </span>
        </a>
        <button
          type="button"
          className="button button--secondary button--small"
          disabled={locking}
          onClick={() => {
            setLocking(true);
            void lock();
          }}
        >
          <Icon name="lock" />
          {t('shell.lock')}
        </button>
      </div>
    </header>
  );
}
