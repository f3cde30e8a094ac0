import '../../styles/measure-alerts.css';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MeasureAlert } from '../../../shared/contract/measure-schemas';
import type { Case } from '../../../shared/contract/referral-schemas';
import type { ErrorCode } from '../../../shared/errors';
import { call, errorCodeOf } from '../../api/client';
import { FormAlert } from '../../forms/FormAlert';
import { ownOpenCases } from '../../risk/risk-form';
import { useSession } from '../../session/SessionContext';
import { useFormatters } from '../../session/useFormatters';
import { AlertFollowUp, type FollowUpAction } from './AlertFollowUp';
import { OpenAlertItem } from './OpenAlertItem';
import { useInstruments } from '../useInstruments';
import { shortNameOf, wallClockText } from '../measure-text';

interface AlertsPanelProps {
  clientId: number;
  cases: Case[];
  /** Bumped by the record when its risk flags change (a self-harm flag follows alerts up). */
  reloadKey?: number;
  /** An alert was followed up here: the record's risk flags may have changed. */
  onFollowedUp?: () => void;
}

/**
 * The client's questionnaire alerts on their record, shown only when there are any: open
 * ones first and loud (in words and colour), each with the two ways to follow it up; then
 * the followed-up ones with how, by whom and when.
 */
export function AlertsPanel({ clientId, cases, reloadKey = 0, onFollowedUp }: AlertsPanelProps) {
  const { t } = useTranslation();
  const { session } = useSession();
  const { zone, language, date } = useFormatters();
  const { instruments } = useInstruments();
  const [alerts, setAlerts] = useState<MeasureAlert[] | null>(null);
  const [loadError, setLoadError] = useState<ErrorCode | null>(null);
  const [following, setFollowing] = useState<{ alert: MeasureAlert; action: FollowUpAction } | null>(null);

  const load = useCallback(async () => {
    try {
      setAlerts((await call('measures.alerts', { clientId })).alerts);
      setLoadError(null);
    } catch (error) {
      setLoadError(errorCodeOf(error));
    }
  }, [clientId]);

  useEffect(() => {
    void load();
  }, [load, reloadKey]);

  if (loadError) return <FormAlert code={loadError} />;
  if (!alerts || alerts.length === 0) return null;

  const myCaseIds = new Set(session.user.role === 'counsellor' ? ownOpenCases(cases, session.user.id).map((clientCase) => clientCase.id) : []);
  const open = alerts.filter((alert) => alert.followUp === null);
  const done = alerts.filter((alert) => alert.followUp !== null);

  return (
    <section className="measure-alerts" aria-labelledby="measure-alerts-title" data-testid="measure-alerts-panel">
      <h2 id="measure-alerts-title" className="measure-alerts__title">
        {t('measureAlerts.panel.title')}
      </h2>
      {open.length > 0 && (
        <ul className="measure-alerts__open">
          {open.map((alert) => (
            <OpenAlertItem
              key={alert.id}
              alert={alert}
              instruments={instruments}
              mayFollowUp={myCaseIds.has(alert.caseId)}
              onFollowUp={(action) => setFollowing({ alert, action })}
            />
          ))}
        </ul>
      )}
      {done.length > 0 && (
        <ul className="measure-alerts__done" aria-label={t('measureAlerts.panel.followedUpLabel')}>
          {done.map((alert) => (
            <li key={alert.id} className="measure-alerts__done-item" data-testid="measure-alert-done">
              <span className="badge badge--success">{t('measureAlerts.followedUp')}</span>{' '}
              <span>
                {t(alert.followUp?.kind === 'risk_flag' ? 'measureAlerts.panel.byFlag' : 'measureAlerts.panel.byNote', {
                  instrument: instruments ? shortNameOf(instruments, alert.instrumentId) : alert.instrumentId.toUpperCase(),
                  answered: wallClockText(alert.administeredAt, zone, language),
                  name: alert.followUp?.byName ?? '',
                  when: date(alert.followUp?.at ?? alert.raisedAt),
                })}
              </span>
            </li>
          ))}
        </ul>
      )}
      {following && (
        <AlertFollowUp
          alert={following.alert}
          action={following.action}
          instruments={instruments}
          onCancel={() => setFollowing(null)}
          onDone={() => {
            setFollowing(null);
            void load();
            onFollowedUp?.();
          }}
        />
      )}
    </section>
  );
}
