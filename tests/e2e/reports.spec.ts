import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect } from '../bridge/fixtures';
import { dispatchOk, setUpClinic } from '../bridge/clinic';
import { screenshotsFor } from '../bridge/screens';
import { seedDemoData } from '../../services/demo-data';
import { verifyReportFile } from '../../services/reports/verify-report';
import { renderPdfBeside } from '../helpers/pdf-to-png';

const screenshot = screenshotsFor('reports');


type App = Parameters<typeof dispatchOk>[0];

/** The first demo agency with a contract in force in the period (the demo has some without). */
async function agencyReportableIn(app: App, period: string) {
  const { agencies } = await dispatchOk(app, 'reports.options', {});
  for (const agency of agencies) {
    const reply = await app.dispatch('reports.preview', { scope: { kind: 'agency', agencyId: agency.id }, period, language: 'en' });
    if (reply.ok) return agency;
  }
  throw new Error(`no demo agency has a contract in ${period}`);
}

/**
 * Holds back the page's next reply on a channel once the app has built it, until the test
 * lets it go: the progress the page showed while the report was built stays on screen.
 */
function holdNextReply(app: App, channel: string): () => void {
  const dispatch = app.dispatch;
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  app.dispatch = async (asked, input) => {
    if (asked !== channel) return dispatch(asked, input);
    app.dispatch = dispatch;
    const reply = await dispatch(asked, input);
    await released;
    return reply;
  };
  return release;
}

async function openReports(page: Page, section: string) {
  await page.goto('/');
  await page.getByRole('navigation').first().getByRole('link', { name: section }).click();
}

test('an admin builds an agency report, reads why each value is hidden, exports it signed, and finds it in the register', async ({ page, app, savedFilesDir }) => {
  await setUpClinic(app);
  await app.runAdminTask('test', (session, clock) => seedDemoData(session, clock, { size: 'small', seed: 7, asOf: null }));
  const agency = await agencyReportableIn(app, '2026-Q3');

  await openReports(page, 'Reports');
  await expect(page.getByRole('heading', { name: 'Build an agency report' })).toBeVisible();
  await page.getByLabel('Agency', { exact: true }).selectOption(String(agency.id));
  // The last whole quarter before the fixed "now" (December 2026).
  await expect(page.getByLabel('Period', { exact: true })).toHaveValue('quarter');
  await expect(page.getByLabel('Quarter', { exact: true })).toHaveValue('3');
  await screenshot(page, 'builder-en');

  // The report is built in the worker thread; the page shows each stage it reaches.
  const releasePreview = holdNextReply(app, 'reports.preview');
  await page.getByRole('button', { name: 'Preview the report' }).click();
  const previewProgress = page.getByTestId('report-progress-preview');
  await expect(previewProgress).toContainText('Step 3 of 3: Writing the tables, metrics and insight');
  await expect(previewProgress.locator('.report-progress__done')).toHaveText(["Reading the period's records", 'Checking that no hidden number can be worked out, earlier reports included']);
  await previewProgress.screenshot({ path: 'artifacts/screens/reports-progress-preview-en.png' });
  releasePreview();
  const preview = page.getByTestId('report-preview');
  await expect(preview.getByRole('heading', { level: 2 })).toHaveText(`${agency.name}, July–September 2026`);
  await expect(previewProgress).toHaveCount(0);
  // What the preview shows is what the channel built: every hidden value is marked, with its reason on hover, and listed below.
  const built = await dispatchOk(app, 'reports.preview', { scope: { kind: 'agency', agencyId: agency.id }, period: '2026-Q3', language: 'en' });
  expect(built.hidden.length).toBeGreaterThan(0);
  await expect(page.getByTestId('hidden-list').getByRole('listitem')).toHaveCount(built.hidden.length);
  const marks = preview.getByTestId('hidden-value');
  await expect(marks.first()).toHaveText('n.p.');
  for (const reason of new Set(built.hidden.map((h) => h.reason))) {
    await expect(preview.locator(`[data-testid="hidden-value"][data-reason="${reason}"]`).first()).toHaveAttribute('title', /\S/);
  }
  await expect(preview.locator('[data-reason="small_count"]').first()).toHaveAttribute('title', `Fewer than ${built.document.minCellSize}.`);
  await expect(page.getByTestId('report-table')).toHaveCount(built.document.tables.length);
  await screenshot(page, 'preview-en');
  for (const [testId, step] of [['report-metrics', 'preview-metrics-en'], ['report-table', 'preview-table-en'], ['report-insight', 'preview-insight-en'], ['hidden-list', 'hidden-reasons-en']] as const) {
    // The parts of the long preview one by one, at the size they are read.
    await page.getByTestId(testId).first().screenshot({ path: `artifacts/screens/reports-${step}.png` });
  }

  // Exported as PDF: signed beside it, entered in the register.
  const releaseExport = holdNextReply(app, 'reports.export');
  await page.getByRole('button', { name: 'Export PDF' }).click();
  await expect(page.getByTestId('report-progress-export')).toContainText('Step 4 of 4: Making the file and signing it');
  await page.getByTestId('report-export').screenshot({ path: 'artifacts/screens/reports-progress-export-en.png' });
  releaseExport();
  await expect(page.getByTestId('report-exported')).toContainText('SHA-256');
  const pdfPath = join(savedFilesDir, 'tenang-report-2026-07_2026-09.pdf');
  expect(existsSync(`${pdfPath}.sig`)).toBe(true);
  const { entries, publicKey } = await dispatchOk(app, 'reports.register', {});
  expect(verifyReportFile(pdfPath, publicKey)).toEqual({ ok: true, signedBy: 'sig_file' });
  expect(entries[0]).toMatchObject({ kind: 'agency_report', scopeName: agency.name, periodFrom: '2026-07', periodTo: '2026-09', format: 'pdf' });
  await renderPdfBeside(page, readFileSync(pdfPath), join('artifacts/screens', 'reports-exported-pdf-en.png'));

  await page.getByRole('link', { name: 'Register' }).click();
  await expect(page.getByTestId('register-entry')).toHaveCount(1);
  await expect(page.getByTestId('report-public-key')).toContainText(publicKey);
  await screenshot(page, 'register-en');
});

test('in Bahasa Indonesia: a sector report for the year, in Indonesian, previewed and exported', async ({ page, app, savedFilesDir }) => {
  await setUpClinic(app, { language: 'id' });
  await app.runAdminTask('test', (session, clock) => seedDemoData(session, clock, { size: 'small', seed: 7, asOf: null }));
  const agency = await agencyReportableIn(app, '2026-01..2026-11');
  // All agencies' report of the same months is in the register: the sector is compared with the shares it published.
  await dispatchOk(app, 'reports.export', { scope: { kind: 'all' }, period: '2026-01..2026-11', language: 'id', format: 'json' });

  await openReports(page, 'Laporan');
  await expect(page.getByRole('heading', { name: 'Buat laporan lembaga' })).toBeVisible();
  await page.getByText('Satu sektor').click();
  await page.getByLabel('Sektor', { exact: true }).selectOption(agency.sector);
  await page.getByLabel('Periode', { exact: true }).selectOption('range');
  // Backwards, the range is refused under its field, in Indonesian, before anything is built.
  await page.getByLabel('Dari', { exact: true }).selectOption('2026-11');
  await page.getByLabel('Sampai (termasuk)', { exact: true }).selectOption('2026-01');
  await page.getByRole('button', { name: 'Pratinjau laporan' }).click();
  await expect(page.locator('#report-rangeTo-error')).toHaveText('Sampai (termasuk) tidak boleh sebelum bulan pertama.');
  await expect(page.getByTestId('report-preview')).toHaveCount(0);
  await page.getByLabel('Dari', { exact: true }).selectOption('2026-01');
  await page.getByLabel('Sampai (termasuk)', { exact: true }).selectOption('2026-11');
  await expect(page.getByText('Bahasa Indonesia', { exact: true }).locator('..').getByRole('radio')).toBeChecked();
  const releasePreview = holdNextReply(app, 'reports.preview');
  await page.getByRole('button', { name: 'Pratinjau laporan' }).click();
  const progress = page.getByTestId('report-progress-preview');
  await expect(progress).toContainText('Langkah 3 dari 3: Menyusun tabel, metrik, dan wawasan');
  await progress.screenshot({ path: 'artifacts/screens/reports-progress-preview-id.png' });
  releasePreview();
  const preview = page.getByTestId('report-preview');
  await expect(preview.getByRole('heading', { level: 2 })).toContainText('Januari–November 2026');
  await expect(preview.getByTestId('hidden-value').first()).toHaveText('t.d.');
  // At least one of the sector's shares is shown (a percentage in the third column), and none is missing for want of all agencies' report.
  await expect(page.getByTestId('report-insight').locator('tbody tr td:nth-child(3)').filter({ hasText: '%' }).first()).toBeVisible();
  await expect(page.getByTestId('hidden-list')).not.toContainText('Laporan kelompok pembanding');
  await screenshot(page, 'preview-id');
  await page.getByTestId('report-insight').screenshot({ path: 'artifacts/screens/reports-preview-insight-id.png' });

  await page.getByRole('button', { name: 'Ekspor PDF' }).click();
  await expect(page.getByTestId('report-exported')).toContainText('SHA-256');
  await renderPdfBeside(page, readFileSync(join(savedFilesDir, 'tenang-report-2026-01_2026-11.pdf')), join('artifacts/screens', 'reports-exported-pdf-id.png'));
});
