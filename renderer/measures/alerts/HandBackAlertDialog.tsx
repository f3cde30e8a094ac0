import '../../styles/measure-alerts.css';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MeasureAlert } from '../../../shared/contract/measure-schemas';
import { Dialog } from '../../components/Dialog';
import { AlertFollowUp, type FollowUpAction } from './AlertFollowUp';
import { alertDescription } from './alert-text';
import { useInstruments } from '../useInstruments';

interface HandBackAlertDialogProps {
  /** The alerts the client's answers raised (at least one). */
  alerts: MeasureAlert[];
  /** Closed: followed up, or left for later (it stays at the top of Home and on the record). */
  onDone: () => void;
}

/**
 * What the counsellor sees first on taking the desktop back when a client's answer raised an
 * alert: which client, which answer, and the two ways to follow it up, at once.
 */
export function HandBackAlertDialog({ alerts, onDone }: HandBackAlertDialogProps) {
  const { t } = useTranslation();
  const { instruments } = useInstruments();
  const messageId = useId();
  const [open, setOpen] = useState(alerts);
  const [following, setFollowing] = useState<{ alert: MeasureAlert; action: FollowUpAction } | null>(null);

  if (following) {
    return (
      <AlertFollowUp
        alert={following.alert}
        action={following.action}
        instruments={instruments}
        onCancel={() => setFollowing(null)}
        onDone={() => {
          const left = open.filter((alert) => alert.id !== following.alert.id);
          setFollowing(null);
          setOpen(left);
          if (left.length === 0) onDone();
        }}
      />
    );
  }

  const first = open[0]!;
  return (
    <Dialog title={t('measureAlerts.handBack.title')} onClose={onDone} role="alertdialog" describedBy={messageId}>
      <div className="hand-back-alert" data-testid="hand-back-alert">
        <div id={messageId}>
          <p className="hand-back-alert__client">
            <span className="hand-back-alert__label">{t('measureAlerts.handBack.client')}</span> <span className="monospace">{first.clientCode}</span>
            {first.clientName && <> · {first.clientName}</>}
          </p>
          <ul className="hand-back-alert__list">
            {open.map((alert) => (
              <li key={alert.id} className="measure-alert measure-alert--dialog" data-testid="hand-back-alert-item">
                <div className="measure-alert__body">
                  <p className="measure-alert__status">
                    <span className="measure-alert__icon" aria-hidden="true">
                      !
                    </span>
                    {t('measureAlerts.needsFollowUp')}
                  </p>
                  <p className="measure-alert__what">{alertDescription(t, alert, instruments)}</p>
                </div>
                <div className="measure-alert__actions">
                  <button type="button" className="button button--danger button--small" onClick={() => setFollowing({ alert, action: 'raise' })}>
                    {t('measureAlerts.raiseFlag')}
                  </button>
                  <button type="button" className="button button--secondary button--small" onClick={() => setFollowing({ alert, action: 'note' })}>
                    {t('measureAlerts.recordDecision')}
                  </button>
                </div>
              </li>
            ))}
          </ul>
          <p className="dialog__text">{t('measureAlerts.handBack.lead')}</p>
        </div>
        <div className="form-actions">
          <button type="button" className="button button--ghost" onClick={onDone}>
            {t('measureAlerts.handBack.later')}
          </button>
        </div>
      </div>
    </Dialog>
  );
}
