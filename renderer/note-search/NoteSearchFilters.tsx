import type { ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClientSummary } from '../../shared/contract/referral-schemas';
import { NOTE_TEMPLATES, type NoteTemplate } from '../../shared/domain/notes';
import { translateIssue } from '../forms/issue-messages';
import { nameWithPreferred } from '../clients/client-text';

export interface SearchFilterValues {
  /** '' for all of the counsellor's clients. */
  clientId: string;
  template: NoteTemplate | '';
  /** YYYY-MM-DD or ''. */
  from: string;
  to: string;
}

export const NO_FILTERS: SearchFilterValues = { clientId: '', template: '', from: '', to: '' };

interface NoteSearchFiltersProps {
  /** The counsellor's clients (the service lists only their own). */
  clients: ClientSummary[];
  values: SearchFilterValues;
  /** The end date is before the start date: said under the end date, and nothing is searched. */
  reversed: boolean;
  onChange: (values: SearchFilterValues) => void;
}

/** Narrow a search to one client, one template or the dates a note was written; applied as they change. */
export function NoteSearchFilters({ clients, values, reversed, onChange }: NoteSearchFiltersProps) {
  const { t } = useTranslation();
  const set = (name: keyof SearchFilterValues) => (event: ChangeEvent<HTMLInputElement | HTMLSelectElement>) => onChange({ ...values, [name]: event.target.value });
  const toLabel = t('noteSearch.filters.to');
  return (
    <fieldset className="note-search__filters">
      <legend className="visually-hidden">{t('noteSearch.filters.legend')}</legend>
      <div className="field">
        <label htmlFor="note-search-client" className="field__label">
          {t('noteSearch.filters.client')}
        </label>
        <select id="note-search-client" value={values.clientId} onChange={set('clientId')}>
          <option value="">{t('noteSearch.filters.anyClient')}</option>
          {clients.map((client) => (
            <option key={client.id} value={String(client.id)}>
              {client.code} · {nameWithPreferred(client)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="note-search-template" className="field__label">
          {t('noteSearch.filters.template')}
        </label>
        <select id="note-search-template" value={values.template} onChange={set('template')}>
          <option value="">{t('noteSearch.filters.anyTemplate')}</option>
          {NOTE_TEMPLATES.map((template) => (
            <option key={template} value={template}>
              {t(`notes.templates.${template}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="note-search-from" className="field__label">
          {t('noteSearch.filters.from')}
        </label>
        <input id="note-search-from" type="date" value={values.from} max={values.to || undefined} onChange={set('from')} />
      </div>
      <div className={reversed ? 'field field--invalid' : 'field'}>
        <label htmlFor="note-search-to" className="field__label">
          {toLabel}
        </label>
        <input
          id="note-search-to"
          type="date"
          value={values.to}
          aria-invalid={reversed ? true : undefined}
          aria-describedby={reversed ? 'note-search-to-error' : undefined}
          onChange={set('to')}
        />
        {reversed && (
          <p id="note-search-to-error" className="field__error">
            {translateIssue(t, 'date_range_reversed', toLabel)}
          </p>
        )}
      </div>
    </fieldset>
  );
}
