import type { SectionWorkload } from './workload.js';

/** A section's workload as the report shows it (rounded), with its rank among comparable sections. */
export interface SectionRow extends Omit<SectionWorkload, 'itemHours'> {
  hoursPerPost: number | null;
  /** Rank by hours per post among sections whose main kind of work is the same (1 = busiest), and how many there are. */
  rankInKind: number | null;
  ofKind: number;
}

export interface DepartmentRow {
  department: string;
  posts: number;
  hours: number;
  required: number;
  ratio: number | null;
  sections: number;
}

const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;

/** The side-by-side view: every section and department with workload, posts, required posts and ratio. */
export function compareSections(workloads: SectionWorkload[]): { sections: SectionRow[]; departments: DepartmentRow[] } {
  const byKind = new Map<string, SectionWorkload[]>();
  for (const w of workloads) if (w.kind && w.posts > 0) byKind.set(w.kind, [...(byKind.get(w.kind) ?? []), w]);
  const rank = new Map<string, number>();
  for (const list of byKind.values()) {
    list.sort((a, b) => b.hours / b.posts - a.hours / a.posts || (a.section < b.section ? -1 : 1)).forEach((w, i) => rank.set(w.section, i + 1));
  }
  const sections = workloads.map((w): SectionRow => ({
    section: w.section,
    name: w.name,
    department: w.department,
    year: w.year,
    posts: w.posts,
    staffed: w.staffed,
    cases: w.cases,
    hours: round(w.hours, 1),
    required: round(w.required),
    ratio: w.ratio === null ? null : round(w.ratio),
    kind: w.kind,
    hoursPerPost: w.posts > 0 ? round(w.hours / w.posts, 1) : null,
    rankInKind: rank.get(w.section) ?? null,
    ofKind: w.kind ? (byKind.get(w.kind)?.length ?? 0) : 0,
    missingVolumes: w.missingVolumes,
  }));
  const totals = new Map<string, DepartmentRow>();
  for (const w of workloads) {
    const row = totals.get(w.department) ?? { department: w.department, posts: 0, hours: 0, required: 0, ratio: null, sections: 0 };
    row.posts += w.posts;
    row.hours += w.hours;
    row.required += w.required;
    row.sections++;
    totals.set(w.department, row);
  }
  const departments = [...totals.values()].map((d) => ({
    ...d,
    hours: round(d.hours, 1),
    required: round(d.required),
    ratio: d.required > 0 ? round(d.posts / d.required) : null,
  }));
  return { sections, departments };
}
