import { z } from 'zod';
import { clientFieldsShape, type Client } from '../../shared/contract/referral-schemas';

/** An empty select or date input sends '' where the contract means "not recorded" (null). */
function blankAsNull<T extends z.ZodType>(schema: T) {
  return z.union([z.literal('').transform(() => null), schema]);
}

/**
 * The contract's client fields as the edit form holds them, plus one check the service
 * cannot phrase as kindly: a date of birth after today is a typing slip.
 */
export function clientFormSchema(today: string) {
  return z
    .object({
      ...clientFieldsShape,
      dateOfBirth: blankAsNull(clientFieldsShape.dateOfBirth),
      gender: blankAsNull(clientFieldsShape.gender),
      jobRole: blankAsNull(clientFieldsShape.jobRole),
    })
    .superRefine((client, ctx) => {
      if (client.dateOfBirth && client.dateOfBirth > today) ctx.addIssue({ code: 'custom', path: ['dateOfBirth'], message: 'date_in_future' });
    });
}
export type ClientFormSchema = ReturnType<typeof clientFormSchema>;
export type ClientFormValues = z.input<ClientFormSchema>;
export type ClientFormOutput = z.output<ClientFormSchema>;

export const CLIENT_FIELDS = Object.keys(clientFieldsShape) as (keyof typeof clientFieldsShape)[];

/** The form's starting values: the client as stored, with "not recorded" as an empty choice. */
export function clientFormValues(client: Client): ClientFormValues {
  return {
    givenName: client.givenName,
    familyName: client.familyName,
    preferredName: client.preferredName,
    dateOfBirth: client.dateOfBirth ?? '',
    gender: client.gender ?? '',
    genderDescription: client.genderDescription,
    email: client.email,
    phone: client.phone,
    jobRole: client.jobRole ?? '',
    preferredLanguage: client.preferredLanguage,
    emergencyContactName: client.emergencyContactName,
    emergencyContactPhone: client.emergencyContactPhone,
  };
}
