import '../../styles/measure-alerts.css';
import { useTranslation } from 'react-i18next';
import type { MeasureAlert } from '../../../shared/contract/measure-schemas';
import { useFormatters } from '../../session/useFormatters';
import { alertDescription } from './alert-text';
import { useInstruments } from '../useInstruments';
import { wallClockText } from '../measure-text';

/**
 * Questionnaire alerts on the counsellor's cases that nobody has followed up: the top of
 * Home, until each has a risk flag or a recorded decision. Nothing shows when there are none.
 */
export function HomeMeasureAlerts({ alerts, onOpenClient }: { alerts: MeasureAlert[]; onOpenClient: (clientId: number) => void }) {
  const { t } = useTranslation();
  const { zone, language } = useFormatters();
  const { instruments } = useInstruments();
  if (alerts.length === 0) return null;
  return (
    <section className="card home-card home-card--wide home-measure-alerts" aria-labelledby="home-measure-alerts-title" data-testid="home-measure-alerts">
      <h2 id="home-measure-alerts-title" className="card-heading home-card__heading home-measure-alerts__heading">
        <span className="measure-alert__icon" aria-hidden="true">
          !
        </span>
        {t('home.measureAlerts.title')}
        <span className="home-card__count home-card__count--danger">{alerts.length}</span>
      </h2>
      <p className="card-text">{t('home.measureAlerts.lead')}</p>
      <ul className="home-list">
        {alerts.map((alert) => (
          <li key={alert.id} className="home-list__item" data-testid="home-measure-alert">
            <div className="home-list__main">
              <p className="home-list__title">
                <span className="monospace">{alert.clientCode}</span>
                {alert.clientName && <> · {alert.clientName}</>}
              </p>
              <p className="home-measure-alerts__what">{alertDescription(t, alert, instruments)}</p>
              <p className="home-list__meta">{t('measureAlerts.answeredAt', { when: wallClockText(alert.administeredAt, zone, language) })}</p>
            </div>
            <button type="button" className="button button--danger button--small" onClick={() => onOpenClient(alert.clientId)}>
              {t('home.measureAlerts.open')}
              <span className="visually-hidden"> {alert.clientCode}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
