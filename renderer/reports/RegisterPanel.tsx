import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelOutput } from '../../shared/contract/channels';
import type { ErrorCode } from '../../shared/errors';
import { call } from '../api/client';
import { errorCodeOf } from '../api/api-error';
import { FormAlert } from '../forms/FormAlert';
import { formatMonthRange } from '../format/dates';
import { useFormatters } from '../session/useFormatters';

type Register = ChannelOutput<'reports.register'>;

/**
 * Reports → Register: every report and letter that left the clinic, and the clinic's public
 * key, which agencies keep to check that a report is the clinic's and unchanged.
 */
export function RegisterPanel() {
  const { t } = useTranslation();
  const { dateTime, language } = useFormatters();
  const [register, setRegister] = useState<Register | null>(null);
  const [error, setError] = useState<ErrorCode | null>(null);
  useEffect(() => {
    void call('reports.register', {}).then(setRegister, (e: unknown) => setError(errorCodeOf(e)));
  }, []);
  if (!register) return <FormAlert code={error} />;
  return (
    <>
      <section className="card" aria-labelledby="register-key-title" data-testid="report-public-key">
        <h2 id="register-key-title" className="card-heading">
          {t('reports.register.keyTitle')}
        </h2>
        <p className="card-text">{t('reports.register.keyLead')}</p>
        <code className="report-key">{register.publicKey}</code>
      </section>
      <section className="card" aria-labelledby="register-title" data-testid="report-register">
        <h2 id="register-title" className="card-heading">
          {t('reports.register.title')}
        </h2>
        {register.entries.length === 0 ? (
          <p className="card-text">{t('reports.register.empty')}</p>
        ) : (
          <div className="table-wrap">
            <table className="table table--dense">
              <thead>
                <tr>
                  <th scope="col">{t('reports.register.when')}</th>
                  <th scope="col">{t('reports.register.who')}</th>
                  <th scope="col">{t('reports.register.what')}</th>
                  <th scope="col">{t('reports.register.period')}</th>
                  <th scope="col">{t('reports.register.format')}</th>
                  <th scope="col">{t('reports.register.sha256')}</th>
                </tr>
              </thead>
              <tbody>
                {register.entries.map((entry) => (
                  <tr key={entry.id} data-testid="register-entry">
                    <td>{dateTime(entry.madeAt)}</td>
                    <td>{entry.madeBy}</td>
                    <td>{entry.kind === 'referral_letter' ? t('reports.register.letter', { id: entry.referralId }) : `${t(`reports.scope.${entry.scopeKind ?? 'all'}`)}: ${entry.scopeName ?? ''}`}</td>
                    <td>{entry.periodFrom && entry.periodTo ? formatMonthRange(entry.periodFrom, entry.periodTo, language) : '—'}</td>
                    <td>{entry.format.toUpperCase()}</td>
                    <td>
                      <code title={entry.sha256}>{entry.sha256.slice(0, 16)}…</code>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
