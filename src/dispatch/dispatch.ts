import type { DispatchIndex, Holding } from './build-index.js';
import { normalizeText, tokenize } from './tokenize.js';

/**
 * Answers "which department owns this complaint": finds the matter the text is about (BM25 over
 * the matters' term bags, plus a bonus for each of the matter's keywords found verbatim), then
 * lets the structure decide: a published boundary item for the matter in the district (or an
 * enclosing region) names the lead; otherwise the department of the nearest region that holds
 * the strongest duties on it; otherwise nobody, and the coordinator takes it. Pure.
 */

export interface DispatchAnswer {
  status: 'assigned' | 'unassigned';
  lead: { id: string; name: string } | null;
  cooperating: { id: string; name: string }[];
  matter: { id: string; name: string } | null;
  confidence: number;
  via: 'boundary-item' | 'power-item' | 'task' | 'coordinator';
  evidence: { id: string; text: string }[];
  candidates: { id: string; name: string; score: number }[];
}

export const DISPATCH_DEFAULTS = {
  k1: 1.2,
  b: 0.75,
  keywordBonus: 2.5,
  /** Below this matter score the text says too little to name an owner. */
  minScore: 2.5,
  /** Below this confidence the answer is "unassigned" with the candidates. */
  minConfidence: 0.35,
};
export type DispatchOptions = typeof DISPATCH_DEFAULTS;

interface Owner {
  lead: string;
  cooperating: string[];
  via: DispatchAnswer['via'];
  evidence: DispatchAnswer['evidence'];
}

/** Matters ranked by how well the text matches them. */
export function rankMatters(index: DispatchIndex, text: string, options: DispatchOptions = DISPATCH_DEFAULTS): { id: string; score: number }[] {
  const terms = [...new Set(tokenize(text))];
  const normalized = normalizeText(text);
  const ranked: { id: string; score: number }[] = [];
  for (const matter of index.matters.values()) {
    let score = 0;
    for (const term of terms) {
      const tf = matter.terms.get(term);
      if (!tf) continue;
      const norm = options.k1 * (1 - options.b + (options.b * matter.length) / index.averageLength);
      score += (index.idf.get(term) ?? 0) * ((tf * (options.k1 + 1)) / (tf + norm));
    }
    for (const keyword of matter.keywords) if (keyword.length >= 2 && normalized.includes(keyword)) score += options.keywordBonus;
    if (score > 0) ranked.push({ id: matter.id, score });
  }
  return ranked.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1));
}

function strongest(holdings: [string, Holding][]): [string, Holding] | undefined {
  return [...holdings].sort((a, b) => b[1].weight - a[1].weight || (a[0] < b[0] ? -1 : 1))[0];
}

/** The departments of `region` that mirror the given department's items (a city lead's county twin). */
function countyTwin(index: DispatchIndex, department: string, region: string, matter: string): string | undefined {
  const holders = index.holders.get(matter);
  const twins = new Set<string>();
  for (const code of index.itemsOfDepartment.get(department) ?? []) {
    for (const mirror of index.mirrorHolders.get(code) ?? []) if (mirror.region === region && holders?.has(mirror.department)) twins.add(mirror.department);
  }
  return twins.size === 1 ? [...twins][0] : undefined;
}

/** Who owns `matter` in `district` (or, without one, at the top of the lists). */
export function resolveOwner(index: DispatchIndex, matter: string, district: string | undefined): Owner | undefined {
  const chain = district ? (index.regionChain.get(district) ?? []) : [];
  const inChain = (region: string | undefined) => region === undefined || chain.length === 0 || chain.includes(region);
  const boundary = (index.boundaries.get(matter) ?? [])
    .filter((b) => inChain(b.region))
    .sort((a, b) => (a.region ? chain.indexOf(a.region) : chain.length) - (b.region ? chain.indexOf(b.region) : chain.length))[0];
  if (boundary) {
    const leadRegion = index.departments.get(boundary.lead)?.region;
    const twin = district && leadRegion !== district ? countyTwin(index, boundary.lead, district, matter) : undefined;
    const cooperating = twin ? boundary.cooperating.map((c) => countyTwin(index, c, district!, matter) ?? c) : boundary.cooperating;
    return { lead: twin ?? boundary.lead, cooperating, via: 'boundary-item', evidence: [{ id: boundary.id, text: boundary.text ?? boundary.title }] };
  }
  const holdings = [...(index.holders.get(matter) ?? new Map<string, Holding>())];
  if (holdings.length === 0) return undefined;
  // Without a district, the top of the lists first: regions with the fewest ancestors.
  const depth = (region: string) => index.regionChain.get(region)?.length ?? 0;
  const regions = chain.length > 0 ? chain : [...new Set(holdings.map(([d]) => index.departments.get(d)?.region ?? ''))].sort((a, b) => depth(a) - depth(b));
  for (const region of regions) {
    const local = holdings.filter(([d]) => index.departments.get(d)?.region === region);
    const best = strongest(local);
    if (!best) continue;
    const [lead, holding] = best;
    return {
      lead, cooperating: local.filter(([d]) => d !== lead).map(([d]) => d),
      via: holding.items.length > 0 ? 'power-item' : 'task',
      evidence: holding.items.slice(0, 5).map((item) => ({ id: item.code, text: item.name })),
    };
  }
  return undefined;
}

const named = (index: DispatchIndex, id: string) => ({ id, name: index.departments.get(id)?.name ?? id });

/** Dispatches one complaint text, optionally with the district (region code) it came from. */
export function dispatch(index: DispatchIndex, text: string, district?: string, options: DispatchOptions = DISPATCH_DEFAULTS): DispatchAnswer {
  const knownDistrict = district && index.regionChain.has(district) ? district : undefined;
  const ranked = rankMatters(index, text, options).slice(0, 5);
  const scores = new Map<string, number>();
  for (const { id, score } of ranked) {
    const owner = resolveOwner(index, id, knownDistrict);
    if (owner) scores.set(owner.lead, Math.max(scores.get(owner.lead) ?? 0, score));
  }
  const candidates = [...scores].sort((a, b) => b[1] - a[1]).slice(0, 5).map(([id, score]) => ({ ...named(index, id), score: Math.round(score * 100) / 100 }));
  const best = ranked[0];
  const second = ranked[1]?.score ?? 0;
  const confidence = best ? Math.min(1, best.score / (options.minScore * 2)) * (best.score / (best.score + second)) : 0;
  const owner = best ? resolveOwner(index, best.id, knownDistrict) : undefined;
  const matter = best ? { id: best.id, name: index.matters.get(best.id)!.name } : null;
  if (!best || !owner || best.score < options.minScore || confidence < options.minConfidence) {
    const chain = knownDistrict ? index.regionChain.get(knownDistrict)! : [...index.coordinators.keys()];
    const coordinator = chain.map((r) => index.coordinators.get(r)).find((c) => c !== undefined);
    return {
      status: 'unassigned', lead: coordinator ? named(index, coordinator) : null, cooperating: [], matter,
      confidence: Math.round(confidence * 100) / 100, via: 'coordinator', evidence: [], candidates,
    };
  }
  return {
    status: 'assigned', lead: named(index, owner.lead), cooperating: owner.cooperating.map((c) => named(index, c)), matter,
    confidence: Math.round(confidence * 100) / 100, via: owner.via, evidence: owner.evidence, candidates,
  };
}
