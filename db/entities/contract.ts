import { EntitySchema } from 'typeorm';
import type { AllowancePolicy, ReportingFrequency } from '../../shared/domain/agencies';

export interface ContractRow {
  id: number;
  agencyId: number;
  startDate: string;
  endDate: string;
  coveredHeadcount: number;
  sessionAllowance: number;
  allowancePolicy: AllowancePolicy;
  /** JSON of the three first-appointment targets, validated by the service on the way out. */
  targets: string;
  minCellSize: number;
  reportingFrequency: ReportingFrequency;
  createdAt: string;
  updatedAt: string;
}

export const ContractEntity = new EntitySchema<ContractRow>({
  name: 'Contract',
  tableName: 'contract',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    agencyId: { type: 'integer', name: 'agency_id' },
    startDate: { type: 'varchar', name: 'start_date' },
    endDate: { type: 'varchar', name: 'end_date' },
    coveredHeadcount: { type: 'integer', name: 'covered_headcount' },
    sessionAllowance: { type: 'integer', name: 'session_allowance' },
    allowancePolicy: { type: 'varchar', name: 'allowance_policy' },
    targets: { type: 'text' },
    minCellSize: { type: 'integer', name: 'min_cell_size' },
    reportingFrequency: { type: 'varchar', name: 'reporting_frequency' },
    createdAt: { type: 'varchar', name: 'created_at' },
    updatedAt: { type: 'varchar', name: 'updated_at' },
  },
});
