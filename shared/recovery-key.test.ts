import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatRecoveryKey, parseRecoveryKey } from './recovery-key';

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
});
