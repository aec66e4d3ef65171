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

/**
 * Per label, its three nearest documents' similarities, the second counting half and the third
 * a quarter, scaled back to 0..1: several close documents say more than one, one says enough.
 */
export function nearestPerLabel<Id>(similarities: Map<Id, number>, labelsOf: (id: Id) => string[]): Map<string, number> {
  const best = new Map<string, [number, number, number]>();
  for (const [id, similarity] of similarities) {
    for (const label of labelsOf(id)) {
      let three = best.get(label);
      if (!three) best.set(label, (three = [0, 0, 0]));
      if (similarity > three[0]) three.splice(0, 3, similarity, three[0], three[1]);
      else if (similarity > three[1]) three.splice(1, 2, similarity, three[1]);
      else if (similarity > three[2]) three[2] = similarity;
    }
  }
  return new Map([...best].map(([label, [a, b, c]]) => [label, (a + 0.5 * b + 0.25 * c) / 1.75]));
}

/** Most documents a character may be in and still be searched by, in an index of many documents (see VectorIndex). */
const COMMON_CHARACTER_SHARE = 0.05;

/** For indexes of many single documents: words, pairs and the less common characters. */
export const searchableBy = (idf: Idf) => (feature: string) => !feature.startsWith('c:') || idf.share(feature) <= COMMON_CHARACTER_SHARE;
