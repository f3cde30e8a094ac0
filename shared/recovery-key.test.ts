import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatRecoveryKey, holdsRecoveryKey, parseRecoveryKey } from './recovery-key';

describe('recovery key', () => {
  it('is 64 hex digits in eight dash-separated groups and parses back exactly', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 32, maxLength: 32 }), (bytes) => {
        const hex = Buffer.from(bytes).toString('hex');
        const formatted = formatRecoveryKey(hex);
        expect(formatted).toMatch(/^([0-9A-F]{8}-){7}[0-9A-F]{8}$/);
        expect(parseRecoveryKey(formatted)).toBe(hex);
        expect(parseRecoveryKey(` ${formatted.toLowerCase().replaceAll('-', ' ')}\n`)).toBe(hex);
      }),
    );
  });

  it('refuses anything that is not exactly 64 hex digits', () => {
    expect(parseRecoveryKey('ABC')).toBeNull();
    expect(parseRecoveryKey('G'.repeat(64))).toBeNull();
    expect(parseRecoveryKey('a'.repeat(65))).toBeNull();
  });

  it('tells whether clipboard text still is the key, however the copy spaced it', () => {
    const key = formatRecoveryKey('0123456789abcdef'.repeat(4));
    expect(holdsRecoveryKey(key, key)).toBe(true);
    expect(holdsRecoveryKey(key.replaceAll('-', ' \n'), key)).toBe(true);
    expect(holdsRecoveryKey(formatRecoveryKey('f'.repeat(64)), key)).toBe(false);
    expect(holdsRecoveryKey('', key)).toBe(false);
    expect(holdsRecoveryKey('Surat rujukan', key)).toBe(false);
  });
});
