import { dictionary } from '@zxcvbn-ts/language-common';

/**
 * Passphrase rules after NIST SP 800-63B: length matters, composition rules do not.
 * At least 12 characters (counted as Unicode code points), at most 256, any characters,
 * and not a known common password or a word the context makes easy to guess.
 */
export const PASSPHRASE_MIN_LENGTH = 12;
export const PASSPHRASE_MAX_LENGTH = 256;

const common = new Set<string>(dictionary.passwords.map((p: string) => p.toLowerCase()));

export type PassphraseProblem = 'too_short' | 'too_long' | 'common' | 'contains_username' | 'repetitive';

function codePointLength(s: string): number {
  return [...s].length;
}

/** True when removing every occurrence of `word` leaves fewer than 8 characters. */
function mostlyWord(lower: string, word: string): boolean {
  if (word.length < 3 || !lower.includes(word)) return false;
  return codePointLength(lower.replaceAll(word, '')) < 8;
}

/** The first problem with a proposed passphrase, or null when it is acceptable. */
export function passphraseProblem(passphrase: string, context: { username?: string } = {}): PassphraseProblem | null {
  const normalised = passphrase.normalize('NFKC');
  const length = codePointLength(normalised);
  if (length < PASSPHRASE_MIN_LENGTH) return 'too_short';
  if (length > PASSPHRASE_MAX_LENGTH) return 'too_long';
  const lower = normalised.toLowerCase();
  if (common.has(lower)) return 'common';
  if (new Set(lower).size <= 2) return 'repetitive';
  // Context words (NIST 5.1.1.2): the username and the product's name. A phrase that
  // merely contains one is fine ("lembayung" contains "ayu"); one that is little else is not.
  const username = context.username?.trim().toLowerCase();
  if (username && mostlyWord(lower, username)) return 'contains_username';
  if (mostlyWord(lower, 'tenang')) return 'common';
  return null;
}
