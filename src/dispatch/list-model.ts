import { generalWeight, textFeatures, type Features } from '../text/features.js';
import type { DispatchSnapshot } from './snapshot.js';
import { addInto, DocumentIndex, Idf, tfidf, unit, searchableBy, type Vector } from './vector-space.js';

/**
 * Dispatch by the lists' own words, for lists with no matter tags (as cities publish them).
 * Every power item, task and published boundary item is a document: its name (with the sub-item)
 * and, at a lower weight, the titles of its legal bases. A department's profile is the centroid
 * of its documents and its own name (交通运输局 says 交通), each document counted once however
 * long: a department with many items is not favoured for having many. A complaint is scored
 * against every profile (cosine of TF-IDF vectors over words, characters and character pairs)
 * and every document; the evidence is the department's documents nearest the complaint, found
 * in that same search. Pure.
 */

/** How much a legal basis title counts beside the item's own name. */
const BASIS_WEIGHT = 0.3;

export type ListDocumentKind = 'department' | 'power-item' | 'task' | 'boundary-item';

export interface ListDocument {
  id: string;
  kind: ListDocumentKind;
  /** What the evidence shows: the item's, task's or boundary item's name. */
  text: string;
  departments: string[];
  features: Features;
}

export interface ListModel {
  idf: Idf;
  /** department -> its profile. */
  profiles: DocumentIndex;
  profileOf: Map<string, Vector>;
  documents: { id: string; kind: ListDocumentKind; text: string; departments: string[] }[];
  /** Every document, for the nearest documents' share of a department's score. */
  all: DocumentIndex;
  /** department -> log of its number of documents, less the mean over departments (0 for a typical one). */
  relativeSize: Map<string, number>;
}

/** The lists as documents; `officeName` is a department's name with the region names taken out. */
export function listDocuments(snapshot: DispatchSnapshot, officeName: (name: string) => string): ListDocument[] {
  const documents: ListDocument[] = [];
  for (const department of snapshot.departments) {
    if (department.coordinator) continue;
    const features = textFeatures(officeName(department.name));
    for (const alias of department.aliases) textFeatures(alias, 1, features);
    documents.push({ id: department.id, kind: 'department', text: department.name, departments: [department.id], features });
  }
  for (const item of snapshot.powerItems) {
    const features = textFeatures(item.name);
    for (const title of item.bases ?? []) textFeatures(title, BASIS_WEIGHT, features);
    documents.push({ id: item.code, kind: 'power-item', text: item.name, departments: [item.department], features });
  }
  for (const task of snapshot.tasks)
    documents.push({ id: task.id, kind: 'task', text: task.name, departments: [task.department], features: textFeatures(task.name) });
  for (const boundary of snapshot.boundaryItems) {
    if (boundary.status !== 'published' || boundary.scope !== 'department') continue;
    const features = textFeatures(boundary.title);
    if (boundary.text) textFeatures(boundary.text, BASIS_WEIGHT, features);
    documents.push({ id: boundary.id, kind: 'boundary-item', text: boundary.title, departments: [boundary.lead, ...boundary.cooperating], features });
  }
  return documents;
}

export function buildListModel(documents: ListDocument[], departments: Set<string>): ListModel {
  // A word common in all Chinese (公司, 时间) says less than the lists' IDF alone would say.
  const idf = new Idf(generalWeight);
  for (const doc of documents) idf.add(doc.features);
  const centroids = new Map<string, Vector>();
  const entries = new Map<string, number>();
  const kept: ListModel['documents'] = [];
  const all = new DocumentIndex(searchableBy(idf));
  for (const doc of documents) {
    const vector = tfidf(doc.features, idf);
    const at = kept.push({ id: doc.id, kind: doc.kind, text: doc.text, departments: doc.departments }) - 1;
    all.add(at, vector, doc.departments);
    for (const department of doc.departments) {
      if (!departments.has(department)) continue;
      let centroid = centroids.get(department);
      if (!centroid) centroids.set(department, (centroid = new Map()));
      addInto(centroid, vector);
      entries.set(department, (entries.get(department) ?? 0) + 1);
    }
  }
  const profiles = new DocumentIndex();
  let number = 0;
  for (const [department, centroid] of centroids) profiles.add(number++, unit(centroid), [department]);
  const logSizes = [...entries].map(([department, count]) => [department, Math.log(count)] as const);
  const meanLogSize = logSizes.reduce((sum, [, size]) => sum + size, 0) / Math.max(1, logSizes.length);
  const relativeSize = new Map(logSizes.map(([department, size]) => [department, size - meanLogSize]));
  return { idf, profiles, profileOf: centroids, documents: kept, all, relativeSize };
}

/** The share of a department's score that comes from its documents nearest the complaint (the rest from its profile). */
const NEAREST_SHARE = 0.3;

export interface ListScores {
  /** department -> its similarity to the complaint, 0..1. */
  scores: Map<string, number>;
  /** The department's documents nearest the complaint, nearest first: the entries that make its case. */
  nearestDocuments(department: string): ListModel['documents'];
}

/**
 * Each department's similarity to the complaint (its features), 0..1: mostly its profile's,
 * partly its nearest documents' (one item that says exactly what the complaint says counts).
 */
export function listScores(model: ListModel, query: Features): ListScores {
  const vector = tfidf(query, model.idf);
  const scores = model.profiles.similaritiesByLabel(vector);
  for (const [department, score] of scores) scores.set(department, (1 - NEAREST_SHARE) * score);
  const nearest = model.all.nearestPerLabel(vector);
  for (const [department, score] of nearest.scores) scores.set(department, (scores.get(department) ?? 0) + NEAREST_SHARE * score);
  // Characters alone make no case (天气 and 天然气 share 天 and 气): the leaders must share a word or a pair.
  const leaders = [...scores].sort((a, b) => b[1] - a[1]).slice(0, LEADERS_CHECKED);
  for (const [department] of leaders) if (!sharesWordOrPair(vector, model.profileOf.get(department)!)) scores.delete(department);
  return { scores, nearestDocuments: (department) => nearest.idsOf(department).map((id) => model.documents[id]!) };
}

/** Departments checked for a shared word or pair: those that could lead. */
const LEADERS_CHECKED = 5;

function sharesWordOrPair(query: Vector, profile: Vector): boolean {
  for (const feature of query.keys()) if (!feature.startsWith('c:') && profile.has(feature)) return true;
  return false;
}
