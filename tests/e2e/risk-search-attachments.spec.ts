import { deflateSync } from 'node:zlib';
import { DateTime } from 'luxon';
import type { Locator, Page } from '@playwright/test';
import { test, expect } from '../bridge/fixtures';
import { screenshotsFor } from '../bridge/screens';
import { ADMIN, CLINIC, COUNSELLOR, agencyWithContract, asUser, clientWithCase, dispatchOk, setUpClinic } from '../bridge/clinic';
import { signIn } from '../bridge/sign-in';
import { englishOnlyStrings, untranslatedOnPage } from '../bridge/visible-text';
import type { ChannelInput } from '../../shared/contract/channels';
import type { TenangApp } from '../../services/tenang-app';
import { testNowIn } from '../helpers/test-now';
import { DOCX_TYPE } from '../../shared/domain/attachments';
import { macroDocument } from '../helpers/zip-archive';

const riskScreens = screenshotsFor('risk');
const searchScreens = screenshotsFor('search');
const attachmentScreens = screenshotsFor('attachments');

const ZONE = CLINIC.timeZone;
const SARI = { username: 'sari', displayName: 'Sari Wulandari', passphrase: 'teh manis di sore yang cerah' };

const today = () => testNowIn(ZONE).startOf('day');
const nextMonday = () => today().startOf('week').plus({ weeks: 1 });
const enDate = (day: DateTime) => day.setLocale('en-GB').toLocaleString(DateTime.DATE_MED);

interface Clinic {
  budi: number;
  sari: number;
  agencyId: number;
  room: number;
}

/** Budi and Sari (counsellors) with working hours, a room, and an agency with a contract. */
async function seedClinic(app: TenangApp): Promise<Clinic> {
  const { counsellorId } = await setUpClinic(app, { counsellor: true });
  const sari = await dispatchOk(app, 'users.create', { username: SARI.username, displayName: SARI.displayName, role: 'counsellor', newPassphrase: SARI.passphrase, confirmPassphrase: SARI.passphrase });
  for (const userId of [counsellorId!, sari.id]) {
    await dispatchOk(app, 'availability.setHours', { userId, hours: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, startMinute: 8 * 60, endMinute: 17 * 60 })) });
  }
  const room = await dispatchOk(app, 'rooms.create', { name: 'Ruang Melati', capacity: 2 });
  const agency = await agencyWithContract(app, 'Dinas Pemadam Kebakaran Kota Surabaya', 'emergency_services');
  return { budi: counsellorId!, sari: sari.id, agencyId: agency.id, room: room.id };
}

/** A new client referred today, triaged and assigned to a counsellor: their open case. */
const clientOf = (app: TenangApp, clinic: Clinic, givenName: string, familyName: string, counsellorId: number) =>
  clientWithCase(app, clinic.agencyId, counsellorId, givenName, familyName, { presentingIssues: ['workload_stress', 'critical_incident_trauma'] });

/** A note written and signed by the signed-in counsellor. */
async function signedNote(app: TenangApp, caseId: number, template: ChannelInput<'notes.create'>['template'], content: Record<string, string>) {
  const note = await dispatchOk(app, 'notes.create', { caseId, template });
  return dispatchOk(app, 'notes.sign', { id: note.id, content });
}

async function openClient(page: Page, clientId: number, name: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Clients' }).click();
  await page.locator(`[data-client-id="${clientId}"]`).click();
  await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
}

/** English-only strings visible inside one part of the page (the rest of the page belongs to other capabilities). */
async function untranslatedIn(part: Locator): Promise<string[]> {
  const english = englishOnlyStrings();
  const texts = await part.evaluate((root) => {
    const found: string[] = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      const text = node.textContent?.trim();
      if (!parent || !text || parent.closest('option, .visually-hidden') || !parent.checkVisibility()) continue;
      found.push(text);
    }
    return found;
  });
  return texts.filter((text) => english.has(text));
}

/** The session's block in the calendar grid. */
const sessionBlock = (page: Page, id: number) => page.locator(`.tenang-calendar .ec-event:has([data-session-id="${id}"])`);

test('a counsellor raises a risk flag: the client’s header and calendar show it, and clearing it needs a note', async ({ page, app }) => {
  const clinic = await seedClinic(app);
  const rina = await clientOf(app, clinic, 'Rina', 'Wijaya', clinic.budi);
  const monday = nextMonday();
  const booked = await dispatchOk(app, 'sessions.book', {
    caseId: rina.caseId,
    counsellorId: clinic.budi,
    sessionType: 'counselling',
    modality: 'in_person',
    roomId: clinic.room,
    localStart: `${monday.toISODate()}T10:00`,
    durationMinutes: 50,
  });
  if (booked.outcome !== 'booked') throw new Error('not booked');
  const session = booked.sessions[0]!;
  // A safeguarding concern raised last week whose review date has come.
  await asUser(app, COUNSELLOR, () =>
    dispatchOk(app, 'risks.raise', { clientId: rina.clientId, caseId: rina.caseId, kind: 'safeguarding', level: 'low', reviewDate: today().toISODate()!, note: 'Child care arrangements uncertain during night shifts.' }),
  );

  await page.goto('/');
  await signIn(page, COUNSELLOR);
  await openClient(page, rina.clientId, rina.name);
  const panel = page.getByTestId('risk-panel');
  const safeguarding = panel.locator('[data-testid="risk-flag"][data-kind="safeguarding"]');
  await expect(safeguarding).toContainText('Low');
  await expect(safeguarding).toContainText('Safeguarding concern');
  await expect(safeguarding.getByTestId('risk-review-due')).toHaveText(`Review due (since ${enDate(today())})`);

  await panel.getByRole('button', { name: 'Raise risk flag' }).click();
  const dialog = page.getByRole('dialog', { name: 'Raise a risk flag' });
  await expect(dialog.getByLabel('Review date')).toHaveValue(today().plus({ days: 7 }).toISODate()!);
  // Nothing chosen: each field says what it needs, and nothing is sent.
  await dialog.getByRole('button', { name: 'Raise flag' }).click();
  await expect(dialog.locator('#risk-raise-kind-error')).toHaveText('Kind of risk is required.');
  await expect(dialog.locator('#risk-raise-level-error')).toHaveText('Level is required.');
  await expect(dialog.locator('#risk-raise-note-error')).toHaveText('Write a note saying why.');
  await dialog.getByLabel('Review date').fill(today().minus({ days: 1 }).toISODate()!);
  await dialog.getByLabel('Kind of risk').selectOption({ label: 'Suicide or self-harm risk' });
  await dialog.getByRole('radio', { name: 'High' }).check();
  await dialog.getByLabel('Note').fill('Disclosed passive suicidal thoughts after the warehouse fire; no plan or intent. Safety plan agreed; GP informed with consent.');
  await dialog.getByRole('button', { name: 'Raise flag' }).click();
  await expect(dialog.locator('#risk-raise-review-error')).toHaveText('Review date cannot be in the past.');
  const reviewOn = today().plus({ days: 7 });
  await dialog.getByLabel('Review date').fill(reviewOn.toISODate()!);
  await riskScreens(page, 'raise-dialog', { viewport: true });
  await dialog.getByRole('button', { name: 'Raise flag' }).click();
  await expect(dialog).toHaveCount(0);

  await expect(page.getByTestId('risk-notice')).toContainText('The risk flag has been raised.');
  const suicide = panel.locator('[data-testid="risk-flag"][data-kind="suicide_self_harm"]');
  await expect(suicide).toContainText('High');
  await expect(suicide).toContainText('Suicide or self-harm risk');
  await expect(suicide.getByTestId('risk-review')).toHaveText(`Review by ${enDate(reviewOn)}`);
  await expect(suicide).toContainText(`Raised ${enDate(today())} by Budi Santoso`);
  // The most serious flag comes first.
  await expect(panel.getByTestId('risk-flag').first()).toHaveAttribute('data-level', 'high');
  await riskScreens(page, 'client-header');

  // The calendar entry carries the marker, in words for everyone.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Calendar' }).click();
  await page.getByRole('button', { name: 'Next week' }).click();
  const block = sessionBlock(page, session.id);
  const marker = block.getByTestId('session-risk-marker');
  await expect(marker).toContainText('High');
  await expect(marker.locator('.visually-hidden')).toHaveText('Risk flag: High');
  await expect(block).toHaveClass(/session-event--risk-high/);
  await riskScreens(page, 'calendar');
  await block.click();
  const details = page.getByRole('dialog', { name: `Session with ${rina.code}` });
  await expect(details.getByTestId('session-risk')).toContainText('High');
  await expect(details.getByTestId('session-risk')).toContainText('The client has an active risk flag.');
  await riskScreens(page, 'session-details', { viewport: true });
  await details.getByRole('button', { name: 'Close' }).click();

  // Clearing needs a note too.
  await openClient(page, rina.clientId, rina.name);
  await suicide.getByRole('button', { name: 'Clear the flag: Suicide or self-harm risk' }).click();
  const clearing = page.getByRole('dialog', { name: 'Clear the flag: Suicide or self-harm risk' });
  await clearing.getByRole('button', { name: 'Clear flag' }).click();
  await expect(clearing.locator('#risk-clear-note-error')).toHaveText('Write a note saying why.');
  await clearing.getByLabel('Note').fill('Reviewed with the client: no suicidal thoughts for three weeks, safety plan in use, mood improving.');
  await riskScreens(page, 'clear-dialog', { viewport: true });
  await clearing.getByRole('button', { name: 'Clear flag' }).click();
  await expect(clearing).toHaveCount(0);
  await expect(page.getByTestId('risk-notice')).toContainText('The risk flag has been cleared.');
  await expect(suicide).toHaveCount(0);
  await expect(safeguarding).toBeVisible();
  await panel.getByRole('button', { name: 'Show cleared flags (1)' }).click();
  const history = panel.getByTestId('risk-history');
  await expect(history).toContainText('Suicide or self-harm risk · High');
  await expect(history).toContainText(`cleared ${enDate(today())} by Budi Santoso`);
  await riskScreens(page, 'cleared');

  // Both reasons are signed notes the flag points to; the session now shows the remaining (low) flag.
  const flags = (await dispatchOk(app, 'risks.list', { clientId: rina.clientId, includeCleared: true })).flags;
  const cleared = flags.find((flag) => flag.kind === 'suicide_self_harm')!;
  expect(cleared.clearedAt).not.toBeNull();
  expect(cleared.clearedNoteId).not.toBeNull();
  expect((await dispatchOk(app, 'sessions.get', { id: session.id })).session.riskLevel).toBe('low');

  // In Bahasa Indonesia.
  await page.getByRole('button', { name: 'Bahasa Indonesia' }).click();
  await expect(panel.getByRole('heading', { name: 'Penanda risiko' })).toBeVisible();
  await expect(safeguarding).toContainText('Kekhawatiran perlindungan');
  await expect(safeguarding).toContainText('Rendah');
  await expect(history).toContainText('Risiko bunuh diri atau menyakiti diri · Tinggi');
  await expect.poll(() => untranslatedIn(panel)).toEqual([]);
  await riskScreens(page, 'cleared-id');
});

/** Budi's clients Rina and Agus and Sari's client Dewi, each with signed notes. */
async function seedNotes(app: TenangApp) {
  const clinic = await seedClinic(app);
  const rina = await clientOf(app, clinic, 'Rina', 'Wijaya', clinic.budi);
  const agus = await clientOf(app, clinic, 'Agus', 'Prasetyo', clinic.budi);
  const dewi = await clientOf(app, clinic, 'Dewi', 'Kartika', clinic.sari);
  await asUser(app, COUNSELLOR, async () => {
    const first = await signedNote(app, rina.caseId, 'free_text', {
      text: 'Rina reports insomnia since the restructuring of her unit, and open conflict with her supervisor about unpaid overtime.',
    });
    await dispatchOk(app, 'notes.addAddendum', { noteId: first.id, text: 'Correction: the sleep problems began earlier, after the flood response in March.' });
    await signedNote(app, agus.caseId, 'soap', {
      subjective: 'Agus sleeps badly after night shifts; insomnia most nights this month.',
      objective: 'Tired, flat affect, on time.',
      assessment: 'Work stress with sleep disturbance after a critical incident.',
      plan: 'Sleep hygiene, grounding exercises; review in two weeks.',
    });
    // Enough short contact notes for a second page of results.
    for (let n = 1; n <= 21; n += 1) {
      await signedNote(app, rina.caseId, 'free_text', { text: `Telephone contact ${n}: confirmed the jadwal for next week and checked in on sleep.` });
    }
  });
  await asUser(app, SARI, () =>
    signedNote(app, dewi.caseId, 'free_text', { text: 'Dewi describes insomnia and flashbacks after the gudang kebakaran at the depot.' }),
  );
  return { clinic, rina, agus, dewi };
}

async function openSearch(page: Page, nav = { name: 'Main', link: 'Search notes' }): Promise<void> {
  await page.getByRole('navigation', { name: nav.name }).getByRole('link', { name: nav.link }).click();
}

test('a counsellor searches their own notes: highlighted snippets, filters, paging, and nothing of another counsellor’s clients', async ({ page, app }) => {
  const { rina, agus, dewi } = await seedNotes(app);

  await page.goto('/');
  await signIn(page, COUNSELLOR);
  await openSearch(page);
  await expect(page.getByRole('heading', { name: 'Search notes', level: 1 })).toBeVisible();
  await expect(page.getByTestId('search-prompt')).toContainText('Search the notes of your clients');
  const box = page.getByRole('searchbox', { name: 'Search for' });
  const summary = page.getByTestId('search-summary');
  const hits = page.getByTestId('search-hit');

  // Type-ahead: a word's beginning is enough; Sari's client Dewi also has "insomnia" but is never counted.
  await box.fill('insom');
  await expect(summary).toHaveText('2 results');
  await expect(hits).toHaveCount(2);
  await expect(page.getByTestId('search-hits')).toContainText(rina.code);
  await expect(page.getByTestId('search-hits')).toContainText(agus.code);
  await expect(page.getByTestId('search-hits')).not.toContainText(dewi.code);
  await expect(page.locator('.search-hit__snippet mark').first()).toHaveText(/^insomnia$/i);
  const rinaHit = hits.filter({ hasText: rina.code });
  await expect(rinaHit).toContainText('Rina Wijaya');
  await expect(rinaHit).toContainText('Free-text note');
  await expect(rinaHit).toContainText(`Written ${enDate(today())} by Budi Santoso`);
  await searchScreens(page, 'results');

  // Filters: the client, the template, the dates.
  await page.getByLabel('Client').selectOption({ label: `${agus.code} · Agus Prasetyo` });
  await expect(summary).toHaveText('1 result');
  await expect(hits).toHaveCount(1);
  await expect(hits.first()).toContainText(agus.code);
  await expect(hits.first()).toContainText('SOAP note');
  await page.getByLabel('Template').selectOption({ label: 'Free-text note' });
  await expect(summary).toHaveText('No notes match “insom”.');
  await expect(hits).toHaveCount(0);
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(summary).toHaveText('2 results');
  await page.getByLabel('Written until').fill(today().minus({ days: 1 }).toISODate()!);
  await expect(summary).toHaveText('No notes match “insom”.');
  await page.getByLabel('Written from').fill(today().toISODate()!);
  await expect(page.locator('#note-search-to-error')).toHaveText('Written until is before the first date.');
  await page.getByLabel('Written until').fill(today().toISODate()!);
  await expect(summary).toHaveText('2 results');
  await page.getByRole('button', { name: 'Clear filters' }).click();

  // A word only in an addendum: the hit says so.
  await box.fill('flood');
  await expect(summary).toHaveText('1 result');
  await expect(hits.first().getByTestId('search-hit-addendum')).toHaveText('Found in an addendum');
  await expect(hits.first().locator('mark')).toHaveText('flood');

  // A word only in the other counsellor's client's note: no hit, no count, no hint.
  await box.fill('kebakaran');
  await expect(summary).toHaveText('No notes match “kebakaran”.');
  await expect(hits).toHaveCount(0);
  await searchScreens(page, 'no-hit');

  // Paging: 21 contact notes, 20 a page.
  await box.fill('jadwal');
  await expect(summary).toHaveText('21 results');
  await expect(page.getByTestId('search-range')).toHaveText('1–20 of 21');
  await expect(hits).toHaveCount(20);
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByTestId('search-range')).toHaveText('21–21 of 21');
  await expect(hits).toHaveCount(1);
  await page.getByRole('button', { name: 'Previous' }).click();
  await expect(page.getByTestId('search-range')).toHaveText('1–20 of 21');

  // Opening a hit opens the note.
  await box.fill('insomnia supervisor');
  await expect(summary).toHaveText('1 result');
  await hits.first().getByRole('button', { name: new RegExp(`^Open Free-text note of ${rina.code}`) }).click();
  const note = page.getByRole('dialog');
  await expect(note).toContainText('unpaid overtime');
  await expect(note).toContainText('flood response');
  await searchScreens(page, 'open-note', { viewport: true });
  await page.keyboard.press('Escape');
  await expect(note).toHaveCount(0);

  // Every search is in the audit log; Dewi's note was never counted in any of them.
  const searches = await asUser(app, ADMIN, () => dispatchOk(app, 'audit.list', { action: 'note.search' }));
  expect(searches.entries.length).toBeGreaterThan(0);
});

test('the note search in Bahasa Indonesia', async ({ page, app }) => {
  const { rina } = await seedNotes(app);
  await page.goto('/');
  await signIn(page, COUNSELLOR);
  await page.getByRole('button', { name: 'Bahasa Indonesia' }).click();
  await openSearch(page, { name: 'Utama', link: 'Cari catatan' });
  await expect(page.getByRole('heading', { name: 'Cari catatan', level: 1 })).toBeVisible();
  await expect(page.getByTestId('search-prompt')).toContainText('Cari dalam catatan klien Anda');
  await expect.poll(() => untranslatedOnPage(page)).toEqual([]);
  await page.getByRole('searchbox', { name: 'Cari' }).fill('insom');
  await expect(page.getByTestId('search-summary')).toHaveText('2 hasil');
  await page.getByLabel('Klien').selectOption({ label: `${rina.code} · Rina Wijaya` });
  await expect(page.getByTestId('search-summary')).toHaveText('1 hasil');
  await page.getByRole('button', { name: 'Hapus saringan' }).click();
  await page.getByRole('searchbox', { name: 'Cari' }).fill('flood');
  await expect(page.getByTestId('search-hit-addendum')).toHaveText('Ditemukan dalam adendum');
  await expect.poll(() => untranslatedOnPage(page)).toEqual([]);
  await searchScreens(page, 'results-id');
  await page.getByLabel('Ditulis sejak').fill(today().toISODate()!);
  await page.getByLabel('Ditulis sampai').fill(today().minus({ days: 1 }).toISODate()!);
  await expect(page.locator('#note-search-to-error')).toHaveText('Ditulis sampai lebih awal daripada tanggal mulai.');
  await expect.poll(() => untranslatedOnPage(page)).toEqual([]);
});

/** A valid PNG (8-bit RGB): a soft teal gradient with a darker band, like a small scan. */
function pngImage(width: number, height: number): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc32 = (bytes: Buffer) => {
    let c = 0xffffffff;
    for (const byte of bytes) c = crcTable[(c ^ byte) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.writeUInt8(8, 8); // bit depth
  header.writeUInt8(2, 9); // RGB
  const rows: number[] = [];
  for (let y = 0; y < height; y += 1) {
    rows.push(0);
    for (let x = 0; x < width; x += 1) {
      const band = y > height * 0.4 && y < height * 0.6;
      const shade = Math.round((x / width) * 60);
      rows.push(band ? 15 : 227 - shade, band ? 118 : 241 - shade / 2, band ? 110 : 238 - shade / 3);
    }
  }
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(Buffer.from(rows))), chunk('IEND', Buffer.alloc(0))]);
}

const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
  'latin1',
);

test('documents: a PDF and a PNG are attached, the PNG opens in the app, and a renamed executable is refused', async ({ page, app, pageCalls }) => {
  const clinic = await seedClinic(app);
  const rina = await clientOf(app, clinic, 'Rina', 'Wijaya', clinic.budi);
  await app.lock('manual');

  await page.goto('/');
  await signIn(page, COUNSELLOR);
  await openClient(page, rina.clientId, rina.name);
  const documents = page.getByTestId('attachments');
  await expect(documents.getByTestId('attachments-empty')).toHaveText('No documents attached yet.');
  const rows = documents.locator('tbody tr');

  await documents.getByRole('button', { name: 'Attach a document' }).click();
  const dialog = page.getByRole('dialog', { name: 'Attach a document' });
  await dialog.getByRole('button', { name: 'Attach' }).click();
  await expect(dialog.locator('#attach-file-error')).toHaveText('File is required.');
  await expect(dialog.locator('#attach-kind-error')).toHaveText('Kind is required.');
  await dialog.getByLabel('File').setInputFiles({ name: 'consent-rina.pdf', mimeType: 'application/pdf', buffer: PDF });
  // The title starts as the file's name without its extension.
  await expect(dialog.getByLabel('Title')).toHaveValue('consent-rina');
  await dialog.getByLabel('Title').fill('Informed consent, signed at intake');
  await dialog.getByLabel('Kind').selectOption({ label: 'Consent form' });
  await dialog.getByLabel('Case (optional)').selectOption({ index: 1 });
  await attachmentScreens(page, 'attach-dialog', { viewport: true });
  await dialog.getByRole('button', { name: 'Attach' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId('attachment-notice')).toHaveText('“Informed consent, signed at intake” has been attached.');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Consent form');
  await expect(rows.first()).toContainText('PDF document');
  await expect(rows.first()).toContainText('Budi Santoso');

  await documents.getByRole('button', { name: 'Attach a document' }).click();
  await dialog.getByLabel('File').setInputFiles({ name: 'referral-letter-scan.png', mimeType: 'image/png', buffer: pngImage(480, 300) });
  await expect(dialog.getByLabel('Title')).toHaveValue('referral-letter-scan');
  await dialog.getByLabel('Kind').selectOption({ label: 'Scanned document' });
  await dialog.getByRole('button', { name: 'Attach' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(rows).toHaveCount(2);
  await expect(rows.first()).toContainText('referral-letter-scan');
  await expect(rows.first()).toContainText('PNG image');
  await attachmentScreens(page, 'list');

  // The PNG is shown inside the app (a data: image, which the CSP allows).
  await documents.getByRole('button', { name: 'Open referral-letter-scan' }).click();
  const viewer = page.getByRole('dialog', { name: 'referral-letter-scan' });
  const image = viewer.getByTestId('attachment-image');
  await expect(image).toBeVisible();
  await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(480);
  await attachmentScreens(page, 'open-png', { viewport: true });
  await viewer.getByRole('button', { name: 'Close' }).click();
  await expect(viewer).toHaveCount(0);

  // A PDF is not drawn in the app: the default program is offered instead (desktop app only).
  await documents.getByRole('button', { name: 'Open Informed consent, signed at intake' }).click();
  const pdfViewer = page.getByRole('dialog', { name: 'Informed consent, signed at intake' });
  await expect(pdfViewer.getByTestId('attachment-outside')).toContainText('A PDF document is not shown inside Tenang.');
  await pdfViewer.getByRole('button', { name: 'Open in the default app' }).click();
  await expect(pdfViewer.getByTestId('attachment-external-note')).toHaveText('Opening this type outside the app is available in the desktop app.');
  await attachmentScreens(page, 'open-pdf', { viewport: true });
  await pdfViewer.getByRole('button', { name: 'Close' }).click();

  // A renamed executable: the service reads the content, refuses it, and says so under the file.
  await documents.getByRole('button', { name: 'Attach a document' }).click();
  const executable = Buffer.concat([Buffer.from('MZ', 'latin1'), Buffer.alloc(62), Buffer.from('This program cannot be run in DOS mode.', 'latin1'), Buffer.alloc(400, 0x90)]);
  await dialog.getByLabel('File').setInputFiles({ name: 'consent.pdf', mimeType: 'application/pdf', buffer: executable });
  await dialog.getByLabel('Kind').selectOption({ label: 'Consent form' });
  await dialog.getByRole('button', { name: 'Attach' }).click();
  await expect(dialog.locator('#attach-file-error')).toHaveText(
    'File: only PDF, PNG, JPEG and Word (DOCX) documents can be attached. This file is none of these, whatever its name says.',
  );
  await attachmentScreens(page, 'refused', { viewport: true });

  // A Word document with macros, renamed .docx: read from its ZIP directory, refused by name of the reason.
  await dialog.getByLabel('File').setInputFiles({ name: 'referral-letter.docx', mimeType: DOCX_TYPE, buffer: macroDocument({ withVbaProject: true, withMacroContentType: true }) });
  await dialog.getByRole('button', { name: 'Attach' }).click();
  await expect(dialog.locator('#attach-file-error')).toHaveText(
    'File is a Word document with macros, which could run code on the computer that opens it. Save it in Word as a plain document (.docx) without macros and attach that.',
  );
  await attachmentScreens(page, 'refused-macros', { viewport: true });

  // Too large: said before anything is sent.
  const sent = pageCalls.filter((channel) => channel === 'attachments.add').length;
  // (made inside the page: 20 MiB through Playwright's file transfer is slow)
  await dialog.getByLabel('File').evaluate((input: HTMLInputElement, bytes) => {
    const files = new DataTransfer();
    files.items.add(new File([new Uint8Array(bytes)], 'scan-big.pdf', { type: 'application/pdf' }));
    input.files = files.files;
    input.dispatchEvent(new Event('change', { bubbles: true }));
  }, 20 * 1024 * 1024 + 1);
  await dialog.getByRole('button', { name: 'Attach' }).click();
  await expect(dialog.locator('#attach-file-error')).toHaveText('File is larger than 20 MiB.');
  expect(pageCalls.filter((channel) => channel === 'attachments.add').length).toBe(sent);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(rows).toHaveCount(2);

  // In Bahasa Indonesia.
  await page.getByRole('button', { name: 'Bahasa Indonesia' }).click();
  await expect(documents.getByRole('heading', { name: 'Dokumen' })).toBeVisible();
  await expect(rows.first()).toContainText('Dokumen pindaian');
  await expect(rows.first()).toContainText('Gambar PNG');
  await expect.poll(() => untranslatedIn(documents)).toEqual([]);
  await documents.getByRole('button', { name: 'Lampirkan dokumen' }).click();
  const attachId = page.getByRole('dialog', { name: 'Lampirkan dokumen' });
  await attachId.getByRole('button', { name: 'Lampirkan' }).click();
  await expect(attachId.locator('#attach-file-error')).toHaveText('Berkas wajib diisi.');
  await expect.poll(() => untranslatedIn(attachId)).toEqual([]);
  await attachmentScreens(page, 'attach-dialog-id', { viewport: true });
  await attachId.getByRole('button', { name: 'Batal' }).click();

  const stored = await asUser(app, COUNSELLOR, () => dispatchOk(app, 'attachments.list', { clientId: rina.clientId }));
  expect(stored.attachments.map((a) => [a.title, a.mediaType])).toEqual([
    ['referral-letter-scan', 'image/png'],
    ['Informed consent, signed at intake', 'application/pdf'],
  ]);
  const opened = await asUser(app, ADMIN, () => dispatchOk(app, 'audit.list', { action: 'attachment.open' }));
  expect(opened.entries.length).toBe(1);
});
