import type { DispatchIndex, KeywordEntry, Outcomes } from './build-index.js';
import { addScores } from './bm25.js';
import { normalizeText, tokenizeNormalized } from '../text/tokenize.js';
import { nearestBoundaryItem } from '../model/regions.js';
import { complaintFeatures, officeByVotes, rankByText, TEXT_DEFAULTS, textEvidence, ticketEvidence, type TextOptions } from './by-text.js';
import { featuresOf } from '../text/features.js';

/**
 * Answers "which department owns this complaint" (docs/dispatch.md): finds the matter the text
 * is about, then lets the structure decide: a published boundary item for the matter in the
 * district (or an enclosing region) names the lead; otherwise the office with the strongest
 * duties on it, history breaking near ties, through its department nearest the district;
 * otherwise nobody, and the coordinator takes it. Pure.
 */

export const DISPATCH_STATUSES = ['assigned', 'unassigned'] as const;
export const DISPATCH_VIAS = ['boundary-item', 'power-item', 'task', 'history', 'coordinator'] as const;

export interface DispatchAnswer {
  status: (typeof DISPATCH_STATUSES)[number];
  lead: { id: string; name: string } | null;
  cooperating: { id: string; name: string }[];
  matter: { id: string; name: string } | null;
  confidence: number;
  via: (typeof DISPATCH_VIAS)[number];
  evidence: { id: string; text: string }[];
  candidates: { id: string; name: string; score: number }[];
}

const DISPATCH_DEFAULTS = {
  keywordBonus: 2.5,
  /** Weight of a list word the lexicon adds for an everyday word the text says. */
  lexiconWeight: 0.7,
  /** Below this matter score the text says too little to name an owner. */
  minScore: 2.5,
  /** Below this confidence the answer is "unassigned" with the candidates. */
  minConfidence: 0.35,
  /** Below this probability a department read from the texts alone is not named (unassigned). */
  minTextConfidence: 0.2,
  /**
   * A matter-road answer less sure than `below` (not a boundary item's) gives way when naive
   * Bayes over past tickets names another office with at least `probability` (chosen reading
   * eval:dispatch's generated complaints, where every such answer was right: docs/dispatch.md).
   */
  historyOverrule: { below: 0.65, probability: 0.5 },
  text: TEXT_DEFAULTS as TextOptions,
};
export type DispatchOptions = typeof DISPATCH_DEFAULTS;

/** A complaint ready for matching: normalized, region names out, segmented once. */
interface Query {
  normalized: string;
  words: string[];
}

function prepareQuery(index: DispatchIndex, text: string): Query {
  let normalized = normalizeText(text);
  for (const name of index.regionNames) if (normalized.includes(name)) normalized = normalized.split(name).join('，');
  return { normalized, words: tokenizeNormalized(normalized) };
}

interface Owner {
  lead: string;
  cooperating: string[];
  via: DispatchAnswer['via'];
  /** 1 when one department clearly owns the matter, down to 0.7 when a rival holds as much. */
  certainty: number;
  evidence: DispatchAnswer['evidence'];
}

/** Most characters a text may put between two characters of a keyword it abbreviates or spells out. */
const MAX_GAP = 2;

/**
 * True when `text` holds the characters of a short keyword in order with small gaps: Chinese
 * abbreviations keep one character of each word (违建 for 违法建设, 黑臭 for 发黑发臭, 医保 for
 * 医疗保险), so a keyword and a citizen's longer wording (or the reverse) share them in order.
 */
export function abbreviates(keyword: string, text: string): boolean {
  for (let start = text.indexOf(keyword[0]!); start >= 0; start = text.indexOf(keyword[0]!, start + 1)) {
    if (abbreviatesAt(keyword, text, start)) return true;
  }
  return false;
}

/** abbreviates() for the occurrence of the keyword's first character at `start`. */
function abbreviatesAt(keyword: string, text: string, start: number): boolean {
  if (keyword.length > 4) return false;
  let at = start;
  for (let i = 1; i < keyword.length; i++) {
    // The next character within MAX_GAP of the last: looked for there only, not in the whole text.
    const character = keyword.charCodeAt(i);
    const last = Math.min(text.length - 1, at + 1 + MAX_GAP);
    let next = at + 1;
    while (next <= last && text.charCodeAt(next) !== character) next++;
    if (next > last) return false;
    at = next;
  }
  return true;
}

/** What a keyword typed with one slip earns, beside one said right. */
const MISSPELT_SHARE = 0.8;

/**
 * True when the text at `start` says the keyword with one typing or speech-to-text slip: two
 * neighbouring characters swapped (营执业照), or one left out (营业照, for keywords of three
 * characters or more).
 */
export function misspeltAt(keyword: string, text: string, start: number): boolean {
  const n = keyword.length;
  let j = 0;
  while (j < n && text[start + j] === keyword[j]) j++;
  if (j === n) return false;
  const swapped = j + 1 < n && text[start + j] === keyword[j + 1] && text[start + j + 1] === keyword[j] && restMatches(keyword, j + 2, text, start + j + 2);
  return swapped || (n >= 3 && j + 1 < n && restMatches(keyword, j + 1, text, start + j));
}

/** True when the keyword from `from` on is in the text at `at`. */
function restMatches(keyword: string, from: number, text: string, at: number): boolean {
  for (let k = from; k < keyword.length; k++) if (text[at + k - from] !== keyword[k]) return false;
  return true;
}

/**
 * Matters ranked by how well the text matches them: BM25 over the words of the lists (and the
 * list words the lexicon gives for everyday words the text says) plus a bonus for each of the
 * matter's keywords the text says verbatim or abbreviated. Region names are taken out first:
 * they say where, not what.
 */
export function rankMatters(index: DispatchIndex, text: string, options: DispatchOptions = DISPATCH_DEFAULTS): { id: string; score: number }[] {
  return rankMattersOf(index, prepareQuery(index, text), options);
}

function rankMattersOf(index: DispatchIndex, { normalized, words }: Query, options: DispatchOptions, limit = Infinity): { id: string; score: number }[] {
  const query = new Map<string, number>();
  for (const term of words) query.set(term, 1);
  for (const term of words) {
    const listTerms = index.expansions.get(term);
    if (listTerms) for (const listTerm of listTerms) if (!query.has(listTerm)) query.set(listTerm, options.lexiconWeight);
  }
  const scores = matterScores(index.words.documents.length);
  addScores(index.words, query, scores);
  // Each keyword counts once; matching comes first (most keywords near a character do not match).
  let credited: Set<KeywordEntry> | undefined;
  for (let i = 0; i < normalized.length; i++) {
    const entries = index.keywordsByCharacter.get(normalized.charCodeAt(i));
    if (!entries) continue;
    for (const entry of entries.first) {
      const exact = normalized.startsWith(entry.keyword, i) || abbreviatesAt(entry.keyword, normalized, i);
      if (!exact && !misspeltAt(entry.keyword, normalized, i)) continue;
      if ((credited ??= new Set()).has(entry)) continue;
      credited.add(entry);
      scores[entry.at] = scores[entry.at]! + options.keywordBonus * (exact ? 1 : MISSPELT_SHARE);
    }
    for (const entry of entries.second) {
      if (!misspeltAt(entry.keyword, normalized, i) || (credited ??= new Set()).has(entry)) continue;
      credited.add(entry);
      scores[entry.at] = scores[entry.at]! + options.keywordBonus * MISSPELT_SHARE;
    }
  }
  return best(scores, index.words.documents, limit);
}

/**
 * One array of matter scores for every lookup, zeroed each time: a new typed array a lookup cost
 * more than the scoring itself. Lookups are synchronous, and the ranking is read before the next.
 */
let scoreBuffer = new Float64Array(64);
function matterScores(matters: number): Float64Array {
  if (scoreBuffer.length < matters) scoreBuffer = new Float64Array(2 * matters);
  const scores = scoreBuffer.subarray(0, matters);
  scores.fill(0);
  return scores;
}

const byScore = (a: { id: string; score: number }, b: { id: string; score: number }) => b.score - a.score || (a.id < b.id ? -1 : 1);

/** The `limit` best positive scores (of documents by number), best first; a lookup needs five. */
function best(scores: Float64Array, documents: string[], limit: number): { id: string; score: number }[] {
  const kept: { id: string; score: number }[] = [];
  for (let document = 0; document < scores.length; document++) {
    const score = scores[document]!;
    if (score <= 0) continue;
    const entry = { id: documents[document]!, score };
    if (kept.length === limit && byScore(entry, kept[limit - 1]!) >= 0) continue;
    let at = kept.length === limit ? limit - 1 : kept.length;
    while (at > 0 && byScore(entry, kept[at - 1]!) < 0) {
      kept[at] = kept[at - 1]!;
      at--;
    }
    kept[at] = entry;
  }
  return kept;
}

/** A function (an office at every level) competing to own a matter in one district. */
interface Contender {
  fn: string;
  /** Its strongest holding on the matter among the regions in view. */
  weight: number;
  outcomes: Outcomes;
  /** weight scaled by how often it took the matter's complaints (0.5 with no history). */
  score: number;
}

/** Share of routed complaints taken, smoothed so that no history counts as an even chance. */
const takeRate = (o: Outcomes) => (o.taken + 1) / (o.taken + o.refused + 2);

/**
 * The department of function `fn` that should act in the district: the nearest region (district
 * first, then up) where a department of that function holds duties on the matter.
 */
function localize(index: DispatchIndex, fn: string, matter: string, regions: string[]): string | undefined {
  const holders = index.holders.get(matter);
  for (const region of regions) {
    for (const department of holders?.keys() ?? []) {
      if (index.functionOf.get(department) === fn && index.departments.get(department)?.region === region) return department;
    }
  }
  return undefined;
}

/** Regions in view: the district and its ancestors; without one, all regions, top of the lists first. */
function regionsInView(index: DispatchIndex, district: string | undefined): string[] {
  if (district) return index.regionChain.get(district) ?? [];
  const depth = (region: string) => index.regionChain.get(region)?.length ?? 0;
  return [...index.regionChain.keys()].sort((a, b) => depth(a) - depth(b) || (a < b ? -1 : 1));
}

/** The functions holding the matter in view, strongest first (history breaks structural ties). */
function contenders(index: DispatchIndex, matter: string, regions: string[]): Contender[] {
  const inView = new Set(regions);
  const byFunction = new Map<string, Contender>();
  for (const [department, holding] of index.holders.get(matter) ?? []) {
    if (!inView.has(index.departments.get(department)?.region ?? '')) continue;
    const fn = index.functionOf.get(department) ?? department;
    const contender = byFunction.get(fn) ?? { fn, weight: 0, outcomes: { taken: 0, refused: 0 }, score: 0 };
    contender.weight = Math.max(contender.weight, holding.weight);
    byFunction.set(fn, contender);
  }
  for (const [department, outcomes] of index.history.get(matter) ?? []) {
    if (!inView.has(index.departments.get(department)?.region ?? '')) continue;
    const contender = byFunction.get(index.functionOf.get(department) ?? department);
    if (!contender) continue;
    contender.outcomes.taken += outcomes.taken;
    contender.outcomes.refused += outcomes.refused;
  }
  for (const contender of byFunction.values()) contender.score = contender.weight * takeRate(contender.outcomes);
  return [...byFunction.values()].sort((a, b) => b.score - a.score || b.weight - a.weight || (a.fn < b.fn ? -1 : 1));
}

function historyEvidence(index: DispatchIndex, matter: string, contender: Contender): DispatchAnswer['evidence'][number] {
  const { taken, refused } = contender.outcomes;
  const name = index.matters.get(matter)?.name ?? matter;
  return { id: `history:${matter}:${contender.fn}`, text: `“${name}”类诉求派往该部门${taken + refused}次，办理${taken}次，退回或拒收${refused}次` };
}

/**
 * Who owns `matter` in `district` (or, without one, at the top of the lists). A published
 * boundary item for the district or an enclosing region decides; otherwise the function with the
 * strongest duties on the matter (penalty and inspection over licensing), history breaking near
 * ties, acts through its department nearest to the district.
 */
function resolveOwner(index: DispatchIndex, matter: string, district: string | undefined): Owner | undefined {
  // An owner depends on the matter and the district only: worked out once per index.
  let byMatter = ownerCache.get(index);
  if (!byMatter) ownerCache.set(index, (byMatter = new Map()));
  let byDistrict = byMatter.get(matter);
  if (!byDistrict) byMatter.set(matter, (byDistrict = new Map()));
  const key = district ?? '';
  if (!byDistrict.has(key)) byDistrict.set(key, workOutOwner(index, matter, district));
  return byDistrict.get(key);
}

/** index -> matter -> district ('' for none) -> owner. */
const ownerCache = new WeakMap<DispatchIndex, Map<string, Map<string, Owner | undefined>>>();

function workOutOwner(index: DispatchIndex, matter: string, district: string | undefined): Owner | undefined {
  const regions = regionsInView(index, district);
  const boundary = nearestBoundaryItem(index.boundaries.get(matter) ?? [], regions);
  const local = (department: string) => localize(index, index.functionOf.get(department) ?? department, matter, regions) ?? department;
  if (boundary) {
    return {
      lead: local(boundary.lead),
      cooperating: boundary.cooperating.map(local),
      via: 'boundary-item',
      certainty: 1,
      evidence: [{ id: boundary.id, text: boundary.text ?? boundary.title }],
    };
  }
  const ranked = contenders(index, matter, regions);
  const best = ranked[0];
  if (!best) return undefined;
  const lead = localize(index, best.fn, matter, regions)!;
  const structural = [...ranked].sort((a, b) => b.weight - a.weight || (a.fn < b.fn ? -1 : 1))[0]!;
  const byHistory = structural.fn !== best.fn;
  const holding = index.holders.get(matter)!.get(lead)!;
  const evidence = holding.items.slice(0, 5).map((item) => ({ id: item.code, text: item.name }));
  if (byHistory || best.outcomes.taken + best.outcomes.refused > 0) evidence.push(historyEvidence(index, matter, best));
  const runnerUp = ranked[1]?.score ?? 0;
  return {
    lead,
    cooperating: ranked.slice(1).map((c) => localize(index, c.fn, matter, regions)!),
    via: byHistory ? 'history' : holding.items.length > 0 ? 'power-item' : 'task',
    certainty: 1 - 0.3 * (runnerUp / best.score),
    evidence,
  };
}

const named = (index: DispatchIndex, id: string) => ({ id, name: index.departments.get(id)?.name ?? id });

/**
 * "In addition" after a sentence or clause: what follows is a second matter the caller raises
 * in passing (另外, 此外, 顺便问一下, 还有一个问题). Callers state the matter they called about first.
 */
const SECOND_TOPIC = /[。；;！!？?，,]\s*(?:另外|此外|顺便(?:说|问|反映)?一下|还有一(?:个|件)(?:问题|事)|另一个问题|再一个)/;

/** The text before a second topic, if the call raises one (and says something before it). */
export function firstTopic(text: string): string | undefined {
  const at = text.search(SECOND_TOPIC);
  return at >= 4 ? text.slice(0, at) : undefined;
}

/**
 * Dispatches one complaint text, optionally with the district (region code) it came from. A
 * call with a second topic is dispatched on its first (the second would need its own ticket);
 * only when the first says nothing a list owns does the whole text decide.
 */
export function dispatch(index: DispatchIndex, text: string, district?: string, options: DispatchOptions = DISPATCH_DEFAULTS): DispatchAnswer {
  const first = firstTopic(text);
  if (first !== undefined) {
    const answer = dispatchTopic(index, first, district, options);
    if (answer.evidence[0]?.id !== WEAK_MATCH) return answer;
  }
  return dispatchTopic(index, text, district, options);
}

/** Evidence id of an answer "unassigned" because the text matched nothing well enough. */
const WEAK_MATCH = 'weak-match';

function dispatchTopic(index: DispatchIndex, text: string, district: string | undefined, options: DispatchOptions): DispatchAnswer {
  const knownDistrict = district && index.regionChain.has(district) ? district : undefined;
  const query = prepareQuery(index, text);
  const ranked = rankMattersOf(index, query, options, 5);
  // Each likely matter proposes its owner (at the matter's score) and the other holders (at half).
  const owners = ranked.map(({ id }) => resolveOwner(index, id, knownDistrict));
  const best = ranked[0];
  const second = ranked[1]?.score ?? 0;
  const matterConfidence = best ? Math.min(1, best.score / (options.minScore * 2)) * (best.score / (best.score + second)) : 0;
  const owner = owners[0];
  const matter = best ? { id: best.id, name: index.matters.get(best.id)!.name } : null;
  const clearMatter = best !== undefined && best.score >= options.minScore && matterConfidence >= options.minConfidence;
  if (clearMatter && owner) {
    const confidence = round(matterConfidence * owner.certainty);
    // The lists' structure guessed between close holders: past complaints like this one may know
    // better. Never against a boundary item, which is the city's own word.
    if (owner.via !== 'boundary-item' && index.pastTickets && confidence < options.historyOverrule.below) {
      const overruled = overruleByHistory(index, query, knownDistrict, owner, options);
      if (overruled) return { ...overruled, matter };
    }
    return {
      status: 'assigned',
      lead: named(index, owner.lead),
      cooperating: owner.cooperating.map((c) => named(index, c)),
      matter,
      confidence,
      via: owner.via,
      evidence: owner.evidence.map((e) => ({ ...e })),
      candidates: matterCandidates(index, ranked, owners),
    };
  }
  if (clearMatter) {
    // A matter the text names clearly and nobody holds: a finding for the analysts, not a guess.
    const why = { id: best.id, text: `清单中没有部门对“${matter!.name}”承担权责事项或职责任务` };
    return unassigned(index, knownDistrict, matter, matterConfidence, why, matterCandidates(index, ranked, owners));
  }
  return dispatchByText(index, query, knownDistrict, options);
}

/**
 * A matter-road owner that past complaints like this one contradict: naive Bayes over the
 * tickets' words names another office with a probability of at least `historyOverrule.probability`.
 */
function overruleByHistory(
  index: DispatchIndex,
  query: Query,
  district: string | undefined,
  owner: Owner,
  options: DispatchOptions,
): DispatchAnswer | undefined {
  const features = featuresOf(query.normalized, query.words);
  const vote = officeByVotes(index, features, regionsInView(index, district));
  const ownerOffice = index.functionOf.get(owner.lead) ?? owner.lead;
  if (!vote || vote.probability < options.historyOverrule.probability || (index.functionOf.get(vote.department) ?? vote.department) === ownerOffice)
    return undefined;
  return {
    status: 'assigned',
    lead: named(index, vote.department),
    cooperating: [],
    matter: null,
    confidence: round(vote.probability),
    via: 'history',
    evidence: [
      {
        id: `history:${vote.department}`,
        text: `相似的历史诉求多由该部门办理（${round(vote.probability)}），而非清单结构推定的${named(index, owner.lead).name}`,
      },
      ...ticketEvidence(index, vote.department, features),
    ],
    candidates: [named(index, vote.department), named(index, owner.lead)].map((d, i) => ({
      ...d,
      score: round(i === 0 ? vote.probability : 1 - vote.probability),
    })),
  };
}

/** No tagged matter explains the text: the lists' words and the hotline's history decide, or nobody. */
function dispatchByText(index: DispatchIndex, query: Query, district: string | undefined, options: DispatchOptions): DispatchAnswer {
  const features = complaintFeatures(index, query.normalized, query.words, options.text);
  const ranking = rankByText(index, features, regionsInView(index, district), options.text);
  const { ranked, listsWinner } = ranking;
  const candidates = ranked.slice(0, 5).map((r) => ({ ...named(index, r.department), score: round(r.probability) }));
  const best = ranked[0];
  if (!best || best.probability < options.minTextConfidence) {
    const why = { id: WEAK_MATCH, text: `诉求内容与清单事项和历史诉求的匹配不足以确定责任部门（把握${round(best?.probability ?? 0)}）` };
    return unassigned(index, district, null, best?.probability ?? 0, why, candidates);
  }
  const byHistory = best.department !== listsWinner || best.list === 0;
  const { evidence, nearestKind } = textEvidence(index, ranking, best.department, features, best.history > 0);
  return {
    status: 'assigned',
    lead: named(index, best.department),
    cooperating: [],
    matter: null,
    confidence: round(best.probability),
    via: byHistory ? 'history' : nearestKind === 'task' ? 'task' : 'power-item',
    evidence,
    candidates,
  };
}

function unassigned(
  index: DispatchIndex,
  district: string | undefined,
  matter: DispatchAnswer['matter'],
  confidence: number,
  why: DispatchAnswer['evidence'][number],
  candidates: DispatchAnswer['candidates'],
): DispatchAnswer {
  const chain = district ? index.regionChain.get(district)! : [...index.coordinators.keys()];
  const coordinator = chain.map((r) => index.coordinators.get(r)).find((c) => c !== undefined);
  return {
    status: 'unassigned',
    lead: coordinator ? named(index, coordinator) : null,
    cooperating: [],
    matter,
    confidence: round(confidence),
    via: 'coordinator',
    evidence: [why],
    candidates,
  };
}

function matterCandidates(index: DispatchIndex, ranked: { id: string; score: number }[], owners: (Owner | undefined)[]): DispatchAnswer['candidates'] {
  const scores = new Map<string, number>();
  const propose = (department: string, score: number) => scores.set(department, Math.max(scores.get(department) ?? 0, score));
  ranked.forEach(({ score }, i) => {
    const owner = owners[i];
    if (!owner) return;
    propose(owner.lead, score * owner.certainty);
    for (const other of owner.cooperating) propose(other, score / 2);
  });
  return [...scores]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, 5)
    .map(([id, score]) => ({ id, name: index.departments.get(id)?.name ?? id, score: round(score) }));
}

const round = (n: number) => Math.round(n * 100) / 100;
