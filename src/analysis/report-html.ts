import { cityTime } from './local-time.js';
import type { AnalysisReport, DepartmentGraphPicture } from './analyze.js';
import type { Finding } from './findings.js';
import { KIND_LABELS } from './kind-labels.js';
import { detailedFindings } from './report-markdown.js';

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
const PALETTE = ['#4e79a7', '#f28e2b', '#59a14f', '#b07aa1', '#76b7b2', '#edc948', '#9c755f', '#ff9da7', '#bab0ac', '#e15759'];

/**
 * The department graph as SVG: each community a ring of its departments, rings laid on a larger
 * circle; edges drawn thicker with weight, red where the two departments overlap on a matter
 * (contested). Deterministic, no layout library, readable without scripts.
 */
function renderGraphSvg(picture: DepartmentGraphPicture, width = 960, height = 720): string {
  const groups = new Map<number, DepartmentGraphPicture['nodes']>();
  for (const node of picture.nodes) {
    const key = node.community ?? -1;
    groups.set(key, [...(groups.get(key) ?? []), node]);
  }
  const ordered = [...groups.values()].sort((a, b) => b.length - a.length);
  const [cx, cy] = [width / 2, height / 2];
  const outer = ordered.length > 1 ? Math.min(width, height) * 0.3 : 0;
  const position = new Map<string, [number, number]>();
  ordered.forEach((group, g) => {
    const angle = (2 * Math.PI * g) / ordered.length;
    const [gx, gy] = [cx + outer * Math.cos(angle), cy + outer * Math.sin(angle)];
    const ring = Math.min(width, height) * (ordered.length > 1 ? 0.16 : 0.4) * Math.min(1, Math.sqrt(group.length / 12) + 0.3);
    group.forEach((node, i) => {
      const a = (2 * Math.PI * i) / group.length;
      position.set(node.id, [gx + ring * Math.cos(a), gy + ring * Math.sin(a)]);
    });
  });
  const maxWeight = picture.edges.reduce((max, e) => Math.max(max, e.weight), 1);
  const edges = picture.edges.map((e) => {
    const [a, b] = [position.get(e.a)!, position.get(e.b)!];
    const w = 0.4 + (3 * e.weight) / maxWeight;
    return `<line x1="${a[0].toFixed(1)}" y1="${a[1].toFixed(1)}" x2="${b[0].toFixed(1)}" y2="${b[1].toFixed(1)}" stroke="${e.contested ? '#d62728' : '#999'}" stroke-opacity="${e.contested ? 0.9 : 0.35}" stroke-width="${w.toFixed(2)}"><title>${escape(`${e.a} — ${e.b}: ${e.weight}`)}</title></line>`;
  });
  const nodes = picture.nodes.map((n) => {
    const [x, y] = position.get(n.id)!;
    const color = n.community === null ? '#777' : PALETTE[n.community % PALETTE.length];
    return (
      `<g class="department"><circle cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="6" fill="${color}"><title>${escape(n.name)}</title></circle>` +
      `<text x="${(x + 8).toFixed(1)}" y="${(y + 4).toFixed(1)}" font-size="10">${escape(n.name)}</text></g>`
    );
  });
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" id="department-graph" viewBox="0 0 ${width} ${height}" width="100%" role="img" aria-label="部门关系图">` +
    `<g class="edges">${edges.join('')}</g><g class="nodes">${nodes.join('')}</g></svg>`
  );
}

function table(headers: string[], rows: string[][]): string {
  return `<table><thead><tr>${headers.map((h) => `<th>${escape(h)}</th>`).join('')}</tr></thead><tbody>${rows.map((r) => `<tr>${r.map((c) => `<td>${escape(c)}</td>`).join('')}</tr>`).join('')}</tbody></table>`;
}

/** The analysis as one self-contained HTML page: summary tables, the department graph, proposals, findings. */
export function renderHtml(report: AnalysisReport): string {
  const regionName = (code: string | null) => (code === null ? '全域' : (report.regions[code] ?? code));
  const { shown, omitted } = detailedFindings(report);
  const finding = (f: Finding) =>
    `<section class="finding" id="${escape(f.id)}"><h3>${escape(KIND_LABELS[f.kind])}：${escape([regionName(f.region), f.matter?.name, f.departments.map((d) => d.name).join('、')].filter(Boolean).join(' · '))}</h3>` +
    `<p>编号 <code>${escape(f.id)}</code>；严重程度 ${f.severity}；涉及诉求 ${f.complaints} 件</p><ul>${f.evidence.map((e) => `<li>${escape(e.text)} <small>${escape(e.id)}</small></li>`).join('')}</ul></section>`;
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>职责边界分析报告</title>
<style>body{font-family:system-ui,"Noto Sans CJK SC",sans-serif;margin:2rem;max-width:1100px}table{border-collapse:collapse;margin:1rem 0}th,td{border:1px solid #ccc;padding:.25rem .5rem;text-align:left}td:last-child{text-align:right}.finding{border-top:1px solid #eee}small{color:#777}</style>
</head><body>
<h1>职责边界分析报告</h1><p>生成时间：${escape(cityTime(report.generatedAt))}</p>
<h2>发现概况</h2>
<h3>按类型</h3>
<div id="summary-by-kind">${table(
    ['类型', '代码', '数量'],
    Object.entries(report.summary.byKind).map(([k, n]) => [KIND_LABELS[k as Finding['kind']], k, String(n)]),
  )}</div>
<h3>按部门（前30个）</h3>
<div id="summary-by-department">${table(
    ['部门', '发现数'],
    report.summary.byDepartment.slice(0, 30).map((r) => [r.department.name, String(r.findings)]),
  )}</div>
<h2>部门关系与社群</h2><p>同色为同一社群（Louvain）；红线为存在职责交叉的部门。</p>
${renderGraphSvg(report.picture)}
<ul>${report.communities
    .map(
      (c) =>
        `<li>${escape(c.departments.map((d) => d.name).join('、'))}${
          c.closePairs.length
            ? `<ul>${c.closePairs
                .slice(0, 10)
                .map((p) => `<li>${escape(`${p.a.name}与${p.b.name}共同承担${p.sharedMatters.map((m) => m.name).join('、')}（重合度${p.overlap}）`)}</li>`)
                .join('')}</ul>`
            : ''
        }</li>`,
    )
    .join('')}</ul>
<h2>职责边界清单建议稿（${report.proposals.length}）</h2>
${report.proposals.map((p) => `<section class="proposal"><h3>${escape(p.title)}</h3><p>牵头：${escape(p.lead.name)}；配合：${escape(p.cooperating.map((d) => d.name).join('、') || '—')}；置信度 ${p.confidence}；编号 <code>${escape(p.id)}</code></p><p>${escape(p.text)}</p></section>`).join('\n')}
<h2>诉求流转</h2><p>常见流转率 ${(report.bounces.baselineRate * 100).toFixed(1)}%</p>
<h3>流转最多的事项（前20项）</h3>
${table(
  ['事项', '诉求', '流转', '流转率'],
  report.bounces.byMatter.slice(0, 20).map((m) => [m.matter.name, String(m.complaints), String(m.bounced), `${(m.rate * 100).toFixed(1)}%`]),
)}
<h3>退回最多的部门（前20对）</h3>
${table(
  ['退回部门', '转至部门', '件数', '占退回部门经手诉求'],
  report.bounces.byPair.slice(0, 20).map((p) => [p.refuser.name, p.next.name, String(p.complaints), `${(p.rate * 100).toFixed(1)}%`]),
)}
<h2>发现明细</h2>
${shown.map(finding).join('\n')}
${[...omitted].map(([k, n]) => `<p>${escape(KIND_LABELS[k as Finding['kind']])}另有${n}项未列出（见 JSON 输出）。</p>`).join('\n')}
</body></html>
`;
}
