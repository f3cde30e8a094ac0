import { EntitySchema } from 'typeorm';
import type { ClientLanguage, Gender, JobRole } from '../../shared/domain/clients';

export interface ClientRow {
  id: number;
  code: string;
  agencyId: number;
  givenName: string;
  familyName: string;
  preferredName: string;
  /** Given and family name folded by `foldName`, for search and the duplicate guard. */
  foldedName: string;
  dateOfBirth: string | null;
  gender: Gender | null;
  genderDescription: string;
  email: string;
  phone: string;
  jobRole: JobRole | null;
  preferredLanguage: ClientLanguage;
  emergencyContactName: string;
  emergencyContactPhone: string;
  createdAt: string;
  updatedAt: string;
}

export const ClientEntity = new EntitySchema<ClientRow>({
  name: 'Client',
  tableName: 'client',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    code: { type: 'varchar', unique: true },
    agencyId: { type: 'integer', name: 'agency_id' },
    givenName: { type: 'varchar', name: 'given_name' },
    familyName: { type: 'varchar', name: 'family_name' },
    preferredName: { type: 'varchar', name: 'preferred_name' },
    foldedName: { type: 'varchar', name: 'folded_name' },
    dateOfBirth: { type: 'varchar', name: 'date_of_birth', nullable: true },
    gender: { type: 'varchar', nullable: true },
    genderDescription: { type: 'varchar', name: 'gender_description' },
    email: { type: 'varchar' },
    phone: { type: 'varchar' },
    jobRole: { type: 'varchar', name: 'job_role', nullable: true },
    preferredLanguage: { type: 'varchar', name: 'preferred_language' },
    emergencyContactName: { type: 'varchar', name: 'emergency_contact_name' },
    emergencyContactPhone: { type: 'varchar', name: 'emergency_contact_phone' },
    createdAt: { type: 'varchar', name: 'created_at' },
    updatedAt: { type: 'varchar', name: 'updated_at' },
  },
});
