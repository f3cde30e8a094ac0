import { reportDocumentSchema, type ReportDocument, type ReportMetric } from '../../../shared/reports/report-document';
import { REPORT_METRICS } from '../../../shared/reports/report-tables';
import { fill, formatCount, formatMetricValue, formatShare, monthInWords, periodInWords, reportFileLabels, type ReportFileLabels, type ReportLanguage } from '../report-file-text';
import { COLOURS, CONTENT_BOTTOM, CONTENT_WIDTH, FONT, PAGE, PdfCanvas } from './pdf-canvas';
import { drawTableBlock } from './table-block';

/**
 * The agency-facing PDF (issue 13), written from the published document alone: the clinic,
 * scope and period, the key figures with their numerators and denominators, every table as
 * a grid and a bar chart, the organisational insight, and the definitions, in the report's
 * language. A hidden value is marked ("n.p."/"t.d." and hatching, explained in the legend),
 * never explained: why it is hidden is for the admin's preview only.
 */
export interface ReportPdfOptions {
  /** The file's creation date; by default the first day of the document's `generatedAt` month (UTC), so the same document gives the same bytes. */
  createdAt?: Date;
}

export interface RenderedPdf {
  bytes: Buffer;
  /** Every string drawn, for tests. */
  drawn: string[];
}

interface Context {
  canvas: PdfCanvas;
  labels: ReportFileLabels;
  language: ReportLanguage;
  doc: ReportDocument;
}

export async function renderReportPdf(document: ReportDocument, options: ReportPdfOptions = {}): Promise<RenderedPdf> {
  const doc = reportDocumentSchema.parse(document);
  const labels = reportFileLabels(doc.language);
  const createdAt = options.createdAt ?? new Date(`${doc.generatedAt}-01T00:00:00Z`);
  const period = periodInWords(doc.period, doc.language);
  const canvas = new PdfCanvas({ title: `${labels.title}: ${doc.scope.name}, ${period}`, author: doc.clinic, subject: labels.subtitle, createdAt, language: doc.language === 'id' ? 'id-ID' : 'en-GB' });
  const ctx: Context = { canvas, labels, language: doc.language, doc };

  drawHeader(ctx, period);
  drawMetrics(ctx);
  if (doc.tables.length > 0) {
    sectionHeading(ctx, labels.tables);
    for (const table of doc.tables) drawTableBlock(ctx, table);
  }
  if (doc.insight.length > 0) drawInsight(ctx);
  drawDefinitions(ctx);
  drawClosingNotes(ctx);
  drawFooters(ctx, period);
  return { bytes: await canvas.bytes(), drawn: canvas.drawn };
}

function drawHeader(ctx: Context, period: string): void {
  const { canvas, labels, doc } = ctx;
  canvas.fillRect(0, 0, PAGE.width, 8, COLOURS.accent);
  let y = PAGE.margin - 8;
  y += canvas.text(doc.clinic, PAGE.margin, y, { font: FONT.bold, size: 10.5, colour: COLOURS.accent, width: CONTENT_WIDTH }) + 10;
  y += canvas.text(labels.title, PAGE.margin, y, { font: FONT.bold, size: 22, width: CONTENT_WIDTH }) + 2;
  y += canvas.text(labels.subtitle, PAGE.margin, y, { size: 11, colour: COLOURS.muted, width: CONTENT_WIDTH }) + 14;

  // The facts box: scope, period, generated, and the minimum cell size.
  const facts: [string, string][] = [
    [labels.scope[doc.scope.kind], doc.scope.name],
    [labels.period, period],
    [labels.generated, monthInWords(doc.generatedAt, doc.language)],
  ];
  const keyWidth = 90;
  const valueWidth = CONTENT_WIDTH - keyWidth - 24;
  const factHeights = facts.map(([, value]) => canvas.heightOf(value, { font: FONT.bold, size: 10.5, width: valueWidth }) + 5);
  const note = fill(labels.minCellSize, { max: doc.minCellSize - 1, k: doc.minCellSize });
  const noteHeight = canvas.heightOf(note, { size: 8.5, width: CONTENT_WIDTH - 24 });
  const boxHeight = 12 + factHeights.reduce((a, b) => a + b, 0) + 4 + noteHeight + 12;
  canvas.fillRect(PAGE.margin, y, CONTENT_WIDTH, boxHeight, COLOURS.accentLight);
  canvas.fillRect(PAGE.margin, y, 3, boxHeight, COLOURS.accent);
  let fy = y + 12;
  facts.forEach(([key, value], i) => {
    canvas.text(key, PAGE.margin + 14, fy + 1.5, { size: 9, colour: COLOURS.muted, width: keyWidth });
    canvas.text(value, PAGE.margin + 14 + keyWidth, fy, { font: FONT.bold, size: 10.5, width: valueWidth });
    fy += factHeights[i]!;
  });
  canvas.text(note, PAGE.margin + 14, fy + 4, { size: 8.5, colour: COLOURS.muted, width: CONTENT_WIDTH - 24 });
  y += boxHeight + 10;

  // The legend of the hidden mark.
  canvas.hatch(PAGE.margin, y + 1, 16, 9);
  canvas.text(`${labels.notPublished} = ${labels.notPublishedLegend}`, PAGE.margin + 22, y + 1, { size: 9, colour: COLOURS.ink });
  canvas.y = y + 28;
}

function sectionHeading(ctx: Context, title: string): void {
  const { canvas } = ctx;
  canvas.keepTogether(90);
  canvas.text(title, PAGE.margin, canvas.y, { font: FONT.bold, size: 15, colour: COLOURS.ink });
  canvas.y += 22;
  canvas.line(PAGE.margin, canvas.y - 4, PAGE.margin + CONTENT_WIDTH, canvas.y - 4, COLOURS.accent, 1.2);
  canvas.y += 8;
}

const METRIC_SPECS = new Map(REPORT_METRICS.map((m) => [m.id, m]));

/** The key figures: one line a metric, its value and, where it has them, its numerator and denominator. */
function drawMetrics(ctx: Context): void {
  const { canvas, labels, doc } = ctx;
  if (doc.metrics.length === 0) return;
  sectionHeading(ctx, labels.keyFigures);
  const columns = [
    { label: labels.value, width: 70 },
    { label: labels.numerator, width: 70 },
    { label: labels.denominator, width: 76 },
  ];
  const labelWidth = CONTENT_WIDTH - columns.reduce((a, c) => a + c.width, 0);
  const header = 20;
  canvas.keepTogether(header + 40);
  let x = PAGE.margin + labelWidth;
  canvas.text(labels.measure, PAGE.margin + 4, canvas.y, { font: FONT.bold, size: 8, colour: COLOURS.muted });
  for (const column of columns) {
    canvas.text(column.label, x, canvas.y, { font: FONT.bold, size: 8, colour: COLOURS.muted, width: column.width - 6, align: 'right' });
    x += column.width;
  }
  canvas.y += header - 6;
  canvas.line(PAGE.margin, canvas.y, PAGE.margin + CONTENT_WIDTH, canvas.y, COLOURS.ink, 0.8);
  doc.metrics.forEach((metric, i) => {
    const h = Math.max(18, canvas.heightOf(metric.label, { size: 9.5, width: labelWidth - 12 }) + 8);
    canvas.keepTogether(h);
    const y = canvas.y;
    if (i % 2 === 1) canvas.fillRect(PAGE.margin, y, CONTENT_WIDTH, h, COLOURS.band);
    canvas.text(metric.label, PAGE.margin + 4, y + 5, { size: 9.5, width: labelWidth - 12 });
    const parts = metricParts(ctx, metric);
    let px = PAGE.margin + labelWidth;
    parts.forEach((part, c) => {
      const width = columns[c]!.width - 6;
      if (part === 'hidden') drawHidden(ctx, px + width, y + 5);
      else canvas.text(part, px, y + 5, { font: c === 0 ? FONT.bold : FONT.regular, size: 9.5, width, align: 'right', colour: part === '—' ? COLOURS.muted : COLOURS.ink });
      px += columns[c]!.width;
    });
    canvas.y = y + h;
  });
  canvas.line(PAGE.margin, canvas.y, PAGE.margin + CONTENT_WIDTH, canvas.y, COLOURS.rule, 0.6);
  canvas.y += 22;
}

/**
 * What a metric's three columns show: a value or the hidden mark, and "—" where the metric
 * has no such part (a count has no denominator; a mean change's numerator is not a count).
 */
function metricParts(ctx: Context, metric: ReportMetric): [string | 'hidden', string | 'hidden', string | 'hidden'] {
  const spec = METRIC_SPECS.get(metric.id);
  const count = (n: number | null) => (n === null ? 'hidden' : formatCount(n, ctx.language));
  const value = metric.value === null ? 'hidden' : formatMetricValue(metric.id, metric.value, ctx.language);
  if (spec?.kind === 'count') return [value, '—', '—'];
  const numerator = spec?.numeratorIsNotACount ? '—' : count(metric.numerator);
  return [value, numerator, count(metric.denominator)];
}

/** The hidden mark ending at `right`, set in the size of the numbers beside it (so it shares their line). */
function drawHidden(ctx: Context, right: number, y: number, size = 9.5): void {
  const style = { font: FONT.italic, size, colour: COLOURS.hidden } as const;
  const width = ctx.canvas.widthOf(ctx.labels.notPublished, style);
  ctx.canvas.hatch(right - width - 13, y + 1, 9, 7);
  ctx.canvas.text(ctx.labels.notPublished, right - width, y, style);
}

/** One block a stressor: its share against the sector's, the rule that fired, and the actions it suggests. */
function drawInsight(ctx: Context): void {
  const { canvas, labels, doc, language } = ctx;
  sectionHeading(ctx, labels.insight);
  canvas.y += canvas.text(labels.insightLead, PAGE.margin, canvas.y, { size: 9.5, colour: COLOURS.muted, width: CONTENT_WIDTH }) + 10;
  const inner = CONTENT_WIDTH - 20;
  for (const row of doc.insight) {
    const ruleText = row.rule ? `${labels.rule}: ${row.rule}` : null;
    const actions = row.actions.length > 0 ? row.actions : [labels.noAction];
    const height =
      18 +
      (ruleText ? canvas.heightOf(ruleText, { font: FONT.italic, size: 9, width: inner }) + 6 : 0) +
      14 +
      actions.reduce((a, action) => a + canvas.heightOf(action, { size: 9.5, width: inner - 14 }) + 3, 0) +
      12;
    canvas.keepTogether(height);
    const top = canvas.y;
    canvas.fillRect(PAGE.margin, top, 3, height - 8, COLOURS.accent);
    const x = PAGE.margin + 14;
    canvas.text(row.stressor, x, top, { font: FONT.bold, size: 10.5, width: inner - 170 });
    // The two shares, right-aligned on the stressor's line.
    const shareText = (label: string, value: number | null, right: number) => {
      if (value === null) {
        const markWidth = canvas.widthOf(labels.notPublished, { font: FONT.italic, size: 9.5 }) + 13;
        canvas.text(label, right - 86, top + 1, { size: 9.5, width: 86 - markWidth - 4, align: 'right' });
        drawHidden(ctx, right, top + 1);
      } else canvas.text(`${label} ${formatShare(value, language)}`, right - 86, top + 1, { size: 9.5, width: 86, align: 'right' });
    };
    shareText(labels.share, row.share, PAGE.margin + CONTENT_WIDTH - 96);
    shareText(labels.sectorShare, row.sectorShare, PAGE.margin + CONTENT_WIDTH);
    let y = top + 18;
    if (ruleText) y += canvas.text(ruleText, x, y, { font: FONT.italic, size: 9, colour: COLOURS.muted, width: inner }) + 6;
    canvas.text(labels.actions, x, y, { font: FONT.bold, size: 8.5, colour: COLOURS.accent });
    y += 14;
    for (const action of actions) {
      canvas.text('•', x + 2, y, { size: 9.5, colour: COLOURS.accent });
      y += canvas.text(action, x + 14, y, { size: 9.5, width: inner - 14 }) + 3;
    }
    canvas.y = top + height;
  }
  canvas.y += 8;
}

/** Each definition under its term: the metric's or table's label when the key names one. */
function drawDefinitions(ctx: Context): void {
  const { canvas, labels, doc } = ctx;
  const entries = Object.entries(doc.definitions);
  if (entries.length === 0) return;
  sectionHeading(ctx, labels.definitions);
  const names = new Map<string, string>([...doc.tables.map((t) => [t.id, t.title] as const), ...doc.metrics.map((m) => [m.id, m.label] as const)]);
  for (const [key, text] of entries) {
    const term = names.get(key) ?? key.replace(/_/g, ' ');
    const height = canvas.heightOf(term, { font: FONT.bold, size: 9.5, width: CONTENT_WIDTH }) + canvas.heightOf(text, { size: 9.5, width: CONTENT_WIDTH }) + 12;
    canvas.keepTogether(height);
    canvas.y += canvas.text(term, PAGE.margin, canvas.y, { font: FONT.bold, size: 9.5, width: CONTENT_WIDTH }) + 2;
    canvas.y += canvas.text(text, PAGE.margin, canvas.y, { size: 9.5, width: CONTENT_WIDTH, colour: COLOURS.ink }) + 10;
  }
}

function drawClosingNotes(ctx: Context): void {
  const { canvas, labels } = ctx;
  const notes = [labels.noIdentifiers, labels.signed];
  const height = notes.reduce((a, n) => a + canvas.heightOf(n, { size: 8.5, width: CONTENT_WIDTH }) + 4, 0) + 16;
  canvas.keepTogether(height);
  canvas.y += 6;
  canvas.line(PAGE.margin, canvas.y, PAGE.margin + CONTENT_WIDTH, canvas.y, COLOURS.rule, 0.6);
  canvas.y += 8;
  for (const note of notes) canvas.y += canvas.text(note, PAGE.margin, canvas.y, { size: 8.5, colour: COLOURS.muted, width: CONTENT_WIDTH }) + 4;
}

/** On every page: the clinic, scope and period on the left, "Page n of m" on the right. */
function drawFooters(ctx: Context, period: string): void {
  const { canvas, labels, doc } = ctx;
  const range = canvas.doc.bufferedPageRange();
  const y = CONTENT_BOTTOM + 16;
  for (let i = 0; i < range.count; i++) {
    canvas.doc.switchToPage(range.start + i);
    canvas.line(PAGE.margin, y - 6, PAGE.margin + CONTENT_WIDTH, y - 6, COLOURS.rule, 0.6);
    canvas.text(`${doc.clinic} · ${doc.scope.name} · ${period}`, PAGE.margin, y, { size: 7.5, colour: COLOURS.muted, width: CONTENT_WIDTH - 90 });
    canvas.text(fill(labels.page, { page: i + 1, pages: range.count }), PAGE.margin + CONTENT_WIDTH - 90, y, { size: 7.5, colour: COLOURS.muted, width: 90, align: 'right' });
  }
}
