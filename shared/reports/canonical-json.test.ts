import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { canonicalJson } from './canonical-json';

describe('canonicalJson', () => {
  it('sorts keys at every depth and writes no whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: null, y: true }], c: 'x' } })).toBe('{"a":{"c":"x","d":[3,{"y":true,"z":null}]},"b":1}');
  });

  it('sorts keys by UTF-16 code units, not by locale', () => {
    // "Z" (0x5A) before "a" (0x61) before "é" (0xE9) before "😀" (a surrogate pair, 0xD83D…).
    expect(canonicalJson({ '😀': 4, é: 3, a: 2, Z: 1 })).toBe('{"Z":1,"a":2,"é":3,"😀":4}');
  });

  it('writes numbers and strings as JSON.stringify does', () => {
    expect(canonicalJson([0.1, 1e21, -0, 5, 0.4166666666666667, 'a"b\\c\n\u0001'])).toBe('[0.1,1e+21,0,5,0.4166666666666667,"a\\"b\\\\c\\n\\u0001"]');
  });

  it('refuses what JSON cannot carry instead of dropping it', () => {
    expect(() => canonicalJson({ a: undefined })).toThrow(TypeError);
    expect(() => canonicalJson([Number.NaN])).toThrow(TypeError);
    expect(() => canonicalJson(Number.POSITIVE_INFINITY)).toThrow(TypeError);
    expect(() => canonicalJson(1n)).toThrow(TypeError);
  });

  it('is the same for a value and for any pretty-printed, reordered text of it (property)', () => {
    const reorder = (value: unknown): unknown => {
      if (Array.isArray(value)) return value.map(reorder);
      if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).reverse().map(([k, v]) => [k, reorder(v)]));
      return value;
    };
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const canonical = canonicalJson(value);
        expect(canonicalJson(JSON.parse(JSON.stringify(reorder(value), null, 2)))).toBe(canonical);
        // And it is JSON that reads back as the same value.
        expect(JSON.parse(canonical)).toEqual(JSON.parse(JSON.stringify(value)));
      }),
      { seed: 13, numRuns: 300 },
    );
  });
});
