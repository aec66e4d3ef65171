import { addFeature, featuresOf, type Features } from '../text/features.js';
import type { DispatchIndex } from './build-index.js';
import { historyScores, similarTickets, votesFor } from './history-model.js';
import { listScores, type ListModel, type ListDocumentKind } from './list-model.js';

/**
 * Who owns a complaint, read from the texts alone when no tagged matter explains it: how near
 * the complaint is to each department's lists (list-model.ts) and to what each department took
 * from the hotline before (history-model.ts). Scores are gathered per office (the same
 * department at every level) among the departments of the complaint's district and the regions
 * above it, and turned into a probability whose scale was fitted on held-out letters
 * (docs/dispatch.md). Pure.
 */

export const TEXT_DEFAULTS = {
  /** Weight of an everyday word's list words (lexicon) beside the words the complaint says. */
  lexiconWeight: 1,
  /** Weight of history beside the lists (both are cosines, 0..1). */
  historyWeight: 0.4,
  /** Softmax temperature turning scores into probabilities (fitted on held-out letters). */
  temperature: 0.015,
  /**
   * The score of "none of them": a text must match a department's lists or history better than
   * this to take most of the probability (below it, the answer is unassigned).
   */
  nobodyScore: 0.03,
  /**
   * Before reading a word, a department with more entries in the lists is likelier to own a
   * complaint: its probability is scaled by (its entries)^sizePrior. Departments whose duties
   * are many (market regulation, transport, housing) take most of a city's complaints, and the
   * lists are all a city without routing history can tell it from (chosen on letters before the
   * evaluation's cut: docs/dispatch.md).
   */
  sizePrior: 0.5,
};
export type TextOptions = typeof TEXT_DEFAULTS;

export interface TextRanking {
  /** Offices' best departments in view, best first, with their probability and its parts. */
  ranked: { department: string; probability: number; list: number; history: number }[];
  /** The winner without history, to tell when history changed the answer. */
  listsWinner: string | undefined;
  /** A department's list entries nearest the complaint, nearest first (the evidence). */
  nearestDocuments(department: string): ListModel['documents'];
}

/** The complaint's features, with the list words the lexicon gives for the everyday words it says. */
export function complaintFeatures(index: DispatchIndex, normalized: string, words: string[], options: TextOptions): Features {
  const features = featuresOf(normalized, words);
  for (const word of new Set(words)) {
    for (const [feature, weight] of index.expansionFeatures.get(word) ?? []) addFeature(features, feature, weight * options.lexiconWeight);
  }
  return features;
}

export function rankByText(index: DispatchIndex, features: Features, regions: string[], options: TextOptions = TEXT_DEFAULTS): TextRanking {
  const inView = new Set(regions);
  const { scores: list, nearestDocuments } = listScores(index.lists, features);
  const history = index.pastTickets ? historyScores(index.pastTickets, features) : new Map<string, number>();
  // An office's score is its best department's in view; the department nearest the district acts.
  const offices = new Map<string, { department: string; depth: number; listed: boolean; list: number; prior: number; history: number }>();
  for (const department of new Set([...list.keys(), ...history.keys()])) {
    const region = index.departments.get(department)?.region ?? '';
    if (!inView.has(region)) continue;
    const fn = index.functionOf.get(department) ?? department;
    const depth = regions.indexOf(region);
    const office = offices.get(fn) ?? { department, depth, listed: false, list: 0, prior: 0, history: 0 };
    const listScore = list.get(department);
    const prior = sizeTerm(index, department, options);
    if (listScore !== undefined && (!office.listed || listScore + prior > office.list + office.prior)) {
      Object.assign(office, { listed: true, list: listScore, prior });
    }
    office.history = Math.max(office.history, history.get(department) ?? 0);
    if (depth < office.depth) Object.assign(office, { department, depth });
    offices.set(fn, office);
  }
  const fromLists = (o: { list: number; prior: number }) => o.list + o.prior;
  const score = (o: { list: number; prior: number; history: number }) => fromLists(o) + options.historyWeight * o.history;
  const all = [...offices.values()];
  // Offices with no score at all still share the probability (at score 0): the district has them.
  const silent = Math.max(0, countOffices(index, inView) - all.length);
  let total = silent + Math.exp(options.nobodyScore / options.temperature);
  for (const office of all) total += Math.exp(score(office) / options.temperature);
  const ranked = all
    .map((o) => ({ department: o.department, probability: Math.exp(score(o) / options.temperature) / total, list: o.list, history: o.history }))
    .sort((a, b) => b.probability - a.probability || (a.department < b.department ? -1 : 1));
  const listsWinner = [...all].sort((a, b) => fromLists(b) - fromLists(a) || (a.department < b.department ? -1 : 1))[0]?.department;
  return { ranked, listsWinner, nearestDocuments };
}

/**
 * The size prior as a score: exp(score / temperature) then carries the factor
 * (entries / typical entries)^sizePrior, the typical count being the departments' geometric
 * mean, so that the prior moves probability between departments, not away from "none of them".
 */
function sizeTerm(index: DispatchIndex, department: string, options: TextOptions): number {
  return options.sizePrior * options.temperature * (index.lists.relativeSize.get(department) ?? 0);
}

/** Offices with a department (not a coordinator) among the regions in view. */
function countOffices(index: DispatchIndex, inView: Set<string>): number {
  const offices = new Set<string>();
  for (const department of index.departments.values()) {
    if (!department.coordinator && inView.has(department.region)) offices.add(index.functionOf.get(department.id) ?? department.id);
  }
  return offices.size;
}

const excerpt = (text: string) => (text.length > 60 ? `${text.slice(0, 60)}…` : text);

/**
 * Why `department`: its list entries nearest the complaint (and of which kind the nearest is),
 * as the ranking found them, and past complaints it took that read alike.
 */
export function textEvidence(
  index: DispatchIndex,
  ranking: TextRanking,
  department: string,
  features: Features,
  withHistory: boolean,
): { evidence: { id: string; text: string }[]; nearestKind: ListDocumentKind | undefined } {
  const documents = ranking.nearestDocuments(department).filter((doc) => doc.kind !== 'department');
  const evidence = documents.map((doc) => ({ id: doc.id, text: doc.text }));
  if (withHistory) evidence.push(...ticketEvidence(index, department, features));
  return { evidence, nearestKind: documents[0]?.kind };
}

/** Past complaints `department` took that read like this one, as evidence (`ticket:ID`). */
export function ticketEvidence(index: DispatchIndex, department: string, features: Features): { id: string; text: string }[] {
  if (!index.pastTickets) return [];
  return similarTickets(index.pastTickets, department, features).map((ticket) => ({
    id: `ticket:${ticket.id}`,
    text: `相似的历史诉求由该部门办理：${excerpt(ticket.text)}`,
  }));
}

/**
 * The office past complaints like this one went to, among the regions in view (posteriors of
 * its departments summed), acting through its department nearest the district; undefined
 * without history. Cheap (history-model.ts WordVotes): asked of matter-road answers.
 */
export function officeByVotes(index: DispatchIndex, features: Features, regions: string[]): { department: string; probability: number } | undefined {
  if (!index.pastTickets) return undefined;
  const offices = new Map<string, { department: string; depth: number; probability: number }>();
  const { votes } = index.pastTickets;
  const posteriors = votesFor(votes, features);
  for (let label = 0; label < posteriors.length; label++) {
    const probability = posteriors[label]!;
    // A department with a thousandth of the vote changes no office's outcome.
    if (probability < 0.001) continue;
    const department = votes.labels[label]!;
    const depth = regions.indexOf(index.departments.get(department)?.region ?? '');
    if (depth < 0) continue;
    const fn = index.functionOf.get(department) ?? department;
    const office = offices.get(fn);
    if (!office) offices.set(fn, { department, depth, probability });
    else {
      office.probability += probability;
      if (depth < office.depth) Object.assign(office, { department, depth });
    }
  }
  let best: { department: string; probability: number } | undefined;
  for (const office of offices.values()) if (!best || office.probability > best.probability) best = office;
  return best;
}
