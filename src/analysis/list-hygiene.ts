import type { Finding } from './findings.js';
import type { Lookup } from './lookup.js';
import type { AnalysisSnapshot } from './snapshot.js';

/**
 * The lists' own gaps, the "dynamic management" review: power items no section implements,
 * sections with no task, tasks without flowchart or norm, items whose every legal basis is
 * repealed. No complaints behind them: severity 1.
 */
export function findListGaps(snapshot: AnalysisSnapshot, lookup: Lookup): Finding[] {
  const findings: Finding[] = [];
  const base = (kind: Finding['kind'], subject: string, department: string): Omit<Finding, 'items' | 'evidence'> => ({
    id: `${kind}:${subject}`,
    kind,
    region: lookup.regionOf(department),
    departments: [lookup.department(department)],
    complaints: 0,
    severity: 1,
  });
  for (const item of snapshot.powerItems) {
    const items = [{ id: item.code, name: item.name }];
    if (item.sections === 0) {
      findings.push({
        ...base('unimplemented-item', item.code, item.department),
        items,
        evidence: [{ kind: 'power-item', id: item.code, text: `${item.name}：无内设机构承接` }],
      });
    }
    if (item.bases > 0 && item.repealedBases.length === item.bases) {
      findings.push({
        ...base('stale-basis', item.code, item.department),
        items,
        evidence: item.repealedBases.map((title) => ({ kind: 'legal-basis', id: title, text: `${title}（已废止）` })),
      });
    }
  }
  for (const section of snapshot.sections.filter((s) => s.tasks === 0)) {
    findings.push({
      ...base('idle-section', section.id, section.department),
      items: [{ id: section.id, name: section.name }],
      evidence: [{ kind: 'section', id: section.id, text: `${lookup.department(section.department).name}${section.name}：职责任务清单中无任务` }],
    });
  }
  for (const task of snapshot.tasks) {
    for (const [kind, present, what] of [
      ['task-without-flowchart', task.flowchart, '运行流程图'],
      ['task-without-norm', task.norm, '履职规范'],
    ] as const) {
      if (present) continue;
      findings.push({
        ...base(kind, task.id, task.department),
        items: [{ id: task.id, name: task.name }],
        evidence: [{ kind: 'task', id: task.id, text: `${task.name}：缺少${what}` }],
      });
    }
  }
  return findings;
}
