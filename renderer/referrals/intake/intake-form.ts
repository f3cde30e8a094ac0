import type { Resolver, UseFormReturn } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import type { z } from 'zod';
import { referralCreateSchema, type ClientSummary, type ReferralCreateInput } from '../../../shared/contract/referral-schemas';
import type { Urgency } from '../../../shared/domain/agencies';
import type { ClientLanguage, Gender, JobRole } from '../../../shared/domain/clients';
import type { ConsentDates, ConsentLevel, PresentingIssue, ReferralType } from '../../../shared/domain/referrals';
import { zodErrorMap } from '../../forms/issue-messages';

export const CLIENT_MODES = ['existing', 'new'] as const;
export type ClientMode = (typeof CLIENT_MODES)[number];

/**
 * What the intake form holds. It keeps what the inputs give ('' for an empty date or an
 * unchosen option) and both ways of naming the client, so switching between "existing" and
 * "new", or away from a formal referral and back, loses nothing typed. `toCreateInput`
 * turns it into the channel's input.
 */
export interface IntakeFormValues {
  agencyId: string;
  receivedDate: string;
  referralType: ReferralType | '';
  urgency: Urgency | null;
  presentingIssues: PresentingIssue[];
  referrerName: string;
  referrerContact: string;
  consentLevel: ConsentLevel;
  consentDate: string;
  consentExpiry: string;
  consentDates: ConsentDates;
  reason: string;
  client: {
    mode: ClientMode;
    clientId: number | null;
    givenName: string;
    familyName: string;
    preferredName: string;
    dateOfBirth: string;
    gender: Gender | '';
    genderDescription: string;
    email: string;
    phone: string;
    jobRole: JobRole | '';
    preferredLanguage: ClientLanguage;
    emergencyContactName: string;
    emergencyContactPhone: string;
  };
  /** The chosen existing client as shown (code, name, birth date), so a restored draft shows it again. */
  pickedClient: ClientSummary | null;
}

export type IntakeOutput = z.output<typeof referralCreateSchema>;
export type IntakeForm = UseFormReturn<IntakeFormValues, unknown, IntakeOutput>;

export function intakeDefaults(today: string): IntakeFormValues {
  return {
    agencyId: '',
    receivedDate: today,
    referralType: '',
    urgency: null,
    presentingIssues: [],
    referrerName: '',
    referrerContact: '',
    consentLevel: 'none',
    consentDate: '',
    consentExpiry: '',
    consentDates: 'month',
    reason: '',
    client: {
      mode: 'new',
      clientId: null,
      givenName: '',
      familyName: '',
      preferredName: '',
      dateOfBirth: '',
      gender: '',
      genderDescription: '',
      email: '',
      phone: '',
      jobRole: '',
      preferredLanguage: 'id',
      emergencyContactName: '',
      emergencyContactPhone: '',
    },
    pickedClient: null,
  };
}

/** Every path the contract's schema or the service may name, so each problem lands under its field. */
export const INTAKE_FIELDS = [
  'agencyId',
  'receivedDate',
  'referralType',
  'urgency',
  'presentingIssues',
  'referrerName',
  'referrerContact',
  'consentLevel',
  'consentDate',
  'consentExpiry',
  'consentDates',
  'reason',
  'client.clientId',
  'client.givenName',
  'client.familyName',
  'client.preferredName',
  'client.dateOfBirth',
  'client.gender',
  'client.genderDescription',
  'client.email',
  'client.phone',
  'client.jobRole',
  'client.preferredLanguage',
  'client.emergencyContactName',
  'client.emergencyContactPhone',
] as const;

const orNull = <T extends string>(value: T | '' | null | undefined): T | null => (value ? value : null);

/**
 * The channel's input from the form. What does not apply is dropped rather than sent: the
 * referrer and consent of a referral that is no longer formal, a gender description when
 * the gender is not self-described. An unchosen option stays empty, so the contract's
 * schema reports it as missing.
 */
export function toCreateInput(values: IntakeFormValues, allowDuplicate = false): ReferralCreateInput {
  const formal = values.referralType === 'formal_management';
  const consentLevel = formal ? values.consentLevel : 'none';
  const client = values.client;
  return {
    // A draft written before an agency was chosen may hold null here as well as ''.
    agencyId: values.agencyId ? Number(values.agencyId) : Number.NaN,
    receivedDate: values.receivedDate,
    referralType: values.referralType as ReferralType,
    urgency: values.urgency as Urgency,
    presentingIssues: Array.isArray(values.presentingIssues) ? values.presentingIssues : [],
    referrerName: formal ? values.referrerName : '',
    referrerContact: formal ? values.referrerContact : '',
    consentLevel,
    consentDate: consentLevel === 'none' ? null : orNull(values.consentDate),
    consentExpiry: consentLevel === 'none' ? null : orNull(values.consentExpiry),
    // A draft saved before the field existed has none: the consent then dates by month.
    consentDates: consentLevel === 'none' ? 'month' : (values.consentDates ?? 'month'),
    reason: values.reason,
    client:
      client.mode === 'existing'
        ? { mode: 'existing', clientId: client.clientId as number }
        : {
            mode: 'new',
            givenName: client.givenName,
            familyName: client.familyName,
            preferredName: client.preferredName,
            dateOfBirth: orNull(client.dateOfBirth),
            gender: orNull(client.gender),
            genderDescription: client.gender === 'self_described' ? client.genderDescription : '',
            email: client.email,
            phone: client.phone,
            jobRole: orNull(client.jobRole),
            preferredLanguage: client.preferredLanguage,
            emergencyContactName: client.emergencyContactName,
            emergencyContactPhone: client.emergencyContactPhone,
          },
    allowDuplicate,
  };
}

const contractResolver = zodResolver(referralCreateSchema, { error: zodErrorMap });

/**
 * Validates with the contract's own schema (the one the service applies), on the input the
 * form would send. The field paths are the same in both shapes (`client.givenName`,
 * `consentDate`…), which is why the result can be handed back as the form's own.
 */
export const intakeResolver: Resolver<IntakeFormValues, unknown, IntakeOutput> = async (values, context, options) => {
  const result = await contractResolver(toCreateInput(values), context, options as unknown as Parameters<typeof contractResolver>[2]);
  return result as unknown as Awaited<ReturnType<Resolver<IntakeFormValues, unknown, IntakeOutput>>>;
};
