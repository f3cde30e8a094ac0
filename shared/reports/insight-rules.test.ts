import { describe, expect, it } from 'vitest';
import en from '../i18n/en.json';
import id from '../i18n/id.json';
import { WORKPLACE_STRESSORS } from './report-tables';
import { evaluateInsight, INSIGHT_THRESHOLDS, insightRuleFor, ORGANISATIONAL_ACTIONS, STRESSOR_ACTIONS } from './insight-rules';

describe('organisational insight rules', () => {
  it('suggests conflict-resolution training when conflict with the public is 2.1× the sector’s share', () => {
    const [row] = evaluateInsight([{ stressor: 'conflict_with_public', share: 0.21, sectorShare: 0.1 }]).filter((r) => r.stressor === 'conflict_with_public');
    expect(row!.actions).toEqual(['conflict_resolution_training', 'peer_support_groups']);
    expect(row!.rule).toEqual({ stressor: 'conflict_with_public', kind: 'ratio_to_sector', ratio: expect.closeTo(2.1, 9), share: 0.21, sectorShare: 0.1, threshold: 1.5 });
  });

  it('fires at exactly 1.5× (the quotient of counts rounds below it in floating point)', () => {
    expect(3 / 20 / (2 / 20)).toBeLessThan(1.5);
    expect(insightRuleFor({ stressor: 'burnout', share: 3 / 20, sectorShare: 2 / 20 })?.kind).toBe('ratio_to_sector');
    expect(insightRuleFor({ stressor: 'burnout', share: 0.149, sectorShare: 0.1 })).toBeNull();
  });

  it('ignores a large ratio on a small share, and compares nothing with a hidden or empty sector', () => {
    expect(insightRuleFor({ stressor: 'burnout', share: 0.08, sectorShare: 0.02 })).toBeNull();
    expect(insightRuleFor({ stressor: 'burnout', share: 0.2, sectorShare: null })).toBeNull();
    expect(insightRuleFor({ stressor: 'burnout', share: 0.2, sectorShare: 0 })).toBeNull();
  });

  it('falls back on the share alone: a quarter of referrals stands out whatever the sector does', () => {
    expect(insightRuleFor({ stressor: 'workload_stress', share: 0.25, sectorShare: null })).toEqual({ stressor: 'workload_stress', kind: 'share_at_least', share: 0.25, threshold: 0.25 });
    expect(insightRuleFor({ stressor: 'workload_stress', share: 0.4, sectorShare: 0.38 })?.kind).toBe('share_at_least');
    expect(insightRuleFor({ stressor: 'workload_stress', share: 0.24, sectorShare: 0.3 })).toBeNull();
  });

  it('says nothing of a hidden share, and lists every stressor once, in order', () => {
    const rows = evaluateInsight([{ stressor: 'critical_incident_trauma', share: null, sectorShare: 0.5 }]);
    expect(rows.map((r) => r.stressor)).toEqual([...WORKPLACE_STRESSORS]);
    expect(rows.every((r) => r.rule === null && r.actions.length === 0)).toBe(true);
  });

  it('fires a rule exactly when the documented thresholds are met, and then suggests the stressor’s actions', () => {
    // Every share and sector share in whole fortieths (and hidden), for every stressor:
    // worked out in whole numbers, where no rounding can blur a threshold.
    const fortieths = [null, ...Array.from({ length: 41 }, (_, n) => n)];
    const t = INSIGHT_THRESHOLDS;
    for (const stressor of WORKPLACE_STRESSORS) {
      for (const s of fortieths) {
        for (const sector of fortieths) {
          const [row] = evaluateInsight([{ stressor, share: s === null ? null : s / 40, sectorShare: sector === null ? null : sector / 40 }]).filter((r) => r.stressor === stressor);
          const ratioFires = s !== null && sector !== null && sector > 0 && s >= t.minShareForRatio * 40 && s * 2 >= sector * 3;
          const shareFires = s !== null && s >= t.shareAtLeast * 40;
          expect(row!.rule?.kind ?? null, `${stressor} ${s}/40 against ${sector}/40`).toBe(ratioFires ? 'ratio_to_sector' : shareFires ? 'share_at_least' : null);
          expect(row!.actions).toEqual(row!.rule ? STRESSOR_ACTIONS[stressor] : []);
        }
      }
    }
  });

  it('suggests only the issue’s actions, every action for some stressor, and has texts for all in both languages', () => {
    const suggested = new Set(Object.values(STRESSOR_ACTIONS).flat());
    expect([...suggested].sort()).toEqual([...ORGANISATIONAL_ACTIONS].sort());
    for (const messages of [en, id]) {
      for (const action of ORGANISATIONAL_ACTIONS) expect(messages.reportInsight.actions[action]).toBeTruthy();
      for (const kind of ['ratio_to_sector', 'share_at_least'] as const) expect(messages.reportInsight.rules[kind]).toMatch(/\{\{stressor\}\}/);
    }
  });
});
