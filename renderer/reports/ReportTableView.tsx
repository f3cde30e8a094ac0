import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import type { HiddenValue, ReportDocument, ReportTable } from '../../shared/reports/report-document';
import { placeText, reasonAt } from './hidden-text';
import { HiddenMark } from './HiddenMark';

const BAR = '#0b5c56';
const ROW_HEIGHT = 28;
/** A hidden row's stub: hatched, as wide in every chart, so it never reads as a number. */
const HIDDEN_STUB = 26;

interface BarShapeProps {
  x?: number;
  y?: number;
  width?: number;
  height?: number;
  payload?: { hidden: boolean; shown: string };
  /** The id of this chart's hatch pattern. */
  hatch?: string;
}

/** One row's bar with its number after it; a hidden row gets the hatched stub and "n.p.". */
function RowBar({ x = 0, y = 0, width = 0, height = 0, payload, hatch }: BarShapeProps) {
  const hidden = payload?.hidden === true;
  const barWidth = hidden ? HIDDEN_STUB : width;
  return (
    <g>
      <rect x={x} y={y} width={barWidth} height={height} fill={hidden ? `url(#${hatch})` : BAR} stroke={hidden ? '#c99a2e' : 'none'} />
      <text x={x + barWidth + 6} y={y + height / 2} dominantBaseline="central" fontSize={11} fill={hidden ? '#7a4b00' : '#334'}>
        {payload?.shown}
      </text>
    </g>
  );
}

/**
 * One table of the report: the numbers as a table (with totals where the table has more
 * than one column), and a bar chart of its rows in which a hidden row is drawn as no bar
 * and labelled as hidden, never as zero.
 */
export function ReportTableView({ table, document, hidden }: { table: ReportTable; document: ReportDocument; hidden: readonly HiddenValue[] }) {
  const { t } = useTranslation();
  const captionId = useId();
  const hatch = `hatch${useId().replace(/[^a-zA-Z0-9]/g, '')}`;
  const twoWay = table.colLabels.length > 1;
  const mark = (place: Parameters<typeof reasonAt>[1]) => <HiddenMark reason={reasonAt(hidden, place)} where={placeText(t, document, place)} k={document.minCellSize} />;
  const hiddenText = t('reports.preview.hiddenMark');
  const data = table.rowLabels.map((label, row) => {
    const value = twoWay ? table.rowTotals[row] : table.cells[row]![0];
    return { label, value: value ?? 0, hidden: value === null, shown: value === null ? hiddenText : String(value) };
  });

  return (
    <figure className="report-table" data-testid="report-table" data-table={table.id} aria-labelledby={captionId}>
      <figcaption id={captionId} className="report-preview__heading">
        {table.title}
      </figcaption>
      <div className="report-table__body">
        <div className="table-wrap">
          <table className="table table--dense">
            <thead>
              <tr>
                <td />
                {table.colLabels.map((label) => (
                  <th key={label} scope="col">
                    {label}
                  </th>
                ))}
                {twoWay && <th scope="col">{t('reports.preview.total')}</th>}
              </tr>
            </thead>
            <tbody>
              {table.rowLabels.map((label, row) => (
                <tr key={label}>
                  <th scope="row">{label}</th>
                  {table.cells[row]!.map((value, col) => (
                    <td key={col} className="report-table__number">
                      {value ?? mark({ kind: 'cell', table: table.id, row, col })}
                    </td>
                  ))}
                  {twoWay && <td className="report-table__number report-table__total">{table.rowTotals[row] ?? mark({ kind: 'rowTotal', table: table.id, row })}</td>}
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t('reports.preview.total')}</th>
                {twoWay
                  ? table.colTotals.map((value, col) => (
                      <td key={col} className="report-table__number report-table__total">
                        {value ?? mark({ kind: 'colTotal', table: table.id, col })}
                      </td>
                    ))
                  : null}
                <td className="report-table__number report-table__total">{table.total ?? mark({ kind: 'total', table: table.id })}</td>
              </tr>
            </tfoot>
          </table>
        </div>
        <div className="report-table__chart" aria-hidden="true">
          <ResponsiveContainer width="100%" height={data.length * ROW_HEIGHT + 36}>
            <BarChart data={data} layout="vertical" margin={{ top: 4, right: 48, bottom: 4, left: 8 }} accessibilityLayer={false}>
              <CartesianGrid horizontal={false} stroke="#e3e9e7" />
              <XAxis type="number" allowDecimals={false} tick={{ fontSize: 11 }} />
              <YAxis type="category" dataKey="label" width={190} tick={{ fontSize: 11 }} interval={0} />
              <defs>
                <pattern id={hatch} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
                  <rect width="6" height="6" fill="#fff4d6" />
                  <line x1="0" y1="0" x2="0" y2="6" stroke="#e0b453" strokeWidth="3" />
                </pattern>
              </defs>
              <Bar dataKey="value" isAnimationActive={false} barSize={16} shape={(props: BarShapeProps) => <RowBar {...props} hatch={hatch} />} minPointSize={0} />
            </BarChart>
          </ResponsiveContainer>
        </div>
      </div>
    </figure>
  );
}
