import type { Database, Tx } from '../db/database.js';
import { useQueries } from '../db/named-queries.js';
import { induceMattersInGraph, type InductionReport } from '../catalog/induced-matters.js';
import { bumpGraphRevision, type ChangeKind } from '../db/revision.js';
import { markTallied } from '../db/tallies.js';
import { AppError, ErrorCode } from '../errors.js';
import { RECORD_FILES, type RecordFile } from '../model/record-kinds.js';
import { openBundle, type BundleInput } from './open-bundle.js';
import type { DirectoryEntries } from './spreadsheet/directory.js';
import type { ListDefaults } from './spreadsheet/spreadsheet-sources.js';
import { changedFiles, type FileCounts } from './plan-import.js';
import { emptyKeySets, validateBundle, type GraphView } from './validate-bundle.js';
import { writeBundle, type WriteProgress, type WriteRunner } from './write-bundle.js';

const Q = useQueries(['graphKeys', 'implementingSections', 'emptyLabels', 'directoryNames']);

/**
 * Up to this many records an import is one transaction (all or nothing). Larger imports commit
 * batch by batch and are resumable: rerunning a cut import ends in the same graph
 * (docs/decisions/002).
 */
const ATOMIC_LIMIT = 50_000;

export type ImportMode = 'auto' | 'atomic' | 'resumable';
/** Where an import is: reading records to validate them (their number not yet known), or writing them. */
export type ImportProgress = WriteProgress | { phase: 'validating'; file: RecordFile; done: number; total?: undefined };

export interface ImportOptions {
  /** Import the valid records and report the bad ones, instead of writing nothing. */
  skipInvalid?: boolean;
  mode?: ImportMode;
  onProgress?: (progress: ImportProgress) => void;
  /** Called once validation is done, before the first write. */
  onValidated?: (summary: { records: number; mode: 'atomic' | 'resumable' }) => void;
  batchSize?: number;
  /** Time limit of the import's transaction(s); an import outlives the server's default. */
  timeoutMs?: number;
  /** A folder no file may lead out of (links followed): the API's import folder. */
  within?: string;
  /** The bundle's name in messages (the API's callers know it by its path in the import folder). */
  displayName?: string;
  /** What lists' rows get when they do not name it in words the graph knows (`--department`). */
  defaults?: ListDefaults;
}

export interface ImportReport {
  /** The folder or file imported, or the name of a bundle given in memory. */
  folder: string;
  name: string | undefined;
  mode: 'atomic' | 'resumable';
  counts: Record<RecordFile, FileCounts>;
  /** Problems found (capped); with skipInvalid their records were left out, else the import throws. */
  errors: string[];
  /** What the readers left out on purpose (columns not read, repeated rows folded), `where: what`. */
  notes: string[];
  /** Matters induced again from the untagged lists after the import changed something. */
  induced?: InductionReport;
}

async function graphView(db: Database): Promise<GraphView> {
  const [row] = await db.read<Partial<Record<RecordFile, string[]>>>(Q.graphKeys);
  const keys = emptyKeySets();
  for (const file of RECORD_FILES) for (const key of row?.[file] ?? []) keys[file].add(key);
  return {
    keys,
    implementingSections: async () => new Map((await db.read<{ code: string; sections: string[] }>(Q.implementingSections)).map((r) => [r.code, r.sections])),
  };
}

async function graphNames(db: Database): Promise<DirectoryEntries> {
  const [names] = await db.read<DirectoryEntries>(Q.directoryNames);
  return names ?? { departments: [], sections: [], regions: [], matters: [] };
}

/**
 * Imports a bundle (a folder, a single list file, or files in memory): validates every record first (a bad one, unless skipInvalid, stops
 * the import before anything is written), then writes only what changed. Small imports are one
 * transaction; large ones commit in batches, and a rerun after a failure completes them.
 */
export async function importBundle(db: Database, input: BundleInput, options: ImportOptions = {}): Promise<ImportReport> {
  const bundle = await openBundle(input, { graphNames: () => graphNames(db), within: options.within, defaults: options.defaults });
  const folder = options.displayName ?? bundle.name;
  const validation = await validateBundle(bundle, await graphView(db), ({ file, done }) => options.onProgress?.({ phase: 'validating', file, done }));
  if (validation.problemCount > 0 && !options.skipInvalid) {
    const more = validation.problemCount - validation.errors.length;
    const details = more > 0 ? [...validation.errors, `… and ${more} more`] : validation.errors;
    throw new AppError(ErrorCode.BAD_USER_INPUT, `${folder}: ${validation.problemCount} problem(s) in the bundle; nothing was imported`, details, {
      problems: validation.problems,
    });
  }
  const records = RECORD_FILES.reduce((sum, file) => sum + validation.totals[file], 0);
  const mode = options.mode === 'atomic' || options.mode === 'resumable' ? options.mode : records <= ATOMIC_LIMIT ? 'atomic' : 'resumable';
  options.onValidated?.({ records, mode });
  const timeoutMs = options.timeoutMs ?? 30 * 60_000;
  // Asked before the first write, so a rerun after a cut (the label no longer empty) looks up hashes again.
  const [empty] = await db.read<Record<RecordFile, boolean>>(Q.emptyLabels);
  const emptyInGraph = new Set(RECORD_FILES.filter((file) => empty?.[file]));
  const write = (runner: WriteRunner) =>
    writeBundle(bundle, validation, runner, { batchSize: options.batchSize ?? 5000, onProgress: options.onProgress, emptyInGraph });
  const changed = (counts: Record<RecordFile, FileCounts>) => changedFiles(counts).length > 0;
  // Complaints written into a graph that had none, to the last: the routing tallies count them all.
  const talliesComplete = (counts: Record<RecordFile, FileCounts>) => emptyInGraph.has('complaints') && counts.complaints.created > 0;
  const bump = (tx: Tx, counts: Record<RecordFile, FileCounts>) => bumpGraphRevision(tx, changeKinds(changedFiles(counts)));
  // The revision tells a running dispatch index to rebuild; an atomic import bumps it in its own transaction.
  const counts =
    mode === 'atomic'
      ? await db.writeTx(
          async (tx) => {
            const written = await write({ run: (_label, work) => work(tx) });
            if (changed(written)) await bump(tx, written);
            if (talliesComplete(written)) await markTallied(tx);
            return written;
          },
          'importBundle',
          { timeoutMs },
        )
      : await write({ run: (label, work) => db.writeTx(work, label, { timeoutMs }) });
  if (mode === 'resumable' && changed(counts))
    await db.writeTx(async (tx) => {
      await bump(tx, counts);
      if (talliesComplete(counts)) await markTallied(tx);
    }, 'bumpGraphRevision');
  // Untagged lists get their matters from the graph itself; a city that tags every item pays one query.
  const induced = changed(counts) ? await induceMattersInGraph(db) : undefined;
  return { folder, name: validation.manifest?.name, mode, counts, errors: validation.errors, notes: validation.notes, induced };
}

/** What a revision records for these changed files: complaints are history, volumes only the figures', the rest the lists. */
function changeKinds(files: RecordFile[]): ChangeKind[] {
  const kinds = new Set<ChangeKind>();
  for (const file of files) {
    if (file === 'complaints') kinds.add('complaints');
    else if (file === 'boundaryItems') kinds.add('boundaries');
    else if (file !== 'volumes') kinds.add('lists');
  }
  return [...kinds];
}
