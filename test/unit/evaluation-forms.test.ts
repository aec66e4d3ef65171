import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/analysis/findings.js';
import { tallyFindings } from '../../src/evaluation/finding-tallies.js';
import { FORM_CONTENT, formWarnings, isLate } from '../../src/evaluation/forms.js';
import { computedCommendations, figuresOf } from '../../src/evaluation/hotline.js';
import type { MetricName, MetricValue } from '../../src/evaluation/metrics.js';

describe('forms', () => {
  it('blocks only an empty summary, and warns of missing materials and unreported boundary items', () => {
    const prefill = { boundaryItems: [{ id: 'b-1' }, { id: 'b-2' }] };
    expect(formWarnings('boundary', null, prefill)).toEqual({
      blocking: ['未填写总体情况'],
      warnings: ['未附佐证材料', '未填写边界事项 b-1 的履职情况', '未填写边界事项 b-2 的履职情况'],
    });
    const content = FORM_CONTENT.boundary.parse({
      summary: '牵头事项运行平稳',
      items: [{ boundaryItem: 'b-1', performance: '全年办结诉求30件' }],
      materials: [{ name: '台账' }],
    });
    expect(formWarnings('boundary', content, prefill)).toEqual({ blocking: [], warnings: ['未填写边界事项 b-2 的履职情况'] });
  });

  it('is late when first submitted after its deadline, or not submitted and past it', () => {
    const dueAt = '2022-01-31T18:00:00+08:00';
    expect(isLate({ dueAt }, new Date('2022-01-31T09:00:00Z'))).toBe(false);
    expect(isLate({ dueAt }, new Date('2022-02-01T00:00:00+08:00'))).toBe(true);
    expect(isLate({ dueAt, firstSubmittedAt: '2022-01-30T10:00:00+08:00' }, new Date('2023-01-01'))).toBe(false);
    expect(isLate({ dueAt, firstSubmittedAt: '2022-02-03T10:00:00+08:00' }, new Date('2023-01-01'))).toBe(true);
  });

  it('refuses content with unknown fields or overlong text', () => {
    expect(FORM_CONTENT.results.safeParse({ summary: 'x', extra: 1 }).success).toBe(false);
    expect(FORM_CONTENT.results.safeParse({ summary: 'x'.repeat(5001) }).success).toBe(false);
  });
});

describe('evaluation metrics', () => {
  it('counts each finding once for every department it names, by metric', () => {
    const finding = (id: string, kind: Finding['kind'], departments: string[]): Finding => ({
      id,
      kind,
      region: null,
      departments: departments.map((d) => ({ id: d, name: d })),
      items: [],
      complaints: 0,
      severity: 1,
      evidence: [],
    });
    const tallies = tallyFindings([
      finding('o1', 'overlap', ['a', 'b']),
      finding('o2', 'latent-overlap', ['a', 'a']),
      finding('s1', 'stale-basis', ['b']),
      finding('x', 'orphan-matter', []),
    ]);
    expect(tallies.get('a')!.get('findings.overlap')).toEqual({ value: 2, evidence: ['o1', 'o2'], basis: 2 });
    expect(tallies.get('b')!.get('findings.staleBases')).toEqual({ value: 1, evidence: ['s1'], basis: 1 });
  });

  it('gives no rate where there is nothing to divide, and checks the brief’s marks', () => {
    const counts = {
      reached: 10,
      bounced: 1,
      routes: 12,
      refused: 1,
      returned: 1,
      receivedFirst: 10,
      connected: 10,
      closed: 9,
      timed: 0,
      onTime: 0,
      rated: 10,
      satisfied: 8,
    };
    const figures = figuresOf('d', 3, counts);
    expect(figures).toMatchObject({ connection: 1, onTimeRate: null, satisfaction: 0.8, meets: { connection: true, onTime: null, satisfaction: false } });
    expect(figures.refusal).toBeCloseTo(1 / 12);
  });
});

describe('computed commendations', () => {
  const values = (entries: [MetricName, number | null][]) =>
    new Map<MetricName, MetricValue>(entries.map(([m, v]) => [m, { value: v, evidence: [], basis: 1 }]));
  it('commends a department meeting all three hotline marks, and one whose boundary items stopped bouncing', () => {
    const all = values([
      ['hotline.connection', 1],
      ['hotline.onTime', 0.995],
      ['hotline.satisfaction', 0.93],
      ['boundary.led', 2],
      ['boundary.bounceAfter', 0],
    ]);
    expect(computedCommendations(all).map((c) => c.text)).toEqual([
      '12345热线首派签收率、按时办结率、满意率均达到标准',
      '牵头的职责边界事项生效后，相关诉求无推诿流转',
    ]);
    expect(
      computedCommendations(
        values([
          ['hotline.connection', 1],
          ['hotline.onTime', null],
          ['hotline.satisfaction', 1],
          ['boundary.led', 0],
          ['boundary.bounceAfter', null],
        ]),
      ),
    ).toEqual([]);
  });
});
