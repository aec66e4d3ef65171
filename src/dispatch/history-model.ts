import { textFeatures, type Features } from '../text/features.js';
import { DocumentIndex, Idf, nearestPerLabel, tfidf, top, unit, VectorIndex, type Vector } from './vector-space.js';

/**
 * Learning from the hotline's history: the department that finally took a past complaint
 * (accepted or resolved it) is a label for its words; a department that refused or returned it
 * is a label against. A new complaint scores for the departments that took the past complaints
 * nearest to it (its nearest neighbours among each department's latest tickets), and against a
 * department by how near it is to what that department turned away. Citizens' own words (狗叫,
 * 跑路, 退费) reach the lists' departments this way, from data. Memory stays bounded: one pass
 * over the tickets keeps the IDF and the sums of refused tickets; the examples are the latest
 * few hundred tickets of each department. Pure.
 */

export interface PastTicket {
  id: string;
  text: string;
  /** The department that took it in the end (accepted or resolved), if any. */
  takenBy?: string | undefined;
  /** Departments that refused or returned it. */
  refusedBy: string[];
}

/** How much nearness to what a department turned away counts against it. */
const REFUSAL_WEIGHT = 0.5;
/** Latest tickets kept per department as neighbours and evidence. */
const EXAMPLES_PER_DEPARTMENT = 300;

export interface HistoryModel {
  idf: Idf;
  /** department -> profile of the tickets it refused or returned. */
  refused: VectorIndex<string>;
  examples: { id: string; text: string; department: string }[];
  /** Every example, for the nearest neighbours. */
  exampleIndex: DocumentIndex;
  /** department -> its examples, for evidence. */
  examplesOf: Map<string, VectorIndex<number>>;
  tickets: number;
}

/**
 * Builds the model in steps (a pause every few hundred tickets), so a server keeps answering
 * from its previous index meanwhile. Tickets arrive oldest first.
 */
export function* buildHistoryModel(tickets: PastTicket[], stepSize = 500): Generator<void, HistoryModel> {
  const idf = new Idf();
  const refusedSums = new Map<string, Vector>();
  for (const [n, ticket] of tickets.entries()) {
    if (n % stepSize === 0) yield;
    const features = textFeatures(ticket.text);
    idf.add(features);
    // Sub-linear tf over the ticket's length now, IDF once all tickets are counted: one pass.
    if (ticket.refusedBy.length > 0) {
      const normalized = unit(new Map([...features].map(([feature, tf]) => [feature, tf >= 1 ? 1 + Math.log(tf) : tf])));
      for (const department of ticket.refusedBy) addTo(refusedSums, department, normalized);
    }
  }
  const refused = new VectorIndex<string>();
  for (const [department, sum] of refusedSums) {
    for (const [feature, w] of sum) sum.set(feature, w * idf.weight(feature));
    refused.add(department, unit(sum));
  }
  const examples: HistoryModel['examples'] = [];
  const exampleIndex = new DocumentIndex();
  const examplesOf = new Map<string, VectorIndex<number>>();
  const kept = new Map<string, number>();
  for (let n = tickets.length - 1; n >= 0; n--) {
    const ticket = tickets[n]!;
    if (!ticket.takenBy || (kept.get(ticket.takenBy) ?? 0) >= EXAMPLES_PER_DEPARTMENT) continue;
    if (examples.length % stepSize === 0) yield;
    kept.set(ticket.takenBy, (kept.get(ticket.takenBy) ?? 0) + 1);
    const vector = tfidf(textFeatures(ticket.text), idf);
    const at = examples.push({ id: ticket.id, text: ticket.text, department: ticket.takenBy }) - 1;
    exampleIndex.add(at, vector);
    let own = examplesOf.get(ticket.takenBy);
    if (!own) examplesOf.set(ticket.takenBy, (own = new VectorIndex()));
    own.add(at, vector);
  }
  return { idf, refused, examples, exampleIndex, examplesOf, tickets: tickets.length };
}

function addTo(sums: Map<string, Vector>, department: string, vector: Vector): void {
  let sum = sums.get(department);
  if (!sum) sums.set(department, (sum = new Map()));
  for (const [feature, w] of vector) sum.set(feature, (sum.get(feature) ?? 0) + w);
}

/** Each department's score from history: its nearest past tickets, minus nearness to what it turned away. */
export function historyScores(model: HistoryModel, query: Features): Map<string, number> {
  const vector = tfidf(query, model.idf);
  const scores = nearestPerLabel(model.exampleIndex.similarities(vector), (at) => [model.examples[at]!.department]);
  for (const [department, similarity] of model.refused.similarities(vector)) {
    scores.set(department, (scores.get(department) ?? 0) - REFUSAL_WEIGHT * similarity);
  }
  return scores;
}

/** The past tickets a department took that read most like the complaint. */
export function similarTickets(model: HistoryModel, department: string, query: Features, n = 2): { id: string; text: string }[] {
  const index = model.examplesOf.get(department);
  if (!index) return [];
  return top(index.similarities(tfidf(query, model.idf)), n).map(({ id }) => model.examples[id]!);
}
