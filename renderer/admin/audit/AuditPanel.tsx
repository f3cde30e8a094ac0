import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelOutput } from '../../../shared/contract/channels';
import type { UserSummary } from '../../../shared/contract/schemas';
import type { ErrorCode } from '../../../shared/errors';
import { call, errorCodeOf } from '../../api/client';
import { FormAlert } from '../../forms/FormAlert';
import { AuditFilters } from './AuditFilters';
import { AuditTable } from './AuditTable';
import { AuditVerifyBanner } from './AuditVerifyBanner';
import { Pager } from './Pager';
import { AUDIT_PAGE_SIZE, NO_FILTERS, auditListInput, type AuditFilterValues } from './audit-filters';

type AuditPage = ChannelOutput<'audit.list'>;

/** The audit log: whether its hash chain holds, and its entries, filtered and paged. */
export function AuditPanel() {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<AuditFilterValues>(NO_FILTERS);
  const [offset, setOffset] = useState(0);
  const [page, setPage] = useState<AuditPage | null>(null);
  const [error, setError] = useState<ErrorCode | null>(null);
  const [users, setUsers] = useState<UserSummary[]>([]);

  useEffect(() => {
    call('users.list', {})
      .then((result) => setUsers(result.users))
      .catch(() => setUsers([]));
  }, []);

  const load = useCallback(async (nextFilters: AuditFilterValues, nextOffset: number) => {
    try {
      setPage(await call('audit.list', auditListInput(nextFilters, nextOffset)));
      setError(null);
    } catch (failure) {
      setError(errorCodeOf(failure));
    }
  }, []);

  useEffect(() => {
    void load(filters, offset);
  }, [load, filters, offset]);

  return (
    <>
      <AuditVerifyBanner />
      <section className="card" aria-labelledby="audit-title">
        <h2 id="audit-title" className="card-heading">
          {t('admin.audit.title')}
        </h2>
        <AuditFilters
          users={users}
          applied={filters}
          onApply={(next) => {
            setFilters(next);
            setOffset(0);
          }}
        />
        <FormAlert code={error} />
        {page === null && !error ? (
          <p className="muted">{t('common.loading')}</p>
        ) : page && page.entries.length === 0 ? (
          <p className="empty-state">{t('admin.audit.empty')}</p>
        ) : (
          page && (
            <>
              <AuditTable entries={page.entries} />
              <Pager offset={offset} pageSize={AUDIT_PAGE_SIZE} total={page.total} onChange={setOffset} />
            </>
          )
        )}
      </section>
    </>
  );
}
