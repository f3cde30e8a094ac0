import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelOutput } from '../../shared/contract/channels';
import type { Case } from '../../shared/contract/referral-schemas';
import type { ErrorCode } from '../../shared/errors';
import { call, errorCodeOf } from '../api/client';
import { Notice } from '../components/Notice';
import { FormAlert } from '../forms/FormAlert';
import { useSession } from '../session/SessionContext';
import { CasesTable } from './CasesTable';
import { ClientFacts } from './ClientFacts';
import { CloseCaseDialog } from './CloseCaseDialog';
import { EditClientDialog } from './EditClientDialog';
import { ReferralHistoryTable } from './ReferralHistoryTable';
import { nameWithPreferred } from './client-text';
import { BookSessionDialog } from '../calendar/BookSessionDialog';
import { CaseSessionsList } from '../calendar/CaseSessionsList';
import { RiskFlagsPanel } from '../risk/RiskFlagsPanel';
import { AlertsPanel } from '../measures/alerts/AlertsPanel';
import { ClientNotesSection } from '../notes/ClientNotesSection';
import { AttachmentsSection } from '../attachments/AttachmentsSection';
import { MeasuresSection } from '../measures/MeasuresSection';
import { ComplianceCard } from '../letters/ComplianceCard';

type ClientRecord = ChannelOutput<'clients.get'>;
type DoneNotice = 'clients.detail.saved' | 'clients.detail.caseClosed' | 'clients.detail.sessionBooked';

interface ClientDetailPageProps {
  clientId: number;
  /** Back to the list; `changed` when something here was saved, so the list shows it. */
  onBack: (changed: boolean) => void;
  /** What Back says when it does not lead to the client list (from Home: "Back to Home"). */
  backLabel?: string;
}

/** One client: who they are, their cases and their referrals. Opening it is audited by the service. */
export function ClientDetailPage({ clientId, onBack, backLabel }: ClientDetailPageProps) {
  const { t } = useTranslation();
  const { session } = useSession();
  const [record, setRecord] = useState<ClientRecord | null>(null);
  const [loadError, setLoadError] = useState<ErrorCode | null>(null);
  const [editing, setEditing] = useState(false);
  const [closing, setClosing] = useState<Case | null>(null);
  const [notice, setNotice] = useState<DoneNotice | null>(null);
  const [booking, setBooking] = useState<Case | null>(null);
  const [bookedCount, setBookedCount] = useState(0);
  // Risk flags and questionnaire alerts change each other (a self-harm flag follows alerts up): each reloads on the other's change.
  const [flagChanges, setFlagChanges] = useState(0);
  const [alertFollowUps, setAlertFollowUps] = useState(0);
  const changed = useRef(false);
  const heading = useRef<HTMLHeadingElement>(null);

  const load = useCallback(async () => {
    try {
      setRecord(await call('clients.get', { id: clientId }));
      setLoadError(null);
    } catch (error) {
      setLoadError(errorCodeOf(error));
    }
  }, [clientId]);

  useEffect(() => {
    void load();
  }, [load]);

  // The page changed under a keyboard or screen-reader user: start them at the client's name.
  const loaded = record !== null;
  useEffect(() => {
    if (loaded) heading.current?.focus();
  }, [loaded]);

  const saved = (key: DoneNotice) => {
    changed.current = true;
    setNotice(key);
    void load();
  };

  const isAdmin = session.user.role === 'admin';
  const backButton = (
    <button type="button" className="button button--ghost button--small client-back" onClick={() => onBack(changed.current)}>
      <span aria-hidden="true">←</span> {backLabel ?? t('clients.detail.back')}
    </button>
  );

  if (!record) {
    return (
      <>
        {backButton}
        <FormAlert code={loadError} />
        {!loadError && <p className="muted">{t('common.loading')}</p>}
      </>
    );
  }

  const { client, cases, referrals } = record;
  return (
    <>
      {backButton}
      <section className="card client-header" aria-labelledby="client-name">
        <div className="client-header__top">
          <div>
            <p className="client-header__code" data-testid="client-code">
              {client.code}
            </p>
            <h1 id="client-name" className="client-header__name" ref={heading} tabIndex={-1}>
              {nameWithPreferred(client)}
            </h1>
            <p className="client-header__agency">{client.agencyName}</p>
          </div>
          <button type="button" className="button button--secondary" onClick={() => setEditing(true)}>
            {t('clients.detail.edit')}
          </button>
        </div>
        <ClientFacts client={client} />
        <AlertsPanel clientId={client.id} cases={cases} reloadKey={flagChanges} onFollowedUp={() => setAlertFollowUps((n) => n + 1)} />
        <RiskFlagsPanel key={alertFollowUps} clientId={client.id} cases={cases} onChanged={() => setFlagChanges((n) => n + 1)} />
      </section>
      {notice && (
        <Notice tone="success" testId="client-notice">
          {t(notice)}
        </Notice>
      )}
      <section className="card" aria-labelledby="client-cases-title">
        <h2 id="client-cases-title" className="card-heading">
          {t('clients.cases.title')}
        </h2>
        {cases.length === 0 ? (
          <p className="empty-state">{t('clients.cases.empty')}</p>
        ) : (
          <CasesTable
            cases={cases}
            mayClose={(clientCase) => isAdmin || clientCase.counsellorId === session.user.id}
            onClose={setClosing}
            mayBook={(clientCase) => isAdmin || clientCase.counsellorId === session.user.id}
            onBook={setBooking}
          />
        )}
      </section>
      {cases.length > 0 && (
        <section className="card" aria-labelledby="client-sessions-title">
          <h2 id="client-sessions-title" className="card-heading">
            {t('clients.sessions.title')}
          </h2>
          <CaseSessionsList caseIds={cases.map((clientCase) => clientCase.id)} reloadKey={bookedCount} />
        </section>
      )}
      {cases.length > 0 && <ClientNotesSection clientId={client.id} cases={cases} />}
      {cases.length > 0 && <MeasuresSection clientId={client.id} cases={cases} />}
      <ComplianceCard cases={cases} referrals={referrals} />
      <AttachmentsSection clientId={client.id} cases={cases} />
      <section className="card" aria-labelledby="client-referrals-title">
        <h2 id="client-referrals-title" className="card-heading">
          {t('clients.referrals.title')}
        </h2>
        {referrals.length === 0 ? <p className="empty-state">{t('clients.referrals.empty')}</p> : <ReferralHistoryTable referrals={referrals} />}
      </section>
      {editing && (
        <EditClientDialog
          client={client}
          onClose={() => setEditing(false)}
          onSaved={() => {
            setEditing(false);
            saved('clients.detail.saved');
          }}
        />
      )}
      {booking && (
        <BookSessionDialog
          preset={{ caseId: booking.id, sessionType: booking.sessionsUsed === 0 ? 'intake_assessment' : 'counselling' }}
          lockCase
          onClose={() => setBooking(null)}
          onBooked={() => {
            setBooking(null);
            setBookedCount((n) => n + 1);
            saved('clients.detail.sessionBooked');
          }}
        />
      )}
      {closing && (
        <CloseCaseDialog
          clientCase={closing}
          onClose={() => setClosing(null)}
          onClosed={() => {
            setClosing(null);
            saved('clients.detail.caseClosed');
          }}
        />
      )}
    </>
  );
}
