import '../styles/risk-search.css';
import { useCallback, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RiskFlag } from '../../shared/contract/note-schemas';
import type { Case } from '../../shared/contract/referral-schemas';
import type { ErrorCode } from '../../shared/errors';
import { call, errorCodeOf } from '../api/client';
import { Notice } from '../components/Notice';
import { FormAlert } from '../forms/FormAlert';
import { todayIn } from '../format/dates';
import { useSession } from '../session/SessionContext';
import { useFormatters } from '../session/useFormatters';
import { ClearRiskFlagDialog } from './ClearRiskFlagDialog';
import { RaiseRiskFlagDialog } from './RaiseRiskFlagDialog';
import { RiskLevelBadge } from './RiskLevelBadge';
import { ownOpenCases } from './risk-form';

interface RiskFlagsPanelProps {
  clientId: number;
  cases: Case[];
  /** A flag was raised or cleared (the record's questionnaire alerts may have been followed up by it). */
  onChanged?: () => void;
}

/**
 * A client's risk flags, at the top of their record: each active flag as a badge with its
 * level in words (the colour only repeats it), the review date, and "review due" once it
 * has come. The client's counsellor raises and clears them, each time with a note; cleared
 * flags stay in a history folded away below.
 */
export function RiskFlagsPanel({ clientId, cases, onChanged }: RiskFlagsPanelProps) {
  const { t } = useTranslation();
  const { session } = useSession();
  const { zone, calendarDate, date } = useFormatters();
  const [flags, setFlags] = useState<RiskFlag[] | null>(null);
  const [loadError, setLoadError] = useState<ErrorCode | null>(null);
  const [raising, setRaising] = useState(false);
  const [clearing, setClearing] = useState<RiskFlag | null>(null);
  const [showCleared, setShowCleared] = useState(false);
  const [notice, setNotice] = useState<'risk.panel.raisedNotice' | 'risk.panel.clearedNotice' | null>(null);
  const historyId = useId();

  const load = useCallback(async () => {
    try {
      setFlags((await call('risks.list', { clientId, includeCleared: true })).flags);
      setLoadError(null);
    } catch (error) {
      setLoadError(errorCodeOf(error));
    }
  }, [clientId]);

  useEffect(() => {
    void load();
  }, [load]);

  const today = todayIn(zone);
  const myCases = session.user.role === 'counsellor' ? ownOpenCases(cases, session.user.id) : [];
  const mayChange = myCases.length > 0;
  const active = (flags ?? []).filter((flag) => flag.clearedAt === null);
  const cleared = (flags ?? []).filter((flag) => flag.clearedAt !== null).sort((a, b) => (b.clearedAt ?? '').localeCompare(a.clearedAt ?? ''));

  const done = (key: 'risk.panel.raisedNotice' | 'risk.panel.clearedNotice') => {
    setRaising(false);
    setClearing(null);
    setNotice(key);
    void load();
    onChanged?.();
  };

  return (
    <section className="risk-panel" aria-labelledby="risk-panel-title" data-testid="risk-panel">
      <div className="risk-panel__head">
        <h2 id="risk-panel-title" className="risk-panel__title">
          {t('risk.panel.title')}
        </h2>
        {mayChange && (
          <button type="button" className="button button--secondary button--small" onClick={() => setRaising(true)}>
            {t('risk.panel.raise')}
          </button>
        )}
      </div>
      <FormAlert code={loadError} />
      {notice && (
        <Notice tone="success" testId="risk-notice">
          {t(notice)}
        </Notice>
      )}
      {flags === null ? (
        !loadError && <p className="muted">{t('common.loading')}</p>
      ) : active.length === 0 ? (
        <p className="risk-panel__none" data-testid="risk-none">
          {t('risk.panel.none')}
        </p>
      ) : (
        <ul className="risk-flags" aria-label={t('risk.panel.activeLabel')}>
          {active.map((flag) => {
            const due = flag.reviewDate <= today;
            return (
              <li key={flag.id} className={`risk-flag risk-flag--${flag.level}`} data-testid="risk-flag" data-kind={flag.kind} data-level={flag.level}>
                <RiskLevelBadge level={flag.level} />
                <div className="risk-flag__body">
                  <p className="risk-flag__kind">{t(`risk.kind.${flag.kind}`)}</p>
                  <p className="risk-flag__meta">
                    {due ? (
                      <span className="risk-flag__due" data-testid="risk-review-due">
                        {t('risk.panel.reviewDue', { date: calendarDate(flag.reviewDate) })}
                      </span>
                    ) : (
                      <span data-testid="risk-review">{t('risk.panel.reviewBy', { date: calendarDate(flag.reviewDate) })}</span>
                    )}
                    <span className="risk-flag__by">{t('risk.panel.raised', { date: calendarDate(flag.raisedDate), name: flag.raisedByName })}</span>
                  </p>
                </div>
                {mayChange && (
                  <button
                    type="button"
                    className="button button--ghost button--small risk-flag__clear"
                    aria-label={t('risk.panel.clearLabel', { kind: t(`risk.kind.${flag.kind}`) })}
                    onClick={() => setClearing(flag)}
                  >
                    {t('risk.panel.clear')}
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {cleared.length > 0 && (
        <div className="risk-history">
          <button type="button" className="link-button risk-history__toggle" aria-expanded={showCleared} aria-controls={historyId} onClick={() => setShowCleared((open) => !open)}>
            {showCleared ? t('risk.panel.hideCleared') : t('risk.panel.showCleared', { count: cleared.length })}
          </button>
          {showCleared && (
            <ul id={historyId} className="risk-history__list" data-testid="risk-history">
              {cleared.map((flag) => (
                <li key={flag.id} className="risk-history__item">
                  <span className="risk-history__what">
                    {t(`risk.kind.${flag.kind}`)} · {t(`risk.level.${flag.level}`)}
                  </span>
                  <span className="muted">
                    {t('risk.panel.raised', { date: calendarDate(flag.raisedDate), name: flag.raisedByName })}
                    {' · '}
                    {t('risk.panel.cleared', { date: date(flag.clearedAt ?? ''), name: flag.clearedByName ?? '' })}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      {raising && <RaiseRiskFlagDialog clientId={clientId} cases={myCases} active={active} onClose={() => setRaising(false)} onRaised={() => done('risk.panel.raisedNotice')} />}
      {clearing && <ClearRiskFlagDialog flag={clearing} cases={myCases} onClose={() => setClearing(null)} onCleared={() => done('risk.panel.clearedNotice')} />}
    </section>
  );
}
