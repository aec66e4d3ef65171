import type { Database } from '../db/database.js';
import { useQueries } from '../db/named-queries.js';
import {
  boundaryItemCounts,
  figuresOf,
  yearlyFigures,
  yearWindow,
  type BoundaryHotlineRow,
  type BoundaryItemRow,
  type ComplaintDays,
  type HotlineFigures,
  type HotlineRow,
} from './hotline.js';

/** A year's hotline figures from the graph: per department and month, and per boundary item before and after it took effect. */

const Q = useQueries(['evaluationRoster', 'evaluationHotline', 'evaluationComplaintDays', 'evaluationBoundaryItems']);

/** Every published boundary item's complaints of the year before and after it took effect. */
export async function boundaryHotline(db: Database, year: number): Promise<BoundaryHotlineRow[]> {
  const [items, groups] = await Promise.all([
    db.read<BoundaryItemRow>(Q.evaluationBoundaryItems),
    db.read<ComplaintDays>(Q.evaluationComplaintDays, yearWindow(year), { timeoutMs: 10 * 60_000 }),
  ]);
  return boundaryItemCounts(items, groups);
}

export interface DepartmentHotline {
  department: string;
  name: string;
  months: HotlineFigures[];
  year: HotlineFigures;
}

export interface BoundaryItemHotline extends BoundaryHotlineRow {
  leadName: string;
  bounceBefore: number | null;
  connectionBefore: number | null;
  bounceAfter: number | null;
  connectionAfter: number | null;
}

const share = (part: number, whole: number) => (whole === 0 ? null : part / whole);

/** Figures of every department the year's complaints reached (or of `departments`), and of every published boundary item. */
export async function hotlineFigures(
  db: Database,
  year: number,
  departments?: string[],
): Promise<{ year: number; departments: DepartmentHotline[]; boundaryItems: BoundaryItemHotline[] }> {
  const wanted = (id: string) => !departments || departments.includes(id);
  const [roster, allRows, boundaryRows] = await Promise.all([
    db.read<{ id: string; name: string }>(Q.evaluationRoster, { region: null }),
    db.read<HotlineRow>(Q.evaluationHotline, yearWindow(year), { timeoutMs: 10 * 60_000 }),
    boundaryHotline(db, year),
  ]);
  const names = new Map(roster.map((d) => [d.id, d.name]));
  const rows = allRows.filter((r) => wanted(r.department));
  const years = yearlyFigures(rows);
  const result: DepartmentHotline[] = [...years.values()].map((total) => ({
    department: total.department,
    name: names.get(total.department) ?? total.department,
    months: rows.filter((r) => r.department === total.department).map((r) => figuresOf(r.department, r.month, r)),
    year: total,
  }));
  return { year, departments: result, boundaryItems: boundaryItemFigures(boundaryRows, names).filter((b) => wanted(b.lead)) };
}

/** Boundary items' counts with their rates and their lead's name. */
export function boundaryItemFigures(rows: BoundaryHotlineRow[], names = new Map<string, string>()): BoundaryItemHotline[] {
  return rows.map((b) => ({
    ...b,
    leadName: names.get(b.lead) ?? b.lead,
    bounceBefore: share(b.bouncedBefore, b.before),
    connectionBefore: share(b.connectedBefore, b.before),
    bounceAfter: share(b.bouncedAfter, b.after),
    connectionAfter: share(b.connectedAfter, b.after),
  }));
}
