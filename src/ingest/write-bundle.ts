import type { Tx } from '../db/database.js';
import { useQueries } from '../db/named-queries.js';
import { tallyComplaints, tallyWrittenComplaints, untallyComplaints } from '../db/tallies.js';
import type { ComplaintState } from '../model/routing-tallies.js';
import { kindOf, RECORD_FILES, type RecordFile, type RecordTypes } from '../model/record-kinds.js';
import type { OpenedBundle } from './open-bundle.js';
import { classify, toWriteRow, type FileCounts, type WriteRow } from './plan-import.js';
import type { Validation } from './validate-bundle.js';

const Q = useQueries(['existingRecords', 'upsertVolumes']);
/** The writing queries every kind's registry entry names. */
const KIND_QUERIES = useQueries(
  RECORD_FILES.flatMap((file) => {
    const { upsert, create, createLinked, link } = kindOf(file).queries;
    return [upsert, create, createLinked, link].filter((name) => name !== undefined);
  }),
);

/** The kinds stored as nodes (volumes are relationships, written last). */
const NODE_FILES = RECORD_FILES.filter((file) => kindOf(file).keyField !== undefined);

/** The queries of a node kind, which the registry names. */
function nodeQueries(file: RecordFile) {
  const { upsert, create, link, createLinked } = kindOf(file).queries;
  return {
    upsert: KIND_QUERIES[upsert]!,
    create: KIND_QUERIES[create!]!,
    link: KIND_QUERIES[link!]!,
    createLinked: createLinked ? KIND_QUERIES[createLinked] : undefined,
  };
}

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

/**
 * The valid records of one file as writer rows, in batches, read afresh from the source. With
 * `only`, records whose key is not in it are skipped before any parsing.
 */
async function* batchesOf(bundle: OpenedBundle, file: RecordFile, validation: Validation, size: number, only?: Set<string>): AsyncGenerator<WriteRow[]> {
  const source = bundle.sources[file];
  if (!source) return;
  let batch: WriteRow[] = [];
  for await (const entry of source.entries()) {
    if (entry.value === undefined || validation.rejected.has(entry.where)) continue;
    if (only && !only.has(String((entry.value as Record<string, unknown>)[kindOf(file).keyField!]).trim())) continue;
    const parsed = kindOf(file).schema.safeParse(entry.value);
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
  params[file] =
    file === 'volumes'
      ? rows.map((row) => ({ powerItem: row.powerItem, section: row.section, year: row.props.year, key: row.key }))
      : rows.map((row) => row.key);
  const [result] = await tx.run<Record<RecordFile, { key: string; hash: string | null }[]>>(Q.existingRecords, params);
  return new Map((result?.[file] ?? []).map(({ key, hash }) => [key, hash]));
}

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
    RECORD_FILES.map((file) => [file, { created: 0, updated: 0, resumed: 0, unchanged: 0, rejected: validation.rejectedCounts[file] ?? 0 }]),
  ) as Record<RecordFile, FileCounts>;
  const progress = (phase: WriteProgress['phase'], file: RecordFile, done: number, total = validation.totals[file]) =>
    options.onProgress?.({ phase, file, done, total });
  const batches = (file: RecordFile, only?: Set<string>) => readAhead(batchesOf(bundle, file, validation, options.batchSize, only));

  /**
   * Classifies a batch and writes its new and changed nodes; returns those still to be linked.
   * Complaints about to change leave the routing tallies first (they come back once linked).
   */
  const writeNodes = async (tx: Tx, file: RecordFile, rows: WriteRow[]): Promise<{ toLink: WriteRow[]; created: WriteRow[]; updated: WriteRow[] }> => {
    const queries = nodeQueries(file);
    const existing = options.emptyInGraph?.has(file) ? new Map<string, string | null>() : await existingHashes(tx, file, rows);
    const created: WriteRow[] = [];
    const updated: WriteRow[] = [];
    for (const row of rows) {
      const outcome = classify(row, existing);
      counts[file][outcome]++;
      // A file written in two passes marks its nodes until the second links them (importPending).
      const marked = kindOf(file).selfReferencing ? { ...row, props: { ...row.props, importPending: true } } : row;
      if (outcome === 'created') created.push(marked);
      else if (outcome === 'updated' || outcome === 'resumed') updated.push(marked);
    }
    if (updated.length > 0 && file === 'complaints')
      await untallyComplaints(
        tx,
        updated.map((row) => row.key),
      );
    if (updated.length > 0) await tx.run(queries.upsert, { rows: updated });
    if (created.length === 0) return { toLink: updated, created, updated };
    if (queries.createLinked && !kindOf(file).selfReferencing) {
      await tx.run(queries.createLinked, { rows: created });
      return { toLink: updated, created, updated };
    }
    await tx.run(queries.create, { rows: created });
    return { toLink: [...created, ...updated], created, updated };
  };

  for (const file of NODE_FILES) {
    const queries = nodeQueries(file);
    let done = 0;
    if (!kindOf(file).selfReferencing) {
      for await (const rows of batches(file)) {
        await runner.run(queries.upsert.name, async (tx) => {
          const { toLink, created, updated } = await writeNodes(tx, file, rows);
          if (toLink.length > 0) await tx.run(queries.link, { rows: toLink });
          // What the new and changed complaints count goes into the routing tallies, in this
          // transaction: the new ones from their records, the changed ones read back.
          if (file === 'complaints') {
            await tallyWrittenComplaints(tx, created.map(complaintState));
            await tallyComplaints(
              tx,
              updated.map((row) => row.key),
            );
          }
        });
        progress('nodes', file, (done += rows.length));
      }
      continue;
    }
    const pending = new Set<string>();
    for await (const rows of batches(file)) {
      const { toLink } = await runner.run(queries.upsert.name, (tx) => writeNodes(tx, file, rows));
      for (const row of toLink) pending.add(row.key);
      progress('nodes', file, (done += rows.length));
    }
    done = 0;
    for await (const rows of batches(file, pending)) {
      await runner.run(queries.link.name, (tx) => tx.run(queries.link, { rows }));
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

/** What a complaint's writer row counts in the routing tallies (its routes numbered as createComplaintsLinked numbers them). */
function complaintState(row: WriteRow): ComplaintState {
  const { district, matter, routes } = row as WriteRow & { district?: string; matter?: string; routes?: { department: string; outcome: string }[] };
  return {
    id: row.key,
    district,
    matters: matter ? [matter] : [],
    routes: (routes ?? []).map((route, i) => ({ seq: i + 1, outcome: route.outcome, department: route.department })),
  };
}
