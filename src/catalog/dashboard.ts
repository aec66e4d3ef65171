import type { Database } from '../db/database.js';
import { useQueries } from '../db/named-queries.js';
import { graphFigure } from '../figures/graph-figure.js';
import type { PerRevision, Versioned } from '../figures/per-revision.js';
import { AppError, ErrorCode } from '../errors.js';
import type { PowerItemType, RouteOutcome } from '../model/records.js';
import type { BoundaryItemView, PowerItemView } from './catalog.js';

export interface TaskView {
  id: string;
  name: string;
  flowchart: boolean;
  norm: boolean;
  section: string;
  department: string;
  matterIds: string[];
}

export interface ServiceItemView {
  code: string;
  name: string;
  level: string;
  powerItemCodes: string[];
}

export interface RouteView {
  seq: number;
  department: string;
  departmentName: string;
  at: string | null;
  outcome: RouteOutcome;
  reason: string | null;
}

export interface ComplaintView {
  id: string;
  text: string;
  receivedAt: string;
  satisfied: boolean;
  bounced: boolean;
  district: string | null;
  matter: string | null;
  routes: RouteView[];
}

interface Totals {
  departments: number;
  sections: number;
  tasks: number;
  powerItems: number;
  boundaryItems: number;
  complaints: number;
  satisfied: number;
  resolved: number;
}

const Q = useQueries([
  'dashboardTotals',
  'dashboardItemsByDepartmentAndType',
  'dashboardComplaintsByMonthAndMatter',
  'pagePowerItems',
  'pageComplaints',
  'pageComplaintsOfMatter',
  'pageTasks',
  'pageServiceItems',
  'listBoundaryItems',
]);

type Figures = Awaited<ReturnType<typeof computeFigures>>;
const cache = new WeakMap<Database, Map<string, PerRevision<Figures>>>();

/** Regions whose figures are kept at once: callers choose the region string, so the cache must not grow with them. */
export const MAX_CACHED_REGIONS = 64;

/** The regions whose figures are cached for `db`, least recently asked first. */
export function cachedFigureRegions(db: Database): string[] {
  return [...(cache.get(db)?.keys() ?? [])];
}

/**
 * Figures a dashboard draws, optionally for one region. They aggregate every complaint, so they
 * are computed once per graph revision and region and served from memory; after a change the
 * previous ones answer (stale) while the new ones are made, unless `fresh` is asked for. The
 * least recently asked region leaves first when more are asked for.
 */
export async function dashboardFigures(db: Database, region: string | null, options: { fresh?: boolean } = {}): Promise<Versioned<Figures>> {
  let byRegion = cache.get(db);
  if (!byRegion) cache.set(db, (byRegion = new Map()));
  const key = region ?? '';
  let figures = byRegion.get(key);
  byRegion.delete(key); // re-inserted below: a Map keeps insertion order, so the first key is the least recent
  figures ??= graphFigure(db, `dashboard figures${region ? ` of ${region}` : ''}`, () => computeFigures(db, region));
  byRegion.set(key, figures);
  if (byRegion.size > MAX_CACHED_REGIONS) byRegion.delete(byRegion.keys().next().value!);
  return figures.get(options);
}

/** An id and a name joined by NUL, as the sums below key them. */
function named(key: string): { id: string; name: string } {
  const [id = '', name = ''] = key.split('\u0000');
  return { id, name };
}

async function computeFigures(db: Database, region: string | null) {
  const [totals] = await db.read<Totals>(Q.dashboardTotals, { region });
  const items = await db.read<{ department: string; name: string; type: PowerItemType; items: number }>(Q.dashboardItemsByDepartmentAndType, { region });
  const complaints = await db.read<{ month: string; matter: string; name: string; complaints: number; bounced: number }>(
    Q.dashboardComplaintsByMonthAndMatter,
    { region },
  );
  const sum = <T, K extends string>(rows: T[], key: (row: T) => K, value: (row: T) => number[]) => {
    const totalsByKey = new Map<K, number[]>();
    for (const row of rows) {
      const current = totalsByKey.get(key(row)) ?? [];
      totalsByKey.set(
        key(row),
        value(row).map((v, i) => v + (current[i] ?? 0)),
      );
    }
    return totalsByKey;
  };
  const rate = (bounced: number, all: number) => (all > 0 ? Math.round((bounced / all) * 1000) / 1000 : 0);
  const complaintCount = totals?.complaints ?? 0;
  return {
    totals: {
      departments: 0,
      sections: 0,
      tasks: 0,
      powerItems: 0,
      boundaryItems: 0,
      complaints: 0,
      ...totals,
      satisfaction: rate(totals?.satisfied ?? 0, complaintCount),
      resolvedShare: rate(totals?.resolved ?? 0, complaintCount),
    },
    powerItemsByType: [
      ...sum(
        items,
        (r) => r.type,
        (r) => [r.items],
      ),
    ].map(([type, [count = 0]]) => ({ type, count })),
    powerItemsByDepartment: [
      ...sum(
        items,
        (r) => `${r.department}\u0000${r.name}`,
        (r) => [r.items],
      ),
    ].map(([key, [count = 0]]) => ({ department: named(key), count })),
    powerItemsByDepartmentAndType: items.map((r) => ({ department: { id: r.department, name: r.name }, type: r.type, count: r.items })),
    complaintsByMonth: [
      ...sum(
        complaints,
        (r) => r.month,
        (r) => [r.complaints, r.bounced],
      ),
    ].map(([month, [all = 0, bounced = 0]]) => ({ month, complaints: all, bounced, bounceRate: rate(bounced, all) })),
    complaintsByMatter: [
      ...sum(
        complaints,
        (r) => `${r.matter}\u0000${r.name}`,
        (r) => [r.complaints, r.bounced],
      ),
    ].map(([key, [all = 0, bounced = 0]]) => ({ matter: named(key), complaints: all, bounced, bounceRate: rate(bounced, all) })),
    complaintsByMonthAndMatter: complaints.map((r) => ({
      month: r.month,
      matter: { id: r.matter, name: r.name },
      complaints: r.complaints,
      bounced: r.bounced,
      bounceRate: rate(r.bounced, r.complaints),
    })),
  };
}

/** Cursor = base64 of the last key of the page (keyset pagination: stable under inserts). */
const encode = (key: string) => Buffer.from(key, 'utf8').toString('base64url');
function decode(cursor: string | null | undefined): string | null {
  if (!cursor) return null;
  const key = Buffer.from(cursor, 'base64url').toString('utf8');
  if (key === '' || encode(key) !== cursor) throw new AppError(ErrorCode.BAD_USER_INPUT, 'after: not a cursor of this connection');
  return key;
}

async function page<T>(rows: Promise<T[]>, first: number, keyOf: (row: T) => string) {
  const all = await rows;
  const nodes = all.slice(0, first);
  return {
    edges: nodes.map((node) => ({ cursor: encode(keyOf(node)), node })),
    pageInfo: { hasNextPage: all.length > first, endCursor: nodes.length > 0 ? encode(keyOf(nodes.at(-1)!)) : null },
  };
}

export interface PowerItemFilter {
  region?: string | null;
  department?: string | null;
  type?: string | null;
  matter?: string | null;
  text?: string | null;
}
export interface ComplaintFilter {
  region?: string | null;
  matter?: string | null;
  department?: string | null;
  bounced?: boolean | null;
  from?: string | null;
  to?: string | null;
  text?: string | null;
}

/** Which page a caller asks for: at most `first` rows after the cursor `after`. */
export interface PageRequest {
  first: number;
  after?: string | null | undefined;
}

export function powerItemsPage(db: Database, filter: PowerItemFilter, { first, after }: PageRequest) {
  const params = { region: null, department: null, type: null, matter: null, text: null, ...filter, after: decode(after), limit: first + 1 };
  return page(db.readAtRevision<PowerItemView>(Q.pagePowerItems, params), first, (row) => row.code);
}

export function complaintsPage(db: Database, filter: ComplaintFilter, { first, after }: PageRequest) {
  const params = {
    region: null,
    matter: null,
    department: null,
    bounced: null,
    from: null,
    to: null,
    text: null,
    ...filter,
    after: decode(after),
    limit: first + 1,
  };
  return page(db.readAtRevision<ComplaintView>(params.matter ? Q.pageComplaintsOfMatter : Q.pageComplaints, params), first, (row) => row.id);
}

export interface TaskFilter {
  region?: string | null;
  department?: string | null;
  section?: string | null;
  matter?: string | null;
  text?: string | null;
}
export interface ServiceItemFilter {
  department?: string | null;
  level?: string | null;
  text?: string | null;
}

export function tasksPage(db: Database, filter: TaskFilter, { first, after }: PageRequest) {
  const params = { region: null, department: null, section: null, matter: null, text: null, ...filter, after: decode(after), limit: first + 1 };
  return page(db.readAtRevision<TaskView>(Q.pageTasks, params), first, (row) => row.id);
}

export function serviceItemsPage(db: Database, filter: ServiceItemFilter, { first, after }: PageRequest) {
  const params = { department: null, level: null, text: null, ...filter, after: decode(after), limit: first + 1 };
  return page(db.readAtRevision<ServiceItemView>(Q.pageServiceItems, params), first, (row) => row.code);
}

export function listBoundaryItems(db: Database, filter: { region?: string | null; matter?: string | null; status?: string | null }) {
  return db.readAtRevision<BoundaryItemView>(Q.listBoundaryItems, { region: null, matter: null, status: null, ...filter });
}
