import type { Database } from '../db/database.js';
import { useQueries } from '../db/named-queries.js';
import { figuresOf, yearlyFigures, yearWindow, type BoundaryHotlineRow, type HotlineFigures, type HotlineRow } from './hotline.js';

/** A year's hotline figures from the graph: per department and month, and per boundary item before and after it took effect. */

const Q = useQueries(['evaluationRoster', 'evaluationHotline', 'evaluationBoundaryHotline']);

export interface DepartmentHotline {
  department: string;
  name: string;
  months: HotlineFigures[];
  year: HotlineFigures;
}

export interface BoundaryItemHotline extends Omit<BoundaryHotlineRow, 'bouncedAfterIds'> {
  leadName: string;
  bounceBefore: number | null;
  connectionBefore: number | null;
  bounceAfter: number | null;
  connectionAfter: number | null;
  /** Complaints that still bounced after the item took effect (the first 20). */
  bouncedAfterIds: string[];
}

const share = (part: number, whole: number) => (whole === 0 ? null : part / whole);

/** Figures of every department the year's complaints reached (or of `departments`), and of every published boundary item. */
export async function hotlineFigures(
  db: Database,
  year: number,
  departments?: string[],
): Promise<{ year: number; departments: DepartmentHotline[]; boundaryItems: BoundaryItemHotline[] }> {
  const window = yearWindow(year);
  const names = new Map((await db.read<{ id: string; name: string }>(Q.evaluationRoster, { region: null })).map((d) => [d.id, d.name]));
  const wanted = (id: string) => !departments || departments.includes(id);
  const rows = (await db.read<HotlineRow>(Q.evaluationHotline, window, { timeoutMs: 10 * 60_000 })).filter((r) => wanted(r.department));
  const years = yearlyFigures(rows);
  const result: DepartmentHotline[] = [...years.values()].map((total) => ({
    department: total.department,
    name: names.get(total.department) ?? total.department,
    months: rows.filter((r) => r.department === total.department).map((r) => figuresOf(r.department, r.month, r)),
    year: total,
  }));
  return { year, departments: result, boundaryItems: (await boundaryItemFigures(db, year, names)).filter((b) => wanted(b.lead)) };
}

/** Every published boundary item's complaints of the year, before and after it took effect. */
export async function boundaryItemFigures(db: Database, year: number, names = new Map<string, string>()): Promise<BoundaryItemHotline[]> {
  const rows = await db.read<BoundaryHotlineRow>(Q.evaluationBoundaryHotline, yearWindow(year), { timeoutMs: 10 * 60_000 });
  return rows.map((b) => ({
    ...b,
    leadName: names.get(b.lead) ?? b.lead,
    bounceBefore: share(b.bouncedBefore, b.before),
    connectionBefore: share(b.connectedBefore, b.before),
    bounceAfter: share(b.bouncedAfter, b.after),
    connectionAfter: share(b.connectedAfter, b.after),
  }));
}
