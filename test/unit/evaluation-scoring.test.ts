import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../../src/errors.js';
import type { MetricName, MetricValue } from '../../src/evaluation/metrics.js';
import { pointsFor, scoreDepartments, type DepartmentInputs, type Entry } from '../../src/evaluation/scoring.js';
import { leavesOf, parseStandard, type Rule, type Standard } from '../../src/evaluation/standard.js';
import { projectPath } from '../../src/project-root.js';

const DEMO_STANDARD = JSON.parse(readFileSync(projectPath('seed', 'fixtures', 'evaluation', 'standard-2021.json'), 'utf8')) as unknown;

const value = (v: number | null, evidence: string[] = []): MetricValue => ({ value: v, evidence, basis: evidence.length });
const entry = (v: number): Entry => ({ value: v, body: 'discipline', by: 'token:jw', at: '2021-12-01T00:00:00Z' });
const inputs = (id: string, values: Partial<Record<MetricName, MetricValue>>, entries: Record<string, Entry> = {}): DepartmentInputs => ({
  id,
  name: id,
  values: new Map(Object.entries(values)) as Map<MetricName, MetricValue>,
  entries: new Map(Object.entries(entries)),
});

describe('scoring rules', () => {
  it('deducts per unit beyond the free allowance, never below zero or past the cap', () => {
    const rule = { kind: 'deduct', per: 2, points: 1, free: 1 } as const satisfies Rule;
    expect(pointsFor(rule, 4, 0).points).toBe(4);
    expect(pointsFor(rule, 4, 2).points).toBe(4); // one beyond the free unit: not yet a whole `per`
    expect(pointsFor(rule, 4, 3).points).toBe(3);
    expect(pointsFor(rule, 4, 100).points).toBe(0);
    expect(pointsFor({ ...rule, cap: 2 }, 4, 100).points).toBe(2);
  });

  it('gives the points of the first step whose bounds hold the value, none past the last', () => {
    const rule: Rule = {
      kind: 'steps',
      steps: [
        { atLeast: 0.99, points: 10 },
        { atLeast: 0.9, points: 6 },
      ],
    };
    expect(pointsFor(rule, 10, 1).points).toBe(10);
    expect(pointsFor(rule, 10, 0.99).points).toBe(10);
    expect(pointsFor(rule, 10, 0.95).points).toBe(6);
    expect(pointsFor(rule, 10, 0.5).points).toBe(0);
    const band: Rule = { kind: 'steps', steps: [{ atLeast: 0.8, atMost: 1.2, points: 10 }] };
    expect([0.7, 1, 1.3].map((v) => pointsFor(band, 10, v).points)).toEqual([0, 10, 0]);
  });

  it('clamps a body’s own points to the weight, and a veto triggers at its threshold', () => {
    expect(pointsFor({ kind: 'points' }, 8, 9).points).toBe(8);
    expect(pointsFor({ kind: 'points' }, 8, -1).points).toBe(0);
    expect(pointsFor({ kind: 'veto', atLeast: 1, capTotal: 60 }, 0, 0).vetoed).toBe(false);
    expect(pointsFor({ kind: 'veto', atLeast: 1, capTotal: 60 }, 0, 1).vetoed).toBe(true);
  });
});

describe('the standard', () => {
  it('accepts the demo standard: three levels, weights adding up', () => {
    const standard = parseStandard(DEMO_STANDARD);
    expect(standard.indicators.reduce((sum, i) => sum + i.weight, 0)).toBe(100);
    expect(leavesOf(standard).length).toBeGreaterThan(10);
  });

  it('refuses weights that do not add up, a fourth level, a leaf without a rule and unknown metrics, naming each', () => {
    const bad = {
      year: 2021,
      name: 'x',
      indicators: [
        {
          id: 'a',
          name: 'a',
          weight: 60,
          children: [
            {
              id: 'a1',
              name: 'a1',
              weight: 50,
              children: [
                { id: 'a2', name: 'a2', weight: 50, children: [{ id: 'a3', name: 'a3', weight: 50, metric: 'findings.overlap', rule: { kind: 'points' } }] },
              ],
            },
          ],
        },
        { id: 'b', name: 'b', weight: 30, metric: 'findings.overlap' },
      ],
    };
    expect(() => parseStandard(bad)).toThrow(
      expect.objectContaining({
        code: ErrorCode.BAD_USER_INPUT,
        message: expect.stringMatching(/add up to 90, not 100.*a: children's weights add up to 50, not 60.*a3: more than 3 levels.*b: a leaf needs a rule/),
      }),
    );
    expect(() => parseStandard({ ...bad, indicators: [{ id: 'x', name: 'x', weight: 100, metric: 'made.up', rule: { kind: 'points' } }] })).toThrow(
      /indicators.0.metric/,
    );
  });

  it('refuses a standard nested without end before parsing it', () => {
    let leaf: object = { id: 'x', name: 'x', weight: 0, metric: 'findings.overlap', rule: { kind: 'points' } };
    for (let i = 0; i < 100_000; i++) leaf = { id: `n${i}`, name: 'n', weight: 0, children: [leaf] };
    expect(() => parseStandard({ year: 2021, name: 'x', indicators: [leaf] })).toThrow(/more than 1000 indicators/);
  });

  it('refuses a veto that carries weight and a leaf with both a metric and a body', () => {
    const one = (leaf: object) => ({ year: 2021, name: 'x', indicators: [{ id: 'x', name: 'x', weight: 100, ...leaf }] });
    expect(() => parseStandard(one({ body: 'discipline', rule: { kind: 'veto', capTotal: 60 } }))).toThrow(/veto carries no weight/);
    expect(() => parseStandard(one({ body: 'discipline', metric: 'findings.overlap', rule: { kind: 'points' } }))).toThrow(/one of them/);
  });
});

describe('scoring departments', () => {
  const standard: Standard = parseStandard(DEMO_STANDARD);

  it('adds leaves up to groups and totals, ranks by total with ties sharing a rank, and keeps the evidence', () => {
    const perfect = { 'hotline.connection': value(1), 'findings.overlap': value(0) };
    const scores = scoreDepartments(standard, [
      inputs('b', perfect),
      inputs('a', { ...perfect, 'findings.overlap': value(2, ['overlap:1', 'overlap:2']) }),
      inputs('c', perfect),
    ]);
    expect(scores.map((s) => [s.department, s.total, s.rank])).toEqual([
      ['b', 100, 1],
      ['c', 100, 1],
      ['a', 96, 3],
    ]);
    const overlap = scores[2]!.indicators.find((i) => i.id === '1.1.1')!;
    expect(overlap).toMatchObject({ value: 2, points: 4, evidence: ['overlap:1', 'overlap:2'], path: ['清单管理', '权责清单规范'] });
    expect(scores[2]!.groups.find((g) => g.id === '1.1')).toMatchObject({ weight: 20, points: 16, level: 2 });
  });

  it('gives full points where a metric does not apply or an entry is still missing, and says so', () => {
    const [score] = scoreDepartments(standard, [inputs('a', { 'hotline.connection': value(null) })]);
    expect(score!.indicators.find((i) => i.id === '2.1')).toMatchObject({ points: 10, note: '不适用', missing: false });
    expect(score!.indicators.find((i) => i.id === '5.1')).toMatchObject({ points: 8, note: '待录入', missing: true });
  });

  it('caps the total of a department a veto names', () => {
    const [vetoed, clean] = [inputs('a', {}, { '5.4': entry(1) }), inputs('b', {}, { '5.4': entry(0), '5.1': entry(6) })].map(
      (d) => scoreDepartments(standard, [d])[0]!,
    );
    expect(vetoed).toMatchObject({ total: 60, vetoes: ['5.4'] });
    expect(clean).toMatchObject({ total: 98, vetoes: [] });
  });
});
