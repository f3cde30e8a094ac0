import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { channels, type ChannelName } from '../../shared/contract';
import { roleMayCall } from '../../shared/roles';
import { manualClock } from '../helpers/vault-fixture';
import { buildClinic, clinicPlan, TINY_PDF_BASE64 } from '../helpers/random-clinic';
import { idsByTable, leaksIn, occurrencesInVault, openVaultReader, outsidersOf, type VaultReader } from '../helpers/caseload-oracle';
import { idsShown, inputArbitrary, type InputWorld } from '../helpers/contract-arbitrary';

/**
 * The caseload wall, every channel at once (issue 11). Over random clinics, a counsellor
 * calls every channel their role may call, with inputs drawn from each channel's contract
 * and aimed at other counsellors' clients, cases, sessions and notes; no reply, success or
 * error, may hold the code, a name or the date of birth of a client outside their caseload,
 * nor name such a client by id. The channels come from the contract at run time, so a
 * channel added later is attacked too, without anyone listing it here.
 */

/**
 * Channels that end or replace the signed-in session, or change a passphrase: calling them
 * would stop the run rather than test the wall (and they return no client data).
 */
const ENDS_THE_SESSION = new Set<ChannelName>(['session.lock', 'session.unlock', 'session.recover', 'vault.setup', 'account.changePassphrase']);

const COUNSELLOR_CHANNELS = (Object.keys(channels) as ChannelName[]).filter((name) => roleMayCall(channels[name].access, 'counsellor') && !ENDS_THE_SESSION.has(name));

/** Channels the run must have used successfully at least once, or it proved little. */
const MUST_SUCCEED: ChannelName[] = ['sessions.get', 'sessions.list', 'sessions.setAttendance', 'clients.search', 'clients.get', 'notes.search', 'notes.get', 'notes.list', 'risks.list', 'attachments.list', 'referrals.get', 'home.get', 'measures.list', 'measures.alerts', 'measures.due'];

/** Client mode (issue 12) refuses most channels; the run takes the desktop back after this many calls in it. */
const CALLS_IN_CLIENT_MODE = 6;

const NOW = Date.parse('2026-11-28T02:00:00Z'); // Saturday 28 November 2026, 09:00 in Jakarta
const CALLS_PER_CLINIC = 500;

function wordsOf(reader: VaultReader): string[] {
  const rows = reader.prepare('SELECT code, given_name AS given, family_name AS family FROM client').all() as Array<{ code: string; given: string; family: string }>;
  return rows.flatMap((r) => [r.code, r.given, r.family, `${r.given} ${r.family}`]);
}

describe('the caseload wall (property)', () => {
  it('shows a counsellor nothing of a client outside their caseload, through any channel their role may call', async () => {
    const tally = new Map<ChannelName, { calls: number; ok: number }>(COUNSELLOR_CHANNELS.map((c) => [c, { calls: 0, ok: 0 }]));
    let outsidersHidden = 0;

    await fc.assert(
      fc.asyncProperty(clinicPlan, fc.gen(), async (plan, g) => {
        const clock = manualClock(NOW);
        const clinic = await buildClinic(plan, clock);
        const reader = openVaultReader(clinic.dir, clinic.recoveryKey);
        try {
          // Outsiders' names and codes the counsellor wrote into the vault themselves: they may see those again.
          const written = new Set<string>();
          const seen = new Map<string, number[]>();
          const trail: string[] = [];
          // What the vault holds now; read again after each call that succeeded (a refused call writes nothing but its audit entry).
          const vaultNow = () => ({ ids: idsByTable(reader), words: wordsOf(reader), outsiders: outsidersOf(reader, clinic.target.id) });
          let vault = vaultNow();
          outsidersHidden += vault.outsiders.length;
          let clientModeCalls: number | null = null;
          for (let i = 0; i < CALLS_PER_CLINIC; i += 1) {
            // The counsellor takes the desktop back (with their passphrase) a few calls after handing it over.
            const takeBack = clientModeCalls !== null && clientModeCalls >= CALLS_IN_CLIENT_MODE;
            const channel: ChannelName = takeBack ? 'measures.endClientMode' : g(fc.constantFrom, ...COUNSELLOR_CHANNELS);
            const world: InputWorld = { nowMs: clock.now(), timeZone: 'Asia/Jakarta', ids: vault.ids, seen, words: vault.words, fileBase64: TINY_PDF_BASE64 };
            const input = takeBack ? { passphrase: clinic.target.passphrase } : g(inputArbitrary, channel, world);
            const sent = JSON.stringify(input);
            const typedTokens = vault.outsiders.flatMap((o) => o.tokens.filter((t) => sent.includes(t)));
            const before = occurrencesInVault(reader, typedTokens);
            const reply = await clinic.app.dispatch(channel, input);
            trail.push(`${channel} ${sent.slice(0, 300)} → ${reply.ok ? 'ok' : reply.error.code}`);
            if (clientModeCalls !== null) clientModeCalls += 1;
            if (reply.ok && channel === 'measures.startClientMode') clientModeCalls = 0;
            if (reply.ok && channel === 'measures.endClientMode') clientModeCalls = null;
            const count = tally.get(channel)!;
            count.calls += 1;
            if (reply.ok) {
              count.ok += 1;
              idsShown(reply.value, channel, seen);
              vault = vaultNow();
            }
            // Outsiders as the vault has them now: the calls may have changed the caseload.
            const leaks = leaksIn(reply, vault.outsiders, [...written, sent].join('\n'));
            if (leaks.length > 0) {
              throw new Error(`${clinic.target.username} was shown ${leaks.join(', ')}\nby ${channel} ${sent}\nreply: ${JSON.stringify(reply).slice(0, 2000)}\ncalls so far (last 12):\n${trail.slice(-12).join('\n')}`);
            }
            for (const [token, n] of occurrencesInVault(reader, typedTokens)) if (n > before.get(token)!) written.add(token);
          }
        } finally {
          reader.close();
          await clinic.cleanup();
        }
      }),
      // Each clinic costs seconds (scrypt for every account and sign-in), so few clinics, many calls each.
      { seed: 20261211, numRuns: 4, endOnFailure: true },
    );

    console.info(`caseload wall: successful/all calls per channel\n${[...tally].map(([c, t]) => `  ${c}: ${t.ok}/${t.calls}`).join('\n')}`);
    // The property had someone to hide, reached every channel, and got past validation often.
    expect(outsidersHidden).toBeGreaterThan(4);
    expect([...tally].filter(([, t]) => t.calls === 0).map(([c]) => c)).toEqual([]);
    expect([...tally.values()].reduce((sum, t) => sum + t.ok, 0)).toBeGreaterThan(800);
    expect(MUST_SUCCEED.filter((c) => tally.get(c)!.ok === 0)).toEqual([]);
  }, 170_000);
});
