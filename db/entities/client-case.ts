import { EntitySchema } from 'typeorm';
import type { ClosureReason } from '../../shared/domain/referrals';

/** A case (episode): one client's course of help, from intake to closure, with one counsellor. */
export interface ClientCaseRow {
  id: number;
  clientId: number;
  counsellorId: number;
  /** JSON array of presenting-issue codes. */
  presentingIssues: string;
  openedDate: string;
  closedDate: string | null;
  closureReason: ClosureReason | null;
  /** Counted by scheduling (issue 4) against the contract's allowance. */
  sessionsUsed: number;
  /** The case's own measurement plan (JSON); null follows the clinic's default. */
  measurementPlan: string | null;
  createdAt: string;
  updatedAt: string;
}

export const ClientCaseEntity = new EntitySchema<ClientCaseRow>({
  name: 'ClientCase',
  tableName: 'client_case',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    clientId: { type: 'integer', name: 'client_id' },
    counsellorId: { type: 'integer', name: 'counsellor_id' },
    presentingIssues: { type: 'text', name: 'presenting_issues' },
    openedDate: { type: 'varchar', name: 'opened_date' },
    closedDate: { type: 'varchar', name: 'closed_date', nullable: true },
    closureReason: { type: 'varchar', name: 'closure_reason', nullable: true },
    sessionsUsed: { type: 'integer', name: 'sessions_used' },
    measurementPlan: { type: 'text', name: 'measurement_plan', nullable: true },
    createdAt: { type: 'varchar', name: 'created_at' },
    updatedAt: { type: 'varchar', name: 'updated_at' },
  },
});
