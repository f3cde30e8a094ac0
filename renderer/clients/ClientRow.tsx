import { useTranslation } from 'react-i18next';
import type { ClientSummary } from '../../shared/contract/referral-schemas';
import { useFormatters } from '../session/useFormatters';
import { nameWithPreferred } from './client-text';

interface ClientRowProps {
  index: number;
  /** Undefined while the row's page is still loading. */
  client: ClientSummary | undefined;
  tabbable: boolean;
  onOpen: (client: ClientSummary, index: number) => void;
  onFocusRow: (index: number) => void;
}

/** One client in the list: a button (Enter or a click opens the client), or a quiet placeholder while loading. */
export function ClientRow({ index, client, tabbable, onOpen, onFocusRow }: ClientRowProps) {
  const { t } = useTranslation();
  const { calendarDate } = useFormatters();
  return (
    <button
      type="button"
      className={client ? 'client-row' : 'client-row client-row--loading'}
      data-index={index}
      data-client-id={client?.id}
      tabIndex={tabbable ? 0 : -1}
      aria-disabled={client ? undefined : true}
      onFocus={() => onFocusRow(index)}
      onClick={() => client && onOpen(client, index)}
    >
      {client ? (
        <>
          <span className="client-row__code">{client.code}</span>
          <span className="client-row__name">{nameWithPreferred(client)}</span>
          <span className="client-row__birth">
            {client.dateOfBirth ? (
              calendarDate(client.dateOfBirth)
            ) : (
              <>
                <span className="muted" aria-hidden="true">
                  —
                </span>
                <span className="visually-hidden">{t('clients.list.noBirthDate')}</span>
              </>
            )}
          </span>
          <span className="client-row__agency">{client.agencyName}</span>
        </>
      ) : (
        <>
          <span className="visually-hidden">{t('common.loading')}</span>
          <span className="client-row__skeleton" aria-hidden="true" />
          <span className="client-row__skeleton client-row__skeleton--wide" aria-hidden="true" />
          <span className="client-row__skeleton" aria-hidden="true" />
          <span className="client-row__skeleton" aria-hidden="true" />
        </>
      )}
    </button>
  );
}
