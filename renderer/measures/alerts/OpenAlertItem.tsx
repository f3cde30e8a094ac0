import { useTranslation } from 'react-i18next';
import type { InstrumentView, MeasureAlert } from '../../../shared/contract/measure-schemas';
import { useFormatters } from '../../session/useFormatters';
import { alertDescription } from './alert-text';
import { wallClockText } from '../measure-text';
import type { FollowUpAction } from './AlertFollowUp';

interface OpenAlertItemProps {
  alert: MeasureAlert;
  instruments: ReadonlyMap<string, InstrumentView> | null;
  /** The case's counsellor follows it up; others see that it waits. */
  mayFollowUp: boolean;
  onFollowUp: (action: FollowUpAction) => void;
}

/** An alert nobody has followed up yet: what was answered, when, and the two ways to follow it up. */
export function OpenAlertItem({ alert, instruments, mayFollowUp, onFollowUp }: OpenAlertItemProps) {
  const { t } = useTranslation();
  const { zone, language } = useFormatters();
  return (
    <li className="measure-alert" data-testid="measure-alert-open" data-alert-id={alert.id}>
      <div className="measure-alert__body">
        <p className="measure-alert__status">
          <span className="measure-alert__icon" aria-hidden="true">
            !
          </span>
          {t('measureAlerts.needsFollowUp')}
        </p>
        <p className="measure-alert__what">{alertDescription(t, alert, instruments)}</p>
        <p className="measure-alert__when">{t('measureAlerts.answeredAt', { when: wallClockText(alert.administeredAt, zone, language) })}</p>
      </div>
      {mayFollowUp && (
        <div className="measure-alert__actions">
          <button type="button" className="button button--danger button--small" onClick={() => onFollowUp('raise')}>
            {t('measureAlerts.raiseFlag')}
          </button>
          <button type="button" className="button button--secondary button--small" onClick={() => onFollowUp('note')}>
            {t('measureAlerts.recordDecision')}
          </button>
        </div>
      )}
    </li>
  );
}
