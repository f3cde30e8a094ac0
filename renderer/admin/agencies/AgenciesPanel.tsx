import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Agency } from '../../../shared/contract/agency-schemas';
import type { ErrorCode } from '../../../shared/errors';
import { call, errorCodeOf } from '../../api/client';
import { Notice } from '../../components/Notice';
import { FormAlert } from '../../forms/FormAlert';
import { AddAgencyForm } from './AddAgencyForm';
import { AgenciesTable } from './AgenciesTable';
import { ContractsSection } from './ContractsSection';
import { EditAgencyDialog } from './EditAgencyDialog';

/** Partner agencies: add and edit them, and see and add each one's contracts. */
export function AgenciesPanel() {
  const { t } = useTranslation();
  const [agencies, setAgencies] = useState<Agency[] | null>(null);
  const [loadError, setLoadError] = useState<ErrorCode | null>(null);
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const [editing, setEditing] = useState<Agency | null>(null);
  // Kept as a key and a name, so a language switch changes it with everything else.
  const [notice, setNotice] = useState<{ key: 'admin.agencies.created' | 'admin.agencies.updated'; name: string } | null>(null);

  const load = useCallback(async () => {
    try {
      const listed = (await call('agencies.list', { includeInactive: true })).agencies;
      setAgencies(listed);
      setSelectedId((current) => (current !== null && listed.some((agency) => agency.id === current) ? current : (listed[0]?.id ?? null)));
      setLoadError(null);
    } catch (error) {
      setLoadError(errorCodeOf(error));
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  const selected = agencies?.find((agency) => agency.id === selectedId) ?? null;

  return (
    <>
      <section className="card" aria-labelledby="agencies-title">
        <h2 id="agencies-title" className="card-heading">
          {t('admin.agencies.title')}
        </h2>
        <p className="card-text">{t('admin.agencies.lead')}</p>
        {notice && (
          <Notice tone="success" testId="agencies-notice">
            {t(notice.key, { name: notice.name })}
          </Notice>
        )}
        <FormAlert code={loadError} />
        {agencies === null && !loadError ? (
          <p className="muted">{t('common.loading')}</p>
        ) : agencies && agencies.length === 0 ? (
          <p className="empty-state">{t('admin.agencies.empty')}</p>
        ) : (
          <AgenciesTable agencies={agencies ?? []} selectedId={selectedId} onSelect={(agency) => setSelectedId(agency.id)} onEdit={setEditing} />
        )}
      </section>
      {selected && <ContractsSection key={selected.id} agency={selected} />}
      <AddAgencyForm
        onCreated={(agency) => {
          setNotice({ key: 'admin.agencies.created', name: agency.name });
          setSelectedId(agency.id);
          void load();
        }}
      />
      {editing && (
        <EditAgencyDialog
          agency={editing}
          onClose={() => setEditing(null)}
          onSaved={(agency) => {
            setEditing(null);
            setNotice({ key: 'admin.agencies.updated', name: agency.name });
            void load();
          }}
        />
      )}
    </>
  );
}
