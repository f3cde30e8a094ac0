import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Referral } from '../../../shared/contract/referral-schemas';
import type { ErrorCode } from '../../../shared/errors';
import { call, errorCodeOf } from '../../api/client';
import { Notice } from '../../components/Notice';
import { FormAlert } from '../../forms/FormAlert';
import { ActionOutcomeNotice } from '../actions/ActionOutcomeNotice';
import { ReferralActionDialog } from '../actions/ReferralActionDialog';
import type { ActionOutcome, ReferralAction } from '../actions/referral-actions';
import { useAgencies } from '../shared/useAgencies';
import { useNow } from '../shared/useNow';
import { WaitlistFilters, type WaitlistFilterValues } from './WaitlistFilters';
import { WaitlistTable } from './WaitlistTable';
import { AwaitingFirstSession } from './AwaitingFirstSession';
import { BookSessionDialog } from '../../calendar/BookSessionDialog';
import { shortDateTimeText } from '../../calendar/calendar-time';
import { useFormatters } from '../../session/useFormatters';
import type { SessionView } from '../../../shared/contract/session-schemas';

/** Countdowns are read in minutes: a refresh every 30 s keeps them honest without busy work. */
const COUNTDOWN_REFRESH_MS = 30_000;

/**
 * The admin's board of referrals waiting for a counsellor: most urgent and oldest first,
 * each with the time left to its first-appointment target, and its next step.
 */
export function WaitlistPage({ justCreated }: { justCreated: Referral | null }) {
  const { t } = useTranslation();
  const { agencies, error: agenciesError } = useAgencies();
  const [filters, setFilters] = useState<WaitlistFilterValues>({ agencyId: null, urgency: null });
  const [referrals, setReferrals] = useState<Referral[] | null>(null);
  const [total, setTotal] = useState(0);
  const [loadError, setLoadError] = useState<ErrorCode | null>(null);
  const [action, setAction] = useState<ReferralAction | null>(null);
  const [outcome, setOutcome] = useState<ActionOutcome | null>(null);
  const now = useNow(COUNTDOWN_REFRESH_MS);
  const { zone, language } = useFormatters();
  // Assigned referrals whose first session is still to book (the clock runs until it is).
  const [awaiting, setAwaiting] = useState<Referral[]>([]);
  const [booking, setBooking] = useState<Referral | null>(null);
  const [booked, setBooked] = useState<{ referral: Referral; session: SessionView } | null>(null);

  const load = useCallback(async () => {
    try {
      const input = { ...(filters.agencyId !== null && { agencyId: filters.agencyId }), ...(filters.urgency !== null && { urgency: filters.urgency }) };
      const [board, assigned] = await Promise.all([call('referrals.waitlist', input), call('referrals.list', { status: 'assigned' })]);
      setReferrals(board.referrals);
      setTotal(board.total);
      setAwaiting(assigned.referrals.filter((referral) => referral.caseId !== null));
      setLoadError(null);
    } catch (error) {
      setLoadError(errorCodeOf(error));
    }
  }, [filters]);

  useEffect(() => {
    void load();
  }, [load]);

  const filtered = filters.agencyId !== null || filters.urgency !== null;
  return (
    <>
      <section className="card" aria-labelledby="waitlist-title">
        <h2 id="waitlist-title" className="card-heading">
          {t('referrals.waitlist.title')}
        </h2>
        <p className="card-text">{t('referrals.waitlist.lead')}</p>
        {booked ? (
          <Notice tone="success" testId="first-session-notice">
            {t('referrals.firstSession.bookedFor', {
              code: booked.referral.clientCode,
              when: shortDateTimeText(booked.session.startMs, zone, language),
              status: t('vocab.referralStatus.first_session_booked'),
            })}
          </Notice>
        ) : outcome ? (
          <>
            <ActionOutcomeNotice outcome={outcome} />
            {outcome.kind === 'assigned' && outcome.referral.caseId !== null && (
              <div className="referral-detail__next" data-testid="first-session-prompt">
                <p>{t('referrals.firstSession.prompt', { counsellor: outcome.referral.counsellorName ?? '' })}</p>
                <button type="button" className="button button--primary" onClick={() => setBooking(outcome.referral)}>
                  {t('referrals.firstSession.bookFor', { code: outcome.referral.clientCode })}
                </button>
              </div>
            )}
          </>
        ) : (
          justCreated && (
            <Notice tone="success" testId="intake-notice">
              {t('referrals.intake.created', { code: justCreated.clientCode, name: justCreated.clientName })}
            </Notice>
          )
        )}
        <FormAlert code={loadError ?? agenciesError} />
        <WaitlistFilters agencies={agencies ?? []} values={filters} onChange={setFilters} />
        {referrals === null && !loadError ? (
          <p className="muted">{t('common.loading')}</p>
        ) : referrals && referrals.length === 0 ? (
          <p className="empty-state">{filtered ? t('referrals.waitlist.emptyFiltered') : t('referrals.waitlist.empty')}</p>
        ) : (
          <WaitlistTable referrals={referrals ?? []} now={now} highlightId={outcome ? null : (justCreated?.id ?? null)} onAction={setAction} />
        )}
        {referrals && total > referrals.length && (
          <p className="muted" data-testid="waitlist-partial">
            {t('referrals.waitlist.partial', { shown: referrals.length, total })}
          </p>
        )}
        {action && (
          <ReferralActionDialog
            action={action}
            onClose={() => setAction(null)}
            onDone={(done) => {
              setAction(null);
              setBooked(null);
              setOutcome(done);
              void load();
            }}
          />
        )}
        {booking?.caseId && (
          <BookSessionDialog
            preset={{ caseId: booking.caseId, sessionType: 'intake_assessment' }}
            lockCase
            onClose={() => setBooking(null)}
            onBooked={(sessions) => {
              if (sessions[0]) setBooked({ referral: booking, session: sessions[0] });
              setOutcome(null);
              setBooking(null);
              void load();
            }}
          />
        )}
      </section>
      {awaiting.length > 0 && <AwaitingFirstSession referrals={awaiting} now={now} onBook={setBooking} />}
    </>
  );
}
