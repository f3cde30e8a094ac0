import { AgencyEntity } from './agency';
import { ClinicHolidayEntity, LeaveEntity, RoomEntity, WorkingHoursEntity } from './availability';
import { AuditEntryEntity } from './audit-entry';
import { ClientEntity } from './client';
import { ClientCaseEntity } from './client-case';
import { ContractEntity } from './contract';
import { DraftEntity } from './draft';
import { ReferralEntity, ReferralStatusChangeEntity } from './referral';
import { SessionAttendeeEntity, SessionChangeEntity, SessionEntity } from './session';
import { SettingEntity } from './setting';
import { NoteAccessEntity, NoteAddendumEntity, NoteEntity, RiskFlagEntity } from './note';
import { AttachmentEntity } from './attachment';
import { UserAccountEntity } from './user-account';

export * from './agency';
export * from './availability';
export * from './audit-entry';
export * from './client';
export * from './client-case';
export * from './contract';
export * from './draft';
export * from './referral';
export * from './session';
export * from './note';
export * from './attachment';
export * from './setting';
export * from './user-account';

export const ENTITIES = [UserAccountEntity, SettingEntity, AuditEntryEntity, DraftEntity, AgencyEntity, ContractEntity, ClientEntity, ClientCaseEntity, ReferralEntity, ReferralStatusChangeEntity, RoomEntity, WorkingHoursEntity, LeaveEntity, ClinicHolidayEntity, SessionEntity, SessionChangeEntity, SessionAttendeeEntity, NoteEntity, NoteAddendumEntity, RiskFlagEntity, NoteAccessEntity, AttachmentEntity];
