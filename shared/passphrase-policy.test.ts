import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { passphraseProblem, PASSPHRASE_MIN_LENGTH } from './passphrase-policy';

describe('passphrase policy (NIST SP 800-63B)', () => {
  it('refuses anything shorter than 12 characters, counting code points not bytes', () => {
    expect(passphraseProblem('short phrase')).toBeNull();
    expect(passphraseProblem('elevenchars')).toBe('too_short');
    // Twelve emoji are twelve characters though 24 UTF-16 units.
    expect(passphraseProblem('🌿🌊'.repeat(5) + '🌸🌙')).toBeNull();
    expect(passphraseProblem('🌿🌊'.repeat(5) + '🌸')).toBe('too_short');
  });

  it('refuses known common passwords whatever their case', () => {
    expect(passphraseProblem('1qaz2wsx3edc')).toBe('common');
    expect(passphraseProblem('LeaveMeAlone')).toBe('common');
  });

  it('refuses a passphrase that is little more than the username or the product name', () => {
    expect(passphraseProblem('budi2026budi', { username: 'budi' })).toBe('contains_username');
    expect(passphraseProblem('budi is my name forever', { username: 'budi' })).toBeNull();
    expect(passphraseProblem('lembayung senja di pelabuhan', { username: 'ayu' })).toBeNull();
    expect(passphraseProblem('tenang123456')).toBe('common');
    expect(passphraseProblem('aaaaaaaaaaaaaaa')).toBe('repetitive');
  });

  it('has no composition rules: any long, uncommon phrase of any characters passes', () => {
    fc.assert(
      fc.property(fc.string({ minLength: PASSPHRASE_MIN_LENGTH, maxLength: 60, unit: 'grapheme' }), (s) => {
        const problem = passphraseProblem(`${s}#zq9`);
        expect(['common', 'repetitive', 'too_long', null]).toContain(problem);
      }),
    );
    expect(passphraseProblem('kucing oranye tidur di sofa')).toBeNull();
  });
});
