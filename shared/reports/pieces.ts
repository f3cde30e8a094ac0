/**
 * The coarsest pieces a universe splits into so that every given set is a union of
 * pieces: elements belong to the same piece exactly when the same sets hold them.
 * Reports of one agency over a month, a quarter and a year split the year's months into
 * the pieces that disclosure control reasons about; a sector report and an agency report
 * split the sector's agencies the same way. Elements in no set form a piece of their own.
 */
export function coarsestPieces<T>(universe: readonly T[], sets: readonly (readonly T[])[]): T[][] {
  const memberships = sets.map((set) => new Set(set));
  const pieces = new Map<string, T[]>();
  for (const element of universe) {
    const signature = memberships.map((set) => (set.has(element) ? '1' : '0')).join('');
    const piece = pieces.get(signature);
    if (piece) piece.push(element);
    else pieces.set(signature, [element]);
  }
  return [...pieces.values()];
}
