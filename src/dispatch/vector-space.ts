import type { Features } from '../text/features.js';

/**
 * TF-IDF vectors and the two searches dispatch makes with them: a query against every
 * department's profile (a centroid), and against the single documents behind it (items, past
 * tickets) for evidence. Postings (feature -> documents) keep a query to the documents it
 * shares a feature with. Pure.
 */

export type Vector = Map<string, number>;

/** Labels' nearness to a query: each label's score (0..1), and on asking, its nearest vectors. */
export interface NearestByLabel {
  scores: Map<string, number>;
  /** The ids of the label's nearest vectors (up to three), nearest first: the evidence. */
  idsOf(label: string): number[];
}

/** Inverse document frequencies, learned from one collection of documents, each times the feature's `scale`. */
export class Idf {
  private readonly documentFrequency = new Map<string, number>();
  private documents = 0;

  constructor(private readonly scale: (feature: string) => number = () => 1) {}

  add(features: Features): void {
    this.documents++;
    for (const feature of features.keys()) this.documentFrequency.set(feature, (this.documentFrequency.get(feature) ?? 0) + 1);
  }

  /** Unknown features weigh nothing: the collection cannot say what they mean. */
  weight(feature: string): number {
    const df = this.documentFrequency.get(feature);
    return df === undefined ? 0 : Math.log((this.documents + 1) / (df + 0.5)) * this.scale(feature);
  }

  /** The share of the documents that hold the feature. */
  share(feature: string): number {
    return (this.documentFrequency.get(feature) ?? 0) / Math.max(1, this.documents);
  }
}

/** Sub-linear term frequency times IDF, scaled to unit length. */
export function tfidf(features: Features, idf: Idf): Vector {
  const vector: Vector = new Map();
  for (const [feature, tf] of features) {
    const weight = (tf >= 1 ? 1 + Math.log(tf) : tf) * idf.weight(feature);
    if (weight > 0) vector.set(feature, weight);
  }
  return unit(vector);
}

export function unit(vector: Vector): Vector {
  let norm = 0;
  for (const w of vector.values()) norm += w * w;
  norm = Math.sqrt(norm);
  if (norm > 0) for (const [feature, w] of vector) vector.set(feature, w / norm);
  return vector;
}

/** Adds `scale` times `vector` into `sum`. */
export function addInto(sum: Vector, vector: Vector, scale = 1): void {
  for (const [feature, w] of vector) sum.set(feature, (sum.get(feature) ?? 0) + scale * w);
}

/**
 * A feature in more than this share of a large index (and in more than ALWAYS_SEARCHED of its
 * vectors) is not searched by: a common word or character adds a little to thousands of scores.
 * On the generated city with its tags taken away, skipping them cost 0.2 points of top-1 with
 * history (none from the lists alone) for half as many lookups again a second; on Karamay's
 * lists and letters before the cut, nothing (no feature there is that common).
 */
const COMMON_FEATURE_SHARE = 0.025;
const ALWAYS_SEARCHED = 1000;

/**
 * Labelled vectors numbered 0, 1, 2 … (list documents and their departments, past tickets and
 * the department that took each), searchable by a query, for the large indexes of the text road.
 * Postings live in flat arrays and scores in reused typed arrays, so a lookup allocates almost
 * nothing: with Maps, a query touching 6,000 documents cost a millisecond.
 */
export class DocumentIndex {
  private readonly postings = new Map<string, { ids: number[]; weights: number[] }>();
  private readonly labelIds = new Map<string, number>();
  private readonly labelNames: string[] = [];
  private readonly labelsOf: number[][] = [];
  private scores = new Float64Array(0);
  private words = new Int32Array(0);
  private touched = new Int32Array(0);
  private hitCount = 0;
  private size = 0;

  constructor(private readonly keep: (feature: string) => boolean = () => true) {}

  add(id: number, vector: Vector, labels: readonly string[]): void {
    for (const [feature, weight] of vector) {
      if (!this.keep(feature)) continue;
      let list = this.postings.get(feature);
      if (!list) this.postings.set(feature, (list = { ids: [], weights: [] }));
      list.ids.push(id);
      list.weights.push(weight);
    }
    this.size = Math.max(this.size, id + 1);
    this.labelsOf[id] = labels.map((label) => {
      let at = this.labelIds.get(label);
      if (at === undefined) this.labelIds.set(label, (at = this.labelNames.push(label) - 1));
      return at;
    });
    if (id >= this.scores.length) {
      const size = Math.max(16, 2 * (id + 1));
      const scores = new Float64Array(size);
      scores.set(this.scores);
      this.scores = scores;
      this.words = new Int32Array(size);
      this.touched = new Int32Array(size);
    }
  }

  /**
   * Per label, its three nearest vectors' cosines with the query, the second counting half and
   * the third a quarter, scaled back to 0..1 (several close documents say more than one, one
   * says enough), and their ids for the labels asked about. With `minWords`, only vectors
   * sharing that many words (features `w:…`) count.
   */
  nearestPerLabel(query: Vector, minWords = 0): NearestByLabel {
    const count = this.search(query);
    const best = new Float64Array(3 * this.labelNames.length);
    const bestIds = new Int32Array(3 * this.labelNames.length);
    const seen: number[] = [];
    const { scores, words, touched } = this;
    for (let i = 0; i < count; i++) {
      const id = touched[i]!;
      if (words[id]! < minWords) continue;
      const similarity = scores[id]!;
      for (const label of this.labelsOf[id]!) {
        const at = 3 * label;
        if (best[at] === 0) seen.push(label);
        // On a tie the vector met first stays ahead: the same query always gives the same order.
        const slot = similarity > best[at]! ? 0 : similarity > best[at + 1]! ? 1 : similarity > best[at + 2]! ? 2 : 3;
        if (slot === 3) continue;
        for (let k = 2; k > slot; k--) {
          best[at + k] = best[at + k - 1]!;
          bestIds[at + k] = bestIds[at + k - 1]!;
        }
        best[at + slot] = similarity;
        bestIds[at + slot] = id;
      }
    }
    const byLabel = new Map<string, number>();
    for (const label of seen) byLabel.set(this.labelNames[label]!, (best[3 * label]! + 0.5 * best[3 * label + 1]! + 0.25 * best[3 * label + 2]!) / 1.75);
    const idsOf = (name: string) => {
      const label = this.labelIds.get(name);
      if (label === undefined) return [];
      const ids: number[] = [];
      for (let k = 0; k < 3 && best[3 * label + k]! > 0; k++) ids.push(bestIds[3 * label + k]!);
      return ids;
    };
    return { scores: byLabel, idsOf };
  }

  /** Per label, the summed cosines of its vectors with the query (with one vector a label: its cosine). */
  similaritiesByLabel(query: Vector): Map<string, number> {
    const count = this.search(query);
    const result = new Map<string, number>();
    for (let i = 0; i < count; i++) {
      const id = this.touched[i]!;
      for (const label of this.labelsOf[id]!) {
        const name = this.labelNames[label]!;
        result.set(name, (result.get(name) ?? 0) + this.scores[id]!);
      }
    }
    return result;
  }

  /** The ids of the `n` vectors nearest the query, nearest first. */
  nearest(query: Vector, n: number): number[] {
    const count = this.search(query);
    const { scores, touched } = this;
    const ids = Array.from(touched.subarray(0, count));
    return ids.sort((a, b) => scores[b]! - scores[a]! || a - b).slice(0, n);
  }

  /** Scores every vector sharing a feature with the query; returns how many (their ids in `touched`). */
  private search(query: Vector): number {
    const { scores, words, touched } = this;
    for (let i = 0; i < this.hitCount; i++) {
      scores[touched[i]!] = 0;
      words[touched[i]!] = 0;
    }
    let count = 0;
    const maxPostings = Math.max(ALWAYS_SEARCHED, COMMON_FEATURE_SHARE * this.size);
    for (const [feature, q] of query) {
      const list = this.postings.get(feature);
      if (!list || list.ids.length > maxPostings) continue;
      const isWord = feature.startsWith('w:');
      const { ids, weights } = list;
      for (let i = 0; i < ids.length; i++) {
        const id = ids[i]!;
        if (scores[id] === 0) touched[count++] = id;
        scores[id] = scores[id]! + q * weights[i]!;
        if (isWord) words[id] = words[id]! + 1;
      }
    }
    this.hitCount = count;
    return count;
  }
}

/** Most documents a character may be in and still be searched by, in an index of many documents (see DocumentIndex). */
const COMMON_CHARACTER_SHARE = 0.05;

/** For indexes of many single documents: words, pairs and the less common characters. */
export const searchableBy = (idf: Idf) => (feature: string) => !feature.startsWith('c:') || idf.share(feature) <= COMMON_CHARACTER_SHARE;
