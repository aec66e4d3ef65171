/**
 * Induced matters: on lists that tag no matters, the subjects that items of different
 * departments share (every department's items on 船舶, on 野生动物, on 预付卡), found from the
 * item names alone, so overlap detection and proposals work on lists as cities publish them.
 * Pure: the caller segments the names (nouns and search terms) and writes the result.
 *
 * A noun anchors a matter when
 * - items of at least two departments of one region name it, and at most a fifth of all
 *   departments do: a noun in every department's list (许可证, 负责人) says how, not what;
 * - at least one pair of those items, of different departments, is alike as a whole (cosine of
 *   their rarity-weighted terms ≥ 0.5): two items that merely both say 名义 do not share a subject.
 * Its members are the items in such pairs (an item that merely names the noun is not on the
 * shared subject). Anchors whose items are mostly the same (one's items 80% inside the other's) make one matter,
 * named by the anchor with most items; a matter whose alike pairs all belong to a larger one
 * already (水域 beside 船舶, both found by the same 渔业船舶/船舶 items) adds nothing and is left out.
 * The id is `induced:` and that name, so a rerun on the same lists finds the same matters, and
 * analysts' decisions (kept on the matter) survive it.
 */

export interface InductionItem {
  id: string;
  department: string;
  region: string;
  /** The nouns of its name (tokenize.ts nouns()): what can anchor a matter. */
  nouns: string[];
  /** Its search terms (tokenize.ts tokenize()): what two items are compared on. */
  terms: string[];
}

export interface InducedMatter {
  id: string;
  name: string;
  /** The anchoring nouns, the name first. */
  words: string[];
  /** Member item ids, sorted. */
  members: string[];
  /** The most alike pair of items of different departments: why the matter exists. */
  evidence: { items: [string, string]; similarity: number };
}

export const INDUCTION = {
  /** Cosine similarity two items of different departments need to show a shared subject. */
  similarity: 0.5,
  /** The largest share of departments one anchor may span (and never fewer than two). */
  maxDepartmentShare: 0.2,
  /** Share of the smaller anchor's items inside the larger one for the two to be one matter. */
  containment: 0.8,
  /** Anchors on more items than this are compared on their first items only (bounded cost). */
  maxCompared: 2000,
};

export const INDUCED_PREFIX = 'induced:';

type Vector = Map<string, number>;

/**
 * Unit vectors of the items' terms, each weighted by its rarity among departments: a term in
 * many departments' lists is how lists are written (直接负责的主管人员, 弄虚作假), not a
 * subject, and must not make two items alike.
 */
function unitVectors(items: InductionItem[]): Map<string, Vector> {
  const departmentsOf = new Map<string, Set<string>>();
  for (const item of items) {
    for (const term of item.terms) {
      if (!departmentsOf.has(term)) departmentsOf.set(term, new Set());
      departmentsOf.get(term)!.add(item.department);
    }
  }
  const departments = new Set(items.map((item) => item.department)).size;
  const vectors = new Map<string, Vector>();
  for (const item of items) {
    const vector: Vector = new Map();
    for (const term of new Set(item.terms)) vector.set(term, Math.log((1 + departments) / departmentsOf.get(term)!.size));
    const norm = Math.sqrt([...vector.values()].reduce((sum, w) => sum + w * w, 0)) || 1;
    for (const [term, w] of vector) vector.set(term, w / norm);
    vectors.set(item.id, vector);
  }
  return vectors;
}

function cosine(a: Vector, b: Vector): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let sum = 0;
  for (const [term, w] of small) sum += w * (large.get(term) ?? 0);
  return sum;
}

interface Anchor {
  word: string;
  members: InductionItem[];
  /** Alike cross-department pairs, as "a|b" keys, and the best of them. */
  pairs: Set<string>;
  best: { items: [string, string]; similarity: number };
}

/** Alike pairs of items of different departments in one region among an anchor's items. */
function alikePairs(members: InductionItem[], vectors: Map<string, Vector>, threshold: number): Pick<Anchor, 'pairs' | 'best'> {
  const pairs = new Set<string>();
  let best: Anchor['best'] = { items: ['', ''], similarity: 0 };
  for (let i = 0; i < members.length; i++) {
    for (let j = i + 1; j < members.length; j++) {
      const [a, b] = [members[i]!, members[j]!];
      if (a.department === b.department || a.region !== b.region) continue;
      const similarity = cosine(vectors.get(a.id)!, vectors.get(b.id)!);
      if (similarity < threshold) continue;
      pairs.add(a.id < b.id ? `${a.id}|${b.id}` : `${b.id}|${a.id}`);
      if (similarity > best.similarity) best = { items: a.id < b.id ? [a.id, b.id] : [b.id, a.id], similarity };
    }
  }
  return { pairs, best };
}

function anchorsOf(items: InductionItem[], options: typeof INDUCTION): Anchor[] {
  const departments = new Set(items.map((item) => item.department)).size;
  const maxSpread = Math.max(2, Math.floor(options.maxDepartmentShare * departments));
  const byNoun = new Map<string, InductionItem[]>();
  for (const item of items) {
    for (const noun of new Set(item.nouns)) {
      if (!byNoun.has(noun)) byNoun.set(noun, []);
      byNoun.get(noun)!.push(item);
    }
  }
  const vectors = unitVectors(items);
  const anchors: Anchor[] = [];
  for (const [word, members] of byNoun) {
    const spread = new Set(members.map((item) => item.department)).size;
    if (spread < 2 || spread > maxSpread) continue;
    const alike = alikePairs(members.slice(0, options.maxCompared), vectors, options.similarity);
    if (alike.pairs.size === 0) continue;
    // Only items alike to another department's item speak of the shared subject: 显著成绩 in a
    // reward for safety (two departments, alike) and in one for science (alone) is not one matter.
    const paired = new Set([...alike.pairs].flatMap((pair) => pair.split('|')));
    anchors.push({ word, members: members.filter((item) => paired.has(item.id)), ...alike });
  }
  // Larger first, then the longer (more specific) word, then by code point: the order decides
  // names and merges, so it must not depend on the order of the input.
  return anchors.sort((a, b) => b.members.length - a.members.length || b.word.length - a.word.length || (a.word < b.word ? -1 : a.word > b.word ? 1 : 0));
}

export function induceMatters(items: InductionItem[], options: typeof INDUCTION = INDUCTION): InducedMatter[] {
  const groups: { words: string[]; members: Set<string>; pairs: Set<string>; best: Anchor['best'] }[] = [];
  for (const anchor of anchorsOf(items, options)) {
    const group = groups.find((g) => {
      let inside = 0;
      for (const item of anchor.members) if (g.members.has(item.id)) inside++;
      return inside >= options.containment * Math.min(anchor.members.length, g.members.size);
    });
    if (group) {
      group.words.push(anchor.word);
      for (const item of anchor.members) group.members.add(item.id);
      for (const pair of anchor.pairs) group.pairs.add(pair);
      if (anchor.best.similarity > group.best.similarity) group.best = anchor.best;
    } else {
      groups.push({ words: [anchor.word], members: new Set(anchor.members.map((item) => item.id)), pairs: new Set(anchor.pairs), best: anchor.best });
    }
  }
  const covered = new Set<string>();
  const matters: InducedMatter[] = [];
  for (const group of groups) {
    const adds = [...group.pairs].some((pair) => !covered.has(pair));
    for (const pair of group.pairs) covered.add(pair);
    if (!adds) continue;
    const name = group.words[0]!;
    matters.push({ id: `${INDUCED_PREFIX}${name}`, name, words: group.words, members: [...group.members].sort(), evidence: group.best });
  }
  return matters;
}

/**
 * The induced matter a complaint is about, if any: the one whose words its text contains, the
 * longest word deciding (预付卡 over 卡), then the matter with fewer members (the more specific).
 */
export function matterOfText(text: string, matters: readonly { id: string; words: string[]; size: number }[]): string | null {
  let best: { id: string; length: number; size: number } | null = null;
  for (const matter of matters) {
    for (const word of matter.words) {
      if (!text.includes(word)) continue;
      if (!best || word.length > best.length || (word.length === best.length && matter.size < best.size)) {
        best = { id: matter.id, length: word.length, size: matter.size };
      }
    }
  }
  return best?.id ?? null;
}
