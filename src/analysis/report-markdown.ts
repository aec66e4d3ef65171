import { cityTime } from './local-time.js';
import type { AnalysisReport } from './analyze.js';
import type { Finding } from './findings.js';
import { KIND_LABELS } from './kind-labels.js';

/** Findings of one kind shown in full in a report; the rest are counted (the JSON has them all). */
const DETAILS_PER_KIND = 100;

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const names = (list: { name: string }[]) => list.map((d) => d.name).join('、') || '—';

/** The findings to show in detail, kind by kind in report order, and how many were left out per kind. */
export function detailedFindings(report: AnalysisReport): { shown: Finding[]; omitted: Map<string, number> } {
  const counts = new Map<string, number>();
  const shown: Finding[] = [];
  for (const finding of report.findings) {
    const n = (counts.get(finding.kind) ?? 0) + 1;
    counts.set(finding.kind, n);
    if (n <= DETAILS_PER_KIND) shown.push(finding);
  }
  return { shown, omitted: new Map([...counts].filter(([, n]) => n > DETAILS_PER_KIND).map(([k, n]) => [k, n - DETAILS_PER_KIND])) };
}

/** The analysis as Markdown for people: summary tables, proposals, communities, then each finding with its evidence. */
export function renderMarkdown(report: AnalysisReport): string {
  const regionName = (code: string | null) => (code === null ? '全域' : (report.regions[code] ?? code));
  const lines: string[] = [
    '# 职责边界分析报告',
    '',
    `生成时间：${cityTime(report.generatedAt)}`,
    '',
    '## 发现概况（按类型）',
    '',
    '| 类型 | 代码 | 数量 |',
    '| --- | --- | ---: |',
  ];
  for (const [kind, n] of Object.entries(report.summary.byKind)) lines.push(`| ${KIND_LABELS[kind as Finding['kind']]} | ${kind} | ${n} |`);
  lines.push('', '## 发现概况（按部门，前30）', '', '| 部门 | 发现数 |', '| --- | ---: |');
  for (const row of report.summary.byDepartment.slice(0, 30)) lines.push(`| ${cell(row.department.name)} | ${row.findings} |`);
  lines.push('', `## 职责边界清单建议稿（${report.proposals.length}）`, '');
  for (const p of report.proposals) {
    lines.push(
      `### ${p.title}`,
      '',
      `- 编号：\`${p.id}\`（发布：\`dutygraph boundary publish ${p.id}\`）`,
      `- 牵头部门：${p.lead.name}`,
      `- 配合部门：${names(p.cooperating)}`,
      `- 置信度：${p.confidence}`,
      '',
      p.text,
      '',
      ...p.evidence.map((e) => `  - ${cell(e.text)}（${e.id}）`),
      '',
    );
  }
  lines.push(`## 部门社群（${report.communities.length}）`, '');
  for (const c of report.communities) {
    lines.push(`- ${names(c.departments)}`);
    for (const pair of c.closePairs.slice(0, 10))
      lines.push(`  - ${pair.a.name}与${pair.b.name}共同承担${pair.sharedMatters.map((m) => m.name).join('、')}（重合度${pair.overlap}）`);
  }
  lines.push(
    '',
    '## 诉求流转',
    '',
    `常见流转率：${(report.bounces.baselineRate * 100).toFixed(1)}%`,
    '',
    '| 事项 | 诉求 | 流转 | 流转率 |',
    '| --- | ---: | ---: | ---: |',
  );
  for (const m of report.bounces.byMatter.slice(0, 20))
    lines.push(`| ${cell(m.matter.name)} | ${m.complaints} | ${m.bounced} | ${(m.rate * 100).toFixed(1)}% |`);
  lines.push('', '| 退回部门 | 转至部门 | 件数 | 占退回部门经手诉求 |', '| --- | --- | ---: | ---: |');
  for (const p of report.bounces.byPair.slice(0, 20))
    lines.push(`| ${cell(p.refuser.name)} | ${cell(p.next.name)} | ${p.complaints} | ${(p.rate * 100).toFixed(1)}% |`);
  lines.push('', '## 发现明细', '');
  const { shown, omitted } = detailedFindings(report);
  for (const f of shown) {
    lines.push(
      `### ${KIND_LABELS[f.kind]}：${[regionName(f.region), f.matter?.name, names(f.departments)].filter(Boolean).join(' · ')}`,
      '',
      `- 编号：\`${f.id}\`；严重程度 ${f.severity}；涉及诉求 ${f.complaints} 件`,
      ...f.evidence.map((e) => `  - ${cell(e.text)}（${e.id}）`),
      '',
    );
  }
  for (const [kind, n] of omitted) lines.push(`- ${KIND_LABELS[kind as Finding['kind']]}另有${n}项未列出（见 --json 输出）`);
  return lines.join('\n') + '\n';
}
