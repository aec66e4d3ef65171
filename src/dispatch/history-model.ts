import { generalWeight, textFeatures, type Features } from '../text/features.js';
import { DocumentIndex, Idf, tfidf, unit, type Vector } from './vector-space.js';

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

/**
 * Words a complaint must share with a past ticket for the two to speak of the same thing: on the
 * generated city, one shared word (进度, 结果) named a department for calls with no subject
 * (请帮我查一下进度 → the department whose tickets say 进度); on the real letters before the
 * evaluation's cut, two cost nothing. (A list item may match on one word: lists are terse.)
 */
const MIN_SHARED_WORDS = 2;

/** How much nearness to what a department turned away counts against it. */
const REFUSAL_WEIGHT = 0.5;
/** Latest tickets kept per department as neighbours and evidence. */
const EXAMPLES_PER_DEPARTMENT = 300;

/**
 * Naive Bayes over the words and character pairs of the tickets, the department that took each
 * as its class: a few microseconds a lookup (the nearest-ticket search costs a millisecond at
 * 100,000 tickets), for the question "do past complaints like this one point elsewhere?" asked
 * of every matter-road answer that is less than sure. Bernoulli presence of each feature, with
 * add-α smoothing; only the features a class has seen are visited.
 */
export interface WordVotes {
  labels: string[];
  /** Per label: log prior + (number of query features) × log(α / (n + 2α)) is added at lookup. */
  logPrior: Float64Array;
  logUnseen: Float64Array;
  /** feature -> the labels that saw it and log((count + α) / α). */
  seen: Map<string, { labels: Int32Array; gains: Float64Array }>;
  /** votesFor()'s working array. */
  scratch?: Float64Array;
}

const VOTE_SMOOTHING = 0.5;

export interface HistoryModel {
  /** Naive Bayes over the tickets' words and pairs (WordVotes). */
  votes: WordVotes;
  idf: Idf;
  /** department -> profile of the tickets it refused or returned. */
  refused: DocumentIndex;
  examples: { id: string; text: string; department: string }[];
  /** Every example, for the nearest neighbours. */
  exampleIndex: DocumentIndex;
  /** department -> its examples (numbered 0, 1 … in its own index; `examples` maps them back), for evidence. */
  examplesOf: Map<string, { index: DocumentIndex; examples: number[] }>;
  tickets: number;
}

/**
 * Builds the model in steps (a pause every few hundred tickets), so a server keeps answering
 * from its previous index meanwhile. Tickets arrive oldest first.
 */
export function* buildHistoryModel(tickets: PastTicket[], stepSize = 500): Generator<void, HistoryModel> {
  const idf = new Idf(generalWeight);
  const refusedSums = new Map<string, Vector>();
  const votes = new VoteCounter();
  for (const [n, ticket] of tickets.entries()) {
    if (n % stepSize === 0) yield;
    const features = textFeatures(ticket.text);
    idf.add(features);
    if (ticket.takenBy) votes.add(ticket.takenBy, features.keys());
    // Sub-linear tf over the ticket's length now, IDF once all tickets are counted: one pass.
    if (ticket.refusedBy.length > 0) {
      const normalized = unit(new Map([...features].map(([feature, tf]) => [feature, tf >= 1 ? 1 + Math.log(tf) : tf])));
      for (const department of ticket.refusedBy) addTo(refusedSums, department, normalized);
    }
  }
  const refused = new DocumentIndex();
  let number = 0;
  for (const [department, sum] of refusedSums) {
    for (const [feature, w] of sum) sum.set(feature, w * idf.weight(feature));
    refused.add(number++, unit(sum), [department]);
  }
  const examples: HistoryModel['examples'] = [];
  const exampleIndex = new DocumentIndex();
  const examplesOf = new Map<string, { index: DocumentIndex; examples: number[] }>();
  const kept = new Map<string, number>();
  for (let n = tickets.length - 1; n >= 0; n--) {
    const ticket = tickets[n]!;
    if (!ticket.takenBy || (kept.get(ticket.takenBy) ?? 0) >= EXAMPLES_PER_DEPARTMENT) continue;
    if (examples.length % stepSize === 0) yield;
    kept.set(ticket.takenBy, (kept.get(ticket.takenBy) ?? 0) + 1);
    const vector = tfidf(textFeatures(ticket.text), idf);
    const at = examples.push({ id: ticket.id, text: ticket.text, department: ticket.takenBy }) - 1;
    exampleIndex.add(at, vector, [ticket.takenBy]);
    let own = examplesOf.get(ticket.takenBy);
    // Evidence is found by words and pairs: characters would only lengthen the search.
    if (!own) examplesOf.set(ticket.takenBy, (own = { index: new DocumentIndex(notCharacter), examples: [] }));
    own.index.add(own.examples.push(at) - 1, vector, []);
  }
  return { votes: votes.build(), idf, refused, examples, exampleIndex, examplesOf, tickets: tickets.length };
}

/** Counts for WordVotes: features of the words and pairs kinds only (characters say too little alone). */
class VoteCounter {
  private readonly labelIds = new Map<string, number>();
  private readonly totals: number[] = [];
  private readonly counts = new Map<string, Map<number, number>>();

  add(label: string, features: Iterable<string>): void {
    let id = this.labelIds.get(label);
    if (id === undefined) this.labelIds.set(label, (id = this.totals.push(0) - 1));
    this.totals[id]!++;
    for (const feature of features) {
      if (feature.startsWith('c:')) continue;
      let byLabel = this.counts.get(feature);
      if (!byLabel) this.counts.set(feature, (byLabel = new Map()));
      byLabel.set(id, (byLabel.get(id) ?? 0) + 1);
    }
  }

  build(): WordVotes {
    const all = this.totals.reduce((sum, n) => sum + n, 0);
    const a = VOTE_SMOOTHING;
    const seen: WordVotes['seen'] = new Map();
    for (const [feature, byLabel] of this.counts) {
      // A feature seen once says nothing a class could learn from.
      if ([...byLabel.values()].reduce((sum, n) => sum + n, 0) < 2) continue;
      seen.set(feature, { labels: Int32Array.from(byLabel.keys()), gains: Float64Array.from(byLabel.values(), (c) => Math.log((c + a) / a)) });
    }
    return {
      labels: [...this.labelIds.keys()],
      logPrior: Float64Array.from(this.totals, (n) => Math.log(n / all)),
      logUnseen: Float64Array.from(this.totals, (n) => Math.log(a / (n + 2 * a))),
      seen,
    };
  }
}

/**
 * The departments past complaints like this one went to: naive Bayes posteriors, aligned with
 * `votes.labels` (they sum to 1 over the departments that took any). The array is reused by the
 * next call.
 */
export function votesFor(votes: WordVotes, query: Features): Float64Array {
  const score = (votes.scratch ??= new Float64Array(votes.labels.length));
  score.set(votes.logPrior);
  let known = 0;
  for (const feature of query.keys()) {
    const entry = votes.seen.get(feature);
    if (!entry) continue;
    known++;
    const { labels, gains } = entry;
    for (let i = 0; i < labels.length; i++) score[labels[i]!] = score[labels[i]!]! + gains[i]!;
  }
  let max = -Infinity;
  for (let label = 0; label < score.length; label++) max = Math.max(max, (score[label] = score[label]! + known * votes.logUnseen[label]!));
  let total = 0;
  for (let label = 0; label < score.length; label++) total += score[label] = Math.exp(score[label]! - max);
  for (let label = 0; label < score.length; label++) score[label] = score[label]! / total;
  return score;
}

const notCharacter = (feature: string) => !feature.startsWith('c:');

function addTo(sums: Map<string, Vector>, department: string, vector: Vector): void {
  let sum = sums.get(department);
  if (!sum) sums.set(department, (sum = new Map()));
  for (const [feature, w] of vector) sum.set(feature, (sum.get(feature) ?? 0) + w);
}

/**
 * Each department's score from history: its nearest past tickets (those sharing two words or
 * more with the complaint: one shared word, 进度 or 结果, is a coincidence), minus nearness to
 * what it turned away.
 */
export function historyScores(model: HistoryModel, query: Features): Map<string, number> {
  const vector = tfidf(query, model.idf);
  const { scores } = model.exampleIndex.nearestPerLabel(vector, MIN_SHARED_WORDS);
  for (const [department, similarity] of model.refused.similaritiesByLabel(vector)) {
    scores.set(department, (scores.get(department) ?? 0) - REFUSAL_WEIGHT * similarity);
  }
  return scores;
}

/** The past tickets a department took that read most like the complaint. */
export function similarTickets(model: HistoryModel, department: string, query: Features, n = 2): { id: string; text: string }[] {
  const own = model.examplesOf.get(department);
  if (!own) return [];
  return own.index.nearest(tfidf(query, model.idf), n).map((local) => model.examples[own.examples[local]!]!);
}
