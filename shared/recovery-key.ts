/**
 * The recovery key is the vault's 256-bit data key itself, written as 64 hex digits in
 * eight dash-separated groups of eight, so it can be read aloud and typed back.
 * `PRAGMA key="x'<64 hex digits>'"` in any SQLCipher 4 tool opens the database with it.
 */
export const RECOVERY_KEY_HEX_LENGTH = 64;

export function formatRecoveryKey(hex: string): string {
  const clean = hex.toUpperCase();
  if (!/^[0-9A-F]{64}$/.test(clean)) throw new Error('A recovery key is 64 hex digits');
  return clean.match(/.{8}/g)!.join('-');
}

/**
 * How long a copied recovery key may stay on the clipboard: long enough to paste it into
 * a password manager, short enough that it is not still there hours later.
 */
export const RECOVERY_KEY_CLIPBOARD_MS = 60_000;

/**
 * Whether clipboard text still is this recovery key, however it was copied (the page's
 * selection copy may add spaces or line breaks between the groups).
 */
export function holdsRecoveryKey(clipboardText: string, recoveryKey: string): boolean {
  const held = parseRecoveryKey(clipboardText);
  return held !== null && held === parseRecoveryKey(recoveryKey);
}

/** Accepts any case, dashes, spaces and line breaks; returns 64 lower-case hex digits or null. */
export function parseRecoveryKey(text: string): string | null {
  const clean = text.replace(/[\s-]/g, '').toLowerCase();
  return /^[0-9a-f]{64}$/.test(clean) ? clean : null;
}
