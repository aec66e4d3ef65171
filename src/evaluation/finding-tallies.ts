import type { Finding, FindingKind } from '../analysis/findings.js';
import { EVIDENCE_LIMIT, type MetricName, type MetricValue } from './metrics.js';

/**
 * The analysis's findings as evaluation metrics: per department, the findings of each kind that
 * name it, counted and with their ids as evidence. Findings no department is named in (an orphan
 * matter) count for nobody: the evaluation scores departments. Pure.
 */

const METRIC_OF_KIND: Record<FindingKind, MetricName | undefined> = {
  overlap: 'findings.overlap',
  'latent-overlap': 'findings.overlap',
  'stale-basis': 'findings.staleBases',
  'unimplemented-item': 'findings.unimplemented',
  'bounce-hotspot': 'findings.bounce',
  'refused-complaint': 'findings.bounce',
  'idle-section': 'findings.hygiene',
  'task-without-flowchart': 'findings.hygiene',
  'task-without-norm': 'findings.hygiene',
  'unmatched-service-item': 'findings.hygiene',
  'unrealized-power-item': 'findings.hygiene',
  'level-mismatch': 'findings.hygiene',
  'county-gap': 'findings.hygiene',
  'orphan-matter': undefined,
};

export const FINDING_METRICS = [...new Set(Object.values(METRIC_OF_KIND).filter((m) => m !== undefined))];

/** department -> metric -> { value: how many findings, evidence: their ids (the first EVIDENCE_LIMIT) }. */
export type FindingTallies = Map<string, Map<MetricName, MetricValue>>;

/** Tallies the findings per department and metric. */
export function tallyFindings(findings: Finding[]): FindingTallies {
  const tallies: FindingTallies = new Map();
  for (const finding of findings) {
    const metric = METRIC_OF_KIND[finding.kind];
    if (!metric) continue;
    for (const department of new Set(finding.departments.map((d) => d.id))) {
      let metrics = tallies.get(department);
      if (!metrics) tallies.set(department, (metrics = new Map()));
      const tally = metrics.get(metric) ?? { value: 0, evidence: [], basis: 0 };
      tally.value = (tally.value ?? 0) + 1;
      tally.basis++;
      if (tally.evidence.length < EVIDENCE_LIMIT) tally.evidence.push(finding.id);
      metrics.set(metric, tally);
    }
  }
  return tallies;
}
