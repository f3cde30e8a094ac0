import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import type { Contract } from '../../../shared/contract/agency-schemas';
import type { ErrorCode } from '../../../shared/errors';
import { call } from '../../api/client';
import { Dialog } from '../../components/Dialog';
import { applyApiError } from '../../forms/apply-api-error';
import { FormAlert } from '../../forms/FormAlert';
import { zodErrorMap } from '../../forms/issue-messages';
import { useFormatters } from '../../session/useFormatters';
import { CONTRACT_FIELDS, ContractFields, contractFormSchema, type ContractFormOutput, type ContractFormValues } from './ContractFields';

interface EditContractDialogProps {
  contract: Contract;
  onClose: () => void;
  onSaved: (contract: Contract) => void;
}

/** A contract's terms, to correct or extend; its period still may not overlap another of the agency. */
export function EditContractDialog({ contract, onClose, onSaved }: EditContractDialogProps) {
  const { t } = useTranslation();
  const { calendarDate } = useFormatters();
  const [formError, setFormError] = useState<ErrorCode | null>(null);
  const form = useForm<ContractFormValues, unknown, ContractFormOutput>({
    resolver: zodResolver(contractFormSchema, { error: zodErrorMap }),
    defaultValues: {
      startDate: contract.startDate,
      endDate: contract.endDate,
      coveredHeadcount: contract.coveredHeadcount,
      sessionAllowance: contract.sessionAllowance,
      allowancePolicy: contract.allowancePolicy,
      minCellSize: contract.minCellSize,
      reportingFrequency: contract.reportingFrequency,
      targets: structuredClone(contract.targets),
    },
  });
  const { isSubmitting } = form.formState;

  const submit = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      onSaved(await call('contracts.update', { ...values, id: contract.id }));
    } catch (error) {
      setFormError(applyApiError(error, form.setError, CONTRACT_FIELDS, { CONTRACT_OVERLAP: 'startDate' }));
    }
  });

  const period = t('admin.contracts.period', { start: calendarDate(contract.startDate), end: calendarDate(contract.endDate) });
  return (
    <Dialog title={t('admin.contracts.editTitle', { period })} onClose={onClose}>
      <FormAlert code={formError} />
      <form onSubmit={(event) => void submit(event)} noValidate>
        <ContractFields idPrefix="edit-contract" form={form} />
        <div className="form-actions">
          <button type="button" className="button button--ghost" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={isSubmitting} aria-busy={isSubmitting}>
            {isSubmitting ? t('common.saving') : t('admin.contracts.submitEdit')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
