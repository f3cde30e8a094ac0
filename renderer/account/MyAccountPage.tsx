import { useTranslation } from 'react-i18next';
import { useSession } from '../session/SessionContext';
import { ChangePassphraseForm } from './ChangePassphraseForm';
import { CounsellorHoursSection } from '../admin/scheduling/CounsellorHoursSection';

/** Who you are signed in as, changing your own passphrase, and (counsellors) your working hours and leave. */
export function MyAccountPage() {
  const { t } = useTranslation();
  const { session } = useSession();
  return (
    <>
      <h1 className="page-title">{t('account.title')}</h1>
      <section className="card">
        <h2 className="card-heading">{t('account.detailsTitle')}</h2>
        <dl className="details">
          <div>
            <dt>{t('fields.displayName')}</dt>
            <dd>{session.user.displayName}</dd>
          </div>
          <div>
            <dt>{t('fields.username')}</dt>
            <dd>{session.user.username}</dd>
          </div>
          <div>
            <dt>{t('fields.role')}</dt>
            <dd>{t(`roles.${session.user.role}`)}</dd>
          </div>
        </dl>
      </section>
      <section className="card">
        <h2 className="card-heading">{t('account.changePassphraseTitle')}</h2>
        <p className="card-text">{t('account.changePassphraseLead')}</p>
        <ChangePassphraseForm username={session.user.username} />
      </section>
      {session.user.role === 'counsellor' && <CounsellorHoursSection self />}
    </>
  );
}
