import { describe, expect, it } from 'vitest';
import { defaultChoice, periodText, selectableMonths } from '../../renderer/reports/period-choice';

describe('the report builder period', () => {
  it('opens on the last whole quarter, also across a new year', () => {
    expect(periodText(defaultChoice('2026-12'))).toBe('2026-Q3');
    expect(periodText(defaultChoice('2027-02'))).toBe('2026-Q4');
  });

  it('writes each kind the way the channel reads it', () => {
    const base = defaultChoice('2026-12');
    expect(periodText({ ...base, kind: 'month', year: 2026, month: 7 })).toBe('2026-07');
    expect(periodText({ ...base, kind: 'year', year: 2025 })).toBe('2025');
    expect(periodText({ ...base, kind: 'range', rangeFrom: '2026-01', rangeTo: '2026-06' })).toBe('2026-01..2026-06');
  });

  it('offers five years of months, newest first', () => {
    const months = selectableMonths('2026-12');
    expect(months).toHaveLength(60);
    expect(months[0]).toBe('2026-12');
    expect(months.at(-1)).toBe('2022-01');
  });
});
