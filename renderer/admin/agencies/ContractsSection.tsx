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
import { EditContractDialog } from './EditContractDialog';

/** The contracts of the chosen agency, each with an Edit button, and a form to add one. */
export function ContractsSection({ agency }: { agency: Agency }) {
  const { t } = useTranslation();
  const { calendarDate } = useFormatters();
  const [contracts, setContracts] = useState<Contract[] | null>(null);
  const [loadError, setLoadError] = useState<ErrorCode | null>(null);
  const [editing, setEditing] = useState<Contract | null>(null);
  // The added or saved contract, not a sentence: the notice follows a language switch.
  const [notice, setNotice] = useState<{ key: 'admin.contracts.created' | 'admin.contracts.updated'; contract: Contract } | null>(null);

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
        {notice && (
          <Notice tone="success" testId="contracts-notice">
            {t(notice.key, {
              period: t('admin.contracts.period', { start: calendarDate(notice.contract.startDate), end: calendarDate(notice.contract.endDate) }),
            })}
          </Notice>
        )}
        <FormAlert code={loadError} />
        {contracts === null && !loadError ? (
          <p className="muted">{t('common.loading')}</p>
        ) : contracts && contracts.length === 0 ? (
          <p className="empty-state">{t('admin.contracts.empty')}</p>
        ) : (
          <ContractsTable contracts={contracts ?? []} onEdit={setEditing} />
        )}
      </section>
      <AddContractForm
        agency={agency}
        onCreated={(contract) => {
          setNotice({ key: 'admin.contracts.created', contract });
          void load();
        }}
      />
      {editing && (
        <EditContractDialog
          contract={editing}
          onClose={() => setEditing(null)}
          onSaved={(contract) => {
            setEditing(null);
            setNotice({ key: 'admin.contracts.updated', contract });
            void load();
          }}
        />
      )}
    </>
  );
}
