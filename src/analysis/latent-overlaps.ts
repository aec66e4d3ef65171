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

const compareCodes = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

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

const PERMUTATIONS = BANDS * ROWS;

/**
 * One region's items as numbers: each item's words as word ids (in the order jieba gave them, so
 * sums run in the same order whatever the data structure), each word's rarity (inverse
 * document frequency) and each item's total weight. A province compares some 30 million
 * candidate pairs; strings and sets per pair were most of the analysis's time.
 */
export interface RegionWords {
  /** Word ids of each item, boilerplate of the region left out. */
  words: Int32Array[];
  /** Rarity of each word id. */
  weight: Float64Array;
  /** Sum of the rarities of each item's words. */
  total: Float64Array;
  /** hash(word, permutation) of each word id, PERMUTATIONS a word. */
  hashes: Uint32Array;
}

/**
 * The words of each item's name, boilerplate of its region left out, and each word's rarity.
 * Words in more than BOILERPLATE_SHARE of the items say how an item acts (行政处罚, 监督检查), not what about.
 */
export function regionWords(items: Item[], wordsOf: (name: string) => string[]): RegionWords {
  const ids = new Map<string, number>();
  const frequency: number[] = [];
  const raw = items.map((item) => {
    const unique = [...new Set(wordsOf(item.name))].map((word) => {
      let id = ids.get(word);
      if (id === undefined) ids.set(word, (id = frequency.push(0) - 1));
      return id;
    });
    for (const id of unique) frequency[id]!++;
    return unique;
  });
  const limit = Math.max(2, items.length * BOILERPLATE_SHARE);
  const weight = Float64Array.from(frequency, (f) => Math.log(1 + items.length / f));
  const words = raw.map((list) => Int32Array.from(list.filter((id) => frequency[id]! <= limit)));
  const total = Float64Array.from(words, (list) => list.reduce((sum, id) => sum + weight[id]!, 0));
  const hashes = new Uint32Array(ids.size * PERMUTATIONS);
  for (const [word, id] of ids) for (let p = 0; p < PERMUTATIONS; p++) hashes[id * PERMUTATIONS + p] = hash(word, (p + 1) * 0x9e3779b1);
  return { words, weight, total, hashes };
}

/**
 * Jaccard similarity of two items of a region (indexes) with each word weighted by its rarity:
 * two items sharing the legal boilerplate of an offence (伪造、涂改、出租、出借许可证件) but naming
 * different subjects (餐饮服务经营者, 缴存单位) are not duplicates.
 */
export function weightedJaccard({ words, weight }: RegionWords): (a: number, b: number) => number {
  // One slot per word id: +stamp marks b's words, -stamp a's, so no set is made per pair.
  const mark = new Int32Array(weight.length);
  let stamp = 0;
  return (a, b) => {
    stamp++;
    for (const id of words[b]!) mark[id] = stamp;
    let shared = 0;
    let union = 0;
    for (const id of words[a]!) {
      const w = weight[id]!;
      union += w;
      if (mark[id] === stamp) shared += w;
      mark[id] = -stamp;
    }
    for (const id of words[b]!) if (mark[id] !== -stamp) union += weight[id]!;
    return union > 0 ? shared / union : 0;
  };
}

/** The MinHash signature of an item's words, into `signature` (PERMUTATIONS slots). */
function minHash(words: Int32Array, hashes: Uint32Array, signature: Uint32Array): void {
  signature.fill(0xffffffff);
  for (const id of words) {
    for (let p = 0; p < PERMUTATIONS; p++) signature[p] = Math.min(signature[p]!, hashes[id * PERMUTATIONS + p]!);
  }
}

/** A band of a signature as a short string key: the band, then each 32-bit value as two 16-bit characters. */
function bandKey(signature: Uint32Array, band: number): string {
  let key = String.fromCharCode(band);
  for (let r = band * ROWS; r < band * ROWS + ROWS; r++) key += String.fromCharCode(signature[r]! >>> 16, signature[r]! & 0xffff);
  return key;
}

/** The LSH buckets of a region's items (indexes), each item in BANDS of them; items of fewer than two words in none. */
function buckets({ words, hashes }: RegionWords): { members: number[][]; of: number[][] } {
  const byKey = new Map<string, number>();
  const members: number[][] = [];
  const signature = new Uint32Array(PERMUTATIONS);
  const of = words.map((list, item) => {
    if (list.length < 2) return [];
    minHash(list, hashes, signature);
    return Array.from({ length: BANDS }, (_, band) => {
      const key = bandKey(signature, band);
      let bucket = byKey.get(key);
      if (bucket === undefined) byKey.set(key, (bucket = members.push([]) - 1));
      members[bucket]!.push(item);
      return bucket;
    });
  });
  return { members, of };
}

/**
 * Pairs of items of different departments, sharing a band of their signatures, at least
 * LATENT_THRESHOLD alike; each pair once, calling `found(a, b, similarity)` with a before b.
 */
function similarPairs(items: Item[], region: RegionWords, found: (a: number, b: number, similarity: number) => void): void {
  const { total } = region;
  const { members, of } = buckets(region);
  const similarityOf = weightedJaccard(region);
  const seenBy = new Int32Array(items.length).fill(-1);
  for (let a = 0; a < items.length; a++) {
    for (const bucket of of[a]!) {
      for (const b of members[bucket]!) {
        if (b <= a || seenBy[b] === a) continue;
        seenBy[b] = a;
        if (items[a]!.department === items[b]!.department) continue;
        // shared ≤ the lighter total and union ≥ the heavier, so a pair this unequal cannot pass.
        if (Math.min(total[a]!, total[b]!) < (LATENT_THRESHOLD - 1e-9) * Math.max(total[a]!, total[b]!)) continue;
        const similarity = similarityOf(a, b);
        if (similarity >= LATENT_THRESHOLD) found(a, b, similarity);
      }
    }
  }
}

export function findLatentOverlaps(snapshot: AnalysisSnapshot, lookup: Lookup): Finding[] {
  const byRegion = new Map<string, Item[]>();
  for (const item of snapshot.powerItems) {
    const region = lookup.regionOf(item.department);
    if (region === null) continue;
    const items = byRegion.get(region);
    if (items) items.push(item);
    else byRegion.set(region, [item]);
  }
  const findings: Finding[] = [];
  for (const [region, items] of byRegion) {
    const byDepartments = new Map<string, { a: Item; b: Item; similarity: number }[]>();
    similarPairs(
      items,
      regionWords(items, (name) => lookup.wordsOf(name)),
      (i, j, similarity) => {
        const [a, b] = [items[i]!, items[j]!];
        // Items tied by a shared matter are an explicit overlap (or a settled one), not a latent one.
        if (a.matters.some((m) => b.matters.includes(m))) return;
        const [x, y] = a.department < b.department ? [a, b] : [b, a];
        const key = `${x.department}|${y.department}`;
        const pairs = byDepartments.get(key);
        if (pairs) pairs.push({ a: x, b: y, similarity });
        else byDepartments.set(key, [{ a: x, b: y, similarity }]);
      },
    );
    for (const [key, pairs] of byDepartments) {
      const [da, db] = key.split('|') as [string, string];
      pairs.sort((p, q) => q.similarity - p.similarity || compareCodes(p.a.code, q.a.code) || compareCodes(p.b.code, q.b.code));
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
