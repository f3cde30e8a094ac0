import { AgencyEntity } from './agency';
import { AuditEntryEntity } from './audit-entry';
import { ContractEntity } from './contract';
import { DraftEntity } from './draft';
import { SettingEntity } from './setting';
import { UserAccountEntity } from './user-account';

export * from './agency';
export * from './audit-entry';
export * from './contract';
export * from './draft';
export * from './setting';
export * from './user-account';

export const ENTITIES = [UserAccountEntity, SettingEntity, AuditEntryEntity, DraftEntity, AgencyEntity, ContractEntity];
