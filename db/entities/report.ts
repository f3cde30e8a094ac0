import { EntitySchema } from 'typeorm';

export type RegisterKind = 'agency_report' | 'referral_letter';
export type ReportFormat = 'json' | 'csv' | 'pdf';

/** One report or letter that left the clinic (migration 12): kept as written. */
export interface ReportRegisterRow {
  id: number;
  kind: RegisterKind;
  madeByUserId: number;
  madeAt: string;
  scopeKind: 'agency' | 'sector' | 'all' | null;
  scopeName: string | null;
  /** JSON array of the ids of the agencies whose data the file carries. */
  agencyIds: string;
  periodFrom: string | null;
  periodTo: string | null;
  referralId: number | null;
  format: ReportFormat;
  language: 'en' | 'id';
  sha256: string;
  /** JSON of what the file published (hidden values are null). */
  published: string;
}

export const ReportRegisterEntity = new EntitySchema<ReportRegisterRow>({
  name: 'ReportRegister',
  tableName: 'report_register',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    kind: { type: 'varchar' },
    madeByUserId: { type: 'integer', name: 'made_by_user_id' },
    madeAt: { type: 'varchar', name: 'made_at' },
    scopeKind: { type: 'varchar', name: 'scope_kind', nullable: true },
    scopeName: { type: 'varchar', name: 'scope_name', nullable: true },
    agencyIds: { type: 'text', name: 'agency_ids' },
    periodFrom: { type: 'varchar', name: 'period_from', nullable: true },
    periodTo: { type: 'varchar', name: 'period_to', nullable: true },
    referralId: { type: 'integer', name: 'referral_id', nullable: true },
    format: { type: 'varchar' },
    language: { type: 'varchar' },
    sha256: { type: 'varchar' },
    published: { type: 'text' },
  },
});

/** The clinic's Ed25519 report-signing key: one row, made once (migration 12). */
export interface ClinicSigningKeyRow {
  id: number;
  /** The public half as the one line agencies keep. */
  publicKey: string;
  /** The private half, PKCS #8 DER in base64; it never leaves the vault. */
  privateKey: string;
  createdAt: string;
}

export const ClinicSigningKeyEntity = new EntitySchema<ClinicSigningKeyRow>({
  name: 'ClinicSigningKey',
  tableName: 'clinic_signing_key',
  columns: {
    id: { type: 'integer', primary: true },
    publicKey: { type: 'text', name: 'public_key' },
    privateKey: { type: 'text', name: 'private_key' },
    createdAt: { type: 'varchar', name: 'created_at' },
  },
});

/** A counsellor's answer to "are the recommendations being followed?" for a case (migration 12). */
export interface RecommendationComplianceRow {
  id: number;
  caseId: number;
  followed: boolean;
  recordedAt: string;
  recordedByUserId: number;
}

export const RecommendationComplianceEntity = new EntitySchema<RecommendationComplianceRow>({
  name: 'RecommendationCompliance',
  tableName: 'recommendation_compliance',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    caseId: { type: 'integer', name: 'case_id' },
    followed: { type: 'boolean' },
    recordedAt: { type: 'varchar', name: 'recorded_at' },
    recordedByUserId: { type: 'integer', name: 'recorded_by_user_id' },
  },
});
