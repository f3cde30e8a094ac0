import type { DataSource, EntityManager } from 'typeorm';
import { settingsSchema, type Settings } from '../shared/contract';
import { AUTO_LOCK_MINUTES } from '../shared/settings';
import { DEFAULT_WORKING_DAYS } from '../shared/domain/first-appointment';
import { AppError } from '../shared/errors';
import { SettingEntity } from '../db/entities';

/** Where each clinic setting is kept in the `setting` table. */
const KEYS: Record<keyof Settings, string> = {
  clinicName: 'clinic.name',
  language: 'clinic.language',
  timeZone: 'clinic.time_zone',
  autoLockMinutes: 'session.auto_lock_minutes',
  workingDays: 'clinic.working_days',
};
const VAULT_ID_KEY = 'vault.id';

export async function readSettings(db: DataSource | EntityManager): Promise<Settings> {
  const rows = await db.getRepository(SettingEntity).find();
  const byKey = new Map(rows.map((r) => [r.key, JSON.parse(r.value) as unknown]));
  const parsed = settingsSchema.safeParse({
    clinicName: byKey.get(KEYS.clinicName),
    language: byKey.get(KEYS.language),
    timeZone: byKey.get(KEYS.timeZone),
    autoLockMinutes: byKey.get(KEYS.autoLockMinutes) ?? AUTO_LOCK_MINUTES.default,
    workingDays: byKey.get(KEYS.workingDays) ?? DEFAULT_WORKING_DAYS,
  });
  if (!parsed.success) throw new AppError('VAULT_DAMAGED', 'The clinic settings in this vault are unreadable.');
  return parsed.data;
}

export async function writeSettings(manager: EntityManager, changes: Partial<Settings>): Promise<(keyof Settings)[]> {
  const current = await readSettings(manager).catch(() => null);
  const changed: (keyof Settings)[] = [];
  for (const [field, value] of Object.entries(changes) as [keyof Settings, unknown][]) {
    if (value === undefined) continue;
    // Working days are kept in weekday order, so [5, 1] and [1, 5] are the same setting.
    const stored = JSON.stringify(Array.isArray(value) ? [...(value as number[])].sort((a, b) => a - b) : value);
    if (current && JSON.stringify(current[field]) === stored) continue;
    await manager.getRepository(SettingEntity).save({ key: KEYS[field], value: stored });
    changed.push(field);
  }
  return changed;
}

export async function writeVaultId(manager: EntityManager, vaultId: string): Promise<void> {
  await manager.getRepository(SettingEntity).save({ key: VAULT_ID_KEY, value: JSON.stringify(vaultId) });
}

export async function readVaultId(db: DataSource | EntityManager): Promise<string> {
  const row = await db.getRepository(SettingEntity).findOneBy({ key: VAULT_ID_KEY });
  if (!row) throw new AppError('VAULT_DAMAGED', 'This vault has no identity record.');
  return JSON.parse(row.value) as string;
}
