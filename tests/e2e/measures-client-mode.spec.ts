import { DateTime } from 'luxon';
import type { Locator, Page } from '@playwright/test';
import { test, expect } from '../bridge/fixtures';
import { screenshotsFor } from '../bridge/screens';
import { CLINIC, COUNSELLOR, agencyWithContract, asUser, clientWithCase, dispatchOk, setUpClinic } from '../bridge/clinic';
import { signIn } from '../bridge/sign-in';
import { untranslatedOnPage } from '../bridge/visible-text';
import type { TenangApp } from '../../services/tenang-app';
import { testNowIn } from '../helpers/test-now';

const screenshot = screenshotsFor('measures');
const ZONE = CLINIC.timeZone;
const today = () => testNowIn(ZONE).startOf('day');
const at = (day: DateTime, time: string) => `${day.toISODate()}T${time}`;
const enDay = (day: DateTime) => day.setLocale('en-GB').toFormat('d LLL yyyy');
const ITEM_9 = 'Thoughts that you would be better off dead or of hurting yourself in some way';
const ITEM_9_ID = 'Pikiran bahwa lebih baik Anda mati, atau pikiran untuk melukai diri sendiri dengan cara apa pun';

/**
 * Budi's clinic: Rina, whose case's plan asks only the PHQ-9 at intake, with her first
 * session this morning; and Sari, whose intake yesterday took place without its questionnaires
 * (overdue on Home). The admin books; Budi sets the plan and marks the session.
 */
async function seedClinic(app: TenangApp) {
  const { counsellorId } = await setUpClinic(app, { counsellor: true });
  const agency = await agencyWithContract(app, 'Dinas Kesehatan Kota Bandung', 'health');
  const rina = await clientWithCase(app, agency.id, counsellorId!, 'Rina', 'Wijaya');
  const sari = await clientWithCase(app, agency.id, counsellorId!, 'Sari', 'Nugroho');
  const book = async (caseId: number, localStart: string) => {
    const result = await dispatchOk(app, 'sessions.book', {
      caseId,
      counsellorId: counsellorId!,
      sessionType: 'intake_assessment',
      modality: 'phone',
      localStart,
      durationMinutes: 50,
      overrideReason: 'Agreed with the client',
    });
    if (result.outcome !== 'booked') throw new Error(`not booked: ${JSON.stringify(result)}`);
    return result.sessions[0]!;
  };
  const rinaSession = await book(rina.caseId, at(today(), '09:00'));
  const sariSession = await book(sari.caseId, at(today().minus({ days: 1 }), '10:00'));
  await asUser(app, COUNSELLOR, async () => {
    await dispatchOk(app, 'measures.setPlan', { caseId: rina.caseId, plan: { instruments: ['phq9'], atIntake: true, everySessions: null, atClosure: false } });
    await dispatchOk(app, 'sessions.setStatus', { id: sariSession.id, status: 'attended', reason: '' });
  });
  return { rina, sari, rinaSession, sariSession };
}

const nav = (page: Page, name: string) => page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name }).click();
const sessionBlock = (page: Page, id: number) => page.locator(`.tenang-calendar .ec-event:has([data-session-id="${id}"])`);

/** Opens the session from the calendar and hands the desktop to the client. */
async function handToClient(page: Page, sessionId: number, code: string, shoot = false): Promise<void> {
  await nav(page, 'Calendar');
  await sessionBlock(page, sessionId).click();
  const dialog = page.getByRole('dialog', { name: `Session with ${code}` });
  const due = dialog.getByTestId('session-measures-due');
  await expect(due).toContainText('Questionnaires due at this session');
  await expect(due).toContainText('PHQ-9');
  if (shoot) await screenshot(page, 'session-due', { viewport: true });
  await due.getByRole('button', { name: 'Hand to client' }).click();
  await expect(page.getByTestId('client-language')).toBeVisible();
}

/** Chooses an answer on the question on screen and moves on (or only moves on, leaving it unanswered). */
async function answer(page: Page, label: string | null, next: 'Next' | 'Lanjut' | 'Finish' | 'Selesai' = 'Next'): Promise<void> {
  const question = page.getByTestId('client-question');
  if (label !== null) await question.getByRole('radio', { name: label, exact: true }).check();
  await question.getByRole('button', { name: next }).click();
}

/** Nothing on the client's screens may say how the answers came out. */
async function expectNothingClinical(page: Page): Promise<void> {
  const text = (await page.locator('body').innerText()).toLowerCase();
  for (const word of ['score', 'skor', 'band', 'minimal', 'mild', 'moderate', 'severe', 'ringan', 'sedang', 'berat', 'alert', 'peringatan', 'risk', 'risiko', 'phq-9 item', 'caseness']) {
    expect(text, `"${word}" on the client's screen`).not.toContain(word);
  }
}

async function expectShellGone(page: Page): Promise<void> {
  await expect(page.getByRole('navigation', { name: 'Main' })).toHaveCount(0);
  await expect(page.locator('.shell')).toHaveCount(0);
  await expect(page.getByTestId('signed-in-name')).toHaveCount(0);
}

/** A channel called from the page as any script in it could, through `window.tenang.invoke`. */
function invokeFromPage(page: Page, channel: string, input: unknown): Promise<unknown> {
  return page.evaluate(
    ([name, args]) => (window as unknown as { tenang: { invoke: (c: string, i: unknown) => Promise<unknown> } }).tenang.invoke(name as string, args),
    [channel, input] as const,
  );
}

const minHeight = async (locator: Locator) => (await locator.boundingBox())?.height ?? 0;

test('a client answers the PHQ-9 alone; item 9 reaches the counsellor at hand-back, and the case closes only after the follow-up', async ({ page, app }) => {
  const { rina, sari, rinaSession } = await seedClinic(app);
  await app.lock('manual');
  await page.goto('/');
  await signIn(page, COUNSELLOR);

  // Home: nothing to follow up yet; Sari's intake took place without its questionnaires.
  await expect(page.getByTestId('home-measure-alerts')).toHaveCount(0);
  const overdue = page.getByTestId('home-measures-overdue');
  await expect(overdue).toContainText(`PHQ-9, GAD-7, WHO-5 for ${sari.code}`);
  await expect(overdue).toContainText(`Due at session 1 on ${enDay(today().minus({ days: 1 }))}`);

  await handToClient(page, rinaSession.id, rina.code, true);
  // The app is gone, not covered: no navigation, no shell, and the service refuses the rest.
  await expectShellGone(page);
  await screenshot(page, 'client-mode-language');
  await page.getByRole('button', { name: 'English' }).click();

  const question = page.getByTestId('client-question');
  await expect(question.getByTestId('client-progress')).toHaveText('Question 1 of 9');
  await expect(question.locator('progress')).toHaveAttribute('value', '1');
  await expect(question).toContainText('Over the last 2 weeks, how often have you been bothered by any of the following problems?');
  await expect(question).toContainText('Time period: The last 2 weeks');
  await expect(question.getByRole('heading', { level: 1 })).toHaveText('Little interest or pleasure in doing things');
  // Answers are big targets across the card.
  const firstChoice = question.locator('.client-choice').first();
  expect(await minHeight(firstChoice)).toBeGreaterThanOrEqual(48);
  await question.getByRole('radio', { name: 'Several days' }).check();
  await screenshot(page, 'client-mode-question-en');
  await question.getByRole('button', { name: 'Next' }).click();

  await expect(question.getByTestId('client-progress')).toHaveText('Question 2 of 9');
  await answer(page, 'More than half the days');
  // Back once: the earlier answer is still chosen, and can be changed.
  await expect(question.getByTestId('client-progress')).toHaveText('Question 3 of 9');
  await question.getByRole('button', { name: 'Back' }).click();
  await expect(question.getByTestId('client-progress')).toHaveText('Question 2 of 9');
  await expect(question.getByRole('radio', { name: 'More than half the days' })).toBeChecked();
  await question.getByRole('radio', { name: 'Several days' }).check();
  // The keyboard: Enter on a chosen answer moves on.
  await question.getByRole('radio', { name: 'Several days' }).press('Enter');
  await expect(question.getByTestId('client-progress')).toHaveText('Question 3 of 9');
  await answer(page, 'Several days'); // 3
  await answer(page, 'More than half the days'); // 4
  await answer(page, null); // 5: left unanswered
  await answer(page, 'Several days'); // 6
  await answer(page, 'Not at all'); // 7
  await answer(page, 'Not at all'); // 8
  await expect(question.getByRole('heading', { level: 1 })).toHaveText(ITEM_9);
  await expect(question.locator('progress')).toHaveAttribute('value', '9');
  await answer(page, 'Several days', 'Finish'); // 9

  const thanks = page.getByTestId('client-thanks');
  await expect(thanks.getByRole('heading', { name: 'Thank you.' })).toBeVisible();
  await expect(thanks).toContainText('Please hand the computer back to your counsellor.');
  await expectNothingClinical(page);
  await expectShellGone(page);
  // Anything but the questionnaire is refused while the client holds the desktop.
  expect(await invokeFromPage(page, 'home.get', {})).toMatchObject({ ok: false, error: { code: 'CLIENT_MODE' } });
  expect(await invokeFromPage(page, 'measures.list', { caseId: rina.caseId })).toMatchObject({ ok: false, error: { code: 'CLIENT_MODE' } });
  await screenshot(page, 'client-mode-thanks');

  // A wrong passphrase does not end it.
  await thanks.getByLabel('Counsellor: enter your passphrase to continue').fill('not the right passphrase');
  await thanks.getByRole('button', { name: 'Continue' }).click();
  await expect(thanks.locator('#take-back-passphrase-error')).toHaveText('That passphrase is not right. Check it and try again.');
  await expectShellGone(page);

  await thanks.getByLabel('Counsellor: enter your passphrase to continue').fill(COUNSELLOR.passphrase);
  await thanks.getByRole('button', { name: 'Continue' }).click();
  const alert = page.getByRole('alertdialog', { name: 'A questionnaire answer needs your attention' });
  await expect(alert).toContainText(rina.code);
  await expect(alert).toContainText('Rina Wijaya');
  await expect(alert).toContainText(`PHQ-9 item 9 was answered above 0: “${ITEM_9}”`);
  await expect(alert.getByRole('button', { name: 'Raise a risk flag' })).toBeVisible();
  await expect(alert.getByRole('button', { name: 'Record decision not to raise one' })).toBeVisible();
  await screenshot(page, 'client-mode-alert', { viewport: true });

  // Stored as given, as the client's: item 5 unanswered, item 9 above 0.
  const administrations = (await dispatchOk(app, 'measures.list', { caseId: rina.caseId })).administrations;
  expect(administrations).toHaveLength(1);
  expect(administrations[0]).toMatchObject({ instrumentId: 'phq9', mode: 'client', sessionId: rinaSession.id, responses: [1, 1, 1, 2, null, 1, 0, 0, 1], alerts: ['phq9_item9'] });

  // Later: the alert waits at the top of Home.
  await alert.getByRole('button', { name: 'Follow up later' }).click();
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  await nav(page, 'Home');
  const homeAlerts = page.getByTestId('home-measure-alerts');
  await expect(homeAlerts).toContainText(`${rina.code} · Rina Wijaya`);
  // Before everything else on Home.
  expect(await page.locator('.home-grid > *').first().getAttribute('data-testid')).toBe('home-measure-alerts');
  await screenshot(page, 'home-alerts');

  // Its link opens Rina's record, where the alert shows in words and colour.
  await homeAlerts.getByRole('button', { name: `Open the record ${rina.code}` }).click();
  await expect(page.getByTestId('client-code')).toHaveText(rina.code);
  const panel = page.getByTestId('measure-alerts-panel');
  await expect(panel.getByTestId('measure-alert-open')).toContainText('Risk alert: needs follow-up');
  await expect(panel.getByTestId('measure-alert-open')).toContainText(ITEM_9);
  await screenshot(page, 'alerts-panel-en');

  // Closing the case is refused until the alert is followed up.
  await page.getByTestId('cases-table').locator(`tr[data-case-id="${rina.caseId}"]`).getByRole('button', { name: /^Close case/ }).click();
  const closeDialog = page.getByRole('dialog', { name: /^Close the case opened/ });
  await closeDialog.getByLabel('Reason for closing').selectOption('completed');
  await closeDialog.getByRole('button', { name: 'Close case' }).click();
  await expect(closeDialog.getByRole('alert')).toHaveText(
    'This case cannot close yet: a questionnaire answer raised a risk alert that has no recorded follow-up. Raise a self-harm risk flag, or record why you decided not to, then close the case.',
  );
  await screenshot(page, 'close-refused', { viewport: true });
  await closeDialog.getByRole('button', { name: 'Cancel' }).click();

  // The decision not to raise a flag, in words (too short first).
  await panel.getByRole('button', { name: 'Record decision not to raise one' }).click();
  const followUp = page.getByRole('dialog', { name: 'Record the decision not to raise a risk flag' });
  await followUp.getByLabel('Why no risk flag is raised').fill('No risk.');
  await followUp.getByRole('button', { name: 'Sign and record' }).click();
  await expect(followUp.locator('#measure-follow-up-note-error')).toHaveText('Say in at least 15 characters why no risk flag is raised.');
  await followUp.getByLabel('Why no risk flag is raised').fill('Asked directly: passive thoughts last week, no plan or intent, protective factors strong (children). Safety plan agreed; review next session.');
  await followUp.getByRole('button', { name: 'Sign and record' }).click();
  await expect(followUp).toHaveCount(0);
  await expect(panel.getByTestId('measure-alert-open')).toHaveCount(0);
  await expect(panel.getByTestId('measure-alert-done')).toContainText(`decision not to raise a flag recorded by ${COUNSELLOR.displayName}`);

  // Home no longer lists it.
  await page.getByRole('button', { name: 'Back to Home' }).click();
  await expect(page.getByTestId('home-page')).toBeVisible();
  await expect(page.getByTestId('home-measure-alerts')).toHaveCount(0);

  // And now the case closes.
  await nav(page, 'Clients');
  await page.getByRole('button', { name: new RegExp(rina.code) }).first().click();
  await page.getByTestId('cases-table').locator(`tr[data-case-id="${rina.caseId}"]`).getByRole('button', { name: /^Close case/ }).click();
  await closeDialog.getByLabel('Reason for closing').selectOption('completed');
  await closeDialog.getByRole('button', { name: 'Close case' }).click();
  await expect(closeDialog).toHaveCount(0);
  await expect(page.getByTestId('client-notice')).toHaveText('The case has been closed.');
});

test('the client answers in Bahasa Indonesia while the counsellor reads English; the counsellor’s screens in Bahasa Indonesia', async ({ page, app }) => {
  const { rina, sari, rinaSession } = await seedClinic(app);
  await app.lock('manual');
  await page.goto('/');
  await signIn(page, COUNSELLOR);

  await handToClient(page, rinaSession.id, rina.code);
  await page.getByRole('button', { name: 'Bahasa Indonesia' }).click();
  const question = page.getByTestId('client-question');
  await expect(question.getByTestId('client-progress')).toHaveText('Pertanyaan 1 dari 9');
  await expect(question).toContainText('Jangka waktu: 2 minggu terakhir');
  await expect(page.getByTestId('client-mode')).toHaveAttribute('lang', 'id');
  await question.getByRole('radio', { name: 'Beberapa hari' }).check();
  await screenshot(page, 'client-mode-question-id');
  await question.getByRole('button', { name: 'Lanjut' }).click();
  for (let item = 2; item <= 8; item++) await answer(page, 'Tidak sama sekali', 'Lanjut');
  await answer(page, 'Lebih dari separuh hari', 'Selesai');

  const thanks = page.getByTestId('client-thanks');
  await expect(thanks.getByRole('heading', { name: 'Terima kasih.' })).toBeVisible();
  await expect(thanks).toContainText('Silakan serahkan kembali komputer ini kepada konselor Anda.');
  await expectNothingClinical(page);
  // The counsellor's own line stays in the counsellor's language.
  await thanks.getByLabel('Counsellor: enter your passphrase to continue').fill(COUNSELLOR.passphrase);
  await thanks.getByRole('button', { name: 'Continue' }).click();

  // The alert dialog, in English; the flag dialog opens at the self-harm kind, on Rina's case.
  const alert = page.getByRole('alertdialog', { name: 'A questionnaire answer needs your attention' });
  await expect(alert).toContainText(`PHQ-9 item 9 was answered above 0: “${ITEM_9}”`);
  await alert.getByRole('button', { name: 'Follow up later' }).click();

  // The counsellor switches to Bahasa Indonesia.
  await page.getByRole('button', { name: 'Bahasa Indonesia' }).click();
  await page.getByRole('navigation', { name: 'Utama' }).getByRole('link', { name: 'Beranda' }).click();
  const homeAlerts = page.getByTestId('home-measure-alerts');
  await expect(homeAlerts).toContainText('Peringatan kuesioner yang perlu ditindaklanjuti');
  // The item's words in the language the counsellor reads now, not the clinic's.
  await expect(homeAlerts).toContainText(`Butir 9 PHQ-9 dijawab di atas 0: “${ITEM_9_ID}”`);
  await expect(page.getByTestId('home-measures-overdue')).toContainText(`PHQ-9, GAD-7, WHO-5 untuk ${sari.code}`);
  await expect.poll(() => untranslatedOnPage(page)).toEqual([]);

  await homeAlerts.getByRole('button', { name: `Buka rekam klien ${rina.code}` }).click();
  const panel = page.getByTestId('measure-alerts-panel');
  await expect(panel.getByTestId('measure-alert-open')).toContainText('Peringatan risiko: perlu ditindaklanjuti');
  await expect(panel.getByTestId('measure-alert-open')).toContainText(ITEM_9_ID);
  await expect.poll(() => untranslatedOnPage(page)).toEqual([]);
  await screenshot(page, 'alerts-panel-id');

  // Following up by raising a self-harm flag: the dialog starts at that kind.
  await panel.getByRole('button', { name: 'Pasang penanda risiko' }).click();
  const raise = page.getByRole('dialog', { name: 'Pasang penanda risiko' });
  await expect(raise.getByLabel('Jenis risiko')).toHaveValue('suicide_self_harm');
  await expect.poll(() => untranslatedOnPage(page)).toEqual([]);
  await raise.getByText('Sedang', { exact: true }).click();
  await raise.getByLabel('Catatan').fill('Ditanyakan langsung: pikiran pasif minggu lalu, tanpa rencana. Rencana keselamatan disepakati.');
  await raise.getByRole('button', { name: 'Pasang penanda' }).click();
  await expect(raise).toHaveCount(0);
  await expect(panel.getByTestId('measure-alert-open')).toHaveCount(0);
  await expect(panel.getByTestId('measure-alert-done')).toContainText(`penanda risiko dipasang oleh ${COUNSELLOR.displayName}`);
  await expect(page.getByTestId('risk-flag')).toHaveAttribute('data-kind', 'suicide_self_harm');
  await expect.poll(() => untranslatedOnPage(page)).toEqual([]);

  // The session dialog in Bahasa Indonesia: the PHQ-9 was given, nothing more is due.
  await page.getByRole('navigation', { name: 'Utama' }).getByRole('link', { name: 'Kalender' }).click();
  await sessionBlock(page, rinaSession.id).click();
  const due = page.getByTestId('session-measures-due');
  await expect(due).toContainText('Kuesioner yang jatuh tempo pada sesi ini');
  await expect(due).toContainText('Tidak ada kuesioner yang jatuh tempo pada sesi ini.');
  await expect(due.getByRole('button')).toHaveCount(0);
  await expect.poll(() => untranslatedOnPage(page)).toEqual([]);
});
