import { EVIDENCE_LIMIT, type Commendation, type MetricName, type MetricValue } from './metrics.js';

/**
 * 12345 hotline figures per department and month, from the counts the database aggregates
 * (cypher/evaluation.cypher: evaluationHotline), against the brief's marks: connection and
 * on-time completion at 99%, satisfaction at 90%. Pure.
 *
 * - connection (首派签收): of the complaints the department received first, the share it took;
 * - on time (按时办结): of those it closed with a time limit and a closing time, the share closed
 *   by the limit;
 * - refusal and return (退单, 回退): of the routes it got, the shares it refused or sent back;
 * - satisfaction (满意): of those it closed with a rating (4 or 5) or a satisfied flag, the share
 *   satisfied;
 * - bounce (推诿流转): of the complaints that reached it, the share that went to more than one
 *   department or was refused or returned on the way.
 */

/** The window of an evaluation year in Beijing time, with string bounds a day wider for the receivedAt index. */
export function yearWindow(year: number): { from: string; to: string; looseFrom: string; looseTo: string } {
  return { from: `${year}-01-01T00:00:00+08:00`, to: `${year + 1}-01-01T00:00:00+08:00`, looseFrom: `${year - 1}-12-31`, looseTo: `${year + 1}-01-02` };
}

const HOTLINE_MARKS = { connection: 0.99, onTime: 0.99, satisfaction: 0.9 };

/** One department's counts for one month, as the database returns them. */
export interface HotlineRow {
  department: string;
  month: number;
  reached: number;
  bounced: number;
  routes: number;
  refused: number;
  returned: number;
  receivedFirst: number;
  connected: number;
  closed: number;
  timed: number;
  onTime: number;
  rated: number;
  satisfied: number;
  bouncedIds: string[];
  refusedIds: string[];
  unconnectedIds: string[];
  lateIds: string[];
  dissatisfiedIds: string[];
}

type Counts = Omit<HotlineRow, 'department' | 'month' | `${string}Ids`>;

export interface HotlineFigures extends Counts {
  department: string;
  /** 1–12, or null for the whole year. */
  month: number | null;
  connection: number | null;
  onTimeRate: number | null;
  refusal: number | null;
  return: number | null;
  satisfaction: number | null;
  bounce: number | null;
  /** Whether each rate reaches the brief's mark (null where there is no rate). */
  meets: { connection: boolean | null; onTime: boolean | null; satisfaction: boolean | null };
}

const COUNT_FIELDS = [
  'reached',
  'bounced',
  'routes',
  'refused',
  'returned',
  'receivedFirst',
  'connected',
  'closed',
  'timed',
  'onTime',
  'rated',
  'satisfied',
] as const;
const share = (part: number, whole: number) => (whole === 0 ? null : part / whole);
const meets = (rate: number | null, mark: number) => (rate === null ? null : rate >= mark);

/** Rates and marks of a department's counts (a month's, or a year's summed). */
export function figuresOf(department: string, month: number | null, counts: Counts): HotlineFigures {
  const connection = share(counts.connected, counts.receivedFirst);
  const onTimeRate = share(counts.onTime, counts.timed);
  const satisfaction = share(counts.satisfied, counts.rated);
  return {
    department,
    month,
    ...counts,
    connection,
    onTimeRate,
    refusal: share(counts.refused, counts.routes),
    return: share(counts.returned, counts.routes),
    satisfaction,
    bounce: share(counts.bounced, counts.reached),
    meets: {
      connection: meets(connection, HOTLINE_MARKS.connection),
      onTime: meets(onTimeRate, HOTLINE_MARKS.onTime),
      satisfaction: meets(satisfaction, HOTLINE_MARKS.satisfaction),
    },
  };
}

/** Each department's year: its months' counts summed. */
export function yearlyFigures(rows: HotlineRow[]): Map<string, HotlineFigures> {
  const sums = new Map<string, Counts>();
  for (const row of rows) {
    const sum = sums.get(row.department) ?? (Object.fromEntries(COUNT_FIELDS.map((f) => [f, 0])) as Counts);
    for (const field of COUNT_FIELDS) sum[field] += row[field];
    sums.set(row.department, sum);
  }
  return new Map([...sums].map(([department, counts]) => [department, figuresOf(department, null, counts)]));
}

/** The hotline metrics of each department's year, with the complaints behind each as evidence. */
export function hotlineMetrics(rows: HotlineRow[]): Map<string, Map<MetricName, MetricValue>> {
  const evidence = new Map<string, Record<string, string[]>>();
  for (const row of rows) {
    const ids = evidence.get(row.department) ?? { bounced: [], refused: [], unconnected: [], late: [], dissatisfied: [] };
    ids.bounced!.push(...row.bouncedIds);
    ids.refused!.push(...row.refusedIds);
    ids.unconnected!.push(...row.unconnectedIds);
    ids.late!.push(...row.lateIds);
    ids.dissatisfied!.push(...row.dissatisfiedIds);
    evidence.set(row.department, ids);
  }
  const metrics = new Map<string, Map<MetricName, MetricValue>>();
  for (const [department, year] of yearlyFigures(rows)) {
    const ids = evidence.get(department)!;
    const metric = (value: number | null, list: string[], basis: number): MetricValue => ({ value, evidence: list.slice(0, EVIDENCE_LIMIT), basis });
    metrics.set(
      department,
      new Map<MetricName, MetricValue>([
        ['hotline.connection', metric(year.connection, ids.unconnected!, year.receivedFirst)],
        ['hotline.onTime', metric(year.onTimeRate, ids.late!, year.timed)],
        ['hotline.refusal', metric(year.refusal, ids.refused!, year.routes)],
        ['hotline.return', metric(year.return, ids.refused!, year.routes)],
        ['hotline.satisfaction', metric(year.satisfaction, ids.dissatisfied!, year.rated)],
        ['hotline.bounce', metric(year.bounce, ids.bounced!, year.reached)],
      ]),
    );
  }
  return metrics;
}

/** A published boundary item as evaluationBoundaryItems returns it. */
export interface BoundaryItemRow {
  id: string;
  title: string;
  lead: string;
  since: string | null;
  matters: string[];
  /** Region codes it applies in; null: every region. */
  regions: string[] | null;
}

/** The year's complaints of one matter and district per day: [YYYY-MM-DD, complaints, bounced, connected]. */
export interface ComplaintDays {
  matter: string;
  district: string;
  days: [string, number, number, number][];
}

/** A boundary item's complaints before and after it took effect. */
export interface BoundaryHotlineRow {
  id: string;
  title: string;
  lead: string;
  since: string | null;
  before: number;
  bouncedBefore: number;
  connectedBefore: number;
  after: number;
  bouncedAfter: number;
  connectedAfter: number;
}

/** The day an instant falls on in Beijing time (YYYY-MM-DD). */
function beijingDay(iso: string): string {
  return new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 10);
}

/**
 * Each item's complaints (on its matters, in its regions) before and after the day it took
 * effect, summed from the per-day counts; an item with no such complaint in the year is left out.
 */
export function boundaryItemCounts(items: BoundaryItemRow[], groups: ComplaintDays[]): BoundaryHotlineRow[] {
  const byMatter = new Map<string, ComplaintDays[]>();
  for (const group of groups) byMatter.set(group.matter, [...(byMatter.get(group.matter) ?? []), group]);
  const rows: BoundaryHotlineRow[] = [];
  for (const item of items) {
    const regions = item.regions && new Set(item.regions);
    const from = item.since ? beijingDay(item.since) : undefined;
    const row = {
      id: item.id,
      title: item.title,
      lead: item.lead,
      since: item.since,
      before: 0,
      bouncedBefore: 0,
      connectedBefore: 0,
      after: 0,
      bouncedAfter: 0,
      connectedAfter: 0,
    };
    for (const matter of new Set(item.matters)) {
      for (const group of byMatter.get(matter) ?? []) {
        if (regions && !regions.has(group.district)) continue;
        for (const [day, complaints, bounced, connected] of group.days) {
          if (from !== undefined && day >= from) {
            row.after += complaints;
            row.bouncedAfter += bounced;
            row.connectedAfter += connected;
          } else {
            row.before += complaints;
            row.bouncedBefore += bounced;
            row.connectedBefore += connected;
          }
        }
      }
    }
    if (row.before + row.after > 0) rows.push(row);
  }
  return rows;
}

/** Per lead department: its published boundary items, and the bounce share of their complaints after they took effect. */
export function boundaryMetrics(rows: BoundaryHotlineRow[]): Map<string, Map<MetricName, MetricValue>> {
  const byLead = new Map<string, BoundaryHotlineRow[]>();
  for (const row of rows) byLead.set(row.lead, [...(byLead.get(row.lead) ?? []), row]);
  const metrics = new Map<string, Map<MetricName, MetricValue>>();
  for (const [lead, items] of byLead) {
    const after = items.reduce((n, i) => n + i.after, 0);
    const bounced = items.reduce((n, i) => n + i.bouncedAfter, 0);
    metrics.set(
      lead,
      new Map<MetricName, MetricValue>([
        ['boundary.led', { value: items.length, evidence: items.map((i) => i.id).slice(0, EVIDENCE_LIMIT), basis: items.length }],
        // The evidence: its items whose complaints still bounced after they took effect.
        [
          'boundary.bounceAfter',
          {
            value: share(bounced, after),
            evidence: items
              .filter((i) => i.bouncedAfter > 0)
              .map((i) => i.id)
              .slice(0, EVIDENCE_LIMIT),
            basis: after,
          },
        ],
      ]),
    );
  }
  return metrics;
}

/** What the graph shows a department did well: the brief's three hotline marks all met; its boundary items' complaints no longer bounce. */
export function computedCommendations(values: Map<MetricName, MetricValue>): Commendation[] {
  const value = (metric: MetricName) => values.get(metric)?.value ?? null;
  const atLeast = (metric: MetricName, mark: number) => (value(metric) ?? -1) >= mark;
  const commendations: Commendation[] = [];
  if (
    atLeast('hotline.connection', HOTLINE_MARKS.connection) &&
    atLeast('hotline.onTime', HOTLINE_MARKS.onTime) &&
    atLeast('hotline.satisfaction', HOTLINE_MARKS.satisfaction)
  )
    commendations.push({ text: '12345热线首派签收率、按时办结率、满意率均达到标准', source: 'computed' });
  if ((value('boundary.led') ?? 0) > 0 && value('boundary.bounceAfter') === 0)
    commendations.push({ text: '牵头的职责边界事项生效后，相关诉求无推诿流转', source: 'computed' });
  return commendations;
}
