import type { MetricName, MetricValue } from './metrics.js';
import type { Body, Indicator, Rule, Standard } from './standard.js';

/**
 * Scores departments against a standard: every leaf's value becomes points by its rule, a
 * node's points are its children's sum, a triggered veto caps the total, and departments are
 * ranked by total (equal totals share a rank). Pure.
 */

/** A qualitative indicator's value as its body entered it. */
export interface Entry {
  value: number;
  body: Body;
  by: string;
  at: string;
  note?: string | undefined;
  /** Values this entry corrected, oldest first: "<value> <who> <when>". */
  corrections?: string[] | undefined;
}

export interface DepartmentInputs {
  id: string;
  name: string;
  values: Map<MetricName, MetricValue>;
  /** indicator id -> the entry for it. */
  entries: Map<string, Entry>;
}

export interface IndicatorScore {
  id: string;
  name: string;
  /** Names of the indicators above it, top first. */
  path: string[];
  weight: number;
  value: number | null;
  points: number;
  /** Why the points are what they are, in Chinese, for the scorecard. */
  note: string;
  source: 'computed' | 'entered';
  metric?: string | undefined;
  entry?: Entry | undefined;
  evidence: string[];
  /** A value was expected but there is none (an entry not yet made): full points until there is. */
  missing: boolean;
  vetoed: boolean;
}

export interface DepartmentScore {
  department: string;
  name: string;
  total: number;
  rank: number;
  /** Each indicator with children: its points out of its weight. */
  groups: { id: string; name: string; level: number; weight: number; points: number }[];
  indicators: IndicatorScore[];
  vetoes: string[];
}

const round = (n: number) => Math.round(n * 100) / 100;

/** Points a value earns under a rule, out of `weight`, with the reason. */
export function pointsFor(rule: Rule, weight: number, value: number): { points: number; note: string; vetoed: boolean } {
  switch (rule.kind) {
    case 'deduct': {
      const units = Math.floor(Math.max(0, value - rule.free) / rule.per + 1e-9);
      const deduction = Math.min(units * rule.points, rule.cap ?? weight, weight);
      return { points: round(weight - deduction), note: deduction > 0 ? `扣${round(deduction)}分` : '不扣分', vetoed: false };
    }
    case 'steps': {
      const step = rule.steps.find((s) => (s.atLeast === undefined || value >= s.atLeast) && (s.atMost === undefined || value <= s.atMost));
      return { points: step ? step.points : 0, note: step ? `按档计${step.points}分` : '未达任何档次', vetoed: false };
    }
    case 'points': {
      const points = round(Math.min(Math.max(value, 0), weight));
      return { points, note: `评分${points}分`, vetoed: false };
    }
    case 'veto':
      return value >= rule.atLeast
        ? { points: 0, note: `一票否决，总分不超过${rule.capTotal}分`, vetoed: true }
        : { points: 0, note: '未触发否决', vetoed: false };
    default:
      throw new Error(`unreachable rule ${(rule as { kind: string }).kind}`);
  }
}

function scoreLeaf(indicator: Indicator, path: string[], inputs: DepartmentInputs): IndicatorScore {
  const rule = indicator.rule!;
  const base = { id: indicator.id, name: indicator.name, path, weight: indicator.weight };
  const full = rule.kind === 'veto' ? 0 : indicator.weight;
  if (indicator.body) {
    const entry = inputs.entries.get(indicator.id);
    if (!entry) return { ...base, value: null, points: full, note: '待录入', source: 'entered', evidence: [], missing: true, vetoed: false };
    return { ...base, value: entry.value, ...pointsFor(rule, indicator.weight, entry.value), source: 'entered', entry, evidence: [], missing: false };
  }
  const metric = inputs.values.get(indicator.metric as MetricName);
  if (!metric || metric.value === null)
    return {
      ...base,
      value: null,
      points: full,
      note: '不适用',
      source: 'computed',
      metric: indicator.metric,
      evidence: metric?.evidence ?? [],
      missing: false,
      vetoed: false,
    };
  return {
    ...base,
    value: metric.value,
    ...pointsFor(rule, indicator.weight, metric.value),
    source: 'computed',
    metric: indicator.metric,
    evidence: metric.evidence,
    missing: false,
  };
}

/** One department's score, unranked (rank 0). */
function scoreDepartment(standard: Standard, inputs: DepartmentInputs): DepartmentScore {
  const indicators: IndicatorScore[] = [];
  const groups: DepartmentScore['groups'] = [];
  const walk = (indicator: Indicator, path: string[], level: number): number => {
    if (!indicator.children) {
      const score = scoreLeaf(indicator, path, inputs);
      indicators.push(score);
      return score.points;
    }
    const group = { id: indicator.id, name: indicator.name, level, weight: indicator.weight, points: 0 };
    groups.push(group);
    group.points = round(indicator.children.reduce((sum, child) => sum + walk(child, [...path, indicator.name], level + 1), 0));
    return group.points;
  };
  let total = round(standard.indicators.reduce((sum, indicator) => sum + walk(indicator, [], 1), 0));
  const vetoes = indicators.filter((i) => i.vetoed);
  for (const veto of vetoes) {
    const leaf = findIndicator(standard.indicators, veto.id)!;
    if (leaf.rule?.kind === 'veto') total = Math.min(total, leaf.rule.capTotal);
  }
  return { department: inputs.id, name: inputs.name, total, rank: 0, groups, indicators, vetoes: vetoes.map((v) => v.id) };
}

function findIndicator(indicators: Indicator[], id: string): Indicator | undefined {
  for (const indicator of indicators) {
    if (indicator.id === id) return indicator;
    const found = indicator.children && findIndicator(indicator.children, id);
    if (found) return found;
  }
  return undefined;
}

/** Every department's score, best first; equal totals share a rank (1, 2, 2, 4). */
export function scoreDepartments(standard: Standard, departments: DepartmentInputs[]): DepartmentScore[] {
  const scores = departments.map((inputs) => scoreDepartment(standard, inputs));
  scores.sort((a, b) => b.total - a.total || a.department.localeCompare(b.department));
  scores.forEach((score, i) => (score.rank = i > 0 && scores[i - 1]!.total === score.total ? scores[i - 1]!.rank : i + 1));
  return scores;
}
