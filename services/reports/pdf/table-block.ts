import type { ReportTable } from '../../../shared/reports/report-document';
import { formatCount, type ReportFileLabels, type ReportLanguage } from '../report-file-text';
import { COLOURS, CONTENT_WIDTH, FONT, PAGE, type PdfCanvas } from './pdf-canvas';

/**
 * One published table as the agency reads it: a grid of its counts with their totals, and a
 * bar chart of its cells drawn with vector graphics. A one-column table gets its bars in the
 * grid's rows; a wider one a grouped chart below the grid. A hidden value is never drawn to
 * any size: its cell says "n.p." beside a hatched swatch, its bar is a hatched stub of fixed
 * width, and the chart's scale is taken from the published cells only.
 */
const LABEL_WIDTH = 178;
const NUMBER_WIDTH = 56;
const ROW_MIN = 17;
const LABEL_STYLE = { size: 9, width: LABEL_WIDTH - 10 } as const;
const HIDDEN_STUB = 22;

interface Context {
  canvas: PdfCanvas;
  labels: ReportFileLabels;
  language: ReportLanguage;
}

export function drawTableBlock(ctx: Context, table: ReportTable): void {
  const { canvas } = ctx;
  const single = table.colLabels.length === 1;
  const columns = single ? table.colLabels : [...table.colLabels, ctx.labels.total];
  const rowHeights = table.rowLabels.map((label) => Math.max(ROW_MIN, canvas.heightOf(label, LABEL_STYLE) + 7));
  const headerHeight = Math.max(...columns.map((label) => canvas.heightOf(label, { font: FONT.bold, size: 8, width: NUMBER_WIDTH - 6 }))) + 8;
  const titleHeight = canvas.heightOf(table.title, { font: FONT.bold, size: 11.5, width: CONTENT_WIDTH }) + 8;
  const gridHeight = headerHeight + rowHeights.reduce((a, b) => a + b, 0) + ROW_MIN + 4;
  const chart = single ? null : groupedChartLayout(ctx, table);
  canvas.keepTogether(titleHeight + gridHeight + (chart?.height ?? 0) + 18);

  canvas.text(table.title, PAGE.margin, canvas.y, { font: FONT.bold, size: 11.5, colour: COLOURS.accent, width: CONTENT_WIDTH });
  canvas.y += titleHeight;
  drawGrid(ctx, table, columns, rowHeights, headerHeight, single);
  if (chart) drawGroupedChart(ctx, table, chart);
  canvas.y += 18;
}

function scaleOf(table: ReportTable): number {
  const published = table.cells.flat().filter((v): v is number => v !== null);
  return Math.max(1, ...published);
}

function drawGrid(ctx: Context, table: ReportTable, columns: readonly string[], rowHeights: number[], headerHeight: number, single: boolean): void {
  const { canvas } = ctx;
  const x0 = PAGE.margin;
  const numberX = (c: number) => x0 + LABEL_WIDTH + c * NUMBER_WIDTH;
  const gridRight = numberX(columns.length);
  const right = single ? PAGE.width - PAGE.margin : gridRight;
  let y = canvas.y;

  // Header: the column labels, right-aligned over their numbers.
  columns.forEach((label, c) => canvas.text(label, numberX(c), y + 2, { font: FONT.bold, size: 8, colour: COLOURS.muted, width: NUMBER_WIDTH - 6, align: 'right' }));
  y += headerHeight;
  canvas.line(x0, y - 2, right, y - 2, COLOURS.ink, 0.8);

  const scale = scaleOf(table);
  const barX = gridRight + 14;
  const barRoom = PAGE.width - PAGE.margin - barX - 34;
  table.rowLabels.forEach((label, r) => {
    const h = rowHeights[r]!;
    if (r % 2 === 1) canvas.fillRect(x0, y, right - x0, h, COLOURS.band);
    canvas.text(label, x0 + 4, y + 4.5, LABEL_STYLE);
    const values = single ? [table.cells[r]?.[0] ?? null] : [...(table.cells[r] ?? []), table.rowTotals[r] ?? null];
    values.forEach((value, c) => drawNumber(ctx, value, numberX(c), y, h, c === values.length - 1 && !single));
    if (single) drawBar(ctx, table.cells[r]?.[0] ?? null, barX, y + h / 2 - 4.5, 9, barRoom, scale, COLOURS.series[0]);
    y += h;
  });

  // The totals row.
  canvas.line(x0, y, right, y, COLOURS.ink, 0.8);
  canvas.text(ctx.labels.total, x0 + 4, y + 4.5, { font: FONT.bold, size: 9 });
  const totals = single ? [table.total] : [...table.colTotals, table.total];
  totals.forEach((value, c) => drawNumber(ctx, value, numberX(c), y, ROW_MIN, true));
  y += ROW_MIN;
  canvas.line(x0, y, right, y, COLOURS.rule, 0.6);
  canvas.y = y + 4;
}

/** A count right-aligned in its column, or the hidden mark. */
function drawNumber(ctx: Context, value: number | null, x: number, y: number, h: number, bold: boolean): void {
  const width = NUMBER_WIDTH - 6;
  if (value === null) {
    drawHiddenMark(ctx, x + width, y + 4.5, 'right');
    return;
  }
  ctx.canvas.text(formatCount(value, ctx.language), x, y + 4.5, { font: bold ? FONT.bold : FONT.regular, size: 9, width, align: 'right' });
}

/** "n.p." with a small hatched swatch before it, on the numbers' line (`y` is their top); `anchor` is where it starts (left) or ends (right). */
function drawHiddenMark(ctx: Context, anchor: number, y: number, align: 'left' | 'right'): void {
  const { canvas } = ctx;
  const word = ctx.labels.notPublished;
  const style = { font: FONT.italic, size: 9, colour: COLOURS.hidden } as const;
  const wordWidth = canvas.widthOf(word, style);
  const start = align === 'right' ? anchor - wordWidth - 13 : anchor;
  canvas.hatch(start, y + 1, 9, 7);
  canvas.text(word, start + 13, y, style);
}

/** One bar from x, sized by value/scale; a hidden value is a hatched stub of fixed width and "n.p.". */
function drawBar(ctx: Context, value: number | null, x: number, y: number, h: number, room: number, scale: number, colour: string): void {
  const { canvas } = ctx;
  if (value === null) {
    canvas.hatch(x, y, HIDDEN_STUB, h);
    canvas.text(ctx.labels.notPublished, x + HIDDEN_STUB + 4, y + h / 2 - 4, { font: FONT.italic, size: 7.5, colour: COLOURS.hidden });
    return;
  }
  const length = (value / scale) * room;
  if (length > 0) canvas.fillRect(x, y, Math.max(length, 0.8), h, colour);
  canvas.text(formatCount(value, ctx.language), x + length + 4, y + h / 2 - 3.8, { size: 7.5, colour: COLOURS.muted });
}

interface ChartLayout {
  height: number;
  legendHeight: number;
  groupHeights: number[];
}

const BAR = 7;
const BAR_GAP = 1.5;
const GROUP_PAD = 7;

function groupedChartLayout(ctx: Context, table: ReportTable): ChartLayout {
  const bars = table.colLabels.length * (BAR + BAR_GAP) - BAR_GAP;
  const groupHeights = table.rowLabels.map((label) => Math.max(bars, ctx.canvas.heightOf(label, { size: 8.5, width: LABEL_WIDTH - 10 })) + GROUP_PAD);
  const legendHeight = 20;
  return { legendHeight, groupHeights, height: 10 + legendHeight + groupHeights.reduce((a, b) => a + b, 0) + 6 };
}

/** Bars grouped by row, one colour per column, with a legend of the columns above. */
function drawGroupedChart(ctx: Context, table: ReportTable, layout: ChartLayout): void {
  const { canvas } = ctx;
  const x0 = PAGE.margin;
  let y = canvas.y + 10;
  let legendX = x0 + LABEL_WIDTH;
  table.colLabels.forEach((label, c) => {
    canvas.fillRect(legendX, y + 1, 8, 8, COLOURS.series[c % COLOURS.series.length]!);
    canvas.text(label, legendX + 12, y, { size: 8.5, colour: COLOURS.muted });
    legendX += canvas.widthOf(label, { size: 8.5 }) + 28;
  });
  y += layout.legendHeight;
  const barX = x0 + LABEL_WIDTH;
  const room = PAGE.width - PAGE.margin - barX - 34;
  const scale = scaleOf(table);
  canvas.line(barX, y - 3, barX, y + layout.groupHeights.reduce((a, b) => a + b, 0) - GROUP_PAD + 3, COLOURS.rule, 0.6);
  table.rowLabels.forEach((label, r) => {
    canvas.text(label, x0 + 4, y, { size: 8.5, width: LABEL_WIDTH - 10, colour: COLOURS.ink });
    table.colLabels.forEach((_, c) => drawBar(ctx, table.cells[r]?.[c] ?? null, barX + 1, y + c * (BAR + BAR_GAP), BAR, room, scale, COLOURS.series[c % COLOURS.series.length]!));
    y += layout.groupHeights[r]!;
  });
  canvas.y = y + 6;
}
