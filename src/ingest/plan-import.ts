import { RECORD_FILES, recordKey, type Bundle, type RecordFile, type RecordTypes } from '../model/bundle.js';
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

/** One record as the writer's Cypher takes it: key, node fields, and the fields that become relationships. */
export interface WriteRow {
  key: string;
  props: Record<string, unknown>;
  [link: string]: unknown;
}

export interface ImportPlan {
  /** Only the created and updated records, per file. */
  rows: { [F in RecordFile]: WriteRow[] };
  counts: Record<RecordFile, FileCounts>;
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
  return JSON.parse(JSON.stringify(value)) as T;
}

/** The writer's row for one record. */
export function toWriteRow<F extends RecordFile>(file: F, record: RecordTypes[F], hash: string): WriteRow {
  const fields = record as Record<string, unknown>;
  const props: Record<string, unknown> = { importHash: hash };
  const row: WriteRow = { key: recordKey(file, record), props };
  for (const [name, value] of Object.entries(fields)) {
    if (NODE_FIELDS[file].includes(name)) props[name] = value;
    else row[name] = value;
  }
  for (const list of LIST_LINKS[file] ?? []) row[list] ??= [];
  return withoutUndefined(row);
}

/**
 * Classifies every record against the graph's hashes (`existing`: key -> hash, null when the
 * node was made outside an import) and keeps only what must be written.
 */
export function planImport(bundle: Bundle, existing: Record<RecordFile, Map<string, string | null>>, rejected: Partial<Record<RecordFile, number>> = {}): ImportPlan {
  const rows = {} as ImportPlan['rows'];
  const counts = {} as ImportPlan['counts'];
  for (const file of RECORD_FILES) {
    const fileCounts: FileCounts = { created: 0, updated: 0, unchanged: 0, rejected: rejected[file] ?? 0 };
    const fileRows: WriteRow[] = [];
    for (const record of bundle[file] as RecordTypes[RecordFile][]) {
      const hash = recordHash(file, record);
      const key = recordKey(file, record);
      if (!existing[file].has(key)) fileCounts.created++;
      else if (existing[file].get(key) === hash) {
        fileCounts.unchanged++;
        continue;
      } else fileCounts.updated++;
      fileRows.push(toWriteRow(file, record, hash));
    }
    rows[file] = fileRows;
    counts[file] = fileCounts;
  }
  return { rows, counts };
}
