/** What the boundary analysis reports: findings with their evidence (docs/analysis.md). */

export const FINDING_KINDS = [
  'overlap',
  'latent-overlap',
  'orphan-matter',
  'refused-complaint',
  'unimplemented-item',
  'idle-section',
  'task-without-flowchart',
  'task-without-norm',
  'stale-basis',
  'unmatched-service-item',
  'unrealized-power-item',
  'level-mismatch',
  'county-gap',
  'bounce-hotspot',
] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];

export interface Named {
  id: string;
  name: string;
}

/** One thing behind a finding: a power item, task, boundary item, complaint, count… with its text. */
export interface Evidence {
  kind: 'power-item' | 'task' | 'section' | 'service-item' | 'boundary-item' | 'legal-basis' | 'complaint' | 'routing' | 'similarity';
  id: string;
  text: string;
}

export interface Finding {
  /** Stable across runs on the same graph: kind, region and subject. */
  id: string;
  kind: FindingKind;
  region: string | null;
  matter?: Named | undefined;
  departments: Named[];
  /** The list records the finding is about (power items, tasks, sections, service items). */
  items: Named[];
  /** Complaints involved (on the matter in the region, or refused, or bounced). */
  complaints: number;
  /** Grows with the complaints and bounces behind it; list-hygiene findings sit low. */
  severity: number;
  evidence: Evidence[];
}

/**
 * Severity: 1 for a finding with no complaints behind it, growing with the log of the complaint
 * volume and with the share that bounced.
 */
export function severity(base: number, complaints: number, bounced = 0): number {
  const rate = complaints > 0 ? bounced / complaints : 0;
  return Math.round(base * (1 + Math.log10(1 + complaints)) * (1 + 2 * rate) * 100) / 100;
}
