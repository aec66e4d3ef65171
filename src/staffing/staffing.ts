import type { Database } from '../db/database.js';
import { useQueries } from '../db/named-queries.js';
import { bumpGraphRevision } from '../db/revision.js';
import { AppError, ErrorCode } from '../errors.js';
import { compareSections, type DepartmentRow, type SectionRow } from './compare.js';
import { STAFFING_DEFAULTS, type StaffingConfig } from './config.js';
import { loadStaffingSnapshot } from './load-snapshot.js';
import type { StaffingSnapshot } from './snapshot.js';
import { suggestReallocations, SUGGEST_DEFAULTS, type SuggestOptions, type Suggestion } from './suggest.js';
import { planTransfer, type TransferPlan } from './transfer.js';
import { latestYear, sectionWorkloads } from './workload.js';

const Q = useQueries(['applyStaffingTransfer']);

export interface StaffingReport {
  year: number;
  /** The WISN parameters used (docs/staffing.md). */
  config: StaffingConfig;
  sections: (SectionRow & { departmentName: string })[];
  departments: (DepartmentRow & { name: string })[];
}

function yearOf(snapshot: StaffingSnapshot, year: number | undefined): number {
  return year ?? latestYear(snapshot);
}

/** Workload, required posts and WISN ratio of every section and department (optionally of some departments). */
export async function staffingReport(
  db: Database,
  options: { year?: number | undefined; departments?: string[] | undefined; config?: StaffingConfig } = {},
): Promise<StaffingReport & { revision: number; stale: boolean }> {
  const { value: snapshot, revision, stale } = await loadStaffingSnapshot(db);
  const config = options.config ?? STAFFING_DEFAULTS;
  const year = yearOf(snapshot, options.year);
  const names = new Map(snapshot.departments.map((d) => [d.id, d.name]));
  for (const d of options.departments ?? []) if (!names.has(d)) throw new AppError(ErrorCode.NOT_FOUND, `department "${d}" does not exist`);
  const wanted = (department: string) => !options.departments || options.departments.includes(department);
  const { sections, departments } = compareSections(sectionWorkloads(snapshot, year, config));
  return {
    year,
    config,
    revision,
    stale,
    sections: sections.filter((s) => wanted(s.department)).map((s) => ({ ...s, departmentName: names.get(s.department) ?? s.department })),
    departments: departments.filter((d) => wanted(d.department)).map((d) => ({ ...d, name: names.get(d.department) ?? d.department })),
  };
}

/**
 * Each department's WISN ratio for an evaluation of `year`: from that year's volumes, or the
 * latest year before it that has volumes (volumes are often counted a year late); null when
 * there are none up to that year.
 */
export async function departmentRatios(
  db: Database,
  year: number,
  config: StaffingConfig = STAFFING_DEFAULTS,
): Promise<{ year: number; ratios: Map<string, number | null> } | null> {
  const { value: snapshot } = await loadStaffingSnapshot(db, { fresh: true });
  const volumeYear = snapshot.volumes.reduce((latest, v) => (v.year <= year ? Math.max(latest, v.year) : latest), -Infinity);
  if (volumeYear === -Infinity) return null;
  const { departments } = compareSections(sectionWorkloads(snapshot, volumeYear, config));
  return { year: volumeYear, ratios: new Map(departments.map((d) => [d.department, d.ratio])) };
}

/** What moving a power item to another department would move in posts (nothing is written). */
export async function previewTransfer(
  db: Database,
  item: string,
  to: string,
  options: { year?: number | undefined; config?: StaffingConfig } = {},
): Promise<TransferPlan> {
  const { value: snapshot } = await loadStaffingSnapshot(db, { fresh: true });
  const year = yearOf(snapshot, options.year);
  return planTransfer(snapshot, sectionWorkloads(snapshot, year, options.config ?? STAFFING_DEFAULTS), item, to);
}

/**
 * Moves the item, its volumes and the planned posts in one transaction, recording who and when
 * (a StaffingTransfer node). The write matches the item's department and the giving section's
 * posts as planned; if the graph moved in between, nothing is written (CONFLICT).
 */
export async function applyTransfer(
  db: Database,
  item: string,
  to: string,
  by: string,
  options: { year?: number | undefined; config?: StaffingConfig } = {},
): Promise<TransferPlan & { transfer: string; revision: number }> {
  const plan = await previewTransfer(db, item, to, options);
  return db.writeTx(async (tx) => {
    const [row] = await tx.run<{ id: string }>(Q.applyStaffingTransfer, {
      item: plan.item.code,
      fromDepartment: plan.fromDepartment,
      fromSection: plan.fromSection,
      toDepartment: plan.toDepartment,
      toSection: plan.toSection,
      posts: plan.posts,
      share: plan.share,
      year: plan.year,
      at: new Date().toISOString(),
      by,
    });
    if (!row) throw new AppError(ErrorCode.CONFLICT, `the graph changed while planning the transfer of "${item}"; run it again`);
    return { ...plan, transfer: row.id, revision: await bumpGraphRevision(tx, []) };
  }, 'applyStaffingTransfer');
}

/** A deterministic plan of single-post moves from slack to short sections. */
export async function suggestMoves(
  db: Database,
  options: Partial<SuggestOptions> & { year?: number | undefined; config?: StaffingConfig } = {},
): Promise<Suggestion & { year: number }> {
  const { value: snapshot } = await loadStaffingSnapshot(db);
  const year = yearOf(snapshot, options.year);
  const workloads = sectionWorkloads(snapshot, year, options.config ?? STAFFING_DEFAULTS);
  return {
    year,
    ...suggestReallocations(workloads, { ...SUGGEST_DEFAULTS, ...Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) }),
  };
}
