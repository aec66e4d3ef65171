import { severity, type Evidence, type Finding } from './findings.js';
import type { Lookup } from './lookup.js';
import type { AnalysisSnapshot } from './snapshot.js';

/**
 * Latent overlaps: power items of different departments in one region whose names are
 * near-duplicates (rarity-weighted Jaccard similarity of their jieba words ≥ 0.7), though no shared matter ties
 * them. Comparing all pairs would be quadratic (a province holds 270,000 items), so MinHash
 * signatures with locality-sensitive hashing (10 bands of 3 rows) propose candidate pairs and
 * only those are compared exactly. City and county items never meet: they are in different
 * regions, and a county mirroring the city is the lists working as meant.
 */
export const LATENT_THRESHOLD = 0.7;
const BANDS = 10;
const ROWS = 3;
/** Words in more than this share of a region's items are boilerplate (行政处罚, 监督检查). */
const BOILERPLATE_SHARE = 0.05;
const QUOTED = 10;

type Item = AnalysisSnapshot['powerItems'][number];

/** 32-bit FNV-1a of a string, mixed with a seed: one of the MinHash permutations. */
function hash(text: string, seed: number): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  h ^= h >>> 15;
  return Math.imul(h, 0x2c1b3c6d) >>> 0;
}

function minHash(words: Set<string>): number[] {
  const signature: number[] = [];
  for (let seed = 1; seed <= BANDS * ROWS; seed++) {
    let min = 0xffffffff;
    for (const word of words) min = Math.min(min, hash(word, seed * 0x9e3779b1));
    signature.push(min);
  }
  return signature;
}

/**
 * Jaccard similarity with each word weighted by its rarity (inverse document frequency): two
 * items sharing the legal boilerplate of an offence (伪造、涂改、出租、出借许可证件) but naming
 * different subjects (餐饮服务经营者, 缴存单位) are not duplicates.
 */
export function weightedJaccard(a: Set<string>, b: Set<string>, weight: (word: string) => number): number {
  let shared = 0;
  let union = 0;
  for (const word of a) {
    const w = weight(word);
    union += w;
    if (b.has(word)) shared += w;
  }
  for (const word of b) if (!a.has(word)) union += weight(word);
  return union > 0 ? shared / union : 0;
}

/** The words of each item's name, boilerplate of its region left out, and each word's rarity. */
export function itemWords(items: Item[], wordsOf: (name: string) => string[]): { words: Map<string, Set<string>>; idf: (word: string) => number } {
  const words = new Map(items.map((item) => [item.code, new Set(wordsOf(item.name))]));
  const frequency = new Map<string, number>();
  for (const set of words.values()) for (const word of set) frequency.set(word, (frequency.get(word) ?? 0) + 1);
  const limit = Math.max(2, items.length * BOILERPLATE_SHARE);
  for (const set of words.values()) for (const word of set) if (frequency.get(word)! > limit) set.delete(word);
  return { words, idf: (word) => Math.log(1 + items.length / (frequency.get(word) ?? 1)) };
}

/** Candidate pairs sharing a band of their signatures, each pair once. */
function candidatePairs(items: Item[], words: Map<string, Set<string>>): [Item, Item][] {
  const buckets = new Map<string, Item[]>();
  for (const item of items) {
    const set = words.get(item.code)!;
    if (set.size < 2) continue;
    const signature = minHash(set);
    for (let band = 0; band < BANDS; band++) {
      const key = `${band}:${signature.slice(band * ROWS, band * ROWS + ROWS).join(',')}`;
      if (!buckets.has(key)) buckets.set(key, []);
      buckets.get(key)!.push(item);
    }
  }
  const seen = new Set<string>();
  const pairs: [Item, Item][] = [];
  for (const bucket of buckets.values()) {
    for (let i = 0; i < bucket.length; i++) {
      for (let j = i + 1; j < bucket.length; j++) {
        const [a, b] = [bucket[i]!, bucket[j]!];
        if (a.department === b.department) continue;
        const key = a.code < b.code ? `${a.code}|${b.code}` : `${b.code}|${a.code}`;
        if (seen.has(key)) continue;
        seen.add(key);
        pairs.push([a, b]);
      }
    }
  }
  return pairs;
}

export function findLatentOverlaps(snapshot: AnalysisSnapshot, lookup: Lookup): Finding[] {
  const byRegion = new Map<string, Item[]>();
  for (const item of snapshot.powerItems) {
    const region = lookup.regionOf(item.department);
    if (region !== null) byRegion.set(region, [...(byRegion.get(region) ?? []), item]);
  }
  const findings: Finding[] = [];
  for (const [region, items] of byRegion) {
    const { words, idf } = itemWords(items, (name) => lookup.wordsOf(name));
    const byDepartments = new Map<string, { a: Item; b: Item; similarity: number }[]>();
    for (const [a, b] of candidatePairs(items, words)) {
      // Items tied by a shared matter are an explicit overlap (or a settled one), not a latent one.
      if (a.matters.some((m) => b.matters.includes(m))) continue;
      const similarity = weightedJaccard(words.get(a.code)!, words.get(b.code)!, idf);
      if (similarity < LATENT_THRESHOLD) continue;
      const [x, y] = a.department < b.department ? [a, b] : [b, a];
      const key = `${x.department}|${y.department}`;
      byDepartments.set(key, [...(byDepartments.get(key) ?? []), { a: x, b: y, similarity }]);
    }
    for (const [key, pairs] of byDepartments) {
      const [da, db] = key.split('|') as [string, string];
      pairs.sort((p, q) => q.similarity - p.similarity || (p.a.code < q.a.code ? -1 : 1));
      findings.push({
        id: `latent-overlap:${region}:${da}:${db}`,
        kind: 'latent-overlap',
        region,
        departments: [lookup.department(da), lookup.department(db)],
        items: pairs.flatMap((p) => [
          { id: p.a.code, name: p.a.name },
          { id: p.b.code, name: p.b.name },
        ]),
        complaints: 0,
        severity: severity((2 * Math.min(3, pairs.length)) / 3 + 1, 0),
        evidence: pairs.slice(0, QUOTED).map((p): Evidence => ({
          kind: 'similarity',
          id: `${p.a.code}~${p.b.code}`,
          text: `“${p.a.name}”与“${p.b.name}”相似度${p.similarity.toFixed(2)}`,
        })),
      });
    }
  }
  return findings;
}
