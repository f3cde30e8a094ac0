import { AuditEntryEntity } from './audit-entry';
import { DraftEntity } from './draft';
import { SettingEntity } from './setting';
import { UserAccountEntity } from './user-account';

export * from './audit-entry';
export * from './draft';
export * from './setting';
export * from './user-account';

export const ENTITIES = [UserAccountEntity, SettingEntity, AuditEntryEntity, DraftEntity];
