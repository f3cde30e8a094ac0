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

  const load = useCallback(async () => {
    try {
      const input = { ...(filters.agencyId !== null && { agencyId: filters.agencyId }), ...(filters.urgency !== null && { urgency: filters.urgency }) };
      const board = await call('referrals.waitlist', input);
      setReferrals(board.referrals);
      setTotal(board.total);
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
    <section className="card" aria-labelledby="waitlist-title">
      <h2 id="waitlist-title" className="card-heading">
        {t('referrals.waitlist.title')}
      </h2>
      <p className="card-text">{t('referrals.waitlist.lead')}</p>
      {outcome ? (
        <ActionOutcomeNotice outcome={outcome} />
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
            setOutcome(done);
            void load();
          }}
        />
      )}
    </section>
  );
}
