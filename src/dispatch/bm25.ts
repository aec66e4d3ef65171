/**
 * BM25 over weighted term bags: the matters are the documents, a complaint is the query. Used
 * for two fields, the words of the lists and their characters.
 */

export interface Bag {
  terms: Map<string, number>;
  /** Total weight of the bag, set by finishField. */
  length: number;
}

export interface Field {
  /** Inverse document frequency of each term over the bags. */
  idf: Map<string, number>;
  averageLength: number;
}

export const emptyBag = (): Bag => ({ terms: new Map(), length: 0 });

export function addToBag(bag: Bag, terms: Iterable<string>, weight: number): void {
  for (const term of terms) bag.terms.set(term, (bag.terms.get(term) ?? 0) + weight);
}

/** Sets each bag's length and returns the field's statistics. */
export function finishField(bags: Bag[]): Field {
  let totalLength = 0;
  const documentFrequency = new Map<string, number>();
  for (const bag of bags) {
    bag.length = [...bag.terms.values()].reduce((sum, w) => sum + w, 0);
    totalLength += bag.length;
    for (const term of bag.terms.keys()) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
  }
  const n = Math.max(1, bags.length);
  return {
    idf: new Map([...documentFrequency].map(([term, df]) => [term, Math.log(1 + (n - df + 0.5) / (df + 0.5))])),
    averageLength: totalLength / n,
  };
}

/** The BM25 score of one bag for the (distinct) query terms. */
export function bm25(bag: Bag, field: Field, queryTerms: readonly string[], k1: number, b: number): number {
  const norm = k1 * (1 - b + (b * bag.length) / (field.averageLength || 1));
  let score = 0;
  for (const term of queryTerms) {
    const tf = bag.terms.get(term);
    if (tf) score += (field.idf.get(term) ?? 0) * ((tf * (k1 + 1)) / (tf + norm));
  }
  return score;
}
