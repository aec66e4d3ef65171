/**
 * BM25 over weighted term bags: the matters are the documents, a complaint is the query. The
 * field keeps postings (term -> documents, by number), so a query touches only the matters it
 * shares a term with; each posting's BM25 term is computed once, at build, for the field's k1
 * and b (a lookup then only multiplies and adds).
 */

/** BM25's usual parameters: term frequency saturation and length normalisation. */
export const BM25 = { k1: 1.2, b: 0.75 };

/** A document's terms with their weights. */
export type Bag = Map<string, number>;

export interface Field {
  /** Document ids, by number. */
  documents: string[];
  /** Document id -> its number. */
  numberOf: Map<string, number>;
  /** term -> idf, and the documents holding it with their BM25 term frequency part. */
  postings: Map<string, { idf: number; documents: Int32Array; parts: Float64Array }>;
}

export function addToBag(bag: Bag, terms: Iterable<string>, weight: number): void {
  for (const term of terms) bag.set(term, (bag.get(term) ?? 0) + weight);
}

/** The field of a set of documents (id -> bag), for BM25 with parameters k1 and b. */
export function buildField(bags: Map<string, Bag>, k1: number, b: number): Field {
  const documents = [...bags.keys()];
  const lengths = documents.map((id) => [...bags.get(id)!.values()].reduce((sum, tf) => sum + tf, 0));
  const averageLength = lengths.reduce((sum, length) => sum + length, 0) / Math.max(1, documents.length) || 1;
  const lists = new Map<string, { document: number; tf: number }[]>();
  documents.forEach((id, document) => {
    for (const [term, tf] of bags.get(id)!) {
      if (!lists.has(term)) lists.set(term, []);
      lists.get(term)!.push({ document, tf });
    }
  });
  const n = Math.max(1, documents.length);
  const postings: Field['postings'] = new Map();
  for (const [term, list] of lists) {
    postings.set(term, {
      idf: Math.log(1 + (n - list.length + 0.5) / (list.length + 0.5)),
      documents: Int32Array.from(list, (p) => p.document),
      parts: Float64Array.from(list, ({ document, tf }) => (tf * (k1 + 1)) / (tf + k1 * (1 - b + (b * lengths[document]!) / averageLength))),
    });
  }
  return { documents, numberOf: new Map(documents.map((id, i) => [id, i])), postings };
}

/** Adds each document's BM25 score for the query (term -> weight in the query) into `scores` (by document number). */
export function addScores(field: Field, query: Map<string, number>, scores: Float64Array): void {
  for (const [term, weight] of query) {
    const posting = field.postings.get(term);
    if (!posting) continue;
    const idf = weight * posting.idf;
    const { documents, parts } = posting;
    for (let i = 0; i < documents.length; i++) scores[documents[i]!] = scores[documents[i]!]! + idf * parts[i]!;
  }
}
