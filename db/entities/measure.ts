import { EntitySchema } from 'typeorm';
import type { MeasurementMode } from '../../shared/domain/measurement-plan';

/** One questionnaire given: its answers as given (migration 11). Scores are derived, never stored. */
export interface MeasureAdministrationRow {
  id: number;
  caseId: number;
  sessionId: number | null;
  instrumentId: string;
  instrumentVersion: string;
  /** The clinic's wall-clock time, `YYYY-MM-DDTHH:mm`. */
  administeredAt: string;
  mode: MeasurementMode;
  /** JSON array of option values in item order, null for an unanswered item. */
  responses: string;
  recordedByUserId: number;
  recordedAt: string;
}

export const MeasureAdministrationEntity = new EntitySchema<MeasureAdministrationRow>({
  name: 'MeasureAdministration',
  tableName: 'measure_administration',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    caseId: { type: 'integer', name: 'case_id' },
    sessionId: { type: 'integer', name: 'session_id', nullable: true },
    instrumentId: { type: 'varchar', name: 'instrument_id' },
    instrumentVersion: { type: 'varchar', name: 'instrument_version' },
    administeredAt: { type: 'varchar', name: 'administered_at' },
    mode: { type: 'varchar' },
    responses: { type: 'text' },
    recordedByUserId: { type: 'integer', name: 'recorded_by_user_id' },
    recordedAt: { type: 'varchar', name: 'recorded_at' },
  },
});

/** An answer that needs the counsellor at once, and its follow-up once recorded. */
export interface MeasureAlertRow {
  id: number;
  administrationId: number;
  alert: string;
  raisedAt: string;
  followUpKind: 'risk_flag' | 'note' | null;
  followUpRiskFlagId: number | null;
  followUpNoteId: number | null;
  followedUpAt: string | null;
  followedUpByUserId: number | null;
}

export const MeasureAlertEntity = new EntitySchema<MeasureAlertRow>({
  name: 'MeasureAlert',
  tableName: 'measure_alert',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    administrationId: { type: 'integer', name: 'administration_id' },
    alert: { type: 'varchar' },
    raisedAt: { type: 'varchar', name: 'raised_at' },
    followUpKind: { type: 'varchar', name: 'follow_up_kind', nullable: true },
    followUpRiskFlagId: { type: 'integer', name: 'follow_up_risk_flag_id', nullable: true },
    followUpNoteId: { type: 'integer', name: 'follow_up_note_id', nullable: true },
    followedUpAt: { type: 'varchar', name: 'followed_up_at', nullable: true },
    followedUpByUserId: { type: 'integer', name: 'followed_up_by_user_id', nullable: true },
  },
});

/** A bundled instrument switched off, or an instrument file an admin added. */
export interface InstrumentSettingRow {
  instrumentId: string;
  enabled: boolean;
  /** The added instrument's JSON; null for a bundled one. */
  definition: string | null;
  updatedByUserId: number;
  updatedAt: string;
}

export const InstrumentSettingEntity = new EntitySchema<InstrumentSettingRow>({
  name: 'InstrumentSetting',
  tableName: 'instrument_setting',
  columns: {
    instrumentId: { type: 'varchar', name: 'instrument_id', primary: true },
    enabled: { type: 'boolean' },
    definition: { type: 'text', nullable: true },
    updatedByUserId: { type: 'integer', name: 'updated_by_user_id' },
    updatedAt: { type: 'varchar', name: 'updated_at' },
  },
});
