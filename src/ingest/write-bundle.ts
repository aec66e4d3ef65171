import type { Tx } from '../db/database.js';
import { useQueries } from '../db/named-queries.js';
import { RECORD_FILES, RECORD_SCHEMAS, type RecordFile, type RecordTypes } from '../model/bundle.js';
import type { OpenedBundle } from './open-bundle.js';
import { classify, toWriteRow, type FileCounts, type WriteRow } from './plan-import.js';
import type { Validation } from './validate-bundle.js';

const Q = useQueries([
  'existingRecords',
  'createRegions', 'createDepartments', 'createSections', 'createMatters', 'createPowerItems', 'createServiceItems',
  'createTasks', 'createBoundaryItems', 'createComplaints', 'createComplaintsLinked',
  'upsertRegions', 'upsertDepartments', 'upsertSections', 'upsertMatters', 'upsertPowerItems', 'upsertServiceItems',
  'upsertTasks', 'upsertBoundaryItems', 'upsertComplaints', 'upsertVolumes',
  'linkRegions', 'linkDepartments', 'linkSections', 'linkMatters', 'linkPowerItems', 'linkServiceItems', 'linkTasks',
  'linkBoundaryItems', 'linkComplaints',
]);

type NodeFile = Exclude<RecordFile, 'volumes'>;
const NODE_FILES = RECORD_FILES.filter((file): file is NodeFile => file !== 'volumes');
const UPSERT: Record<NodeFile, keyof typeof Q> = {
  regions: 'upsertRegions', departments: 'upsertDepartments', sections: 'upsertSections', matters: 'upsertMatters',
  powerItems: 'upsertPowerItems', serviceItems: 'upsertServiceItems', tasks: 'upsertTasks',
  boundaryItems: 'upsertBoundaryItems', complaints: 'upsertComplaints',
};
const CREATE: Record<NodeFile, keyof typeof Q> = {
  regions: 'createRegions', departments: 'createDepartments', sections: 'createSections', matters: 'createMatters',
  powerItems: 'createPowerItems', serviceItems: 'createServiceItems', tasks: 'createTasks',
  boundaryItems: 'createBoundaryItems', complaints: 'createComplaints',
};
const LINK: Record<NodeFile, keyof typeof Q> = {
  regions: 'linkRegions', departments: 'linkDepartments', sections: 'linkSections', matters: 'linkMatters',
  powerItems: 'linkPowerItems', serviceItems: 'linkServiceItems', tasks: 'linkTasks',
  boundaryItems: 'linkBoundaryItems', complaints: 'linkComplaints',
};

/** Runs one unit of writes: all in one transaction (atomic import) or each in its own (resumable). */
export interface WriteRunner {
  run<T>(label: string, work: (tx: Tx) => Promise<T>): Promise<T>;
}

export interface WriteProgress {
  phase: 'nodes' | 'relationships';
  file: RecordFile;
  done: number;
  total: number;
}

/** The field holding each file's key in a raw record (volumes have a composite key). */
const KEY_FIELD: Record<NodeFile, string> = {
  regions: 'code', departments: 'id', sections: 'id', matters: 'id', powerItems: 'code', serviceItems: 'code', tasks: 'id',
  boundaryItems: 'id', complaints: 'id',
};

/**
 * The valid records of one file as writer rows, in batches, read afresh from the source. With
 * `only`, records whose key is not in it are skipped before any parsing.
 */
async function* batchesOf(bundle: OpenedBundle, file: RecordFile, validation: Validation, size: number, only?: Set<string>): AsyncGenerator<WriteRow[]> {
  const source = bundle.sources[file];
  if (!source) return;
  let batch: WriteRow[] = [];
  for await (const entry of source.entries()) {
    if (entry.error !== undefined || validation.rejected.has(entry.where)) continue;
    if (only && !only.has(String((entry.value as Record<string, unknown>)[KEY_FIELD[file as NodeFile]]).trim())) continue;
    const parsed = RECORD_SCHEMAS[file].safeParse(entry.value);
    if (!parsed.success) continue; // cannot happen: validation rejected it
    let record = parsed.data as RecordTypes[RecordFile];
    if (file === 'volumes' && !(record as RecordTypes['volumes']).section) {
      record = { ...(record as RecordTypes['volumes']), section: validation.defaultSectionOf((record as RecordTypes['volumes']).powerItem) };
    }
    batch.push(toWriteRow(file, record));
    if (batch.length >= size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

/**
 * Iterates `source` one step ahead: the next batch is read and parsed while the database
 * writes the current one, so Node and Neo4j work side by side on the two cores.
 */
async function* readAhead<T>(source: AsyncIterable<T>): AsyncGenerator<T> {
  const iterator = source[Symbol.asyncIterator]();
  let next = iterator.next();
  for (;;) {
    const current = await next;
    if (current.done) return;
    next = iterator.next();
    yield current.value;
  }
}

async function existingHashes(tx: Tx, file: RecordFile, rows: WriteRow[]): Promise<Map<string, string | null>> {
  const params: Record<string, unknown> = Object.fromEntries(RECORD_FILES.map((f) => [f, []]));
  params[file] = file === 'volumes'
    ? rows.map((row) => ({ powerItem: row.powerItem, section: row.section, year: row.props.year, key: row.key }))
    : rows.map((row) => row.key);
  const [result] = await tx.run<Record<RecordFile, { key: string; hash: string | null }[]>>(Q.existingRecords, params);
  return new Map((result?.[file] ?? []).map(({ key, hash }) => [key, hash]));
}

/** New records of these files are created with their relationships in one statement (hot path). */
const CREATE_LINKED: Partial<Record<NodeFile, keyof typeof Q>> = { complaints: 'createComplaintsLinked' };

/** Files whose records refer to records of the same file (a region's parent, a county item's city mirror). */
const SELF_REFERENCING = new Set<RecordFile>(['regions', 'matters', 'powerItems']);

/**
 * Writes the valid records of a validated bundle, file by file in dependency order, in batches;
 * unchanged records (same import hash) are not touched. A record's node, its relationships and
 * its hash are written in one transaction, except in files that refer to themselves: there all
 * nodes go first (hash cleared), then relationships and hash, so forward references resolve.
 */
export async function writeBundle(
  bundle: OpenedBundle,
  validation: Validation,
  runner: WriteRunner,
  options: {
    batchSize: number;
    onProgress?: (progress: WriteProgress) => void;
    /** Files of which the graph held no record when the import began: every record is new. */
    emptyInGraph?: ReadonlySet<RecordFile>;
  },
): Promise<Record<RecordFile, FileCounts>> {
  const counts = Object.fromEntries(
    RECORD_FILES.map((file) => [file, { created: 0, updated: 0, unchanged: 0, rejected: validation.rejectedCounts[file] ?? 0 }]),
  ) as Record<RecordFile, FileCounts>;
  const progress = (phase: WriteProgress['phase'], file: RecordFile, done: number, total = validation.totals[file]) =>
    options.onProgress?.({ phase, file, done, total });
  const batches = (file: RecordFile, only?: Set<string>) => readAhead(batchesOf(bundle, file, validation, options.batchSize, only));

  /** Classifies a batch and writes its new and changed nodes; returns those still to be linked. */
  const writeNodes = async (tx: Tx, file: NodeFile, rows: WriteRow[]): Promise<WriteRow[]> => {
    const existing = options.emptyInGraph?.has(file) ? new Map<string, string | null>() : await existingHashes(tx, file, rows);
    const created: WriteRow[] = [];
    const updated: WriteRow[] = [];
    for (const row of rows) {
      const outcome = classify(row, existing);
      counts[file][outcome]++;
      if (outcome === 'created') created.push(row);
      else if (outcome === 'updated') updated.push(row);
    }
    if (updated.length > 0) await tx.run(Q[UPSERT[file]], { rows: updated });
    if (created.length === 0) return updated;
    const createLinked = CREATE_LINKED[file];
    if (createLinked && !SELF_REFERENCING.has(file)) {
      await tx.run(Q[createLinked], { rows: created });
      return updated;
    }
    await tx.run(Q[CREATE[file]], { rows: created });
    return [...created, ...updated];
  };

  for (const file of NODE_FILES) {
    let done = 0;
    if (!SELF_REFERENCING.has(file)) {
      for await (const rows of batches(file)) {
        await runner.run(UPSERT[file], async (tx) => {
          const changed = await writeNodes(tx, file, rows);
          if (changed.length > 0) await tx.run(Q[LINK[file]], { rows: changed });
        });
        progress('nodes', file, (done += rows.length));
      }
      continue;
    }
    const pending = new Set<string>();
    for await (const rows of batches(file)) {
      const changed = await runner.run(UPSERT[file], (tx) => writeNodes(tx, file, rows));
      for (const row of changed) pending.add(row.key);
      progress('nodes', file, (done += rows.length));
    }
    done = 0;
    for await (const rows of batches(file, pending)) {
      await runner.run(LINK[file], (tx) => tx.run(Q[LINK[file]], { rows }));
      progress('relationships', file, (done += rows.length), pending.size);
    }
  }

  let done = 0;
  for await (const rows of batches('volumes')) {
    await runner.run('upsertVolumes', async (tx) => {
      const existing = options.emptyInGraph?.has('volumes') ? new Map<string, string | null>() : await existingHashes(tx, 'volumes', rows);
      const changed = rows.filter((row) => {
        const outcome = classify(row, existing);
        counts.volumes[outcome]++;
        return outcome !== 'unchanged';
      });
      if (changed.length > 0) await tx.run(Q.upsertVolumes, { rows: changed });
    });
    progress('relationships', 'volumes', (done += rows.length));
  }
  return counts;
}
