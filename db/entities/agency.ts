import { EntitySchema } from 'typeorm';
import type { Sector } from '../../shared/domain/agencies';

export interface AgencyRow {
  id: number;
  name: string;
  sector: Sector;
  address: string;
  contactName: string;
  contactEmail: string;
  contactPhone: string;
  active: boolean;
  createdAt: string;
  updatedAt: string;
}

export const AgencyEntity = new EntitySchema<AgencyRow>({
  name: 'Agency',
  tableName: 'agency',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    name: { type: 'varchar' },
    sector: { type: 'varchar' },
    address: { type: 'varchar', default: '' },
    contactName: { type: 'varchar', name: 'contact_name', default: '' },
    contactEmail: { type: 'varchar', name: 'contact_email', default: '' },
    contactPhone: { type: 'varchar', name: 'contact_phone', default: '' },
    active: { type: 'boolean', default: true },
    createdAt: { type: 'varchar', name: 'created_at' },
    updatedAt: { type: 'varchar', name: 'updated_at' },
  },
});
