import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Agency, Contract } from '../../../shared/contract/agency-schemas';
import type { ErrorCode } from '../../../shared/errors';
import { call, errorCodeOf } from '../../api/client';
import { Notice } from '../../components/Notice';
import { FormAlert } from '../../forms/FormAlert';
import { useFormatters } from '../../session/useFormatters';
import { AddContractForm } from './AddContractForm';
import { ContractsTable } from './ContractsTable';

/** The contracts of the chosen agency, and a form to add one. */
export function ContractsSection({ agency }: { agency: Agency }) {
  const { t } = useTranslation();
  const { calendarDate } = useFormatters();
  const [contracts, setContracts] = useState<Contract[] | null>(null);
  const [loadError, setLoadError] = useState<ErrorCode | null>(null);
  // The added contract, not a sentence: the notice follows a language switch.
  const [added, setAdded] = useState<Contract | null>(null);

  const load = useCallback(async () => {
    try {
      setContracts((await call('contracts.list', { agencyId: agency.id })).contracts);
      setLoadError(null);
    } catch (error) {
      setLoadError(errorCodeOf(error));
    }
  }, [agency.id]);

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <>
      <section className="card" aria-labelledby="contracts-title" data-testid="contracts">
        <h2 id="contracts-title" className="card-heading">
          {t('admin.contracts.title', { name: agency.name })}
        </h2>
        <p className="card-text">{t('admin.contracts.lead')}</p>
        {added && (
          <Notice tone="success" testId="contracts-notice">
            {t('admin.contracts.created', {
              period: t('admin.contracts.period', { start: calendarDate(added.startDate), end: calendarDate(added.endDate) }),
            })}
          </Notice>
        )}
        <FormAlert code={loadError} />
        {contracts === null && !loadError ? (
          <p className="muted">{t('common.loading')}</p>
        ) : contracts && contracts.length === 0 ? (
          <p className="empty-state">{t('admin.contracts.empty')}</p>
        ) : (
          <ContractsTable contracts={contracts ?? []} />
        )}
      </section>
      <AddContractForm
        agency={agency}
        onCreated={(contract) => {
          setAdded(contract);
          void load();
        }}
      />
    </>
  );
}
