/**
 * BM25 over weighted term bags: the matters are the documents, a complaint is the query. The
 * field keeps postings (term -> documents), so a query touches only the matters it shares a
 * term with.
 */

/** A document's terms with their weights. */
export type Bag = Map<string, number>;

export interface Field {
  /** term -> the documents holding it, with the term's weight there. */
  postings: Map<string, { doc: string; tf: number }[]>;
  /** Inverse document frequency of each term over the documents. */
  idf: Map<string, number>;
  /** document -> total weight of its bag. */
  lengths: Map<string, number>;
  averageLength: number;
}

export function addToBag(bag: Bag, terms: Iterable<string>, weight: number): void {
  for (const term of terms) bag.set(term, (bag.get(term) ?? 0) + weight);
}

/** The field of a set of documents (id -> bag). */
export function buildField(documents: Map<string, Bag>): Field {
  const postings: Field['postings'] = new Map();
  const lengths = new Map<string, number>();
  let totalLength = 0;
  for (const [doc, bag] of documents) {
    let length = 0;
    for (const [term, tf] of bag) {
      length += tf;
      if (!postings.has(term)) postings.set(term, []);
      postings.get(term)!.push({ doc, tf });
    }
    lengths.set(doc, length);
    totalLength += length;
  }
  const n = Math.max(1, documents.size);
  const idf = new Map([...postings].map(([term, list]) => [term, Math.log(1 + (n - list.length + 0.5) / (list.length + 0.5))]));
  return { postings, idf, lengths, averageLength: totalLength / n || 1 };
}

/** Adds each document's BM25 score for the query (term -> weight in the query) into `scores`. */
export function addScores(field: Field, query: Map<string, number>, k1: number, b: number, scores: Map<string, number>): void {
  for (const [term, weight] of query) {
    const list = field.postings.get(term);
    if (!list) continue;
    const idf = weight * field.idf.get(term)!;
    for (const { doc, tf } of list) {
      const norm = k1 * (1 - b + (b * field.lengths.get(doc)!) / field.averageLength);
      scores.set(doc, (scores.get(doc) ?? 0) + idf * ((tf * (k1 + 1)) / (tf + norm)));
    }
  }
}
