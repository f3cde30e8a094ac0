import { test, expect } from '../bridge/fixtures';
import { screenshotsFor } from '../bridge/screens';
import { dispatchOk, setUpClinic } from '../bridge/clinic';
import { untranslatedOnPage } from '../bridge/visible-text';
import { testNowIn } from '../helpers/test-now';

const screenshot = screenshotsFor('import');

const ZONE = 'Asia/Jakarta';
const daysAgo = (n: number) => testNowIn(ZONE).minus({ days: n }).toISODate()!;
const inDays = (n: number) => testNowIn(ZONE).plus({ days: n }).toISODate()!;

const DISDIK = 'Dinas Pendidikan Kota Bandung';
const DAMKAR = 'Dinas Pemadam Kebakaran';

// An agency's export: semicolons, Indonesian headers Tenang knows, one it does not ("Prioritas")
// and one it ignores ("Catatan internal").
const HEADER = 'Instansi;Tanggal diterima;Jenis rujukan;Prioritas;Nama depan;Nama keluarga;Tanggal lahir;Masalah yang dihadapi;Alasan rujukan;Catatan internal';
const rowsWithErrors = [
  HEADER,
  `${DISDIK};${daysAgo(3)};Rujukan mandiri;Mendesak;Siti;Rahayu;1985-03-14;"Kecemasan;burnout";;`,
  `Dinas Tidak Dikenal;${daysAgo(3)};self;routine;Budi;Santoso;;anxiety;;`,
  `${DAMKAR};${daysAgo(2)};informal;routine;Ani;Wijaya;;grief_loss;"Dua baris:`,
  `kehilangan rekan kerja";`,
  `${DAMKAR};${inDays(5)};self;sometime;Dewi;;;anxiety;;`,
  `${DISDIK};${daysAgo(1)};self;routine;SITI;rahayu;1985-03-14;workload_stress;;`,
];
const fixedRows = [
  HEADER,
  `${DISDIK};${daysAgo(3)};Rujukan mandiri;Mendesak;Siti;Rahayu;1985-03-14;"Kecemasan;burnout";;`,
  `${DISDIK};${daysAgo(3)};self;routine;Budi;Santoso;;anxiety;;`,
  `${DAMKAR};${daysAgo(2)};informal;routine;Ani;Wijaya;;grief_loss;"Dua baris:`,
  `kehilangan rekan kerja";`,
  `${DAMKAR};${daysAgo(1)};self;emergency;Dewi;;;anxiety;;`,
];
const csvFile = (name: string, rows: string[]) => ({ name, mimeType: 'text/csv', buffer: Buffer.from(`\uFEFF${rows.join('\r\n')}\r\n`, 'utf8') });

test('an admin imports a CSV of referrals: a file with errors is reported by line and imports nothing; fixed, it imports; in both languages', async ({ page, app }) => {
  await setUpClinic(app);
  await dispatchOk(app, 'agencies.create', { name: DISDIK, sector: 'education' });
  await dispatchOk(app, 'agencies.create', { name: DAMKAR, sector: 'emergency_services' });

  await page.goto('/');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Referrals' }).click();
  await page.getByRole('navigation', { name: 'Referral sections' }).getByRole('link', { name: 'Import' }).click();
  await expect(page.getByRole('heading', { name: 'Import referrals' })).toBeVisible();
  await page.getByText('Columns and accepted values').click();
  await expect(page.locator('.import-help')).toContainText('presenting_issues');
  await screenshot(page, 'start');
  await page.getByText('Columns and accepted values').click();

  // The file: its rows are counted (the quoted reason runs over two lines), its separator named.
  await expect(page.getByTestId('import-file-name')).toHaveText('No file chosen');
  await page.getByLabel('CSV file').setInputFiles(csvFile('rujukan-november.csv', rowsWithErrors));
  await expect(page.getByTestId('import-file-name')).toHaveText('rujukan-november.csv');
  await expect(page.getByTestId('import-summary')).toHaveText('rujukan-november.csv: 5 rows, columns separated by semicolons.');

  // Not all headers are Tenang's: the matching step is open, the known ones already matched.
  const mapping = page.getByTestId('import-mapping');
  await expect(mapping.getByLabel('Agency')).toHaveValue('Instansi');
  await expect(mapping.getByLabel('Presenting issues')).toHaveValue('Masalah yang dihadapi');
  await expect(mapping.getByLabel('Urgency')).toHaveValue('');
  await expect(page.getByTestId('import-mapping-step')).toContainText('Not imported: Prioritas, Catatan internal');

  // Checking without urgency matched: the header is refused at line 1.
  await page.getByRole('button', { name: 'Check file' }).click();
  const report = page.getByTestId('import-problems');
  await expect(report.locator('tbody tr')).toHaveCount(1);
  const headerProblem = report.locator('tr[data-line="1"][data-code="missing_column"]');
  await expect(headerProblem).toContainText('Urgency');
  await expect(headerProblem).toContainText('The file has no such column. Add it, or match it to a column of the file.');

  await mapping.getByLabel('Urgency').selectOption('Prioritas');
  await expect(page.getByTestId('import-mapping-step')).toContainText('Not imported: Catatan internal');
  await expect(report).toHaveCount(0);
  await screenshot(page, 'mapping');

  // Every bad line, by its line in the file; nothing imported.
  await page.getByRole('button', { name: 'Check file' }).click();
  await expect(page.getByTestId('import-report')).toContainText('Nothing was imported: 4 problems');
  const rows = report.locator('tbody tr');
  const seen = await rows.evaluateAll((trs) => trs.map((tr) => `${tr.getAttribute('data-line')}:${tr.getAttribute('data-code')}`));
  expect(seen).toEqual(['3:unknown_agency', '6:future_date', '6:unknown_code', '7:duplicate_in_file']);
  await expect(report.locator('tr[data-line="3"]')).toContainText('Agency');
  await expect(report.locator('tr[data-line="3"]')).toContainText('No active agency has this name.');
  await expect(report.locator('tr[data-line="6"][data-code="unknown_code"]')).toContainText('Urgency');
  await expect(report.locator('tr[data-line="6"][data-code="unknown_code"]')).toContainText('Prioritas');
  await expect(report.locator('tr[data-line="6"][data-code="unknown_code"]')).toContainText('Not a code or label Tenang knows.');
  await expect(report.locator('tr[data-line="7"]')).toContainText('Whole row');
  // Cells' contents never appear in the report.
  await expect(page.getByTestId('import-report')).not.toContainText('Dinas Tidak Dikenal');
  await expect(page.getByTestId('import-report')).not.toContainText('sometime');
  expect((await dispatchOk(app, 'referrals.list', {})).referrals).toEqual([]);
  await screenshot(page, 'report');

  // The same report in Bahasa Indonesia, at once.
  await page.getByRole('button', { name: 'Bahasa Indonesia' }).click();
  await expect(page.getByRole('heading', { name: 'Impor rujukan' })).toBeVisible();
  await expect(page.getByTestId('import-report')).toContainText('Tidak ada yang diimpor: 4 masalah');
  await expect(report.locator('tr[data-line="3"]')).toContainText('Tidak ada instansi aktif dengan nama ini.');
  await expect(report.locator('tr[data-line="6"][data-code="future_date"]')).toContainText('Tanggal diterima');
  await expect(report.locator('tr[data-line="6"][data-code="future_date"]')).toContainText('Tanggal setelah hari ini.');
  await expect(report.locator('tr[data-line="7"]')).toContainText('Seluruh baris');
  await expect(page.getByTestId('import-summary')).toHaveText('rujukan-november.csv: 5 baris, kolom dipisahkan dengan titik koma.');
  await expect.poll(() => untranslatedOnPage(page)).toEqual([]);
  await screenshot(page, 'report-id');

  // Fixed, chosen again: matched again (the matching starts afresh), checked, imported.
  await page.getByLabel('Berkas CSV').setInputFiles(csvFile('rujukan-november-perbaikan.csv', fixedRows));
  await page.getByTestId('import-mapping').getByLabel('Tingkat urgensi').selectOption('Prioritas');
  await page.getByRole('button', { name: 'Periksa berkas' }).click();
  await expect(page.getByTestId('import-valid')).toHaveText('Semua 4 baris valid dan siap diimpor.');
  expect((await dispatchOk(app, 'referrals.list', {})).referrals).toEqual([]);
  await expect.poll(() => untranslatedOnPage(page)).toEqual([]);
  await screenshot(page, 'valid-id');
  await page.getByRole('button', { name: 'Impor 4 rujukan' }).click();
  await expect(page.getByTestId('import-notice')).toHaveText('4 rujukan diimpor dari rujukan-november-perbaikan.csv.');
  await expect(page.getByTestId('import-check-step')).toHaveCount(0);
  await expect(page.getByTestId('import-file-name')).toHaveText('Belum ada berkas yang dipilih');

  const imported = (await dispatchOk(app, 'referrals.list', {})).referrals;
  expect(imported.map((r) => `${r.clientName}:${r.urgency}:${r.status}`).sort()).toEqual(['Ani Wijaya:routine:new', 'Budi Santoso:routine:new', 'Dewi:emergency:new', 'Siti Rahayu:urgent:new']);
  expect(imported.find((r) => r.clientName === 'Ani Wijaya')?.reason).toBe('Dua baris:\nkehilangan rekan kerja');
  expect((await dispatchOk(app, 'audit.list', { action: 'referral.import' })).entries).toMatchObject([{ detail: { rows: 4 } }]);

  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByTestId('import-notice')).toHaveText('4 referrals imported from rujukan-november-perbaikan.csv.');
  await screenshot(page, 'imported');
});
