import type { FindingKind } from './findings.js';

/** What analysts call each kind of finding. */
export const KIND_LABELS: Record<FindingKind, string> = {
  overlap: '职责交叉',
  'latent-overlap': '疑似重复的权责事项',
  'orphan-matter': '无部门承担的事项',
  'refused-complaint': '被全部经手部门退回的诉求',
  'unimplemented-item': '无内设机构承接的权责事项',
  'idle-section': '无职责任务的内设机构',
  'task-without-flowchart': '缺少运行流程图的任务',
  'task-without-norm': '缺少履职规范的任务',
  'stale-basis': '依据已全部废止的权责事项',
  'unmatched-service-item': '未对应权责事项的服务事项',
  'unrealized-power-item': '未纳入服务清单的依申请事项',
  'level-mismatch': '服务事项与权责事项层级不一致',
  'county-gap': '市县清单差异',
  'bounce-hotspot': '推诿流转热点',
};
