import { recordKey, type RecordFile, type RecordTypes } from '../model/bundle.js';
import { recordHash } from '../model/canonical.js';

/**
 * Decides, record by record, what an import does: create, update or leave unchanged, by
 * comparing each record's hash with the `importHash` the graph holds. Pure: the writer runs it.
 */

export interface FileCounts {
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
}

/** One record as the writer's Cypher takes it: key, hash, node fields, and the fields that become relationships. */
export interface WriteRow {
  key: string;
  hash: string;
  props: Record<string, unknown>;
  [link: string]: unknown;
}

/** Fields stored on the node (or, for volumes, the relationship); the rest become relationships. */
const NODE_FIELDS: Record<RecordFile, readonly string[]> = {
  regions: ['code', 'name', 'level'],
  departments: ['id', 'name', 'kind', 'aliases', 'coordinator'],
  sections: ['id', 'name', 'posts', 'staffed'],
  matters: ['id', 'name', 'keywords'],
  powerItems: ['code', 'name', 'type', 'level', 'description'],
  serviceItems: ['code', 'name', 'level'],
  tasks: ['id', 'name', 'flowchart', 'norm'],
  boundaryItems: ['id', 'title', 'text', 'scope', 'status', 'batch'],
  complaints: ['id', 'text', 'receivedAt', 'satisfied'],
  volumes: ['year', 'received', 'completed'],
};

/** Relationship fields that are lists: absent means empty, so the Cypher can UNWIND them. */
const LIST_LINKS: Partial<Record<RecordFile, readonly string[]>> = {
  powerItems: ['sections', 'matters', 'legalBasis', 'supervision'],
  tasks: ['matters'],
  boundaryItems: ['cooperating', 'matters'],
  complaints: ['routes'],
};

/** Drops undefined values at every depth (Cypher then sees a missing key as null). */
function withoutUndefined<T>(value: T): T {
  if (Array.isArray(value)) return value.map(withoutUndefined) as T;
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) if (inner !== undefined) out[key] = withoutUndefined(inner);
  return out as T;
}

/** The writer's row for one record. */
export function toWriteRow<F extends RecordFile>(file: F, record: RecordTypes[F]): WriteRow {
  const props: Record<string, unknown> = {};
  const row: WriteRow = { key: recordKey(file, record), hash: recordHash(file, record), props };
  for (const [name, value] of Object.entries(record as Record<string, unknown>)) {
    if (NODE_FIELDS[file].includes(name)) props[name] = value;
    else row[name] = value;
  }
  for (const list of LIST_LINKS[file] ?? []) row[list] ??= [];
  return withoutUndefined(row);
}

/** How a record compares with the graph: `existing` maps key -> stored hash (null: no hash). */
export function classify(row: WriteRow, existing: Map<string, string | null>): 'created' | 'updated' | 'unchanged' {
  if (!existing.has(row.key)) return 'created';
  return existing.get(row.key) === row.hash ? 'unchanged' : 'updated';
}
