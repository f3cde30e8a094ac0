import { DateTime } from 'luxon';
import type { Page } from '@playwright/test';
import { test, expect } from '../bridge/fixtures';
import { screenshotsFor } from '../bridge/screens';
import { ADMIN, CLINIC, COUNSELLOR, agencyWithContract, asUser, clientWithCase, dispatch, dispatchOk, setUpClinic } from '../bridge/clinic';
import { signIn } from '../bridge/sign-in';
import { passTime, stopTime } from '../bridge/test-clock';
import { untranslatedOnPage } from '../bridge/visible-text';
import type { TenangApp } from '../../services/tenang-app';
import { testNowIn } from '../helpers/test-now';

const screenshot = screenshotsFor('notes');
const ZONE = CLINIC.timeZone;
const today = () => testNowIn(ZONE).startOf('day');
const at = (day: DateTime, time: string) => `${day.toISODate()}T${time}`;

interface Clinic {
  counsellorId: number;
  agencyId: number;
}

/** Budi (no working hours set: sessions are booked with a reason), an agency with a contract. The admin stays signed in. */
async function seedClinic(app: TenangApp): Promise<Clinic> {
  const { counsellorId } = await setUpClinic(app, { counsellor: true });
  const agency = await agencyWithContract(app, 'Dinas Kesehatan Kota Bandung', 'health');
  return { counsellorId: counsellorId!, agencyId: agency.id };
}

/** A new client referred, triaged, waitlisted and assigned to Budi: an open case. */
const clientWithBudi = (app: TenangApp, clinic: Clinic, givenName: string, familyName: string) => clientWithCase(app, clinic.agencyId, clinic.counsellorId, givenName, familyName, { presentingIssues: ['burnout', 'workload_stress'] });

/** A 50-minute phone session of the case (booked outside hours with a reason, since Budi keeps none). */
async function book(app: TenangApp, clinic: Clinic, caseId: number, localStart: string) {
  const result = await dispatchOk(app, 'sessions.book', {
    caseId,
    counsellorId: clinic.counsellorId,
    sessionType: 'counselling',
    modality: 'phone',
    localStart,
    durationMinutes: 50,
    overrideReason: 'Agreed with the client',
  });
  if (result.outcome !== 'booked') throw new Error(`not booked: ${JSON.stringify(result)}`);
  return result.sessions[0]!;
}

/** Does `work` through the bridge as Budi (notes are written by the case's counsellor only), then locks. */
const asCounsellor = <T>(app: TenangApp, work: () => Promise<T>): Promise<T> => asUser(app, COUNSELLOR, work);

/** A modal's screenshot in a taller window, so a whole signed note and its addenda show at once. */
async function tall(page: Page, shoot: () => Promise<void>): Promise<void> {
  const size = page.viewportSize()!;
  await page.setViewportSize({ width: size.width, height: 1240 });
  await page.locator('dialog[open]').last().evaluate((dialog) => dialog.scrollTo(0, 0));
  await shoot();
  await page.setViewportSize(size);
}

const nav = (page: Page, name: string) => page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name }).click();
const sessionBlock = (page: Page, id: number) => page.locator(`.tenang-calendar .ec-event:has([data-session-id="${id}"])`);

async function openClient(page: Page, code: string): Promise<void> {
  await nav(page, 'Clients');
  await page.getByRole('button', { name: new RegExp(code) }).first().click();
  await expect(page.getByTestId('client-code')).toHaveText(code);
}

const SUBJECTIVE = 'Reports three weeks of poor sleep since the department restructuring; feels “always on call” and irritable with family.';
const OBJECTIVE = 'Calm, good eye contact; tearful when describing the last night shift.';
const ASSESSMENT = 'Work-related exhaustion with rising burnout symptoms; no indication of risk to self or others.';
const PLAN = 'Sleep diary for one week; practise the 4-7-8 breathing before bed; review workload options at the next session.';

test('a counsellor writes a SOAP note from the calendar, saved as it is typed, and comes back to the draft', async ({ page, app, clock }) => {
  const clinic = await seedClinic(app);
  const rina = await clientWithBudi(app, clinic, 'Rina', 'Wijaya');
  const session = await book(app, clinic, rina.caseId, at(today(), '09:00'));
  await app.lock('manual');

  await page.goto('/');
  await signIn(page, COUNSELLOR);
  // The landing page: nothing waiting yet.
  await expect(page.getByTestId('home-notes-to-sign')).toContainText('Every note is signed. Nothing is waiting.');
  await expect(page.getByTestId('home-reviews-due')).toContainText('No risk reviews are due.');
  await expect(page.getByTestId('home-break-glass')).toContainText('Nobody has opened your notes by break-glass.');

  // (a) From the session in the calendar.
  await nav(page, 'Calendar');
  await sessionBlock(page, session.id).click();
  const sessionDialog = page.getByRole('dialog', { name: `Session with ${rina.code}` });
  await expect(sessionDialog.getByTestId('session-note')).toContainText('No note yet.');
  await screenshot(page, 'session-dialog', { viewport: true });
  await sessionDialog.getByRole('button', { name: 'Write note' }).click();

  const dialog = page.getByRole('dialog', { name: `SOAP note for ${rina.code}` });
  await expect(dialog.getByTestId('note-facts')).toContainText('Rina Wijaya');
  await expect(dialog.getByTestId('note-status')).toHaveText('Draft');
  await expect(dialog.getByLabel('Subjective')).toBeFocused();
  const noteId = Number(await dialog.getByTestId('note-dialog').getAttribute('data-note-id'));
  const saved = async () => (await dispatchOk(app, 'notes.get', { id: noteId })).content;
  const status = dialog.getByTestId('note-save-status');

  await dialog.getByLabel('Subjective').fill(SUBJECTIVE);
  await expect(status).toHaveText(/^Saved \d{2}:\d{2}$/);
  expect((await saved()).subjective).toBe(SUBJECTIVE);

  // Typing that goes on is saved at least every 3 seconds, before it stops. The page's clock
  // stands still and is moved by hand, a key every 400 ms of its time: the 1-second pause
  // that saves never comes, so a save that arrives is the one that typing on forces. (Real
  // typing speed and the machine's speed play no part.)
  const objective = dialog.getByLabel('Objective');
  const [start, rest] = [OBJECTIVE.slice(0, 24), OBJECTIVE.slice(24)];
  await objective.fill(start);
  await expect.poll(async () => (await saved()).objective).toBe(start);
  await expect(status).toHaveText(/^Saved \d{2}:\d{2}$/);
  await stopTime(page, clock);
  const KEY_EVERY_MS = 400;
  const typeKeys = async (keys: string) => {
    for (const key of keys) {
      await objective.pressSequentially(key);
      await page.clock.runFor(KEY_EVERY_MS);
    }
  };
  // 7 keys: 2.8 s of typing, under the 3 s: nothing saved yet.
  await typeKeys(rest.slice(0, 7));
  expect((await saved()).objective).toBe(start);
  // The 8th key takes typing past 3 s: the save arrives while most of the sentence is still to come.
  await typeKeys(rest.slice(7, 8));
  await expect.poll(async () => (await saved()).objective).toBe(OBJECTIVE.slice(0, start.length + 8));
  await typeKeys(rest.slice(8));
  // Typing stops: a second later it is saved whole.
  await passTime(page, clock, 1000);
  await expect(status).toHaveText(/^Saved \d{2}:\d{2}$/);
  expect((await saved()).objective).toBe(OBJECTIVE);
  await page.clock.resume();
  await dialog.getByLabel('Assessment').fill(ASSESSMENT);
  await screenshot(page, 'write', { viewport: true });

  // (b) Typed, and closed at once (before the pause that saves): nothing is lost.
  await dialog.getByLabel('Plan').fill(PLAN);
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(sessionDialog.getByTestId('session-note')).toContainText('A draft, not signed yet.');
  await sessionDialog.getByRole('button', { name: 'Close' }).click();
  await expect.poll(async () => (await saved()).plan).toBe(PLAN);

  // Away and back: the draft is there, as typed.
  await nav(page, 'Clients');
  await nav(page, 'Calendar');
  await sessionBlock(page, session.id).click();
  await sessionDialog.getByRole('button', { name: 'Continue note' }).click();
  await expect(dialog.getByLabel('Subjective')).toHaveValue(SUBJECTIVE);
  await expect(dialog.getByLabel('Objective')).toHaveValue(OBJECTIVE);
  await expect(dialog.getByLabel('Assessment')).toHaveValue(ASSESSMENT);
  await expect(dialog.getByLabel('Plan')).toHaveValue(PLAN);
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(sessionDialog.getByRole('button', { name: 'Continue note' })).toBeVisible();
});

test('a counsellor signs a note, which then stays as signed, and corrects it with an addendum', async ({ page, app }) => {
  const clinic = await seedClinic(app);
  const rina = await clientWithBudi(app, clinic, 'Rina', 'Wijaya');
  const session = await book(app, clinic, rina.caseId, at(today(), '09:00'));
  const noteId = await asCounsellor(app, async () => {
    const created = await dispatchOk(app, 'notes.create', { caseId: rina.caseId, sessionId: session.id, template: 'soap' });
    await dispatchOk(app, 'notes.save', { id: created.id, content: { subjective: SUBJECTIVE, objective: OBJECTIVE, assessment: ASSESSMENT, plan: PLAN } });
    return created.id;
  });

  await page.goto('/');
  await signIn(page, COUNSELLOR);
  await nav(page, 'Calendar');
  await sessionBlock(page, session.id).click();
  const sessionDialog = page.getByRole('dialog', { name: `Session with ${rina.code}` });
  await sessionDialog.getByRole('button', { name: 'Continue note' }).click();
  const dialog = page.getByRole('dialog', { name: `SOAP note for ${rina.code}` });
  await expect(dialog.getByLabel('Plan')).toHaveValue(PLAN);

  // (c) Signing asks first, and says what it means.
  await dialog.getByRole('button', { name: 'Sign note' }).click();
  const confirm = dialog.getByTestId('note-sign-confirm');
  await expect(confirm).toContainText('Once signed, this note can never be changed; corrections are added as addenda.');
  await screenshot(page, 'sign-confirm', { viewport: true });
  await confirm.getByRole('button', { name: 'Yes, sign the note' }).click();
  await expect(dialog.getByTestId('note-notice')).toHaveText('The note is signed. It can no longer change; corrections are added as addenda.');
  await expect(dialog.getByTestId('note-status')).toHaveText('Signed');
  await expect(dialog.getByTestId('note-signature')).toContainText(/Signed by Budi Santoso on \d{1,2} \w{3} \d{4}, \d{2}:\d{2}:\d{2}/);
  await expect(dialog.getByTestId('note-signature-check')).toHaveText('Signature verified: the text is exactly as it was signed.');
  // Read-only: the sections are text, no longer boxes to type in.
  await expect(dialog.getByRole('textbox', { name: 'Subjective' })).toHaveCount(0);
  await expect(dialog.getByTestId('note-section-subjective')).toContainText(SUBJECTIVE);
  await expect(dialog.getByTestId('note-section-plan')).toContainText(PLAN);
  await expect(dialog.getByRole('button', { name: 'Sign note' })).toHaveCount(0);
  // And the service refuses any change, whoever asks.
  const refused = await dispatch(app, 'notes.save', { id: noteId, content: { subjective: 'changed', objective: '', assessment: '', plan: '' } });
  expect(refused.ok ? null : refused.error.code).toBe('NOTE_SIGNED');

  // A correction is an addendum, signed as it is saved, under the note.
  await dialog.getByRole('button', { name: 'Add addendum' }).click();
  await expect(page.locator(`#addendum-text-${noteId}-error`)).toHaveText('Write the addendum first.');
  const correction = 'Correction: the restructuring was announced five weeks ago, not three. Sleep problems began after the announcement.';
  await dialog.getByLabel('Addendum', { exact: true }).fill(correction);
  await dialog.getByRole('button', { name: 'Add addendum' }).click();
  await expect(dialog.getByTestId('note-notice')).toHaveText('The addendum has been added and signed.');
  const addendum = dialog.getByTestId('note-addendum');
  await expect(addendum).toHaveCount(1);
  await expect(addendum).toContainText(correction);
  await expect(addendum).toContainText('Added by Budi Santoso on');
  await expect(addendum.getByTestId('addendum-verified')).toHaveText('✓ Verified');
  await expect(dialog.getByLabel('Addendum', { exact: true })).toHaveValue('');
  await tall(page, () => screenshot(page, 'signed-addendum', { viewport: true }));

  const stored = await dispatchOk(app, 'notes.get', { id: noteId });
  expect(stored).toMatchObject({ status: 'signed', hashVerified: true, content: { subjective: SUBJECTIVE, objective: OBJECTIVE, assessment: ASSESSMENT, plan: PLAN } });
  expect(stored.addenda).toMatchObject([{ text: correction, signedByName: 'Budi Santoso', hashVerified: true }]);
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(sessionDialog.getByTestId('session-note')).toContainText('Signed.');
  await expect(sessionDialog.getByRole('button', { name: 'Open note' })).toBeVisible();

  // On the client's record: the note, signed, with its addendum.
  await sessionDialog.getByRole('button', { name: 'Close' }).click();
  await openClient(page, rina.code);
  const row = page.getByTestId('client-notes-table').locator(`tr[data-note-id="${noteId}"]`);
  await expect(row).toContainText('SOAP note');
  await expect(row).toContainText('Budi Santoso');
  await expect(row).toContainText('Signed');
  await expect(row.getByTestId('note-addendum-count')).toHaveText('1 addendum');
  await page.getByTestId('client-notes').scrollIntoViewIfNeeded();
  await screenshot(page, 'client-notes');
});

test('the home screen lists the notes still to sign, oldest first, and an empty note cannot be signed', async ({ page, app }) => {
  const clinic = await seedClinic(app);
  const rina = await clientWithBudi(app, clinic, 'Rina', 'Wijaya');
  const agus = await clientWithBudi(app, clinic, 'Agus', 'Prasetyo');
  const yesterday = await book(app, clinic, agus.caseId, at(today().minus({ days: 1 }), '14:00'));
  const earlier = await book(app, clinic, rina.caseId, at(today().minus({ days: 2 }), '10:00'));
  const { older, newer } = await asCounsellor(app, async () => {
    // A phone contact on Rina's case first, then Agus's session note; Rina's session note is signed.
    const older = await dispatchOk(app, 'notes.create', { caseId: rina.caseId, sessionId: null, template: 'dap' });
    const newer = await dispatchOk(app, 'notes.create', { caseId: agus.caseId, sessionId: yesterday.id, template: 'soap' });
    const done = await dispatchOk(app, 'notes.create', { caseId: rina.caseId, sessionId: earlier.id, template: 'soap' });
    await dispatchOk(app, 'notes.sign', { id: done.id, content: { subjective: 'Doing better.', objective: '', assessment: '', plan: 'Review in two weeks.' } });
    // A risk flag whose review is due today.
    await dispatchOk(app, 'risks.raise', {
      clientId: agus.clientId,
      caseId: agus.caseId,
      kind: 'suicide_self_harm',
      level: 'high',
      reviewDate: today().toISODate()!,
      note: 'Passive thoughts of not waking up after the night shifts; no plan or intent. Safety plan agreed; review today.',
    });
    return { older, newer };
  });

  await page.goto('/');
  await signIn(page, COUNSELLOR);
  const toSign = page.getByTestId('home-notes-to-sign');
  const rows = toSign.getByTestId('home-note-to-sign');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toHaveAttribute('data-note-id', String(older.id));
  await expect(rows.nth(0)).toContainText(rina.code);
  await expect(rows.nth(0)).toContainText('Rina Wijaya');
  await expect(rows.nth(0)).toContainText('DAP note');
  await expect(rows.nth(0)).toContainText('On the case');
  await expect(rows.nth(1)).toHaveAttribute('data-note-id', String(newer.id));
  await expect(rows.nth(1)).toContainText(agus.code);
  await expect(rows.nth(1)).toContainText('SOAP note');
  await expect(rows.nth(1)).toContainText(DateTime.fromMillis(yesterday.startMs, { zone: ZONE }).setLocale('en-GB').toFormat('ccc d LLL HH:mm'));
  await expect(toSign.locator('.home-card__count')).toHaveText('2');
  const review = page.getByTestId('home-reviews-due').getByTestId('home-review');
  await expect(review).toHaveCount(1);
  await expect(review).toContainText('High');
  await expect(review).toContainText('Suicide or self-harm risk');
  await expect(review).toContainText(`${agus.code} · Agus Prasetyo`);
  await expect(review).toContainText(`Review due ${today().setLocale('en-GB').toLocaleString(DateTime.DATE_MED)}`);
  await screenshot(page, 'home');
  // The flag's reason is a signed note of its own.
  await review.getByRole('button', { name: /^Open the note/ }).click();
  const reason = page.getByRole('dialog', { name: `Free-text note for ${agus.code}` });
  await expect(reason.getByTestId('note-section-text')).toContainText('Safety plan agreed');
  await reason.getByRole('button', { name: 'Close' }).click();

  // Nothing written yet: signing is refused, in words.
  await rows.nth(0).getByRole('button', { name: /^Continue/ }).click();
  const dialog = page.getByRole('dialog', { name: `DAP note for ${rina.code}` });
  await expect(dialog.getByTestId('note-session')).toHaveText('On the case');
  await dialog.getByRole('button', { name: 'Sign note' }).click();
  await expect(dialog.getByTestId('note-sign-problem')).toHaveText('An empty note cannot be signed: write at least one section.');
  await expect(dialog.getByTestId('note-sign-confirm')).toHaveCount(0);
  await dialog.getByLabel('Data', { exact: true }).fill('Phone call: Rina asked to move next week’s session; mood stable, sleeping better.');
  await dialog.getByLabel('Plan').fill('Session moved to Thursday.');
  await dialog.getByRole('button', { name: 'Sign note' }).click();
  await dialog.getByRole('button', { name: 'Yes, sign the note' }).click();
  await expect(dialog.getByTestId('note-status')).toHaveText('Signed');
  await dialog.getByRole('button', { name: 'Close' }).click();

  // Signed, it leaves the list.
  await expect(rows).toHaveCount(1);
  await expect(rows.nth(0)).toHaveAttribute('data-note-id', String(newer.id));
});

test('a counsellor starts a note on the case from the client’s record', async ({ page, app }) => {
  const clinic = await seedClinic(app);
  const rina = await clientWithBudi(app, clinic, 'Rina', 'Wijaya');
  const session = await book(app, clinic, rina.caseId, at(today().minus({ days: 3 }), '11:00'));
  await app.lock('manual');

  await page.goto('/');
  await signIn(page, COUNSELLOR);
  await openClient(page, rina.code);
  await expect(page.getByTestId('client-notes-empty')).toHaveText('No notes yet.');
  await page.getByTestId('client-notes').getByRole('button', { name: 'New note' }).click();
  const start = page.getByRole('dialog', { name: 'New note' });
  // The case's session is offered first; a note on the case needs no session.
  await expect(start.getByLabel('Session', { exact: true })).toHaveValue(String(session.id));
  await start.getByLabel('Template').selectOption({ label: 'Free-text note' });
  await start.getByLabel(/The case as a whole/).check();
  await expect(start.getByLabel('Session', { exact: true })).toHaveCount(0);
  await screenshot(page, 'new-note', { viewport: true });
  await start.getByRole('button', { name: 'Start the note' }).click();

  const dialog = page.getByRole('dialog', { name: `Free-text note for ${rina.code}` });
  await expect(dialog.getByTestId('note-session')).toHaveText('On the case');
  await dialog.getByLabel('Note', { exact: true }).fill('Consulted my supervisor about the return-to-work plan; agreed to involve occupational health with Rina’s consent.');
  await expect(dialog.getByTestId('note-save-status')).toHaveText(/^Saved \d{2}:\d{2}$/);
  await dialog.getByRole('button', { name: 'Close' }).click();
  const rows = page.getByTestId('client-notes-table').locator('tbody tr');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Free-text note');
  await expect(rows.first()).toContainText('On the case');
  await expect(rows.first()).toContainText('Draft');
});

test('an admin opens a note only through break-glass; its counsellor sees who, when and why', async ({ page, app }) => {
  const clinic = await seedClinic(app);
  const rina = await clientWithBudi(app, clinic, 'Rina', 'Wijaya');
  const session = await book(app, clinic, rina.caseId, at(today().minus({ days: 1 }), '10:00'));
  const note = await asCounsellor(app, async () => {
    const created = await dispatchOk(app, 'notes.create', { caseId: rina.caseId, sessionId: session.id, template: 'soap' });
    return dispatchOk(app, 'notes.sign', { id: created.id, content: { subjective: SUBJECTIVE, objective: OBJECTIVE, assessment: ASSESSMENT, plan: PLAN } });
  });
  const reason = 'Client complaint received 12 March: reviewing the session record with the clinical lead.';

  await page.goto('/');
  await signIn(page, ADMIN);
  await openClient(page, rina.code);
  const row = page.getByTestId('client-notes-table').locator(`tr[data-note-id="${note.id}"]`);
  await expect(row).toContainText('Signed');
  await row.getByRole('button', { name: /^Open \(break-glass\)/ }).click();
  const step = page.getByRole('dialog', { name: 'Open a clinical note' });
  await expect(step).toContainText('This note belongs to a client outside your caseload. Your reason is logged and shown to the note’s counsellor.');
  // No category and no reason, no note (and never a raw error); a reason says something.
  await step.getByRole('button', { name: 'Open the note' }).click();
  await expect(page.locator(`#break-glass-category-${note.id}-error`)).toHaveText('Why you need to open it is required.');
  await expect(page.locator(`#break-glass-reason-${note.id}-error`)).toHaveText('In your own words is required.');
  await expect(step).not.toContainText('BREAK_GLASS_REQUIRED');
  await expect(step).not.toContainText(SUBJECTIVE);
  await step.getByLabel('Why you need to open it').selectOption('complaint');
  await step.getByLabel('In your own words').fill('Checking it.');
  await step.getByRole('button', { name: 'Open the note' }).click();
  await expect(page.locator(`#break-glass-reason-${note.id}-error`)).toHaveText('In your own words must be at least 15 characters.');
  await step.getByLabel('In your own words').fill(reason);
  await expect(step.getByText(`At least 15 characters, at most 500 (${reason.length} typed).`)).toBeVisible();
  await screenshot(page, 'break-glass', { viewport: true });
  await step.getByRole('button', { name: 'Open the note' }).click();

  const dialog = page.getByRole('dialog', { name: `SOAP note for ${rina.code}` });
  await expect(dialog.getByTestId('note-notice')).toContainText('You opened this note by break-glass.');
  await expect(dialog.getByTestId('note-section-subjective')).toContainText(SUBJECTIVE);
  await expect(dialog.getByTestId('addendum-form')).toHaveCount(0);
  await expect(dialog.getByRole('textbox')).toHaveCount(0);
  await screenshot(page, 'break-glass-opened', { viewport: true });
  // Without a reason the service says what it needs, never the note.
  const refused = await dispatch(app, 'notes.get', { id: note.id });
  expect(refused.ok ? null : refused.error.code).toBe('BREAK_GLASS_REQUIRED');
  await dialog.getByRole('button', { name: 'Close' }).click();

  // Budi is told: on his home screen, and on the note.
  await page.getByRole('button', { name: 'Lock' }).click();
  await signIn(page, COUNSELLOR);
  const glass = page.getByTestId('home-break-glass');
  await expect(glass.getByTestId('break-glass-opening')).toHaveCount(1);
  await expect(glass).toContainText(`Ayu Lestari opened a note of ${rina.code} on`);
  await expect(glass).toContainText('Complaint');
  await expect(glass).toContainText(reason);
  await screenshot(page, 'home-break-glass');

  await openClient(page, rina.code);
  await page.getByTestId('client-notes-table').locator(`tr[data-note-id="${note.id}"]`).getByRole('button', { name: /^Open/ }).click();
  const own = page.getByRole('dialog', { name: `SOAP note for ${rina.code}` });
  const told = own.getByTestId('note-break-glass');
  await expect(told).toContainText('This note was opened by break-glass');
  await expect(told).toContainText('Ayu Lestari opened it on');
  await expect(told).toContainText(reason);
  await screenshot(page, 'break-glass-told', { viewport: true });
});

test('the note dialog in Bahasa Indonesia', async ({ page, app }) => {
  const clinic = await seedClinic(app);
  const rina = await clientWithBudi(app, clinic, 'Rina', 'Wijaya');
  const session = await book(app, clinic, rina.caseId, at(today(), '08:00'));
  const note = await asCounsellor(app, async () => {
    const created = await dispatchOk(app, 'notes.create', { caseId: rina.caseId, sessionId: session.id, template: 'soap' });
    await dispatchOk(app, 'notes.save', {
      id: created.id,
      content: {
        subjective: 'Klien melaporkan sulit tidur sejak restrukturisasi dinas; merasa harus selalu siaga.',
        objective: 'Tenang, kontak mata baik, menangis saat menceritakan jaga malam terakhir.',
        assessment: '',
        plan: '',
      },
    });
    return created;
  });

  await page.goto('/');
  await signIn(page, COUNSELLOR);
  await page.getByRole('button', { name: 'Bahasa Indonesia' }).click();
  const toSign = page.getByTestId('home-notes-to-sign');
  await expect(toSign).toContainText('Catatan yang perlu ditandatangani');
  await expect.poll(() => untranslatedOnPage(page)).toEqual([]);
  await screenshot(page, 'home-id');

  await toSign.getByRole('button', { name: /^Lanjutkan/ }).click();
  const dialog = page.getByRole('dialog', { name: `Catatan SOAP untuk ${rina.code}` });
  await expect(dialog.getByLabel('Subjektif')).toHaveValue(/sulit tidur/);
  await dialog.getByLabel('Asesmen').fill('Kelelahan terkait pekerjaan dengan gejala burnout yang meningkat; tidak ada tanda risiko.');
  await expect(dialog.getByTestId('note-save-status')).toHaveText(/^Tersimpan \d{2}\.\d{2}$/);
  await expect.poll(() => untranslatedOnPage(page)).toEqual([]);
  await screenshot(page, 'dialog-id', { viewport: true });

  await dialog.getByRole('button', { name: 'Tandatangani catatan' }).click();
  await expect(dialog.getByTestId('note-sign-confirm')).toContainText('Setelah ditandatangani, catatan ini tidak dapat diubah lagi');
  await expect.poll(() => untranslatedOnPage(page)).toEqual([]);
  await dialog.getByRole('button', { name: 'Ya, tandatangani catatan' }).click();
  await expect(dialog.getByTestId('note-status')).toHaveText('Ditandatangani');
  await expect(dialog.getByTestId('note-signature-check')).toHaveText('Tanda tangan terverifikasi: teksnya persis seperti saat ditandatangani.');
  await dialog.getByLabel('Isi adendum').fill('Koreksi: restrukturisasi diumumkan lima minggu lalu.');
  await dialog.getByRole('button', { name: 'Tambahkan adendum' }).click();
  await expect(dialog.getByTestId('addendum-verified')).toHaveText('✓ Terverifikasi');
  await expect.poll(() => untranslatedOnPage(page)).toEqual([]);
  await tall(page, () => screenshot(page, 'signed-id', { viewport: true }));
  expect((await dispatchOk(app, 'notes.get', { id: note.id })).status).toBe('signed');
});
