import { TASK_WEIGHT, TYPE_WEIGHT } from '../model/duty-weight.js';
import { categoryMatters } from '../model/matters.js';
import { regionChains } from '../model/regions.js';
import type { Lexicon } from './lexicon.js';
import type { DispatchSnapshot, RoutingTally } from './snapshot.js';
import { addToBag, BM25, buildField, type Bag, type Field } from './bm25.js';
import { addVocabulary, normalizeText, tokenize } from '../text/tokenize.js';
import { textFeatures, type Features } from '../text/features.js';
import { buildHistoryModel, type HistoryModel, type PastTicket } from './history-model.js';
import { buildListModel, listDocuments, type ListDocument, type ListModel } from './list-model.js';
import { abbreviationsOf } from '../text/abbreviations.js';

/**
 * The in-memory dispatch index, built from a snapshot of the lists. Each matter gets a weighted
 * bag of terms (its name and keywords weigh most, then the names of the items, tasks and
 * boundary items on it); each matter knows its holders per region, weighted by what their items
 * let them do, and its published boundary items. Pure: snapshot in, index out.
 */

const FIELD_WEIGHT = { name: 3, keyword: 3, item: 1, task: 0.5, boundary: 1, category: 1 };

interface Holding {
  weight: number;
  items: { code: string; name: string }[];
}

/** Complaints a department took (accepted or resolved) and turned away (refused or returned). */
export interface Outcomes {
  taken: number;
  refused: number;
}

/** What a matter is called and described with. */
interface MatterDocument {
  id: string;
  name: string;
  keywords: string[];
  words: Bag;
}

/** A matter's keyword, with the matter's number in the BM25 field. */
export interface KeywordEntry {
  matter: string;
  at: number;
  keyword: string;
}

export interface DispatchIndex {
  matters: Map<string, { id: string; name: string }>;
  /** The words of the lists, matter by matter, for BM25. */
  words: Field;
  /** Everyday word (lexicon) -> the terms of the list words it stands for. */
  expansions: Map<string, string[]>;
  /**
   * A character (its code) -> the keywords starting with it, and those with it second (a text may swap or
   * drop the first), with their matters.
   */
  keywordsByCharacter: Map<number, { first: KeywordEntry[]; second: KeywordEntry[] }>;
  /** matter -> department -> what it holds on the matter. */
  holders: Map<string, Map<string, Holding>>;
  /** matter -> its published department-scope boundary items. */
  boundaries: Map<string, DispatchSnapshot['boundaryItems']>;
  departments: Map<string, DispatchSnapshot['departments'][number]>;
  /** Names of the regions, longest first: places say where, not what, so matching skips them. */
  regionNames: string[];
  /** region -> itself and its ancestors, nearest first. */
  regionChain: Map<string, string[]>;
  /** region -> its coordinator department, if any. */
  coordinators: Map<string, string>;
  /**
   * department -> its function: the same office at every level (市生态环境局, its county branch)
   * shares one. Lets the engine choose who owns a matter first and at which level second.
   */
  functionOf: Map<string, string>;
  /** matter -> department -> what happened to complaints routed there. */
  history: Map<string, Map<string, Outcomes>>;
  /** The lists as documents, for complaints no tagged matter explains (untagged lists). */
  lists: ListModel;
  /** What the hotline's past complaints teach (none without history). */
  pastTickets: HistoryModel | undefined;
  /** Everyday word (lexicon) -> the features of the list words it stands for, for the text models. */
  expansionFeatures: Map<string, Features>;
  builtAt: number;
}

function addText(doc: MatterDocument, text: string, weight: number): void {
  addToBag(doc.words, tokenize(text), weight);
}

/** Builds the index; teaches the tokenizer the lists' words (and the lexicon's) first. */
export function buildDispatchIndex(snapshot: DispatchSnapshot, lexicon: Lexicon = new Map()): DispatchIndex {
  const steps = buildDispatchIndexInSteps(snapshot, lexicon);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * The lists' long words for each short form a citizen may say instead (社保 for 社会保险), shared
 * by how many documents use each reading, as features a complaint's short form brings with it.
 */
function abbreviationFeatures(documents: ListDocument[]): Map<string, Features> {
  const documentFrequency = new Map<string, number>();
  for (const doc of documents) {
    for (const feature of doc.features.keys())
      if (feature.startsWith('w:')) documentFrequency.set(feature.slice(2), (documentFrequency.get(feature.slice(2)) ?? 0) + 1);
  }
  const features = new Map<string, Features>();
  for (const [short, readings] of abbreviationsOf(documentFrequency)) {
    const total = [...readings.values()].reduce((sum, n) => sum + n, 0);
    const into: Features = new Map();
    for (const [word, documents] of readings) textFeatures(word, documents / total, into);
    features.set(short, into);
  }
  return features;
}

/** Items tokenized between two pauses of a stepwise build (a few milliseconds of work). */
const STEP_SIZE = 500;

/**
 * The same build, pausing every few hundred items, so a server can interleave a rebuild with the
 * lookups it keeps answering from the previous index (see DispatchService).
 */
export function* buildDispatchIndexInSteps(
  snapshot: DispatchSnapshot,
  lexicon: Lexicon = new Map(),
  /** A history model built before from the same tickets (the lists changed, the complaints did not): used instead of building one from snapshot.tickets. */
  history?: { model: HistoryModel | undefined },
): Generator<void, DispatchIndex> {
  addVocabulary([
    ...snapshot.matters.flatMap((m) => [m.name, ...m.keywords]),
    ...snapshot.departments.flatMap((d) => d.aliases),
    ...[...lexicon].flatMap(([everyday, listWords]) => [everyday, ...listWords]),
  ]);
  const expansions = new Map([...lexicon].map(([everyday, listWords]) => [normalizeText(everyday), [...new Set(listWords.flatMap((w) => tokenize(w)))]]));
  // Categories (matters with children) are not owned by anyone; their words help their children.
  const categories = new Map(snapshot.matters.map((m) => [m.id, m]));
  const hasChildren = categoryMatters(snapshot.matters);
  const matters = new Map<string, MatterDocument>();
  for (const matter of snapshot.matters.filter((m) => !hasChildren.has(m.id))) {
    const doc: MatterDocument = { id: matter.id, name: matter.name, keywords: matter.keywords.map(normalizeText), words: new Map() };
    addText(doc, matter.name, FIELD_WEIGHT.name);
    for (const keyword of matter.keywords) addText(doc, keyword, FIELD_WEIGHT.keyword);
    const parent = matter.parent ? categories.get(matter.parent) : undefined;
    if (parent) for (const word of [parent.name, ...parent.keywords]) addText(doc, word, FIELD_WEIGHT.category);
    matters.set(matter.id, doc);
  }
  const holders: DispatchIndex['holders'] = new Map();
  const hold = (matter: string, department: string, weight: number, item?: { code: string; name: string }) => {
    if (!holders.has(matter)) holders.set(matter, new Map());
    const byDepartment = holders.get(matter)!;
    const holding = byDepartment.get(department) ?? { weight: 0, items: [] };
    holding.weight += weight;
    if (item) holding.items.push(item);
    byDepartment.set(department, holding);
  };
  const departments = new Map(snapshot.departments.map((d) => [d.id, d]));
  for (const [n, item] of snapshot.powerItems.entries()) {
    if (n % STEP_SIZE === 0) yield;
    for (const matter of item.matters) {
      const doc = matters.get(matter);
      if (doc) addText(doc, item.name, FIELD_WEIGHT.item);
      hold(matter, item.department, TYPE_WEIGHT[item.type], { code: item.code, name: item.name });
    }
  }
  for (const [n, task] of snapshot.tasks.entries()) {
    if (n % STEP_SIZE === 0) yield;
    for (const matter of task.matters) {
      const doc = matters.get(matter);
      if (doc) addText(doc, task.name, FIELD_WEIGHT.task);
      hold(matter, task.department, TASK_WEIGHT);
    }
  }
  for (const item of snapshot.boundaryItems.filter((b) => b.status === 'published')) {
    for (const matter of item.matters) {
      const doc = matters.get(matter);
      if (doc) addText(doc, item.title, FIELD_WEIGHT.boundary);
    }
  }
  const words = buildField(new Map([...matters.values()].map((doc) => [doc.id, doc.words])), BM25.k1, BM25.b);
  const keywordsByCharacter: DispatchIndex['keywordsByCharacter'] = new Map();
  const entriesOf = (character: number) => {
    let entries = keywordsByCharacter.get(character);
    if (!entries) keywordsByCharacter.set(character, (entries = { first: [], second: [] }));
    return entries;
  };
  for (const doc of matters.values()) {
    for (const keyword of new Set(doc.keywords.filter((k) => k.length >= 2))) {
      const entry = { matter: doc.id, at: words.numberOf.get(doc.id)!, keyword };
      entriesOf(keyword.charCodeAt(0)).first.push(entry);
      entriesOf(keyword.charCodeAt(1)).second.push(entry);
    }
  }

  const regionChain = regionChains(snapshot.regions);
  const coordinators = new Map(snapshot.departments.filter((d) => d.coordinator).map((d) => [d.region, d.id]));
  const regionNames = longestFirst(snapshot.regions.map((r) => r.name));
  yield;
  const documents = listDocuments(snapshot, (name) => withoutRegionNames(name, regionNames));
  yield;
  const lists = buildListModel(documents, new Set(snapshot.departments.filter((d) => !d.coordinator).map((d) => d.id)));
  const pastTickets = history ? history.model : yield* buildPastTickets(snapshot.tickets ?? []);
  const expansionFeatures = new Map([...lexicon].map(([everyday, listWords]) => [normalizeText(everyday), textFeatures(listWords.join('，'))]));
  for (const [short, features] of abbreviationFeatures(documents)) if (!expansionFeatures.has(short)) expansionFeatures.set(short, features);
  return {
    matters: new Map([...matters.values()].map(({ id, name }) => [id, { id, name }])),
    words,
    expansions,
    keywordsByCharacter,
    holders,
    regionNames: longestFirst(snapshot.regions.map((r) => normalizeText(r.name))),
    boundaries: decidingBoundaryItems(snapshot.boundaryItems),
    departments,
    regionChain,
    coordinators,
    functionOf: departmentFunctions(snapshot, regionNames),
    history: tallyHistory(snapshot.routings ?? []),
    lists,
    pastTickets,
    expansionFeatures,
    builtAt: Date.now(),
  };
}

/**
 * Groups the same office across levels. Two departments share a function when one's power items
 * mirror the other's (CORRESPONDS_TO, how city-county lists are compared), or when their names
 * agree once the region names are taken out (澜州市教育局 and 南岭县教育局 are both 教育局).
 */
function departmentFunctions(snapshot: DispatchSnapshot, regionNames: string[]): Map<string, string> {
  const parent = new Map(snapshot.departments.map((d) => [d.id, d.id]));
  const find = (id: string): string => {
    let root = id;
    while (parent.get(root) !== root) root = parent.get(root) ?? root;
    parent.set(id, root);
    return root;
  };
  const union = (a: string, b: string) => {
    if (!parent.has(a) || !parent.has(b)) return;
    const [ra, rb] = [find(a), find(b)].sort();
    parent.set(rb!, ra!);
  };
  const departmentOfItem = new Map(snapshot.powerItems.map((p) => [p.code, p.department]));
  for (const item of snapshot.powerItems) {
    const mirrored = item.correspondsTo ? departmentOfItem.get(item.correspondsTo) : undefined;
    if (mirrored) union(item.department, mirrored);
  }
  const byOfficeName = new Map<string, string>();
  for (const department of snapshot.departments) {
    const office = withoutRegionNames(department.name, regionNames);
    if (office.length < 2 || office === department.name) continue;
    const first = byOfficeName.get(office);
    if (first) union(first, department.id);
    else byOfficeName.set(office, department.id);
  }
  return new Map(snapshot.departments.map((d) => [d.id, find(d.id)]));
}

/** Names of at least two characters, longest first (so 克拉玛依市 goes before 克拉玛依). */
function longestFirst(names: string[]): string[] {
  return names.filter((n) => n.length >= 2).sort((a, b) => b.length - a.length);
}

/** A department's name without the names of regions: the office it is (克拉玛依市交通运输局 -> 交通运输局). */
function withoutRegionNames(name: string, regionNames: string[]): string {
  let office = name;
  for (const region of regionNames) office = office.split(region).join('');
  return office;
}

/** The text model of past tickets, or none when no ticket says who took or refused it. */
export function* buildPastTickets(tickets: PastTicket[]): Generator<void, HistoryModel | undefined> {
  return tickets.some((t) => t.takenBy !== undefined || t.refusedBy.length > 0) ? yield* buildHistoryModel(tickets) : undefined;
}

/**
 * The published department-scope boundary items of each matter: what decides a matter-road
 * answer. Section items split work inside one department: their words help, their leads do not
 * decide. Cheap, so a boundary item published or retired is swapped into a running index at once
 * (withBoundaryItems) before the slower rebuild of the words.
 */
function decidingBoundaryItems(items: DispatchSnapshot['boundaryItems']): DispatchIndex['boundaries'] {
  const boundaries: DispatchIndex['boundaries'] = new Map();
  for (const item of items) {
    if (item.status !== 'published' || item.scope !== 'department') continue;
    for (const matter of item.matters) boundaries.set(matter, [...(boundaries.get(matter) ?? []), item]);
  }
  return boundaries;
}

/** The index with the boundary items' decisions replaced (their words stay until the next full build). */
export function withBoundaryItems(index: DispatchIndex, items: DispatchSnapshot['boundaryItems']): DispatchIndex {
  return { ...index, boundaries: decidingBoundaryItems(items) };
}

/** The index with what the hotline's history says replaced: the routing tallies and the text model of past tickets. */
export function withHistory(index: DispatchIndex, routings: RoutingTally[], pastTickets: HistoryModel | undefined): DispatchIndex {
  return { ...index, history: tallyHistory(routings), pastTickets };
}

function tallyHistory(routings: RoutingTally[]): DispatchIndex['history'] {
  const history: DispatchIndex['history'] = new Map();
  for (const tally of routings) {
    if (!history.has(tally.matter)) history.set(tally.matter, new Map());
    const byDepartment = history.get(tally.matter)!;
    const outcomes = byDepartment.get(tally.department) ?? { taken: 0, refused: 0 };
    outcomes.taken += tally.accepted + tally.resolved;
    outcomes.refused += tally.refused + tally.returned;
    byDepartment.set(tally.department, outcomes);
  }
  return history;
}
