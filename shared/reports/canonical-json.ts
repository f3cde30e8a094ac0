/**
 * Canonical JSON: the one text a JSON value is signed as, whatever whitespace or key order a
 * file was written with. Object keys are sorted by UTF-16 code units (as JavaScript compares
 * strings, and as RFC 8785 sorts them), nothing is written between tokens, and strings and
 * numbers are written as `JSON.stringify` writes them (ECMAScript's shortest round-trip
 * form, which RFC 8785 also uses). So `canonicalJson(JSON.parse(text))` is the same for a
 * report pretty-printed or not, and anyone can recompute it in a few lines.
 *
 * Values JSON cannot carry (undefined, functions, NaN, Infinity, bigint) are refused rather
 * than dropped: a signature must never cover something other than what the file holds.
 */
export function canonicalJson(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'string':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError('canonicalJson: a number JSON cannot carry');
      return JSON.stringify(value);
    case 'object': {
      if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
      const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
    }
    default:
      throw new TypeError(`canonicalJson: a ${typeof value} JSON cannot carry`);
  }
}
