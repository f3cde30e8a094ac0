/**
 * Reasons that other people will read: why an admin opened a clinical note through
 * break-glass, why they exported the whole vault. The note's counsellor sees them, so a
 * reason must say something ("checking" is not a reason).
 */
export const REASON_MIN_LENGTH = 15;
export const REASON_MAX_LENGTH = 500;

/** Why a note was opened through break-glass, asked as well as the reason in words. */
export const BREAK_GLASS_CATEGORIES = [
  /** The counsellor is unavailable and the client is at risk. */
  'client_at_risk',
  'supervision',
  'legal_request',
  'complaint',
  'other',
] as const;
export type BreakGlassCategory = (typeof BREAK_GLASS_CATEGORIES)[number];

/** How long the people concerned are shown a break-glass opening, a full export or a passphrase reset on their Home. */
export const ACCOUNTABILITY_WINDOW_DAYS = 90;
