import type { ChannelInput } from '../../../shared/contract/channels';
import type { AuditAction } from '../../../shared/audit-actions';

/** The filter form's values: empty strings mean "any". */
export interface AuditFilterValues {
  actorUserId: string;
  action: AuditAction | '';
  recordType: string;
  recordId: string;
  from: string;
  to: string;
}

export const NO_FILTERS: AuditFilterValues = { actorUserId: '', action: '', recordType: '', recordId: '', from: '', to: '' };

export const AUDIT_PAGE_SIZE = 25;

/** The `audit.list` input for these filters and this page. */
export function auditListInput(filters: AuditFilterValues, offset: number): ChannelInput<'audit.list'> {
  const input: ChannelInput<'audit.list'> = { limit: AUDIT_PAGE_SIZE, offset };
  if (filters.actorUserId) input.actorUserId = Number(filters.actorUserId);
  if (filters.action) input.action = filters.action;
  if (filters.recordType.trim()) input.recordType = filters.recordType.trim();
  if (filters.recordId.trim()) input.recordId = filters.recordId.trim();
  if (filters.from) input.from = filters.from;
  if (filters.to) input.to = filters.to;
  return input;
}
