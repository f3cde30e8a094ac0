import type { TFunction } from 'i18next';
import i18n from 'i18next';
import type { AuditEntryView } from '../../../shared/contract/schemas';

/** Record types the services write today; later issues add theirs here and in both languages. */
export const KNOWN_RECORD_TYPES = ['user', 'settings', 'vault', 'channel', 'agency', 'contract', 'client', 'referral', 'case', 'room', 'leave', 'holiday'] as const;

const SETTING_FIELDS: Record<string, string> = {
  clinicName: 'fields.clinicName',
  language: 'fields.defaultLanguage',
  timeZone: 'fields.timeZone',
  autoLockMinutes: 'fields.autoLockMinutes',
  workingDays: 'fields.workingDays',
  capacity: 'audit.detail.capacity',
  // Agencies and contracts (agency.update, contract.update).
  name: 'admin.agencies.fields.name',
  sector: 'admin.agencies.fields.sector',
  address: 'admin.agencies.fields.address',
  contactName: 'admin.agencies.fields.contactName',
  contactEmail: 'admin.agencies.fields.contactEmail',
  contactPhone: 'admin.agencies.fields.contactPhone',
  active: 'admin.agencies.status.active',
  startDate: 'admin.contracts.fields.startDate',
  endDate: 'admin.contracts.fields.endDate',
  coveredHeadcount: 'admin.contracts.fields.coveredHeadcount',
  sessionAllowance: 'admin.contracts.fields.sessionAllowance',
  allowancePolicy: 'admin.contracts.fields.allowancePolicy',
  targets: 'admin.contracts.targetsLegend',
  minCellSize: 'admin.contracts.fields.minCellSize',
  reportingFrequency: 'admin.contracts.fields.reportingFrequency',
};

/** Detail values that are codes of the referral vocabulary, by the detail's key. */
const DETAIL_VOCABULARY: Record<string, string> = {
  urgency: 'urgency',
  referralType: 'referralType',
  from: 'referralStatus',
  to: 'referralStatus',
  closureReason: 'closureReason',
};

function translatedOr(t: TFunction, key: string, fallback: string): string {
  return i18n.exists(key) ? t(key) : fallback;
}

/** "User account 2", "Clinic settings", "Request users.list". */
export function recordText(t: TFunction, entry: AuditEntryView): string {
  if (!entry.recordType) return '';
  const type = translatedOr(t, `audit.recordTypes.${entry.recordType}`, entry.recordType);
  if (entry.recordType === 'settings') return type;
  return entry.recordId ? `${type} ${entry.recordId}` : type;
}

/** The entry's facts in words: "Role: Counsellor", "Reason: idle", "Changed: Clinic name". */
export function detailText(t: TFunction, detail: AuditEntryView['detail']): string {
  if (!detail) return '';
  return Object.entries(detail)
    .filter(([, value]) => value !== null)
    .map(([key, value]) => {
      const label = translatedOr(t, `audit.detail.${key}`, key);
      let shown = String(value);
      if (key === 'role') shown = translatedOr(t, `roles.${shown}`, shown);
      if (key === 'reason') shown = translatedOr(t, `audit.lockReasons.${shown}`, shown);
      if (key === 'sector') shown = translatedOr(t, `admin.agencies.sectors.${shown}`, shown);
      const vocabulary = DETAIL_VOCABULARY[key];
      if (vocabulary) shown = translatedOr(t, `vocab.${vocabulary}.${shown}`, shown);
      if (typeof value === 'boolean') shown = t(value ? 'audit.detail.yes' : 'audit.detail.no');
      if (key === 'changed')
        shown = shown
          .split(',')
          .map((field) => (SETTING_FIELDS[field] ? t(SETTING_FIELDS[field]) : field))
          .join(', ');
      return `${label}: ${shown}`;
    })
    .join(' · ');
}
