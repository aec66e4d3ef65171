import { kindOf, RECORD_FILES, recordKey, type RecordFile, type RecordTypes } from '../model/record-kinds.js';
import { recordHash } from '../model/canonical.js';

/**
 * Decides, record by record, what an import does: create, update or leave unchanged, by
 * comparing each record's hash with the `importHash` the graph holds. Pure: the writer runs it.
 */

export interface FileCounts {
  created: number;
  updated: number;
  /** Written by an import that was cut before it finished them, finished now. */
  resumed: number;
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
  const { nodeFields, listLinks } = kindOf(file);
  const props: Record<string, unknown> = {};
  const row: WriteRow = { key: recordKey(file, record), hash: recordHash(file, record), props };
  for (const [name, value] of Object.entries(record as Record<string, unknown>)) {
    if (nodeFields.includes(name)) props[name] = value;
    else row[name] = value;
  }
  for (const list of listLinks) row[list] ??= [];
  return withoutUndefined(row);
}

/** The files of an import's counts that it wrote anything to (created, updated or resumed). */
export function changedFiles(counts: Record<RecordFile, FileCounts>): RecordFile[] {
  return RECORD_FILES.filter((file) => counts[file].created + counts[file].updated + counts[file].resumed > 0);
}

/** How a record compares with the graph: `existing` maps key -> stored hash (null: no hash). */
export function classify(row: WriteRow, existing: Map<string, string | null>): 'created' | 'updated' | 'resumed' | 'unchanged' {
  if (!existing.has(row.key)) return 'created';
  const hash = existing.get(row.key);
  if (hash === PENDING) return 'resumed';
  return hash === row.hash ? 'unchanged' : 'updated';
}

/** The hash existingRecords reports for a record an import wrote in its first pass and did not link (importPending). */
const PENDING = '~pending';
