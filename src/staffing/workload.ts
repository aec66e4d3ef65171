import type { PowerItemType } from '../model/records.js';
import { AppError, ErrorCode } from '../errors.js';
import { availableHours, type StaffingConfig } from './config.js';
import type { StaffingSnapshot } from './snapshot.js';

/** One section's workload in one year, by WISN (docs/staffing.md). */
export interface SectionWorkload {
  section: string;
  name: string;
  department: string;
  year: number;
  /** Administrative posts (编制) held, and filled when known. */
  posts: number;
  staffed: number | null;
  /** Cases of the year (received or completed, as configured) over its items. */
  cases: number;
  /** Hours of work: Σ cases × standard hours of the item. */
  hours: number;
  /** Posts the workload requires: hours / available hours of a post / (1 − category allowance). */
  required: number;
  /** posts / required: under 1 short, over 1 slack; null when nothing is required (no workload). */
  ratio: number | null;
  /** The item type carrying most of the hours: sections are compared with sections of the same kind of work. */
  kind: PowerItemType | null;
  /** Items the section implements with no volume for the year: reported, never guessed. */
  missingVolumes: string[];
  /** item code -> hours, for transfers. */
  itemHours: Map<string, number>;
}

function standardHours(config: StaffingConfig, item: { code: string; type: PowerItemType }): number {
  return config.itemHours[item.code] ?? config.standardHours[item.type];
}

/** Rejects data WISN cannot use: negative volumes, a year without any volume. */
function checkVolumes(snapshot: StaffingSnapshot, year: number): void {
  const negative = snapshot.volumes.filter((v) => v.received < 0 || v.completed < 0);
  if (negative.length > 0) {
    throw new AppError(
      ErrorCode.BAD_USER_INPUT,
      `${negative.length} volume(s) are negative; fix the data first`,
      negative.slice(0, 20).map((v) => `${v.powerItem} → ${v.section}, ${v.year}: received ${v.received}, completed ${v.completed}`),
    );
  }
  if (!snapshot.volumes.some((v) => v.year === year)) {
    const years = [...new Set(snapshot.volumes.map((v) => v.year))].sort();
    throw new AppError(ErrorCode.BAD_USER_INPUT, `no volumes for ${year}; the graph has volumes for ${years.length > 0 ? years.join(', ') : 'no year'}`);
  }
}

/** The latest year with volumes. */
export function latestYear(snapshot: StaffingSnapshot): number {
  if (snapshot.volumes.length === 0) throw new AppError(ErrorCode.BAD_USER_INPUT, 'the graph holds no volumes (VOLUME); import volumes first');
  return snapshot.volumes.reduce((latest, v) => Math.max(latest, v.year), -Infinity);
}

/** WISN workload, required posts and ratio of every section for one year. */
export function sectionWorkloads(snapshot: StaffingSnapshot, year: number, config: StaffingConfig): SectionWorkload[] {
  checkVolumes(snapshot, year);
  const perPost = availableHours(config) * (1 - config.categoryAllowance);
  const items = new Map(snapshot.items.map((i) => [i.code, i]));
  const volumeOf = new Map<string, number>();
  for (const v of snapshot.volumes)
    if (v.year === year) volumeOf.set(`${v.powerItem}|${v.section}`, (volumeOf.get(`${v.powerItem}|${v.section}`) ?? 0) + v[config.volume]);
  const implemented = new Map<string, string[]>();
  for (const item of snapshot.items) for (const s of item.sections) implemented.set(s, [...(implemented.get(s) ?? []), item.code]);
  return snapshot.sections.map((section) => {
    const itemHours = new Map<string, number>();
    const hoursByType = new Map<PowerItemType, number>();
    const missingVolumes: string[] = [];
    let cases = 0;
    for (const code of implemented.get(section.id) ?? []) {
      const volume = volumeOf.get(`${code}|${section.id}`);
      if (volume === undefined) {
        missingVolumes.push(code);
        continue;
      }
      const item = items.get(code)!;
      const hours = volume * standardHours(config, item);
      cases += volume;
      itemHours.set(code, hours);
      hoursByType.set(item.type, (hoursByType.get(item.type) ?? 0) + hours);
    }
    const hours = [...itemHours.values()].reduce((sum, h) => sum + h, 0);
    const required = hours / perPost;
    const kind = [...hoursByType].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0] ?? null;
    return {
      section: section.id,
      name: section.name,
      department: section.department,
      year,
      posts: section.posts,
      staffed: section.staffed,
      cases,
      hours,
      required,
      ratio: required > 0 ? section.posts / required : null,
      kind,
      missingVolumes,
      itemHours,
    };
  });
}
