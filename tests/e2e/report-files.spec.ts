import { mkdirSync } from 'node:fs';
import { test, expect } from '@playwright/test';
import { renderPdfPageToPng } from '../helpers/pdf-to-png';
import { sampleReportDocument } from '../helpers/report-document-fixture';
import { renderReportPdf } from '../../services/reports/pdf/report-pdf';

/**
 * The agency report PDF as an agency sees it (issue 13): page 1 of a hand-built report,
 * with hidden cells, in English and Indonesian, rendered by pdf.js to
 * artifacts/screens/reports-pdf-en.png and reports-pdf-id.png.
 */
for (const language of ['en', 'id'] as const) {
  test(`the report PDF's first page, in ${language === 'en' ? 'English' : 'Indonesian'}`, async ({ page }) => {
    mkdirSync('artifacts/screens', { recursive: true });
    const { bytes } = await renderReportPdf(sampleReportDocument(language));
    const rendered = await renderPdfPageToPng(page, bytes, `artifacts/screens/reports-pdf-${language}.png`);
    expect(rendered.pages).toBeGreaterThanOrEqual(2);
    // A4 at the scale drawn: 595 x 842 points.
    expect(Math.round(rendered.width / rendered.height * 100)).toBe(71);
    for (let n = 2; n <= rendered.pages; n++) await renderPdfPageToPng(page, bytes, `test-results/reports-pdf-${language}-page${n}.png`, { pageNumber: n });
  });
}
