import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { CartesianGrid, Legend, Line, LineChart, ReferenceArea, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { Administration, InstrumentView } from '../../shared/contract/measure-schemas';
import { useFormatters } from '../session/useFormatters';
import { severityStep } from './AdministrationScore';
import { InstrumentInfo } from './InstrumentInfo';
import { bandSpans, scoreText, wallClockText } from './measure-text';
import { scoreTicks, tickDate, timeDomain, timeTicks, trajectoryLines, trajectoryPoints } from './trajectory-data';

/** Soft fills from best (0) to worst (4): the band's words are printed on it, the colour only helps. */
const BAND_FILLS = ['#dff1e6', '#eef5d9', '#fcf1d2', '#fde3cf', '#f9d6d3'];
const LINE_COLOURS = ['#0b5c56', '#7a4fb5', '#b4561f'];
const MUTED = '#566966';
/** Room right of the plot for the band names, so they never sit under a point. */
const BAND_LABEL_ROOM = 130;

interface TrajectoryChartProps {
  instrument: InstrumentView;
  administrations: Administration[];
}

/**
 * One instrument's scores over the case, on its whole range, with its severity bands shaded
 * and named and its caseness threshold drawn. A screen reader gets the caption and the same
 * points as a table (the drawing itself is hidden from it).
 */
export function TrajectoryChart({ instrument, administrations }: TrajectoryChartProps) {
  const { t } = useTranslation();
  const { zone, language } = useFormatters();
  const tableId = useId();
  const points = trajectoryPoints(instrument, administrations, zone);
  if (points.length === 0) return null;
  const lines = trajectoryLines(instrument);
  const data = points.map((point) => ({ at: point.at, ...point.values }));
  const bands = bandSpans(instrument);
  const hasSubscales = instrument.subscales !== null;
  const bandOf = (value: number) => [...bands].reverse().find((band) => value >= band.from)?.label ?? '';

  return (
    <figure className="measure-chart" data-testid="trajectory-chart" data-instrument={instrument.id} aria-describedby={tableId}>
      <figcaption className="measure-chart__caption">
        <span className="measure-chart__title">{t('measures.chart.title', { name: instrument.shortName })}</span>
        <span className="measure-chart__summary">{t('measures.chart.summary', { count: points.length, min: instrument.range.min, max: instrument.range.max })}</span>
      </figcaption>
      <InstrumentInfo instrument={instrument} />
      <div className="measure-chart__plot" aria-hidden="true">
        <ResponsiveContainer width="100%" height={260}>
          <LineChart data={data} margin={{ top: 12, right: BAND_LABEL_ROOM, bottom: 4, left: 0 }} accessibilityLayer={false}>
            {bands.map((band, index) => (
              <ReferenceArea
                key={band.id}
                y1={band.from}
                y2={band.to}
                ifOverflow="hidden"
                fill={BAND_FILLS[severityStep(instrument, index)]}
                fillOpacity={1}
                stroke="none"
                label={{ value: band.label, position: 'right', fill: MUTED, fontSize: 12 }}
              />
            ))}
            <CartesianGrid stroke="#ffffff" strokeOpacity={0.7} vertical={false} />
            {instrument.casenessAtLeast !== null && (
              <ReferenceLine
                y={instrument.casenessAtLeast}
                stroke="#8a5300"
                strokeDasharray="6 4"
                label={{ value: t('measures.chart.caseness', { threshold: instrument.casenessAtLeast }), position: 'insideBottomLeft', fill: '#8a5300', fontSize: 11 }}
              />
            )}
            <XAxis
              dataKey="at"
              type="number"
              scale="time"
              domain={timeDomain(points)}
              ticks={timeTicks(points)}
              tickFormatter={(ms: number) => tickDate(ms, zone, language)}
              tick={{ fontSize: 12, fill: MUTED }}
              stroke="#b9c6c2"
            />
            <YAxis domain={[instrument.range.min, instrument.range.max]} ticks={scoreTicks(instrument)} allowDataOverflow tick={{ fontSize: 12, fill: MUTED }} stroke="#b9c6c2" width={40} />
            <Tooltip
              labelFormatter={(ms) => tickDate(Number(ms), zone, language)}
              formatter={(value, name) => [`${scoreText(Number(value))} · ${bandOf(Number(value))}`, name]}
            />
            {hasSubscales && <Legend verticalAlign="bottom" height={28} iconType="plainline" wrapperStyle={{ fontSize: 12 }} />}
            {lines.map((line, index) => (
              <Line
                key={line.key}
                dataKey={line.key}
                name={line.label}
                type="linear"
                stroke={LINE_COLOURS[index % LINE_COLOURS.length]}
                strokeWidth={2.5}
                dot={{ r: 4.5, strokeWidth: 2, fill: '#ffffff' }}
                activeDot={{ r: 6 }}
                connectNulls
                isAnimationActive={false}
              />
            ))}
          </LineChart>
        </ResponsiveContainer>
      </div>
      <table className="visually-hidden" id={tableId} data-testid="trajectory-points">
        <caption>{t('measures.chart.tableCaption', { name: instrument.shortName })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('measures.table.when')}</th>
            {lines.map((line) => (
              <th key={line.key} scope="col">
                {line.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {points.map((point, index) => (
            <tr key={`${point.at}-${index}`}>
              <td>{wallClockText(point.administeredAt, zone, language)}</td>
              {lines.map((line) => {
                const value = point.values[line.key] ?? null;
                return <td key={line.key}>{value === null ? '—' : `${scoreText(value)} (${bandOf(value)})`}</td>;
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
