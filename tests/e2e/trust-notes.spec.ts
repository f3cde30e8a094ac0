import { DateTime } from 'luxon';
import type { Page } from '@playwright/test';
import { test, expect } from '../bridge/fixtures';
import { screenshotsFor } from '../bridge/screens';
import { ADMIN, CLINIC, COUNSELLOR, agencyWithContract, asUser, clientWithCase, dispatchOk, setUpClinic } from '../bridge/clinic';
import { signIn } from '../bridge/sign-in';
import { untranslatedOnPage } from '../bridge/visible-text';
import { passTime, type TestClock } from '../bridge/test-clock';
import type { TenangApp } from '../../services/tenang-app';

/**
 * Whose notes a counsellor reads (issue 11): Sari saw Putu last year and closed her case;
 * Budi takes Putu on now. Sari no longer reads what is written for Putu; Budi reads Sari's
 * closed case for continuity of care, and the first opening is in the audit log.
 */

const screens = screenshotsFor('trust-notes');
const SARI = { username: 'sari', displayName: 'Sari Wulandari', passphrase: 'teh manis di sore yang cerah' };
const SARIS_NOTE = 'Closing summary: night-shift stress eased after the roster change; referred to the peer support group.';
const BUDIS_NOTE = 'Intake: pinjaman online menumpuk sejak mutasi; tidur terganggu, konflik dengan pasangan.';

/** The app's today in the clinic's zone, by the app's clock (the suite's fixed now, moved on by the test). */
const appToday = (clock: TestClock) => DateTime.fromMillis(clock.now(), { zone: CLINIC.timeZone }).toISODate()!;

async function signedNote(app: TenangApp, caseId: number, text: string) {
  const note = await dispatchOk(app, 'notes.create', { caseId, template: 'free_text' });
  return dispatchOk(app, 'notes.sign', { id: note.id, content: { text } });
}

/** Sari's case for Putu, with one signed note, closed; three weeks later Putu is referred again and assigned to Budi, who writes an intake note. */
async function seedHandover(page: Page, app: TenangApp, clock: TestClock) {
  const { counsellorId: budi } = await setUpClinic(app, { counsellor: true });
  const sari = await dispatchOk(app, 'users.create', { username: SARI.username, displayName: SARI.displayName, role: 'counsellor', newPassphrase: SARI.passphrase, confirmPassphrase: SARI.passphrase });
  const agency = await agencyWithContract(app, 'Dinas Perhubungan Kota Denpasar', 'government_administration');
  const putu = await clientWithCase(app, agency.id, sari.id, 'Putu', 'Ardana');
  const sarisNote = await asUser(app, SARI, async () => {
    const note = await signedNote(app, putu.caseId, SARIS_NOTE);
    await dispatchOk(app, 'cases.close', { id: putu.caseId, closedDate: appToday(clock), closureReason: 'completed' });
    return note;
  });

  await passTime(page, clock, 21 * 86_400_000); // the app and the page alike
  await dispatchOk(app, 'session.unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase });
  const referral = await dispatchOk(app, 'referrals.create', {
    agencyId: agency.id,
    receivedDate: appToday(clock),
    referralType: 'self',
    urgency: 'routine',
    presentingIssues: ['financial', 'family_relationships'],
    client: { mode: 'existing', clientId: putu.clientId },
  });
  if (referral.outcome !== 'created') throw new Error('the referral was not created');
  await dispatchOk(app, 'referrals.move', { id: referral.referral.id, to: 'triaged' });
  await dispatchOk(app, 'referrals.move', { id: referral.referral.id, to: 'waitlisted' });
  const assigned = await dispatchOk(app, 'referrals.assign', { id: referral.referral.id, counsellorId: budi! });
  const budisNote = await asUser(app, COUNSELLOR, () => signedNote(app, assigned.caseId!, BUDIS_NOTE));
  return { putu, sarisNote, budisNote };
}

async function openClient(page: Page, clientId: number, name: string, nav = { name: 'Main', link: 'Clients' }): Promise<void> {
  await page.getByRole('navigation', { name: nav.name }).getByRole('link', { name: nav.link }).click();
  await page.locator(`[data-client-id="${clientId}"]`).click();
  await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
}

async function search(page: Page, word: string, nav = { name: 'Main', link: 'Search notes', box: 'Search for' }): Promise<void> {
  await page.getByRole('navigation', { name: nav.name }).getByRole('link', { name: nav.link }).click();
  await page.getByRole('searchbox', { name: nav.box }).fill(word);
}

test('a counsellor whose case closed no longer reads the client’s later notes; the new counsellor reads the earlier case for continuity of care', async ({ page, app, clock }) => {
  const { putu, sarisNote, budisNote } = await seedHandover(page, app, clock);

  // Sari, whose case closed before Budi's opened: Putu is still on her books, Budi's note is not.
  await page.goto('/');
  await signIn(page, SARI);
  await openClient(page, putu.clientId, putu.name);
  const notes = page.getByTestId('client-notes-table');
  await expect(notes.locator('tr[data-note-id]')).toHaveCount(1);
  await expect(notes.locator(`tr[data-note-id="${sarisNote.id}"]`)).toContainText('Sari Wulandari');
  await expect(notes.locator(`tr[data-note-id="${budisNote.id}"]`)).toHaveCount(0);
  await expect(page.getByTestId('client-notes')).toContainText('while you hold an open case, those of the client’s earlier cases');
  await screens(page, 'earlier-counsellor-record');

  await search(page, 'pinjaman');
  await expect(page.getByTestId('search-summary')).toHaveText('No notes match “pinjaman”.');
  await expect(page.getByTestId('search-hit')).toHaveCount(0);
  await screens(page, 'earlier-counsellor-search');
  await page.getByRole('searchbox', { name: 'Search for' }).fill('roster');
  await expect(page.getByTestId('search-summary')).toHaveText('1 result');

  // Budi, who holds Putu's open case: both notes, Sari's marked as an earlier case.
  await page.getByRole('button', { name: 'Lock' }).click();
  await signIn(page, COUNSELLOR);
  await openClient(page, putu.clientId, putu.name);
  await expect(notes.locator('tr[data-note-id]')).toHaveCount(2);
  const earlier = notes.locator(`tr[data-note-id="${sarisNote.id}"]`);
  await expect(earlier.getByTestId('note-earlier-case')).toHaveText('Earlier case (continuity of care)');
  await expect(notes.locator(`tr[data-note-id="${budisNote.id}"]`).getByTestId('note-earlier-case')).toHaveCount(0);
  await screens(page, 'continuity-list');

  await earlier.getByRole('button', { name: /^Open/ }).click();
  const dialog = page.getByRole('dialog', { name: `Free-text note for ${putu.code}` });
  await expect(dialog).toContainText(SARIS_NOTE);
  await expect(dialog.getByTestId('note-continuity')).toContainText('Written by Sari Wulandari in an earlier case of this client, now closed.');
  await expect(dialog.getByTestId('addendum-form')).toHaveCount(0);
  await screens(page, 'continuity-note', { viewport: true });
  await dialog.getByRole('button', { name: 'Close' }).first().click();

  await search(page, 'roster');
  await expect(page.getByTestId('search-summary')).toHaveText('1 result');
  await expect(page.getByTestId('search-hit')).toContainText(putu.code);
  await screens(page, 'continuity-search');

  // The first opening through continuity of care is its own entry in the audit log.
  const entries = await asUser(app, ADMIN, () => dispatchOk(app, 'audit.list', { action: 'note.view_continuity' }));
  expect(entries.entries.map((e) => [e.actorUsername, e.recordId])).toEqual([[COUNSELLOR.username, String(sarisNote.id)]]);
});

test('the earlier case’s note, read for continuity of care, in Bahasa Indonesia', async ({ page, app, clock }) => {
  const { putu, sarisNote } = await seedHandover(page, app, clock);
  await page.goto('/');
  await signIn(page, COUNSELLOR);
  await page.getByRole('button', { name: 'Bahasa Indonesia' }).click();
  await openClient(page, putu.clientId, putu.name, { name: 'Utama', link: 'Klien' });
  const earlier = page.getByTestId('client-notes-table').locator(`tr[data-note-id="${sarisNote.id}"]`);
  await expect(earlier.getByTestId('note-earlier-case')).toHaveText('Kasus sebelumnya (kesinambungan layanan)');
  await earlier.getByRole('button', { name: /^Buka/ }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByTestId('note-continuity')).toContainText('Ditulis oleh Sari Wulandari pada kasus sebelumnya untuk klien ini, yang sudah ditutup.');
  await expect.poll(() => untranslatedOnPage(page)).toEqual([]);
  await screens(page, 'continuity-note-id', { viewport: true });
});
