import { describe, expect, it } from 'vitest';
import { foldName, looksLikeSameClient } from './clients';

const siti = { givenName: 'Siti', familyName: 'Nurhaliza', dateOfBirth: '1988-04-02', email: '' };

describe('the duplicate guard', () => {
  it('folds case, accents and spacing out of names', () => {
    expect(foldName('  Siti   NURHALIZA ')).toBe('siti nurhaliza');
    expect(foldName('Zoë O’Brien')).toBe('zoe o brien');
  });

  it('matches the same name and date of birth, or the same email', () => {
    expect(looksLikeSameClient(siti, { ...siti, givenName: 'siti ' })).toBe(true);
    expect(looksLikeSameClient(siti, { ...siti, dateOfBirth: '1988-04-03' })).toBe(false);
    expect(looksLikeSameClient({ ...siti, email: 'Siti@Example.id' }, { givenName: 'S', familyName: 'N', dateOfBirth: null, email: 'siti@example.id ' })).toBe(true);
  });

  it('does not match on a shared name when the birth date is unknown, or on two empty emails', () => {
    expect(looksLikeSameClient({ ...siti, dateOfBirth: null }, { ...siti, dateOfBirth: null })).toBe(false);
    expect(looksLikeSameClient({ ...siti, dateOfBirth: null }, { ...siti, givenName: 'Ani', dateOfBirth: null })).toBe(false);
  });
});
