/**
 * The quantitative indicators dutygraph computes from the graph, by the name a standard's leaf
 * gives in `metric`. Each says what it counts (in Chinese, for the scorecard), its unit, and
 * where its evidence comes from. Values are per department and year; `null` means the metric
 * does not apply (a department no complaint reached has no connection rate).
 */

export interface MetricInfo {
  /** What the scorecard calls it. */
  label: string;
  unit: 'count' | 'share' | 'ratio';
}

export const METRICS = {
  'findings.overlap': { label: '职责交叉问题（条）', unit: 'count' },
  'findings.hygiene': { label: '清单规范性问题（条）', unit: 'count' },
  'findings.staleBases': { label: '依据已废止的权责事项（项）', unit: 'count' },
  'findings.unimplemented': { label: '无内设机构承接的权责事项（项）', unit: 'count' },
  'findings.bounce': { label: '推诿流转问题（条）', unit: 'count' },
  'boundary.led': { label: '牵头的职责边界事项（项）', unit: 'count' },
  'boundary.bounceAfter': { label: '牵头边界事项发布后诉求推诿率', unit: 'share' },
  'hotline.connection': { label: '12345首派签收率', unit: 'share' },
  'hotline.onTime': { label: '12345按时办结率', unit: 'share' },
  'hotline.refusal': { label: '12345退单率', unit: 'share' },
  'hotline.return': { label: '12345回退率', unit: 'share' },
  'hotline.satisfaction': { label: '12345满意率', unit: 'share' },
  'hotline.bounce': { label: '12345推诿流转率', unit: 'share' },
  'staffing.ratio': { label: '编制与工作量比（WISN）', unit: 'ratio' },
  'ledger.overdue': { label: '逾期未整改问题（个）', unit: 'count' },
  'forms.late': { label: '逾期提交的评估表（张）', unit: 'count' },
} as const satisfies Record<string, MetricInfo>;

export type MetricName = keyof typeof METRICS;

/** A metric's value for one department, with the ids of the records it came from. */
export interface MetricValue {
  value: number | null;
  /** Finding, complaint, boundary item or ledger ids; the first few hundred. */
  evidence: string[];
  /** How many records stand behind the value (evidence may be cut short). */
  basis: number;
}

/** Evidence ids kept per value: enough to check by hand, bounded for a province. */
export const EVIDENCE_LIMIT = 200;

/** A commendation (表扬) on a scorecard. */
export interface Commendation {
  text: string;
  /** recorded by the office, or computed from the graph (the brief's hotline marks met…). */
  source: 'recorded' | 'computed';
  by?: string | undefined;
  at?: string | undefined;
}
