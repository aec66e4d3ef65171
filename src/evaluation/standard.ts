import { z } from 'zod';
import { AppError, ErrorCode } from '../errors.js';
import { METRICS } from './metrics.js';

/**
 * The evaluation standard (the "1" of "1 + 3"): a tree of indicators, three levels at most,
 * scored in points. The top level's weights add up to 100 and every indicator's children add up
 * to its own weight, as the office's standards are written (一级指标 30 分, 其中二级指标 10 分…).
 * A leaf says where its value comes from (computed from the graph, or entered by the body that
 * owns it) and how a value becomes points (its rule). Pure: parsing and checking only.
 */

/** Bodies that enter qualitative indicators (their own code, for the audit and the forms). */
export const BODIES = ['office', 'discipline', 'organisation', 'propaganda', 'hotline'] as const;
export type Body = (typeof BODIES)[number];

const bound = z.number().finite();
/** A value's points: the first step whose bounds hold the value (atLeast ≤ value ≤ atMost). */
const Step = z.strictObject({ atLeast: bound.optional(), atMost: bound.optional(), points: z.number().min(0) });

const Rule = z.discriminatedUnion('kind', [
  // Deduct `points` for every `per` units of the value beyond `free`, at most `cap` (default: the weight).
  z.strictObject({
    kind: z.literal('deduct'),
    per: z.number().positive().default(1),
    points: z.number().positive(),
    free: z.number().min(0).default(0),
    cap: z.number().positive().optional(),
  }),
  z.strictObject({ kind: z.literal('steps'), steps: z.array(Step).min(1) }),
  // The value's points directly (a body's own score), between 0 and the weight.
  z.strictObject({ kind: z.literal('points') }),
  // One-vote veto (一票否决): a value at or above `atLeast` caps the department's total at `capTotal`.
  z.strictObject({ kind: z.literal('veto'), atLeast: z.number().default(1), capTotal: z.number().min(0).max(100) }),
]);
export type Rule = z.infer<typeof Rule>;

const id = z.string().regex(/^[A-Za-z0-9._-]{1,64}$/, 'letters, digits, ".", "_" or "-", at most 64');

interface IndicatorInput {
  id: string;
  name: string;
  weight: number;
  children?: IndicatorInput[] | undefined;
  metric?: string | undefined;
  body?: Body | undefined;
  rule?: Rule | undefined;
  description?: string | undefined;
}

const Indicator: z.ZodType<IndicatorInput, unknown> = z.lazy(() =>
  z.strictObject({
    id,
    name: z.string().min(1).max(200),
    weight: z.number().min(0).max(100),
    description: z.string().max(2000).optional(),
    children: z.array(Indicator).min(1).optional(),
    metric: z.enum(Object.keys(METRICS) as [string, ...string[]]).optional(),
    body: z.enum(BODIES).optional(),
    rule: Rule.optional(),
  }),
);

const StandardFile = z.strictObject({
  year: z.number().int().min(2000).max(2200),
  name: z.string().min(1).max(200),
  indicators: z.array(Indicator).min(1),
});

export type Indicator = IndicatorInput;
export type Standard = z.infer<typeof StandardFile>;

/** Levels an indicator tree may have (一级、二级、三级指标). */
const MAX_LEVELS = 3;
/** Weights are points with at most two decimals; sums are compared to this tolerance. */
const TOLERANCE = 1e-6;

/** Indicators a standard may hold: far more than any office writes, few enough to score a province fast. */
const MAX_INDICATORS = 1000;

/** Counts the indicators without recursion, so a hostile file nested a million deep is refused before parsing. */
function indicatorCount(value: unknown): number {
  const pending = [(value as { indicators?: unknown })?.indicators];
  let count = 0;
  while (pending.length > 0 && count <= MAX_INDICATORS) {
    const list = pending.pop();
    if (!Array.isArray(list)) continue;
    count += list.length;
    for (const indicator of list) pending.push((indicator as { children?: unknown })?.children);
  }
  return count;
}

/** Parses and checks a standard (a JSON value), or throws BAD_USER_INPUT listing every problem. */
export function parseStandard(value: unknown, source = 'standard'): Standard {
  if (indicatorCount(value) > MAX_INDICATORS) throw new AppError(ErrorCode.BAD_USER_INPUT, `${source}: more than ${MAX_INDICATORS} indicators`);
  const parsed = StandardFile.safeParse(value);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.') || '(top)'}: ${i.message}`);
    throw new AppError(ErrorCode.BAD_USER_INPUT, `${source}: ${problems.join('; ')}`);
  }
  const problems = standardProblems(parsed.data);
  if (problems.length > 0) throw new AppError(ErrorCode.BAD_USER_INPUT, `${source}: ${problems.join('; ')}`);
  return parsed.data;
}

/** What is wrong with a well-formed tree: weights that do not add up, leaves without a source or rule, repeated ids. */
function standardProblems(standard: Standard): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  const sum = (indicators: Indicator[]) => indicators.reduce((total, i) => total + i.weight, 0);
  if (Math.abs(sum(standard.indicators) - 100) > TOLERANCE) problems.push(`top-level weights add up to ${round(sum(standard.indicators))}, not 100`);
  const check = (indicator: Indicator, level: number) => {
    if (seen.has(indicator.id)) problems.push(`${indicator.id}: id used twice`);
    seen.add(indicator.id);
    if (level > MAX_LEVELS) problems.push(`${indicator.id}: more than ${MAX_LEVELS} levels`);
    if (indicator.children) {
      if (indicator.metric || indicator.body || indicator.rule)
        problems.push(`${indicator.id}: an indicator with children has no metric, body or rule of its own`);
      const total = sum(indicator.children);
      if (Math.abs(total - indicator.weight) > TOLERANCE)
        problems.push(`${indicator.id}: children's weights add up to ${round(total)}, not ${indicator.weight}`);
      for (const child of indicator.children) check(child, level + 1);
      return;
    }
    if (!indicator.rule) problems.push(`${indicator.id}: a leaf needs a rule`);
    if (!indicator.metric === !indicator.body)
      problems.push(`${indicator.id}: a leaf takes its value from a metric (computed) or a body (entered), one of them`);
    if (indicator.rule?.kind === 'veto' && indicator.weight !== 0) problems.push(`${indicator.id}: a veto carries no weight (0), it caps the total`);
    if (indicator.rule?.kind === 'deduct' && indicator.rule.cap !== undefined && indicator.rule.cap > indicator.weight)
      problems.push(`${indicator.id}: a deduction cap above the weight`);
    if (indicator.rule?.kind === 'steps' && indicator.rule.steps.some((s) => s.points > indicator.weight))
      problems.push(`${indicator.id}: a step worth more than the weight`);
  };
  for (const indicator of standard.indicators) check(indicator, 1);
  return problems;
}

const round = (n: number) => Math.round(n * 100) / 100;

/** Every leaf of the tree, with the path of names above it. */
export function leavesOf(standard: Standard): { indicator: Indicator; path: string[] }[] {
  const leaves: { indicator: Indicator; path: string[] }[] = [];
  const walk = (indicator: Indicator, path: string[]) => {
    if (indicator.children) for (const child of indicator.children) walk(child, [...path, indicator.name]);
    else leaves.push({ indicator, path });
  };
  for (const indicator of standard.indicators) walk(indicator, []);
  return leaves;
}
