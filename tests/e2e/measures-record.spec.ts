import { DateTime } from 'luxon';
import type { Locator, Page } from '@playwright/test';
import { test, expect } from '../bridge/fixtures';
import { screenshotsFor } from '../bridge/screens';
import { ADMIN, CLINIC, COUNSELLOR, agencyWithContract, asUser, clientWithCase, dispatchOk, setUpClinic } from '../bridge/clinic';
import { signIn } from '../bridge/sign-in';
import { passTime, type TestClock } from '../bridge/test-clock';
import { untranslatedOnPage } from '../bridge/visible-text';
import type { TenangApp } from '../../services/tenang-app';
import { testNowIn } from '../helpers/test-now';
import { gad7Answers as gad7, phq9Answers as phq9 } from '../helpers/measure-answers';

const shoot = screenshotsFor('measures');
const ZONE = CLINIC.timeZone;

/** The clinic's wall clock (`YYYY-MM-DDTHH:mm`) `days` after the test's today, at `time`. */
const wallClock = (days: number, time: string) => `${testNowIn(ZONE).startOf('day').plus({ days }).toISODate()}T${time}`;
/** "7 Dec" as the chart's axis writes a date. */
const axisDate = (days: number, locale: string) => testNowIn(ZONE).startOf('day').plus({ days }).setLocale(locale).toFormat('d LLL');

/** A 50-minute phone session of the case, booked now for later (outside working hours, with a reason). */
async function book(app: TenangApp, caseId: number, counsellorId: number, localStart: string, sessionType: 'intake_assessment' | 'counselling') {
  const result = await dispatchOk(app, 'sessions.book', { caseId, counsellorId, sessionType, modality: 'phone', localStart, durationMinutes: 50, overrideReason: 'Agreed with the client' });
  if (result.outcome !== 'booked') throw new Error('not booked');
  return result.sessions[0]!.id;
}

/**
 * Rina's case: an intake tomorrow and weekly sessions after it; at the intake and the second
 * session Budi gives the PHQ-9 and GAD-7 (recorded through the dispatcher as time passes). The
 * journey then stands just after the third session, two weeks and a day after "now".
 */
async function rinaAfterThreeSessions(app: TenangApp, page: Page, clock: TestClock) {
  const { counsellorId } = await setUpClinic(app, { counsellor: true });
  const agency = await agencyWithContract(app, 'Dinas Pemadam Kebakaran Kota Surabaya', 'emergency_services');
  const rina = await clientWithCase(app, agency.id, counsellorId!, 'Rina', 'Wijaya');
  const sessions: number[] = [];
  sessions.push(await book(app, rina.caseId, counsellorId!, wallClock(1, '10:00'), 'intake_assessment'));
  for (const days of [8, 15, 22]) sessions.push(await book(app, rina.caseId, counsellorId!, wallClock(days, '10:00'), 'counselling'));

  const toAfter = async (days: number) => {
    const target = DateTime.fromISO(wallClock(days, '10:55'), { zone: ZONE }).toMillis();
    await passTime(page, clock, target - clock.now());
  };
  const given: Array<[number, number, number]> = [
    [1, 16, 12],
    [8, 12, 10],
  ];
  for (const [index, [days, phq, gad]] of given.entries()) {
    await toAfter(days);
    await asUser(app, COUNSELLOR, async () => {
      await dispatchOk(app, 'sessions.setStatus', { id: sessions[index]!, status: 'attended', reason: '' });
      await dispatchOk(app, 'measures.record', { caseId: rina.caseId, sessionId: sessions[index]!, instrumentId: 'phq9', administeredAt: wallClock(days, '10:40'), mode: 'counsellor', responses: phq9(phq) });
      await dispatchOk(app, 'measures.record', { caseId: rina.caseId, sessionId: sessions[index]!, instrumentId: 'gad7', administeredAt: wallClock(days, '10:42'), mode: 'counsellor', responses: gad7(gad) });
    });
  }
  await toAfter(15);
  await asUser(app, COUNSELLOR, () => dispatchOk(app, 'sessions.setStatus', { id: sessions[2]!, status: 'attended', reason: '' }));
  return { ...rina, sessions };
}

async function openClient(page: Page, clientId: number, name: string, clientsLink = 'Clients'): Promise<void> {
  await page.getByRole('navigation', { name: /Main|Utama/ }).getByRole('link', { name: clientsLink }).click();
  await page.locator(`[data-client-id="${clientId}"]`).click();
  await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
}

/** Types the time a questionnaire was given: the clinic's date `days` after today, at `time`. */
async function given(dialog: Locator, days: number, time: string): Promise<void> {
  const [date] = wallClock(days, time).split('T');
  await dialog.getByLabel('Given on').fill(date!);
  await dialog.getByLabel('Time').fill(time);
}

/** Answers the dialog's items with option values (null: left unanswered). */
async function answer(dialog: Locator, values: (number | null)[]): Promise<void> {
  const items = dialog.getByTestId('measure-item');
  await expect(items).toHaveCount(values.length);
  for (const [index, value] of values.entries()) {
    if (value !== null) await items.nth(index).locator(`input[value="${value}"]`).check();
  }
}

/** A tall window for a full-page picture of a long record, then back. */
async function tallShot(page: Page, step: string, viewport = false): Promise<void> {
  const size = page.viewportSize()!;
  await page.setViewportSize({ width: 1280, height: viewport ? 1100 : size.height });
  await shoot(page, step, { viewport });
  await page.setViewportSize(size);
}

test('a counsellor records questionnaires on the record and sees scores, trajectory, outcome and plan; an admin sees scores but no answers', async ({ page, app, clock }) => {
  const rina = await rinaAfterThreeSessions(app, page, clock);

  await page.goto('/');
  await signIn(page, COUNSELLOR);
  await openClient(page, rina.clientId, rina.name);
  const section = page.getByTestId('client-measures');
  const caseMeasures = section.getByTestId('measure-case');
  // WHO-5 was planned at the intake and the second session but never given: overdue, in words.
  const overdue = caseMeasures.locator('.measure-due__item--overdue');
  await expect(overdue.first()).toContainText('Overdue');
  await expect(overdue.filter({ hasText: 'WHO-5 due at session 2' })).toHaveCount(1);
  await expect(caseMeasures.getByTestId('measure-due')).toContainText('PHQ-9, GAD-7, WHO-5 due at closure');

  // Recording a PHQ-9 through the dialog: a time to come is refused next to its field.
  await caseMeasures.getByRole('button', { name: 'Record answers' }).click();
  let dialog = page.getByRole('dialog', { name: 'Record questionnaire answers' });
  await dialog.getByLabel('Questionnaire').selectOption('phq9');
  await expect(dialog.getByTestId('measure-questionnaire')).toContainText('Recall period: The last 2 weeks');
  await answer(dialog, [1, 1, 1, 1, 1, 1, 1, 1, 1]);
  await dialog.getByLabel('At session').selectOption({ index: 1 });
  await given(dialog, 16, '10:00');
  await tallShot(page, 'record-dialog-en', true);
  await dialog.getByRole('button', { name: 'Save answers' }).click();
  await expect(dialog.locator('#measure-date-error')).toHaveText('This date is in the future.');
  await given(dialog, 15, '10:45');
  await dialog.getByRole('button', { name: 'Save answers' }).click();
  dialog = page.getByRole('dialog', { name: 'Questionnaire saved' });
  const result = dialog.getByTestId('measure-result');
  await expect(result).toContainText('PHQ-9');
  await expect(result.locator('.measure-total')).toHaveText('9');
  await expect(result).toContainText('Mild');
  await expect(dialog.getByTestId('measure-alert')).toContainText('PHQ-9 item 9 answered above 0: follow up before the case can close.');
  await dialog.getByRole('button', { name: 'Done' }).click();

  // A GAD-7 with one item left open: asked once more, then scored by prorating (6 × 7 ÷ 6 = 7).
  await caseMeasures.getByRole('button', { name: 'Record answers' }).click();
  dialog = page.getByRole('dialog', { name: 'Record questionnaire answers' });
  await dialog.getByLabel('Questionnaire').selectOption('gad7');
  await answer(dialog, [1, 1, 1, 1, 1, 1, null]);
  await given(dialog, 15, '10:50');
  await dialog.getByRole('button', { name: 'Save answers' }).click();
  await expect(dialog.getByTestId('measure-open-items')).toContainText('Item 7 has no answer.');
  await expect(dialog.getByTestId('measure-item').nth(6)).toContainText('No answer');
  await dialog.getByRole('button', { name: 'Save with 1 item unanswered' }).click();
  dialog = page.getByRole('dialog', { name: 'Questionnaire saved' });
  await expect(dialog.getByTestId('measure-result').locator('.measure-total')).toHaveText('7');
  await expect(dialog.getByTestId('measure-result')).toContainText('Mild');
  await expect(dialog.getByTestId('measure-alert')).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Done' }).click();

  // The table, newest first; the counsellor opens the answers item by item.
  const rows = caseMeasures.getByTestId('measure-row');
  await expect(rows).toHaveCount(6);
  await expect(rows.first()).toHaveAttribute('data-instrument', 'gad7');
  await expect(rows.first().getByTestId('measure-row-score')).toHaveText('7');
  await rows.nth(1).getByRole('button', { name: 'Show answers' }).click();
  const answers = caseMeasures.getByTestId('measure-answers');
  await expect(answers.locator('li')).toHaveCount(9);
  await expect(answers.locator('li').nth(8)).toContainText('Several days');

  // The trajectories: PHQ-9's three scores on its five shaded bands, with the caseness line.
  const phqChart = caseMeasures.locator('[data-testid="trajectory-chart"][data-instrument="phq9"]');
  await expect(phqChart.locator('figcaption')).toContainText('PHQ-9 over time');
  await expect(phqChart.getByTestId('trajectory-points').locator('tbody tr')).toHaveCount(3);
  await expect(phqChart.getByTestId('trajectory-points').locator('tbody tr').first()).toContainText('16 (Moderately severe)');
  await expect(phqChart.locator('.recharts-reference-area')).toHaveCount(5);
  await expect(phqChart.locator('.recharts-line-dots circle, .recharts-line-dot')).toHaveCount(3);
  await expect(phqChart.locator('.measure-chart__plot')).toContainText('Clinical threshold (10)');
  await expect(phqChart.locator('.measure-chart__plot')).toContainText('Moderately severe');
  await expect(phqChart.locator('.measure-chart__plot')).toContainText(axisDate(1, 'en-GB'));
  await expect(caseMeasures.locator('[data-testid="trajectory-chart"][data-instrument="gad7"]').getByTestId('trajectory-points').locator('tbody tr')).toHaveCount(3);
  await page.getByRole('heading', { name: 'Trajectory' }).scrollIntoViewIfNeeded();
  await tallShot(page, 'trajectory-en');

  // The outcome, as the service works it out, with each rule printed next to its answer.
  const outcome = await dispatchOk(app, 'measures.caseOutcome', { caseId: rina.caseId });
  const panel = caseMeasures.getByTestId('measure-outcome');
  const phqChange = panel.locator('[data-testid="measure-change-row"][data-instrument="phq9"]');
  await expect(phqChange).toContainText('16');
  await expect(phqChange).toContainText('-7');
  await expect(phqChange.getByTestId('measure-reliable-change')).toHaveText('Reliably improved (at least 6 points better)');
  const word = (value: boolean | null) => (value === null ? '—' : value ? 'Yes' : 'No');
  await expect(panel.getByTestId('paired-casenessAtStart').locator('.measure-outcome__value')).toHaveText(word(outcome.paired.casenessAtStart));
  await expect(panel.getByTestId('paired-recovered').locator('.measure-outcome__value')).toHaveText(word(outcome.paired.recovered));
  await expect(panel.getByTestId('paired-recovered')).toContainText('below caseness on both PHQ-9 and GAD-7 at the last questionnaire');
  await expect(panel.getByTestId('measure-outcome-finished')).toContainText('Treatment not finished');
  await panel.getByText('How these are worked out').click();
  await expect(panel).toContainText('NHS Talking Therapies');
  await tallShot(page, 'outcome-en');

  // The plan: the clinic default, then one of the case's own.
  const plan = caseMeasures.getByTestId('measure-plan');
  await expect(plan.getByTestId('plan-kind')).toHaveText('Clinic default');
  await expect(plan.getByTestId('plan-summary')).toHaveText('PHQ-9, GAD-7, WHO-5 — at intake, every 2 sessions, at closure');
  await plan.getByRole('button', { name: 'Edit plan' }).click();
  dialog = page.getByRole('dialog', { name: 'Measurement plan for this case' });
  await dialog.getByRole('checkbox', { name: /^WHO-5/ }).uncheck();
  await dialog.getByRole('checkbox', { name: /^K10/ }).check();
  await dialog.getByLabel('Between intake and closure').selectOption({ label: 'Every 3 sessions' });
  await tallShot(page, 'plan-en', true);
  await dialog.getByRole('button', { name: 'Save plan' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(plan.getByTestId('plan-kind')).toHaveText('Own plan for this case');
  await expect(plan.getByTestId('plan-summary')).toHaveText('PHQ-9, GAD-7, K10 — at intake, every 3 sessions, at closure');
  await expect(caseMeasures.getByTestId('measure-due')).not.toContainText('WHO-5');

  // The same record in Bahasa Indonesia, dates and band names included.
  await page.getByRole('button', { name: 'Bahasa Indonesia' }).click();
  await expect(section.getByRole('heading', { name: 'Ukuran hasil' })).toBeVisible();
  await expect(phqChart.locator('figcaption')).toContainText('PHQ-9 dari waktu ke waktu');
  await expect(phqChart.getByTestId('trajectory-points').locator('tbody tr').first()).toContainText('16 (Cukup berat)');
  await expect(phqChart.locator('.measure-chart__plot')).toContainText(axisDate(1, 'id-ID'));
  await expect.poll(() => untranslatedOnPage(page)).toEqual([]);
  await page.getByRole('heading', { name: 'Perkembangan' }).scrollIntoViewIfNeeded();
  await tallShot(page, 'trajectory-id');
  await caseMeasures.getByRole('button', { name: 'Catat jawaban' }).click();
  dialog = page.getByRole('dialog', { name: 'Catat jawaban kuesioner' });
  await dialog.getByLabel('Kuesioner').selectOption('gad7');
  await expect(dialog.getByTestId('working-translation')).toHaveText('Terjemahan kerja, belum divalidasi');
  await dialog.getByText('Tentang GAD-7: sumber dan lisensi').click();
  await expect(dialog.getByTestId('instrument-info')).toContainText('Spitzer');
  await expect.poll(() => untranslatedOnPage(page)).toEqual([]);
  await tallShot(page, 'record-dialog-id', true);
  await dialog.getByRole('button', { name: 'Batal' }).click();
  await page.getByRole('button', { name: 'English' }).click();

  // An admin sees the scores, never the answers, and records nothing.
  await page.getByRole('button', { name: 'Lock' }).click();
  await signIn(page, ADMIN);
  await openClient(page, rina.clientId, rina.name);
  const adminCase = page.getByTestId('client-measures').getByTestId('measure-case');
  await expect(adminCase.getByTestId('measure-row')).toHaveCount(6);
  await expect(adminCase.getByTestId('measure-row').first().getByTestId('measure-row-score')).toHaveText('7');
  await expect(adminCase.getByRole('button', { name: 'Show answers' })).toHaveCount(0);
  await expect(adminCase.getByTestId('measure-answers')).toHaveCount(0);
  await expect(adminCase.getByRole('button', { name: 'Record answers' })).toHaveCount(0);
  await expect(adminCase.getByRole('button', { name: 'Edit plan' })).toHaveCount(0);
  await tallShot(page, 'admin-record-en');

  // The clinic default plan in Settings.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin' }).click();
  await page.getByRole('navigation', { name: 'Admin sections' }).getByRole('link', { name: 'Settings' }).click();
  const defaultPlan = page.getByTestId('default-plan');
  await expect(defaultPlan.getByRole('checkbox', { name: /^WHO-5/ })).toBeChecked();
  await defaultPlan.getByRole('checkbox', { name: /^PSS-10/ }).check();
  await defaultPlan.getByLabel('Between intake and closure').selectOption({ label: 'Every 4 sessions' });
  await defaultPlan.getByRole('checkbox', { name: 'At closure' }).uncheck();
  await defaultPlan.getByRole('button', { name: 'Save default plan' }).click();
  await expect(defaultPlan.getByTestId('default-plan-saved')).toHaveText('Default measurement plan saved.');
  await tallShot(page, 'settings-plan-en');
  expect((await dispatchOk(app, 'measures.defaultPlan', {})).plan).toEqual({ instruments: ['phq9', 'gad7', 'who5', 'pss10'], atIntake: true, everySessions: 4, atClosure: false });
});

