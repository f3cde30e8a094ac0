import { useEffect, useMemo, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { AUDIT_ACTIONS, type AuditAction } from '../../../shared/audit-actions';
import type { UserSummary } from '../../../shared/contract/schemas';
import { NO_FILTERS, type AuditFilterValues } from './audit-filters';
import { KNOWN_RECORD_TYPES } from './audit-text';

interface AuditFiltersProps {
  users: UserSummary[];
  applied: AuditFilterValues;
  onApply: (filters: AuditFilterValues) => void;
}

/** Who, what, which record, when. Applied with the button, cleared with one click. */
export function AuditFilters({ users, applied, onApply }: AuditFiltersProps) {
  const { t } = useTranslation();
  const [values, setValues] = useState(applied);
  useEffect(() => setValues(applied), [applied]);

  const actions = useMemo(
    () => [...AUDIT_ACTIONS].map((action) => ({ action, label: t(`audit.actions.${action}`) })).sort((a, b) => a.label.localeCompare(b.label)),
    [t],
  );
  const set = (name: keyof AuditFilterValues) => (event: ChangeEvent<HTMLInputElement | HTMLSelectElement>) =>
    setValues((current) => ({ ...current, [name]: event.target.value }));
  const rangeBackwards = values.from !== '' && values.to !== '' && values.from > values.to;

  return (
    <form
      className="filters"
      aria-label={t('admin.audit.filtersLabel')}
      onSubmit={(event) => {
        event.preventDefault();
        if (!rangeBackwards) onApply(values);
      }}
    >
      <div className="filters__grid">
        <div className="field">
          <label htmlFor="audit-user" className="field__label">
            {t('admin.audit.filters.user')}
          </label>
          <select id="audit-user" value={values.actorUserId} onChange={set('actorUserId')}>
            <option value="">{t('admin.audit.filters.anyUser')}</option>
            {users.map((user) => (
              <option key={user.id} value={String(user.id)}>
                {user.displayName} ({user.username})
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="audit-action" className="field__label">
            {t('admin.audit.filters.action')}
          </label>
          <select id="audit-action" value={values.action} onChange={set('action')}>
            <option value="">{t('admin.audit.filters.anyAction')}</option>
            {actions.map(({ action, label }) => (
              <option key={action} value={action satisfies AuditAction}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="audit-record-type" className="field__label">
            {t('admin.audit.filters.recordType')}
          </label>
          <select id="audit-record-type" value={values.recordType} onChange={set('recordType')}>
            <option value="">{t('admin.audit.filters.anyRecordType')}</option>
            {KNOWN_RECORD_TYPES.map((type) => (
              <option key={type} value={type}>
                {t(`audit.recordTypes.${type}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="audit-record-id" className="field__label">
            {t('admin.audit.filters.recordId')}
          </label>
          <input id="audit-record-id" type="text" maxLength={64} value={values.recordId} onChange={set('recordId')} />
        </div>
        <div className={rangeBackwards ? 'field field--invalid' : 'field'}>
          <label htmlFor="audit-from" className="field__label">
            {t('admin.audit.filters.from')}
          </label>
          <input id="audit-from" type="date" value={values.from} onChange={set('from')} aria-invalid={rangeBackwards || undefined} aria-describedby={rangeBackwards ? 'audit-range-error' : undefined} />
        </div>
        <div className={rangeBackwards ? 'field field--invalid' : 'field'}>
          <label htmlFor="audit-to" className="field__label">
            {t('admin.audit.filters.to')}
          </label>
          <input id="audit-to" type="date" value={values.to} onChange={set('to')} aria-invalid={rangeBackwards || undefined} aria-describedby={rangeBackwards ? 'audit-range-error' : undefined} />
        </div>
      </div>
      {rangeBackwards && (
        <p id="audit-range-error" className="field__error">
          {t('admin.audit.filters.rangeBackwards')}
        </p>
      )}
      <div className="filters__actions">
        <button type="submit" className="button button--secondary button--small" disabled={rangeBackwards}>
          {t('admin.audit.filters.apply')}
        </button>
        <button type="button" className="button button--ghost button--small" onClick={() => onApply(NO_FILTERS)}>
          {t('admin.audit.filters.clear')}
        </button>
      </div>
    </form>
  );
}
