import { cityTime } from '../analysis/local-time.js';
import { METRICS, type MetricName } from './metrics.js';
import type { BoundaryItemHotline, DepartmentHotline } from './hotline-figures.js';
import type { Scorecards } from './scorecard.js';
import type { IndicatorScore } from './scoring.js';

/** Scorecards and hotline figures as the office reads them: Markdown and HTML, in Chinese. Pure. */

const STATUS = { draft: '草稿', frozen: '已冻结' } as Record<string, string>;
const EVIDENCE_SHOWN = 5;

/** An indicator's value as a person reads it: shares in percent, ratios with two decimals. */
export function formatValue(indicator: Pick<IndicatorScore, 'value' | 'metric'>): string {
  if (indicator.value === null) return '—';
  const unit = indicator.metric ? METRICS[indicator.metric as MetricName]?.unit : undefined;
  if (unit === 'share') return `${(indicator.value * 100).toFixed(1)}%`;
  if (unit === 'ratio') return indicator.value.toFixed(2);
  return String(Math.round(indicator.value * 100) / 100);
}

const change = (n: number | null) => (n === null ? '—' : n > 0 ? `+${n}` : String(n));
const evidence = (ids: string[]) =>
  ids.length === 0 ? '' : ids.slice(0, EVIDENCE_SHOWN).join('、') + (ids.length > EVIDENCE_SHOWN ? ` 等${ids.length}条` : '');
const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** The header lines every format shares. */
function about(cards: Scorecards): string[] {
  return [
    `评估标准：${cards.standard.name}（${cards.standard.id}，${STATUS[cards.standard.status] ?? cards.standard.status}）`,
    `评估状态：${cards.round.status === 'published' ? `已发布（${cityTime(cards.round.publishedAt!)}）` : '未发布（结果随图谱更新）'}`,
    `问题发现：${cards.analysis.at ? `图谱版本 ${cards.analysis.revision} 的分析（${cityTime(cards.analysis.at)}）` : '无'}；编制数据：${cards.staffingYear ? `${cards.staffingYear}年度办件量` : '无'}`,
  ];
}

/** The scorecards as a Markdown report. */
export function renderScorecardsMarkdown(cards: Scorecards): string {
  const lines = [`# ${cards.year}年度部门职能运行监管评估结果`, '', ...about(cards).map((l) => `- ${l}`), ''];
  lines.push('| 排名 | 部门 | 总分 | 较上年 | 一票否决 | 主要失分 |', '| ---: | --- | ---: | ---: | --- | --- |');
  for (const d of cards.departments) {
    const lost = d.problems
      .slice(0, 3)
      .map((p) => `${p.name}（-${p.lost}）`)
      .join('；');
    lines.push(`| ${d.rank} | ${cell(d.name)} | ${d.total} | ${change(d.change)} | ${d.vetoes.length ? d.vetoes.join('、') : ''} | ${cell(lost)} |`);
  }
  for (const d of cards.departments) {
    lines.push('', `## ${d.rank}. ${d.name}：${d.total}分`, '');
    if (d.commendations.length) lines.push(...d.commendations.map((c) => `- 表扬：${c.text}${c.by ? `（${c.by}）` : ''}`), '');
    lines.push('| 指标 | 权重 | 数值 | 得分 | 说明 | 依据 |', '| --- | ---: | ---: | ---: | --- | --- |');
    for (const i of d.indicators) {
      const source = i.entry ? `${i.entry.by}（${cityTime(i.entry.at)}）${i.entry.note ? `：${i.entry.note}` : ''}` : evidence(i.evidence);
      lines.push(`| ${cell([...i.path, i.name].join(' / '))} | ${i.weight} | ${formatValue(i)} | ${i.points} | ${i.note} | ${cell(source)} |`);
    }
  }
  return lines.join('\n') + '\n';
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** The scorecards as one self-contained HTML page (no scripts, no outside resources). */
export function renderScorecardsHtml(cards: Scorecards): string {
  const title = `${cards.year}年度部门职能运行监管评估结果`;
  const rows = cards.departments
    .map(
      (d) =>
        `<tr><td>${d.rank}</td><td><a href="#d-${escapeHtml(d.department)}">${escapeHtml(d.name)}</a></td><td>${d.total}</td><td>${change(d.change)}</td><td>${escapeHtml(d.vetoes.join('、'))}</td></tr>`,
    )
    .join('\n');
  const details = cards.departments
    .map((d) => {
      const indicators = d.indicators
        .map(
          (i) =>
            `<tr><td>${escapeHtml([...i.path, i.name].join(' / '))}</td><td>${i.weight}</td><td>${escapeHtml(formatValue(i))}</td><td>${i.points}</td><td>${escapeHtml(i.note)}</td><td>${escapeHtml(i.entry ? i.entry.by : evidence(i.evidence))}</td></tr>`,
        )
        .join('\n');
      const praise = d.commendations.length ? `<ul>${d.commendations.map((c) => `<li>表扬：${escapeHtml(c.text)}</li>`).join('')}</ul>\n` : '';
      return `<h2 id="d-${escapeHtml(d.department)}">${d.rank}. ${escapeHtml(d.name)}：${d.total}分</h2>\n${praise}<table><tr><th>指标</th><th>权重</th><th>数值</th><th>得分</th><th>说明</th><th>依据</th></tr>\n${indicators}\n</table>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${title}</title>
<style>body{font-family:sans-serif;margin:2em;max-width:70em}table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:.3em .6em;text-align:left}</style>
</head><body>
<h1>${title}</h1>
<ul>${about(cards)
    .map((l) => `<li>${escapeHtml(l)}</li>`)
    .join('')}</ul>
<table><tr><th>排名</th><th>部门</th><th>总分</th><th>较上年</th><th>一票否决</th></tr>
${rows}
</table>
${details}
</body></html>
`;
}

const pct = (rate: number | null) => (rate === null ? '—' : `${(rate * 100).toFixed(1)}%`);
const mark = (meets: boolean | null) => (meets === null ? '' : meets ? ' ✓' : ' ✗');

/** A year's hotline figures: each department by month and for the year, then the boundary items before and after. */
export function renderHotlineMarkdown(figures: { year: number; departments: DepartmentHotline[]; boundaryItems: BoundaryItemHotline[] }): string {
  const lines = [
    `# ${figures.year}年度12345热线办理情况`,
    '',
    '| 部门 | 月份 | 首派 | 签收率 | 按时办结率 | 退单率 | 满意率 | 推诿流转率 |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const f of figures.departments) {
    for (const m of [...f.months, f.year]) {
      lines.push(
        `| ${cell(f.name)} | ${m.month ?? '全年'} | ${m.receivedFirst} | ${pct(m.connection)}${mark(m.meets.connection)} | ${pct(m.onTimeRate)}${mark(m.meets.onTime)} | ${pct(m.refusal)} | ${pct(m.satisfaction)}${mark(m.meets.satisfaction)} | ${pct(m.bounce)} |`,
      );
    }
  }
  lines.push(
    '',
    '| 边界事项 | 牵头部门 | 生效时间 | 生效前诉求 | 生效前推诿率 | 生效前签收率 | 生效后诉求 | 生效后推诿率 | 生效后签收率 |',
    '| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |',
  );
  for (const b of figures.boundaryItems) {
    lines.push(
      `| ${cell(b.title)}（${b.id}） | ${cell(b.leadName)} | ${b.since ? cityTime(b.since) : '未记录'} | ${b.before} | ${pct(b.bounceBefore)} | ${pct(b.connectionBefore)} | ${b.after} | ${pct(b.bounceAfter)} | ${pct(b.connectionAfter)} |`,
    );
  }
  return lines.join('\n') + '\n';
}
