import type { Features } from '../text/features.js';

/**
 * TF-IDF vectors and the two searches dispatch makes with them: a query against every
 * department's profile (a centroid), and against the single documents behind it (items, past
 * tickets) for evidence. Postings (feature -> documents) keep a query to the documents it
 * shares a feature with. Pure.
 */

export type Vector = Map<string, number>;

/** Inverse document frequencies, learned from one collection of documents. */
export class Idf {
  private readonly documentFrequency = new Map<string, number>();
  private documents = 0;

  add(features: Features): void {
    this.documents++;
    for (const feature of features.keys()) this.documentFrequency.set(feature, (this.documentFrequency.get(feature) ?? 0) + 1);
  }

  /** Unknown features weigh nothing: the collection cannot say what they mean. */
  weight(feature: string): number {
    const df = this.documentFrequency.get(feature);
    return df === undefined ? 0 : Math.log((this.documents + 1) / (df + 0.5));
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
 * Vectors searchable by a query: feature -> the vectors holding it with its weight there. An
 * index over many documents may leave out some features (`keep`): a single character's list of
 * documents is long, and nearest documents are found well enough by words and pairs.
 */
export class VectorIndex<Id> {
  private readonly postings = new Map<string, { id: Id; weight: number }[]>();

  constructor(private readonly keep: (feature: string) => boolean = () => true) {}

  add(id: Id, vector: Vector): void {
    for (const [feature, weight] of vector) {
      if (!this.keep(feature)) continue;
      let list = this.postings.get(feature);
      if (!list) this.postings.set(feature, (list = []));
      list.push({ id, weight });
    }
  }

  /** Cosine of the query with every vector it shares a feature with (both are unit vectors). */
  similarities(query: Vector): Map<Id, number> {
    const scores = new Map<Id, number>();
    for (const [feature, q] of query) {
      for (const { id, weight } of this.postings.get(feature) ?? []) scores.set(id, (scores.get(id) ?? 0) + q * weight);
    }
    return scores;
  }
}

/** The `n` highest entries of a score map, best first. */
export function top<Id>(scores: Map<Id, number>, n: number): { id: Id; score: number }[] {
  return [...scores]
    .filter(([, score]) => score > 0)
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([id, score]) => ({ id, score }));
}

/** Similarities by id: a Map, or a DocumentIndex's hits (both walk as score, id). */
export interface Similarities<Id> {
  forEach(visit: (similarity: number, id: Id) => void): void;
}

/**
 * Vectors numbered 0, 1, 2 … searchable by a query, for the large indexes of the text road (all
 * list documents, past tickets): postings in flat arrays and one reused score array, so a lookup
 * allocates nearly nothing (a Map per lookup made a third of the text road's time). The hits of
 * a search are valid until the next search.
 */
export class DocumentIndex {
  private readonly postings = new Map<string, { ids: number[]; weights: number[] }>();
  private scores = new Float64Array(0);
  private touched = new Int32Array(0);
  private hitCount = 0;

  constructor(private readonly keep: (feature: string) => boolean = () => true) {}

  add(id: number, vector: Vector): void {
    for (const [feature, weight] of vector) {
      if (!this.keep(feature)) continue;
      let list = this.postings.get(feature);
      if (!list) this.postings.set(feature, (list = { ids: [], weights: [] }));
      list.ids.push(id);
      list.weights.push(weight);
    }
    if (id >= this.scores.length) {
      const grown = new Float64Array(Math.max(16, 2 * (id + 1)));
      grown.set(this.scores);
      this.scores = grown;
      this.touched = new Int32Array(grown.length);
    }
  }

  /** Cosine of the query with every vector it shares a feature with (both unit vectors). */
  similarities(query: Vector): Similarities<number> {
    const { scores, touched } = this;
    for (let i = 0; i < this.hitCount; i++) scores[touched[i]!] = 0;
    let count = 0;
    for (const [feature, q] of query) {
      const list = this.postings.get(feature);
      if (!list) continue;
      const { ids, weights } = list;
      for (let i = 0; i < ids.length; i++) {
        const id = ids[i]!;
        if (scores[id] === 0) touched[count++] = id;
        scores[id] = scores[id]! + q * weights[i]!;
      }
    }
    this.hitCount = count;
    return {
      forEach(visit) {
        for (let i = 0; i < count; i++) visit(scores[touched[i]!]!, touched[i]!);
      },
    };
  }
}

/**
 * Per label, its three nearest documents' similarities, the second counting half and the third
 * a quarter, scaled back to 0..1: several close documents say more than one, one says enough.
 */
export function nearestPerLabel<Id>(similarities: Similarities<Id>, labelsOf: (id: Id) => string[]): Map<string, number> {
  const best = new Map<string, [number, number, number]>();
  similarities.forEach((similarity, id) => {
    for (const label of labelsOf(id)) {
      let three = best.get(label);
      if (!three) best.set(label, (three = [0, 0, 0]));
      if (similarity > three[0]) three.splice(0, 3, similarity, three[0], three[1]);
      else if (similarity > three[1]) three.splice(1, 2, similarity, three[1]);
      else if (similarity > three[2]) three[2] = similarity;
    }
  });
  return new Map([...best].map(([label, [a, b, c]]) => [label, (a + 0.5 * b + 0.25 * c) / 1.75]));
}

/** Most documents a character may be in and still be searched by, in an index of many documents (see VectorIndex). */
const COMMON_CHARACTER_SHARE = 0.05;

/** For indexes of many single documents: words, pairs and the less common characters. */
export const searchableBy = (idf: Idf) => (feature: string) => !feature.startsWith('c:') || idf.share(feature) <= COMMON_CHARACTER_SHARE;
