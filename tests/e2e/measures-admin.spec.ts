import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect } from '../bridge/fixtures';
import { COUNSELLOR, dispatchOk, setUpClinic } from '../bridge/clinic';
import { invokeFromPage } from '../bridge/install-bridge';
import { screenshotsFor } from '../bridge/screens';
import { signIn } from '../bridge/sign-in';
import { untranslatedOnPage } from '../bridge/visible-text';

const screenshot = screenshotsFor('measures');
const EXAMPLE_TEXT = readFileSync(join(process.cwd(), 'resources/instrument-example.json'), 'utf8');
const BUNDLED = ['PHQ-9', 'GAD-7', 'K10', 'WHO-5', 'PSS-10', 'CBI'];

type Json = Record<string, any>;

/** The example file with some of its fields broken, as text. */
function brokenExample(breakIt: (file: Json) => void): string {
  const file = JSON.parse(EXAMPLE_TEXT) as Json;
  breakIt(file);
  return JSON.stringify(file, null, 2);
}

async function chooseFile(page: Page, name: string, text: string): Promise<void> {
  await page.getByTestId('add-instrument').locator('input[type="file"]').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text, 'utf8') });
  await expect(page.getByTestId('instrument-file-name')).toHaveText(name);
}

const activeIds = async (app: Parameters<typeof dispatchOk>[0]) => (await dispatchOk(app, 'measures.instruments', {})).instruments.map((instrument) => instrument.id);

test('an admin reads the instrument catalogue, switches the PSS-10 off and on, and adds an instrument file only once it is valid', async ({ page, app }) => {
  await setUpClinic(app);
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin' }).click();
  await page.getByRole('navigation', { name: 'Admin sections' }).getByRole('link', { name: 'Measures' }).click();
  await expect(page.getByRole('heading', { name: 'Outcome measures' })).toBeVisible();

  // The six bundled instruments, each with its scoring, bands, source and licence.
  const cards = page.getByTestId('measure-catalogue').getByRole('article');
  await expect(cards).toHaveCount(6);
  for (const [index, shortName] of BUNDLED.entries()) await expect(cards.nth(index).getByRole('heading', { level: 3 })).toContainText(shortName);
  const phq9 = page.getByTestId('measure-phq9');
  await expect(phq9).toContainText('9 items · scores 0–27, higher is worse');
  await expect(phq9).toContainText('Bundled');
  for (const band of ['Minimal 0–4', 'Mild 5–9', 'Moderate 10–14', 'Moderately severe 15–19', 'Severe 20–27']) await expect(phq9.getByRole('listitem').filter({ hasText: band })).toHaveCount(1);
  await expect(phq9.locator('dt', { hasText: 'Clinical case from' }).locator('+ dd')).toHaveText('a score of 10 or more');
  await expect(phq9.locator('dt', { hasText: 'Reliable change' }).locator('+ dd')).toHaveText('a change of 6 points or more');
  await expect(page.getByTestId('measure-phq9-indonesian')).toHaveText('Working translation, not validated');
  await expect(page.getByTestId('measure-who5')).toContainText('scores 0–100, higher is better');
  await expect(page.getByTestId('measure-cbi').getByRole('listitem').filter({ hasText: 'to under 50' })).toHaveCount(1);
  // The PSS-10's non-commercial licence is in plain view, not behind a click.
  await expect(page.getByTestId('measure-pss10-licence')).toBeVisible();
  await expect(page.getByTestId('measure-pss10-licence')).toContainText('Free for non-commercial use only');
  await expect(page.getByTestId('measure-k10')).not.toContainText('Clinical case from');
  await screenshot(page, 'admin-catalogue-en');

  // PSS-10 off: counsellors are no longer offered it; then on again.
  const pss10Switch = page.getByRole('switch', { name: 'Use PSS-10' });
  await expect(pss10Switch).toBeChecked();
  await pss10Switch.click();
  await expect(page.getByTestId('measures-notice')).toHaveText('PSS-10 is switched off: counsellors can no longer give it. Questionnaires already given keep their answers and scores.');
  await expect(pss10Switch).not.toBeChecked();
  await expect(page.getByTestId('measure-pss10')).toContainText('Switched off');
  expect(await activeIds(app)).toEqual(['phq9', 'gad7', 'k10', 'who5', 'cbi']);
  await pss10Switch.click();
  await expect(page.getByTestId('measures-notice')).toHaveText('PSS-10 is switched on: counsellors can give it again.');
  await expect(pss10Switch).toBeChecked();
  expect(await activeIds(app)).toEqual(['phq9', 'gad7', 'k10', 'who5', 'pss10', 'cbi']);

  // A file that breaks the format: every problem under its field, and nothing added.
  const addForm = page.getByTestId('add-instrument');
  await expect(addForm).toContainText('Add only an instrument the clinic holds a licence for');
  await chooseFile(
    page,
    'wellbeing-broken.json',
    brokenExample((file) => {
      delete file.items[2].text.id;
      file.direction = 'sideways';
      file.version = 3;
      file.author = 'someone';
    }),
  );
  await addForm.getByRole('button', { name: 'Add instrument' }).click();
  const issues = page.getByTestId('instrument-file-issues');
  // Each item is the field's path, then what is wrong with it.
  await expect(issues.getByRole('listitem')).toHaveText([
    'versionNot the right kind of value (for example, text where a number belongs).',
    'Item 3 → text (Indonesian)Missing or empty.',
    'directionNot one of the values allowed here.',
    'The fileHolds a field the format does not know: check the spelling of the field names.',
  ]);
  await expect(issues).toContainText('The file was not added. Correct these 4 things and add it again:');
  await expect(cards).toHaveCount(6);
  await screenshot(page, 'admin-add-errors-en');

  // A file whose fields are each well formed but whose rules do not hold.
  await chooseFile(
    page,
    'wellbeing-bands.json',
    brokenExample((file) => {
      file.bands[2].min = 3;
      file.casenessAtLeast = 12;
    }),
  );
  await addForm.getByRole('button', { name: 'Add instrument' }).click();
  await expect(issues.getByRole('listitem')).toHaveText([
    'Band 3 → minEach band must start above the one before it.',
    'casenessAtLeastThe caseness threshold must be above the lowest possible score and no higher than the highest.',
  ]);
  // Not JSON at all.
  await chooseFile(page, 'notes.json', 'this is not JSON');
  await addForm.getByRole('button', { name: 'Add instrument' }).click();
  await expect(issues.getByRole('listitem')).toHaveText(['The fileThis file is not an instrument file: it is not valid JSON text.']);
  expect((await dispatchOk(app, 'measures.catalogue', {})).entries).toHaveLength(6);

  // The example file: added, listed as added by the clinic, and offered to counsellors.
  await chooseFile(page, 'instrument-example.json', EXAMPLE_TEXT);
  await addForm.getByRole('button', { name: 'Add instrument' }).click();
  await expect(page.getByTestId('instrument-added')).toHaveText('EXAMPLE-3 has been added and counsellors can give it. It is listed above.');
  await expect(issues).toHaveCount(0);
  await expect(page.getByTestId('measures-notice')).toHaveCount(0);
  await expect(page.getByTestId('instrument-file-name')).toHaveText('No file chosen');
  await expect(cards).toHaveCount(7);
  const example = page.getByTestId('measure-example_wellbeing');
  await expect(example).toContainText('Example wellbeing check (made up, not for clients)');
  await expect(example).toContainText('Added by the clinic');
  await expect(example).toContainText('3 items · scores 0–9, higher is better');
  await expect(page.getByRole('switch', { name: 'Use EXAMPLE-3' })).toBeChecked();
  expect(await activeIds(app)).toContain('example_wellbeing');
  await screenshot(page, 'admin-added-en');

  // The same file again is refused as a second instrument with its id.
  await chooseFile(page, 'instrument-example.json', EXAMPLE_TEXT);
  await addForm.getByRole('button', { name: 'Add instrument' }).click();
  await expect(addForm.getByRole('alert')).toHaveText('The clinic already has an instrument with this id. Give the new file another id, or switch the existing one on.');
  await expect(cards).toHaveCount(7);

  // The same screen in Bahasa Indonesia: the instruments' own texts too.
  await page.getByRole('button', { name: 'Bahasa Indonesia' }).click();
  await expect(page.getByRole('heading', { name: 'Alat ukur hasil konseling' })).toBeVisible();
  await expect(phq9).toContainText('9 butir · skor 0–27, makin tinggi makin buruk');
  await expect(phq9.getByRole('listitem').filter({ hasText: 'Minimal 0–4' })).toHaveCount(1);
  await expect(page.getByTestId('measure-phq9-indonesian')).toHaveText('Terjemahan kerja, belum divalidasi');
  await expect(page.getByTestId('measure-pss10-licence')).toContainText('nonkomersial');
  await expect(example).toContainText('Contoh cek kesejahteraan (rekaan, bukan untuk klien)');
  await expect(page.getByRole('switch', { name: 'Gunakan PSS-10' })).toBeChecked();
  await expect.poll(() => untranslatedOnPage(page)).toEqual([]);
  await screenshot(page, 'admin-catalogue-id');
});

test('a counsellor has no Measures tab, and the catalogue channels refuse them', async ({ page, app }) => {
  await setUpClinic(app, { counsellor: true, locked: true });
  await page.goto('/');
  await signIn(page, COUNSELLOR);
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Measures' })).toHaveCount(0);
  const refusals = {
    'measures.catalogue': {},
    'measures.setEnabled': { instrumentId: 'pss10', enabled: false },
    'measures.addInstrument': { fileText: EXAMPLE_TEXT },
  };
  for (const [channel, input] of Object.entries(refusals)) {
    expect(await invokeFromPage(page, channel, input), channel).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  }
  // Nothing changed: the counsellor is still offered all six.
  expect(await activeIds(app)).toEqual(['phq9', 'gad7', 'k10', 'who5', 'pss10', 'cbi']);
});
