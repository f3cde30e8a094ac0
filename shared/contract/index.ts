export * from './channels';
export * from './schemas';
export * from './agency-schemas';
export * from './referral-schemas';
export * from './availability-schemas';
export * from './session-schemas';
export * from './note-schemas';
export * from './measure-schemas';
