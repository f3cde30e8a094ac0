import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelOutput } from '../../../shared/contract/channels';
import type { SessionView } from '../../../shared/contract/session-schemas';
import type { ErrorCode } from '../../../shared/errors';
import { call, errorCodeOf } from '../../api/client';
import { Dialog } from '../../components/Dialog';
import { Notice } from '../../components/Notice';
import { FormAlert } from '../../forms/FormAlert';
import { BookSessionDialog } from '../../calendar/BookSessionDialog';
import { shortDateTimeText } from '../../calendar/calendar-time';
import { useFormatters } from '../../session/useFormatters';
import { ReferralDetails } from './ReferralDetails';
import { StatusHistory } from './StatusHistory';
import { ReferralLetterDialog } from '../../letters/ReferralLetterDialog';
import { useSession } from '../../session/SessionContext';

/**
 * One referral in full, with its status history (loaded fresh: the service audits who
 * looked). An assigned referral offers to book its first session, which moves it on to
 * "first session booked".
 */
export function ReferralDetailDialog({ referralId, title, onClose }: { referralId: number; title: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { zone, language } = useFormatters();
  const [loaded, setLoaded] = useState<ChannelOutput<'referrals.get'> | null>(null);
  const [error, setError] = useState<ErrorCode | null>(null);
  const [booking, setBooking] = useState(false);
  const [booked, setBooked] = useState<SessionView | null>(null);
  const [writingLetter, setWritingLetter] = useState(false);
  const { session } = useSession();

  const load = useCallback(async () => {
    try {
      setLoaded(await call('referrals.get', { id: referralId }));
      setError(null);
    } catch (failure) {
      setError(errorCodeOf(failure));
    }
  }, [referralId]);

  useEffect(() => {
    void load();
  }, [load]);

  const referral = loaded?.referral ?? null;
  if (booking && referral?.caseId) {
    return (
      <BookSessionDialog
        preset={{ caseId: referral.caseId, sessionType: 'intake_assessment' }}
        lockCase
        onClose={() => setBooking(false)}
        onBooked={(sessions) => {
          setBooking(false);
          setBooked(sessions[0] ?? null);
          void load();
        }}
      />
    );
  }

  if (writingLetter && referral) return <ReferralLetterDialog referralId={referral.id} onClose={() => setWritingLetter(false)} />;

  return (
    <Dialog title={title} onClose={onClose}>
      <div className="referral-detail">
        <FormAlert code={error} />
        {booked && (
          <Notice tone="success" testId="first-session-notice">
            {t('referrals.firstSession.booked', { when: shortDateTimeText(booked.startMs, zone, language) })}
          </Notice>
        )}
        {loaded === null && !error && <p className="muted">{t('common.loading')}</p>}
        {loaded && (
          <>
            <ReferralDetails referral={loaded.referral} />
            {loaded.referral.status === 'assigned' && loaded.referral.caseId !== null && (
              <div className="referral-detail__next" data-testid="first-session-prompt">
                <p>{t('referrals.firstSession.prompt', { counsellor: loaded.referral.counsellorName ?? '' })}</p>
                <button type="button" className="button button--primary" onClick={() => setBooking(true)}>
                  {t('referrals.firstSession.book')}
                </button>
              </div>
            )}
            <h3 className="referral-detail__heading">{t('referrals.history.title')}</h3>
            <StatusHistory history={loaded.history} />
          </>
        )}
        <div className="form-actions">
          {/* Only a formal referral has a referrer; the letter's dialog says why one cannot be written. */}
          {session.user.role === 'admin' && referral?.referralType === 'formal_management' && (
            <button type="button" className="button button--secondary" onClick={() => setWritingLetter(true)}>
              {t('referralLetter.dialog.action')}
            </button>
          )}
          <button type="button" className="button button--secondary" onClick={onClose} autoFocus>
            {t('referrals.details.close')}
          </button>
        </div>
      </div>
    </Dialog>
  );
}
