import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect } from '../bridge/fixtures';
import { screenshotsFor } from '../bridge/screens';
import { ADMIN, COUNSELLOR, agencyWithContract, asUser, clientWithCase, dispatchOk, setUpClinic } from '../bridge/clinic';
import { signIn } from '../bridge/sign-in';
import { untranslatedOnPage } from '../bridge/visible-text';
import type { TenangApp } from '../../services/tenang-app';
import { testNowIn } from '../helpers/test-now';

/**
 * Issue 11, part 4: what admins do with clinical content and with accounts is seen by the
 * counsellors concerned. A full export needs a reason, is encrypted unless plain text is
 * confirmed in words, and is named on the Home of every counsellor whose notes it holds; a
 * passphrase reset is told at the next sign-in and stays on Home with the sign-ins since.
 */

const screenshot = screenshotsFor('trust');
const REASON = 'Moving to the provider’s new records system';
const nav = (page: Page, name: RegExp) => page.getByRole('navigation', { name: /^(Main|Utama)$/ }).getByRole('link', { name }).click();

/** Budi with a client and one signed note: what a full export would hold of his, what break-glass would open. */
async function clinicWithBudisNote(app: TenangApp, language: 'en' | 'id' = 'en'): Promise<{ code: string; noteId: number }> {
  const { counsellorId } = await setUpClinic(app, { counsellor: true, language });
  const agency = await agencyWithContract(app, 'Dinas Kesehatan Kota Bandung', 'health');
  const rina = await clientWithCase(app, agency.id, counsellorId!, 'Rina', 'Wijaya');
  const noteId = await asUser(app, COUNSELLOR, async () => {
    const note = await dispatchOk(app, 'notes.create', { caseId: rina.caseId, sessionId: null, template: 'free_text' });
    return (await dispatchOk(app, 'notes.sign', { id: note.id, content: { text: 'Telepon singkat: klien meminta jadwal ulang.' } })).id;
  });
  return { code: rina.code, noteId };
}

test('a full export asks why and a passphrase, and the counsellor whose notes it holds sees who, when and why', async ({ page, app, savedFilesDir }) => {
  await clinicWithBudisNote(app);
  await page.goto('/');
  await signIn(page, ADMIN);
  await nav(page, /^Admin$/);
  await page.getByRole('navigation', { name: 'Admin sections' }).getByRole('link', { name: 'Export' }).click();
  const panel = page.getByTestId('export-panel');
  await expect(panel.getByLabel('Encrypted with a passphrase (recommended)')).toBeChecked();

  // Nothing typed: each field says what it needs, and nothing is written.
  await panel.getByRole('button', { name: 'Choose where to save…' }).click();
  await expect(panel.locator('#export-reason-error')).toHaveText('Reason for the export is required.');
  await panel.getByLabel('Reason for the export').fill('backup');
  await panel.getByLabel('Passphrase for the file').fill('password123');
  await panel.getByRole('button', { name: 'Choose where to save…' }).click();
  await expect(panel.locator('#export-reason-error')).toHaveText('Reason for the export must be at least 15 characters.');
  await expect(panel.locator('#export-new-passphrase-error')).toContainText('Passphrase for the file');
  expect(readdirSync(savedFilesDir)).toEqual([]);

  // Plain text asks for the words first.
  await panel.getByLabel('Reason for the export').fill(REASON);
  await panel.getByLabel('Plain text, not encrypted').check();
  await expect(panel.getByTestId('export-plaintext-warning')).toContainText('can be read by anyone who gets hold of it');
  await panel.getByRole('button', { name: 'Choose where to save…' }).click();
  await expect(panel.locator('#export-confirm-words-error')).toHaveText('Type the words exactly as shown to confirm a file that is not encrypted.');
  await panel.getByLabel('Type NOT ENCRYPTED to confirm').fill('not encrypted');
  await screenshot(page, 'export-plaintext-en');

  // Back to an encrypted file, as recommended.
  await panel.getByLabel('Encrypted with a passphrase (recommended)').check();
  await panel.getByLabel('Passphrase for the file').fill('lentera kecil di ujung dermaga');
  await panel.getByLabel('Type the passphrase again').fill('lentera kecil di ujung dermaga');
  await screenshot(page, 'export-en');
  await panel.getByRole('button', { name: 'Choose where to save…' }).click();
  const fileName = `tenang-export-${testNowIn('Asia/Jakarta').toISODate()}.json`;
  await expect(panel.getByTestId('export-done')).toContainText(`encrypted, to ${join(savedFilesDir, fileName)}`);
  expect(JSON.parse(readFileSync(join(savedFilesDir, fileName), 'utf8'))).toMatchObject({ format: 'tenang-export-encrypted' });
  await screenshot(page, 'export-done-en');

  // Budi is told on his Home.
  await page.getByRole('button', { name: 'Lock' }).click();
  await signIn(page, COUNSELLOR);
  const card = page.getByTestId('home-full-exports');
  await expect(card.getByTestId('home-full-export')).toHaveCount(1);
  await expect(card).toContainText(`Full export by ${ADMIN.displayName} on`);
  await expect(card).toContainText('Encrypted file');
  await expect(card).toContainText(REASON);
  await screenshot(page, 'export-home-en');

  // In Bahasa Indonesia, for him and for the admin's form.
  await page.getByRole('button', { name: 'Bahasa Indonesia' }).click();
  await expect(card).toContainText(`Ekspor lengkap oleh ${ADMIN.displayName} pada`);
  await expect.poll(() => untranslatedOnPage(page)).toEqual([]);
  await screenshot(page, 'export-home-id');
  await page.getByRole('button', { name: 'Kunci' }).click();
  await page.getByLabel('Siapa yang masuk?').selectOption(ADMIN.username);
  await page.getByLabel('Frasa sandi', { exact: true }).fill(ADMIN.passphrase);
  await page.getByRole('button', { name: 'Buka' }).click();
  await nav(page, /^Admin$/);
  await page.getByRole('navigation', { name: 'Bagian admin' }).getByRole('link', { name: 'Ekspor' }).click();
  await page.getByTestId('export-panel').getByLabel('Teks biasa, tidak terenkripsi').check();
  await expect(page.getByTestId('export-panel').getByLabel('Ketik TIDAK TERENKRIPSI untuk mengonfirmasi')).toBeVisible();
  await expect.poll(() => untranslatedOnPage(page)).toEqual([]);
  await screenshot(page, 'export-plaintext-id');
});

test('a passphrase reset is told at the next sign-in and stays on Home with every sign-in since', async ({ page, app }) => {
  await setUpClinic(app, { counsellor: true });
  const byAdmin = 'mangrove tide under lanterns';
  await page.goto('/');
  await nav(page, /^Admin$/);
  const row = page.getByTestId('users-table').locator(`tr[data-username="${COUNSELLOR.username}"]`);
  await row.getByRole('button', { name: /Reset passphrase/ }).click();
  const resetDialog = page.getByRole('dialog', { name: `New passphrase for ${COUNSELLOR.displayName}` });
  await resetDialog.getByLabel('New passphrase').fill(byAdmin);
  await resetDialog.getByLabel('Type the passphrase again').fill(byAdmin);
  await resetDialog.getByRole('button', { name: 'Set new passphrase' }).click();
  await expect(page.getByTestId('users-notice')).toHaveText(`${COUNSELLOR.displayName} has a new passphrase.`);

  // Whoever signs in next as Budi, he or the admin, is told at once.
  await page.getByRole('button', { name: 'Lock' }).click();
  await signIn(page, { ...COUNSELLOR, passphrase: byAdmin });
  const notice = page.getByTestId('passphrase-reset-notice');
  await expect(notice).toContainText(`${ADMIN.displayName} gave your account a new passphrase on`);
  const resets = page.getByTestId('home-passphrase-resets');
  await expect(resets.getByTestId('home-passphrase-reset')).toHaveCount(1);
  await expect(resets).toContainText(`New passphrase given by ${ADMIN.displayName} on`);
  await expect(resets).toContainText('Signed in since:');
  await screenshot(page, 'reset-home-en');

  // Told once: the next sign-in is quiet, while Home keeps the record and counts the sign-ins.
  await page.getByRole('button', { name: 'Lock' }).click();
  await signIn(page, { ...COUNSELLOR, passphrase: byAdmin });
  await expect(page.getByTestId('passphrase-reset-notice')).toHaveCount(0);
  await expect(resets).toContainText('2 sign-ins since:');
  await page.getByRole('button', { name: 'Bahasa Indonesia' }).click();
  await expect(resets).toContainText(`Frasa sandi baru diberikan oleh ${ADMIN.displayName} pada`);
  await expect(resets).toContainText('2 kali masuk sejak itu:');
  await expect.poll(() => untranslatedOnPage(page)).toEqual([]);
  await screenshot(page, 'reset-home-id');
});

test('break-glass asks why in a category and in words, and the counsellor sees both, in Bahasa Indonesia and in English', async ({ page, app }) => {
  const rina = await clinicWithBudisNote(app, 'id');
  const reason = 'Keluhan klien diterima hari ini; meninjau catatan bersama supervisor klinis.';
  // After sign-in the clinic's language, Bahasa Indonesia, applies.
  await page.goto('/');
  await signIn(page, ADMIN);
  await nav(page, /^Klien$/);
  await page.getByRole('button', { name: new RegExp(rina.code) }).first().click();
  await page.getByTestId('client-notes-table').locator(`tr[data-note-id="${rina.noteId}"]`).getByRole('button', { name: /^Buka \(akses darurat\)/ }).click();
  const step = page.getByRole('dialog', { name: 'Buka catatan klinis' });
  await step.getByRole('button', { name: 'Buka catatan' }).click();
  await expect(page.locator(`#break-glass-category-${rina.noteId}-error`)).toContainText('Mengapa Anda perlu membukanya');
  await step.getByLabel('Mengapa Anda perlu membukanya').selectOption('complaint');
  await step.getByLabel('Dengan kata-kata Anda sendiri').fill(reason);
  await expect.poll(() => untranslatedOnPage(page)).toEqual([]);
  await screenshot(page, 'break-glass-id', { viewport: true });
  await step.getByRole('button', { name: 'Buka catatan' }).click();
  await expect(page.getByRole('dialog', { name: new RegExp(rina.code) }).getByTestId('note-notice')).toBeVisible();
  expect((await dispatchOk(app, 'audit.list', { action: 'note.break_glass' })).entries.map((e) => e.detail)).toEqual([expect.objectContaining({ category: 'complaint' })]);
  await page.getByRole('dialog', { name: new RegExp(rina.code) }).getByRole('button', { name: 'Tutup' }).click();

  // Budi sees it on Home: who, when, the category and the words.
  await page.getByRole('button', { name: 'Kunci' }).click();
  await page.getByLabel(/^(Who is signing in\?|Siapa yang masuk\?)$/).selectOption(COUNSELLOR.username);
  await page.getByLabel(/^(Passphrase|Frasa sandi)$/).fill(COUNSELLOR.passphrase);
  await page.getByRole('button', { name: /^(Unlock|Buka)$/ }).click();
  const glass = page.getByTestId('home-break-glass');
  await expect(glass).toContainText(`${ADMIN.displayName} membuka catatan ${rina.code} pada`);
  await expect(glass).toContainText('Pengaduan');
  await expect(glass).toContainText(reason);
  await expect.poll(() => untranslatedOnPage(page)).toEqual([]);
  await screenshot(page, 'break-glass-home-id');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(glass).toContainText('Complaint');
  await screenshot(page, 'break-glass-home-en');
});

