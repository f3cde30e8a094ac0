import type { TenangApp } from '../../services/tenang-app';
import type { ChannelInput, ChannelName, ChannelOutput } from '../../shared/contract/channels';
import type { Result } from '../../shared/errors';

/** People and a clinic the journeys use. Passphrases meet the contract's policy. */
export const CLINIC = { clinicName: 'Klinik Konseling Harapan', language: 'en' as const, timeZone: 'Asia/Jakarta' };
export const ADMIN = { username: 'ayu', displayName: 'Ayu Lestari', passphrase: 'lembayung senja di pelabuhan' };
export const COUNSELLOR = { username: 'budi', displayName: 'Budi Santoso', passphrase: 'kopi tubruk pagi hari hangat' };

/** Calls a channel through the app's dispatcher and returns the Result as it came. */
export async function dispatch<C extends ChannelName>(app: TenangApp, channel: C, input: ChannelInput<C>): Promise<Result<ChannelOutput<C>>> {
  return (await app.dispatch(channel, input)) as Result<ChannelOutput<C>>;
}

/** Calls a channel and insists that it succeeded. */
export async function dispatchOk<C extends ChannelName>(app: TenangApp, channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
  const result = await dispatch(app, channel, input);
  if (!result.ok) throw new Error(`${channel} failed: ${result.error.code} ${result.error.message} ${JSON.stringify(result.error.issues ?? [])}`);
  return result.value;
}

/**
 * First-run setup through the channels, for journeys that do not test the wizard.
 * Leaves the admin signed in unless `locked`; returns the recovery key.
 */
export async function setUpClinic(
  app: TenangApp,
  options: { language?: 'en' | 'id'; counsellor?: boolean; locked?: boolean } = {},
): Promise<{ recoveryKey: string; counsellorId: number | null }> {
  const { recoveryKey } = await dispatchOk(app, 'vault.setup', {
    ...CLINIC,
    language: options.language ?? CLINIC.language,
    username: ADMIN.username,
    displayName: ADMIN.displayName,
    newPassphrase: ADMIN.passphrase,
    confirmPassphrase: ADMIN.passphrase,
  });
  let counsellorId: number | null = null;
  if (options.counsellor) {
    const user = await dispatchOk(app, 'users.create', {
      username: COUNSELLOR.username,
      displayName: COUNSELLOR.displayName,
      role: 'counsellor',
      newPassphrase: COUNSELLOR.passphrase,
      confirmPassphrase: COUNSELLOR.passphrase,
    });
    counsellorId = user.id;
  }
  if (options.locked) await app.lock('manual');
  return { recoveryKey, counsellorId };
}
