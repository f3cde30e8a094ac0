import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect } from '../bridge/fixtures';
import { screenshotsFor } from '../bridge/screens';
import { ADMIN, CLINIC, COUNSELLOR, agencyWithContract, dispatchOk, setUpClinic } from '../bridge/clinic';
import { signIn } from '../bridge/sign-in';
import type { TenangApp } from '../../services/tenang-app';
import { testNowIn } from '../helpers/test-now';
import { pdfLines } from '../helpers/pdf-text';
import { renderPdfBeside } from '../helpers/pdf-to-png';


const shoot = screenshotsFor('letters');
const ZONE = CLINIC.timeZone;
const today = () => testNowIn(ZONE).startOf('day');
/** The days the client attended: 20, 13 and 6 days before today, by the clinic's calendar. */
const ATTENDED = [20, 13, 6];
const MISSED = 9;
const REASON = 'Sering bertengkar dengan warga saat bertugas';

/**
 * A formal management referral from the client's manager: Siti consented (from a month ago,
 * for five months) to attendance and compliance being told, dated by day. Her case has
 * three attended sessions and one missed. A second formal referral came without consent.
 */
async function seed(app: TenangApp, language: 'en' | 'id') {
  const { counsellorId } = await setUpClinic(app, { counsellor: true, language });
  const agency = await agencyWithContract(app, 'Dinas Pemadam Kebakaran Kota Surabaya', 'emergency_services');
  const formal = {
    agencyId: agency.id,
    receivedDate: today().minus({ days: 30 }).toISODate()!,
    referralType: 'formal_management' as const,
    urgency: 'routine' as const,
    presentingIssues: ['conflict_with_public' as const],
    referrerName: 'Pak Hendra Wijaya',
    referrerContact: 'hendra@damkar.go.id',
    reason: REASON,
  };
  const created = await dispatchOk(app, 'referrals.create', {
    ...formal,
    consentLevel: 'attendance_and_compliance',
    consentDate: today().minus({ days: 30 }).toISODate()!,
    consentExpiry: today().plus({ days: 150 }).toISODate()!,
    consentDates: 'day',
    client: { mode: 'new', givenName: 'Siti', familyName: 'Rahayu', preferredLanguage: 'id' },
  });
  if (created.outcome !== 'created') throw new Error('not created');
  const siti = created.referral;
  await dispatchOk(app, 'referrals.move', { id: siti.id, to: 'triaged' });
  await dispatchOk(app, 'referrals.move', { id: siti.id, to: 'waitlisted' });
  const assigned = await dispatchOk(app, 'referrals.assign', { id: siti.id, counsellorId: counsellorId! });
  // Sessions already held (booking them is the calendar's journey).
  await app.runAdminTask('test', async (session) => {
    for (const [days, status] of [...ATTENDED.map((d) => [d, 'attended'] as const), [MISSED, 'did_not_attend'] as const]) {
      const start = today().minus({ days }).set({ hour: 10 }).toMillis();
      await session.dataSource.query(
        `INSERT INTO session (case_id, agency_id, counsellor_id, start_ms, end_ms, time_zone, session_type, modality, status, status_reason, created_at, created_by_user_id, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, 'counselling', 'phone', ?, '', ?, 1, ?)`,
        [assigned.caseId, agency.id, counsellorId, start, start + 50 * 60_000, ZONE, status, new Date(start).toISOString(), new Date(start).toISOString()],
      );
    }
  });
  const other = await dispatchOk(app, 'referrals.create', { ...formal, consentLevel: 'none', client: { mode: 'new', givenName: 'Dewi', familyName: 'Lestari' } });
  if (other.outcome !== 'created') throw new Error('not created');
  await app.lock('manual');
  return { siti: { ...siti, caseId: assigned.caseId! }, noConsent: other.referral };
}

/** A day as the letter writes it: "5 November 2026" / "5 November 2026". */
const letterDay = (daysAgo: number, locale: string) => today().minus({ days: daysAgo }).setLocale(locale).toFormat('d MMMM yyyy');

async function openReferral(page: Page, id: number, code: string, words: { nav: string; tab: string; details: string; dialog: string }) {
  await page.getByRole('navigation', { name: /Main|Utama/ }).getByRole('link', { name: words.nav }).click();
  await page.getByRole('link', { name: words.tab }).click();
  await page.getByTestId('referrals-table').locator(`tr[data-referral-id="${id}"]`).getByRole('button', { name: `${words.details} ${code}` }).click();
  return page.getByRole('dialog', { name: `${words.dialog} ${code}` });
}

async function tallShot(page: Page, step: string): Promise<void> {
  const size = page.viewportSize()!;
  await page.setViewportSize({ width: 1280, height: 1100 });
  await shoot(page, step, { viewport: true });
  await page.setViewportSize(size);
}

test('the counsellor records compliance; an admin previews the letter to the referrer, saves it as a PDF saying only what the consent allows, and is told why a letter without consent cannot be written', async ({ page, app, savedFilesDir }) => {
  const { siti, noConsent } = await seed(app, 'en');
  await page.goto('/');

  // The counsellor of the case answers on the client's record.
  await signIn(page, COUNSELLOR);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Clients' }).click();
  await page.locator(`[data-client-id="${siti.clientId}"]`).click();
  const card = page.getByTestId('client-compliance');
  await expect(card.getByTestId('compliance-answer')).toHaveText('Not recorded yet.');
  await card.getByRole('button', { name: 'Record yes' }).click();
  await expect(card.getByTestId('compliance-answer')).toContainText(`Yes, recorded by ${COUNSELLOR.displayName} on`);
  await card.scrollIntoViewIfNeeded();
  await shoot(page, 'compliance-en');
  await page.getByRole('button', { name: 'Lock' }).click();

  // The admin writes the letter from the referral.
  await signIn(page, ADMIN);
  const words = { nav: 'Referrals', tab: 'All referrals', details: 'Details', dialog: 'Referral of' };
  let details = await openReferral(page, siti.id, siti.clientCode, words);
  await expect(details.getByTestId('referral-details')).toContainText('By day');
  await details.getByRole('button', { name: 'Write letter to referrer' }).click();
  const dialog = page.getByRole('dialog', { name: 'Letter to the referrer' });
  const preview = dialog.getByTestId('letter-preview');
  // In the client's language (Indonesian) until the admin picks another.
  await expect(preview).toContainText('Rekomendasi dijalankan: ya');
  await dialog.getByLabel('English').check();
  await expect(preview).toContainText('Recommendations being followed: yes (as recorded by the counsellor on');
  for (const days of ATTENDED) await expect(preview).toContainText(letterDay(days, 'en-GB'));
  await expect(preview).not.toContainText(letterDay(MISSED, 'en-GB'));
  await expect(preview).not.toContainText(REASON);
  await expect(preview).not.toContainText(COUNSELLOR.displayName);
  await tallShot(page, 'preview-en');

  await dialog.getByRole('button', { name: 'Save letter as PDF' }).click();
  const fileName = `referral-letter-${siti.id}-${today().toISODate()}.pdf`;
  await expect(dialog.getByTestId('letter-saved')).toHaveText(`The letter was saved to ${fileName} and entered in the register.`);
  await tallShot(page, 'saved-en');
  expect(readdirSync(savedFilesDir)).toEqual([fileName]);
  const text = (await pdfLines(readFileSync(join(savedFilesDir, fileName)))).join(' ');
  await renderPdfBeside(page, readFileSync(join(savedFilesDir, fileName)), join('artifacts/screens', 'letters-pdf-en.png'));
  expect(text).toContain('Attendance at counselling and recommendations: Siti Rahayu');
  for (const days of ATTENDED) expect(text).toContain(letterDay(days, 'en-GB'));
  for (const secret of [REASON, COUNSELLOR.displayName, 'Conflict with the public', letterDay(MISSED, 'en-GB')]) expect(text).not.toContain(secret);
  await dialog.getByRole('button', { name: 'Close' }).click();
  await details.getByRole('button', { name: 'Close' }).click();

  // Without consent the letter cannot be written, and the dialog says why.
  details = await openReferral(page, noConsent.id, noConsent.clientCode, words);
  await details.getByRole('button', { name: 'Write letter to referrer' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('The client did not consent to anything being shared with the referrer, so no letter can be written.');
  await expect(dialog.getByRole('button', { name: 'Save letter as PDF' })).toBeDisabled();
  await tallShot(page, 'refused-en');
  expect(readdirSync(savedFilesDir)).toEqual([fileName]);
});

test('in Indonesian: the compliance card, the preview and the saved letter', async ({ page, app, savedFilesDir }) => {
  const { siti } = await seed(app, 'id');
  await page.goto('/');
  // Before anyone signs in the screen speaks the device's language; the person switches it.
  await page.getByRole('button', { name: 'Bahasa Indonesia' }).click();
  const signInId = async (who: { username: string; passphrase: string; displayName: string }) => {
    await page.getByLabel('Siapa yang masuk?').selectOption(who.username);
    await page.getByLabel('Frasa sandi', { exact: true }).fill(who.passphrase);
    await page.getByRole('button', { name: 'Buka' }).click();
    await expect(page.getByTestId('signed-in-name')).toHaveText(who.displayName);
  };

  await signInId(COUNSELLOR);
  await page.getByRole('navigation', { name: 'Utama' }).getByRole('link', { name: 'Klien' }).click();
  await page.locator(`[data-client-id="${siti.clientId}"]`).click();
  const card = page.getByTestId('client-compliance');
  await card.getByRole('button', { name: 'Catat tidak' }).click();
  await expect(card.getByTestId('compliance-answer')).toContainText(`Tidak, dicatat oleh ${COUNSELLOR.displayName} pada`);
  await card.scrollIntoViewIfNeeded();
  await shoot(page, 'compliance-id');
  await page.getByRole('button', { name: 'Kunci' }).click();

  await signInId(ADMIN);
  const details = await openReferral(page, siti.id, siti.clientCode, { nav: 'Rujukan', tab: 'Semua rujukan', details: 'Rincian', dialog: 'Rujukan' });
  await details.getByRole('button', { name: 'Tulis surat untuk perujuk' }).click();
  const dialog = page.getByRole('dialog', { name: 'Surat untuk perujuk' });
  const preview = dialog.getByTestId('letter-preview');
  await expect(preview).toContainText('Rekomendasi dijalankan: tidak (sesuai catatan konselor pada');
  for (const days of ATTENDED) await expect(preview).toContainText(letterDay(days, 'id-ID'));
  await tallShot(page, 'preview-id');
  await dialog.getByRole('button', { name: 'Simpan surat sebagai PDF' }).click();
  await expect(dialog.getByTestId('letter-saved')).toContainText('dicatat dalam register');
  await tallShot(page, 'saved-id');
  const [file] = readdirSync(savedFilesDir);
  const text = (await pdfLines(readFileSync(join(savedFilesDir, file!)))).join(' ');
  await renderPdfBeside(page, readFileSync(join(savedFilesDir, file!)), join('artifacts/screens', 'letters-pdf-id.png'));
  expect(text).toContain('Kehadiran dalam konseling dan pelaksanaan rekomendasi: Siti Rahayu');
  expect(text).not.toContain(REASON);
});
