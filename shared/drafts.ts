/**
 * Drafts keep what a person typed, inside the encrypted vault, across locks and crashes.
 * Secrets never go into one: a field whose name says passphrase, password or recovery
 * key is left out by the UI and refused by the contract.
 */
const SECRET_FIELD = /passphrase|password|recovery.?key/i;

export function isSecretFieldName(name: string): boolean {
  return SECRET_FIELD.test(name);
}

/** Field names anywhere in a draft payload (nested objects and arrays included) that look secret. */
export function secretFieldNames(payload: unknown, prefix = ''): string[] {
  if (payload === null || typeof payload !== 'object') return [];
  const found: string[] = [];
  for (const [name, value] of Object.entries(payload as Record<string, unknown>)) {
    const path = prefix ? `${prefix}.${name}` : name;
    if (isSecretFieldName(name)) found.push(path);
    found.push(...secretFieldNames(value, path));
  }
  return found;
}
