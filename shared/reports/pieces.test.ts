import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { coarsestPieces } from './pieces';

describe('coarsest pieces', () => {
  it('splits a year by its quarterly and yearly reports into quarters', () => {
    const months = Array.from({ length: 12 }, (_, i) => i + 1);
    const q1 = [1, 2, 3];
    const q2 = [4, 5, 6];
    expect(coarsestPieces(months, [months, q1, q2])).toEqual([q1, q2, [7, 8, 9, 10, 11, 12]]);
  });

  it('gives pieces that partition the universe, each set a union of pieces, as few as possible', () => {
    fc.assert(
      fc.property(fc.array(fc.uniqueArray(fc.integer({ min: 0, max: 15 }), { maxLength: 16 }), { maxLength: 5 }), (sets) => {
        const universe = Array.from({ length: 16 }, (_, i) => i);
        const pieces = coarsestPieces(universe, sets);
        expect(pieces.flat().sort((a, b) => a - b)).toEqual(universe);
        for (const set of sets) for (const piece of pieces) {
          const inside = piece.filter((e) => set.includes(e)).length;
          expect(inside === 0 || inside === piece.length).toBe(true);
        }
        // Coarsest: two pieces always differ in some set.
        for (const [i, a] of pieces.entries()) for (const b of pieces.slice(i + 1)) {
          expect(sets.some((set) => set.includes(a[0]!) !== set.includes(b[0]!))).toBe(true);
        }
      }),
      { seed: 1313, numRuns: 200 },
    );
  });
});
