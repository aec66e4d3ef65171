import type { ComplaintStats } from './complaint-stats.js';
import type { Evidence, Finding, Named } from './findings.js';
import { holdingStrength, type Holding, type Holdings } from './holdings.js';
import type { Lookup } from './lookup.js';
import type { AnalysisSnapshot } from './snapshot.js';

/** A draft boundary item (职责边界清单事项) an analyst may publish. */
export interface Proposal {
  /** proposal:<region>:<matter>, stable across runs. */
  id: string;
  matter: Named;
  region: string;
  lead: Named;
  cooperating: Named[];
  title: string;
  text: string;
  /** 0..1: how clearly the evidence singles out the lead. */
  confidence: number;
  evidence: Evidence[];
  /** The findings this proposal would resolve. */
  findings: string[];
}

const TYPE_NAMES: Record<string, string> = {
  penalty: '行政处罚',
  inspection: '行政检查',
  coercion: '行政强制',
  licensing: '行政许可',
  confirmation: '行政确认',
  benefit: '行政给付',
  levy: '行政征收',
  reward: '行政奖励',
  adjudication: '行政裁决',
  other: '其他',
};
const MAX_COOPERATING = 3;

interface Candidate {
  department: string;
  holding: Holding | undefined;
  taken: number;
  refused: number;
  score: number;
}

/**
 * Scores who should lead: the strength of what a department holds on the matter (penalty and
 * inspection over licensing, scaled to 0..1), plus its share of the complaints taken (×1.5),
 * minus the share of its own routings it refused (×1). Who acts, who answered, who turns away.
 */
function scoreCandidates(region: string, matter: string, holdings: Holdings, stats: ComplaintStats): Candidate[] {
  const held = holdings.get(region)?.get(matter) ?? new Map<string, Holding>();
  const outcomes = stats.outcomes(region, matter);
  const totalTaken = [...outcomes.values()].reduce((sum, o) => sum + o.taken, 0);
  const departments = new Set([...held.keys(), ...[...outcomes].filter(([, o]) => o.taken > 0).map(([d]) => d)]);
  return [...departments]
    .map((department) => {
      const holding = held.get(department);
      const { taken, refused } = outcomes.get(department) ?? { taken: 0, refused: 0 };
      const score =
        (holding ? holdingStrength(holding) / 3 : 0) +
        (totalTaken > 0 ? 1.5 * (taken / totalTaken) : 0) -
        (taken + refused > 0 ? refused / (taken + refused) : 0);
      return { department, holding, taken, refused, score };
    })
    .sort((a, b) => b.score - a.score || (a.department < b.department ? -1 : 1));
}

/** word -> department -> how many of its power items' names use the word. */
type ItemWordIndex = Map<string, Map<string, number>>;

function itemWordIndex(snapshot: AnalysisSnapshot, lookup: Lookup): ItemWordIndex {
  const index: ItemWordIndex = new Map();
  for (const item of snapshot.powerItems) {
    for (const word of new Set(lookup.wordsOf(item.name))) {
      if (!index.has(word)) index.set(word, new Map());
      const byDepartment = index.get(word)!;
      byDepartment.set(item.department, (byDepartment.get(item.department) ?? 0) + 1);
    }
  }
  return index;
}

/**
 * For a matter nobody holds: the departments of the region (or above) whose power items speak of
 * the matter most (shared words of the matter's name and the item names), refusals counting against.
 */
function nearestByText(region: string, matter: string, words: ItemWordIndex, lookup: Lookup, stats: ComplaintStats): Candidate[] {
  const chain = new Set(lookup.chains.get(region) ?? [region]);
  const scores = new Map<string, number>();
  for (const word of new Set(lookup.wordsOf(lookup.matter(matter).name))) {
    for (const [department, n] of words.get(word) ?? []) {
      if (chain.has(lookup.regionOf(department) ?? '')) scores.set(department, (scores.get(department) ?? 0) + n);
    }
  }
  const outcomes = stats.outcomes(region, matter);
  const best = Math.max(1, ...scores.values());
  return [...scores]
    .map(([department, s]) => {
      const { taken, refused } = outcomes.get(department) ?? { taken: 0, refused: 0 };
      return { department, holding: undefined, taken, refused, score: s / best - 0.2 * Math.min(1, refused / 10) };
    })
    .sort((a, b) => b.score - a.score || (a.department < b.department ? -1 : 1));
}

function reasons(lead: Candidate, matterName: string, lookup: Lookup): string {
  const parts: string[] = [];
  const items = lead.holding?.items ?? [];
  if (items.length > 0) {
    const types = [...new Set(items.map((i) => TYPE_NAMES[i.type] ?? i.type))].join('、');
    parts.push(`持有${items.length}项“${matterName}”相关权责事项（${types}）`);
  } else if (lead.holding && lead.holding.tasks.length > 0) {
    parts.push(`承担${lead.holding.tasks.length}项相关职责任务`);
  } else {
    parts.push('其权责事项与该事项内容最为相近');
  }
  if (lead.taken > 0) parts.push(`办理该类诉求${lead.taken}件`);
  if (lead.refused > 0) parts.push(`退回${lead.refused}件`);
  return `${lookup.department(lead.department).name}${parts.join('，')}。`;
}

/** One proposal per district-matter that an overlap, orphan matter or bounce hotspot points at. */
export function proposeBoundaryItems(findings: Finding[], holdings: Holdings, stats: ComplaintStats, snapshot: AnalysisSnapshot, lookup: Lookup): Proposal[] {
  const targets = new Map<string, { region: string; matter: string; findings: string[] }>();
  for (const finding of findings) {
    if (!['overlap', 'orphan-matter', 'bounce-hotspot'].includes(finding.kind) || !finding.matter || finding.region === null) continue;
    const key = `${finding.region}|${finding.matter.id}`;
    const target = targets.get(key) ?? { region: finding.region, matter: finding.matter.id, findings: [] };
    target.findings.push(finding.id);
    targets.set(key, target);
  }
  const proposals: Proposal[] = [];
  let words: ItemWordIndex | undefined;
  for (const { region, matter, findings: resolves } of targets.values()) {
    let candidates = scoreCandidates(region, matter, holdings, stats);
    const orphan = candidates.every((c) => !c.holding);
    if (orphan) candidates = nearestByText(region, matter, (words ??= itemWordIndex(snapshot, lookup)), lookup, stats);
    const [lead, ...others] = candidates;
    if (!lead) continue;
    const cooperating = others.filter((c) => c.holding).slice(0, MAX_COOPERATING);
    const margin = others[0] ? Math.max(0, Math.min(1, (lead.score - others[0].score) / Math.max(lead.score, 1e-9))) : 1;
    const matterName = lookup.matter(matter).name;
    const regionName = lookup.regionName(region);
    const leadName = lookup.department(lead.department).name;
    const coopText = cooperating.length > 0 ? `；${cooperating.map((c) => lookup.department(c.department).name).join('、')}按照各自职责配合` : '';
    proposals.push({
      id: `proposal:${region}:${matter}`,
      matter: lookup.matter(matter),
      region,
      lead: lookup.department(lead.department),
      cooperating: cooperating.map((c) => lookup.department(c.department)),
      title: `${regionName}${matterName}职责边界（建议稿）`,
      text: `${regionName}范围内${matterName}的监督管理和诉求办理由${leadName}牵头负责${coopText}。牵头理由：${reasons(lead, matterName, lookup)}`,
      confidence: Math.round((orphan ? 0.3 * margin : 0.4 + 0.6 * margin) * 100) / 100,
      evidence: [
        ...(lead.holding?.items ?? []).slice(0, 5).map((i): Evidence => ({ kind: 'power-item', id: i.code, text: i.name })),
        ...candidates.slice(0, 4).map((c): Evidence => ({
          kind: 'routing',
          id: c.department,
          text: `${lookup.department(c.department).name}：评分${c.score.toFixed(2)}，办理${c.taken}件，退回${c.refused}件`,
        })),
      ],
      findings: resolves,
    });
  }
  return proposals.sort((a, b) => (a.id < b.id ? -1 : 1));
}
