import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import type { Agency, Contract } from '../../../shared/contract/agency-schemas';
import { DEFAULT_TARGETS, MIN_CELL_SIZE, SESSION_ALLOWANCE } from '../../../shared/domain/agencies';
import type { ErrorCode } from '../../../shared/errors';
import { call } from '../../api/client';
import { DraftStatusNote } from '../../drafts/DraftStatusNote';
import { useFormDraft } from '../../drafts/useFormDraft';
import { applyApiError } from '../../forms/apply-api-error';
import { FormAlert } from '../../forms/FormAlert';
import { zodErrorMap } from '../../forms/issue-messages';
import { oneYearFrom, todayIn } from '../../format/dates';
import { useSession } from '../../session/SessionContext';
import { CONTRACT_FIELDS, ContractFields, contractFormSchema, type ContractFormOutput, type ContractFormValues } from './ContractFields';

function defaults(today: string): ContractFormValues {
  return {
    startDate: today,
    endDate: oneYearFrom(today),
    coveredHeadcount: Number.NaN,
    sessionAllowance: SESSION_ALLOWANCE.default,
    allowancePolicy: 'warn',
    minCellSize: MIN_CELL_SIZE.default,
    reportingFrequency: 'quarterly',
    targets: structuredClone(DEFAULT_TARGETS),
  };
}

/** Adds a contract to an agency, starting from the usual terms; kept as a draft per agency while typed. The service refuses overlapping periods. */
export function AddContractForm({ agency, onCreated }: { agency: Agency; onCreated: (contract: Contract) => void }) {
  const { t } = useTranslation();
  const { session } = useSession();
  const [formError, setFormError] = useState<ErrorCode | null>(null);
  const form = useForm<ContractFormValues, unknown, ContractFormOutput>({
    resolver: zodResolver(contractFormSchema, { error: zodErrorMap }),
    defaultValues: defaults(todayIn(session.settings.timeZone)),
  });
  const draft = useFormDraft(`admin.contracts.create.${agency.id}`, form);
  const { isSubmitting } = form.formState;

  const submit = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      const contract = await call('contracts.create', { ...values, agencyId: agency.id });
      await draft.discard();
      form.reset(defaults(todayIn(session.settings.timeZone)));
      onCreated(contract);
    } catch (error) {
      setFormError(applyApiError(error, form.setError, CONTRACT_FIELDS, { CONTRACT_OVERLAP: 'startDate' }));
    }
  });

  return (
    <section className="card" aria-labelledby="add-contract-title">
      <div className="card-heading-row">
        <h2 id="add-contract-title" className="card-heading">
          {t('admin.contracts.addTitle')}
        </h2>
        <DraftStatusNote draft={draft} />
      </div>
      <p className="card-text">{t('admin.contracts.addLead')}</p>
      <FormAlert code={formError} />
      <form onSubmit={(event) => void submit(event)} noValidate>
        <ContractFields idPrefix="add-contract" form={form} endFollowsStart />
        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={isSubmitting} aria-busy={isSubmitting}>
            {isSubmitting ? t('admin.contracts.adding') : t('admin.contracts.add')}
          </button>
        </div>
      </form>
    </section>
  );
}
