/** A reason for a full export in tests: the service asks for one of at least 15 characters. */
export const EXPORT_REASON = 'Yearly archive for the clinic board';
