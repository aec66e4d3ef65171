import type { Database, Tx } from '../db/database.js';
import { useQueries } from '../db/named-queries.js';
import { AppError, ErrorCode } from '../errors.js';
import { RECORD_FILES, recordKey, type RecordFile } from '../model/bundle.js';
import { planImport, type FileCounts, type WriteRow } from './plan-import.js';
import { readBundle } from './read-bundle.js';
import {
  checkReferences, externalReferences, itemsNeedingSections, REFERENCE_LABELS, resolveVolumeSections, type KeySets, type Label,
} from './references.js';
import { unlocate, validateRecords, type LocatedBundle } from './validate-records.js';

const Q = useQueries([
  'existingRecords', 'implementingSections',
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
const LINK: Record<NodeFile, keyof typeof Q> = {
  regions: 'linkRegions', departments: 'linkDepartments', sections: 'linkSections', matters: 'linkMatters',
  powerItems: 'linkPowerItems', serviceItems: 'linkServiceItems', tasks: 'linkTasks',
  boundaryItems: 'linkBoundaryItems', complaints: 'linkComplaints',
};
/** The file that defines each label a record may refer to. */
const FILE_OF_LABEL: Record<Label, NodeFile> = {
  Region: 'regions', Department: 'departments', Section: 'sections', Matter: 'matters', PowerItem: 'powerItems',
};

export interface ImportProgress {
  phase: 'nodes' | 'relationships';
  file: RecordFile;
  done: number;
  total: number;
}

export interface ImportOptions {
  /** Import the valid records and report the bad ones, instead of writing nothing. */
  skipInvalid?: boolean;
  onProgress?: (progress: ImportProgress) => void;
  batchSize?: number;
  /** Transaction time limit; an import outlives the server's default limit for queries. */
  timeoutMs?: number;
}

export interface ImportReport {
  folder: string;
  name: string | undefined;
  counts: Record<RecordFile, FileCounts>;
  /** Problems found; with skipInvalid their records were left out, else the import throws. */
  errors: string[];
}

type Existing = Record<RecordFile, Map<string, string | null>>;

/**
 * Asks the graph, in one query, which of the bundle's records exist already (with their import
 * hashes) and which of the keys the bundle refers to without defining exist there.
 */
async function lookUpGraph(tx: Tx, bundle: LocatedBundle): Promise<{ existing: Existing; inGraph: KeySets }> {
  const external = externalReferences(bundle);
  const params: Record<string, unknown> = {};
  for (const file of NODE_FILES) params[file] = bundle[file].map(({ record }) => recordKey(file, record));
  for (const label of REFERENCE_LABELS) {
    const file = FILE_OF_LABEL[label];
    params[file] = [...new Set([...(params[file] as string[]), ...external[label]])];
  }
  params.volumes = bundle.volumes.map(({ record }) => ({ ...record, key: recordKey('volumes', record) }));
  const [row] = await tx.run<Record<RecordFile, { key: string; hash: string | null }[]>>(Q.existingRecords, params);
  const existing = {} as Existing;
  for (const file of RECORD_FILES) existing[file] = new Map((row?.[file] ?? []).map(({ key, hash }) => [key, hash]));
  const inGraph = Object.fromEntries(REFERENCE_LABELS.map((label) => [label, new Set(existing[FILE_OF_LABEL[label]].keys())])) as KeySets;
  return { existing, inGraph };
}

function dropBad(bundle: LocatedBundle, bad: Set<string>, rejected: Partial<Record<RecordFile, number>>): void {
  for (const file of RECORD_FILES) {
    const kept = bundle[file].filter((entry) => !bad.has(entry.where));
    const dropped = bundle[file].length - kept.length;
    if (dropped > 0) rejected[file] = (rejected[file] ?? 0) + dropped;
    (bundle[file] as unknown[]) = kept;
  }
}

async function writeBatches(tx: Tx, query: keyof typeof Q, rows: WriteRow[], batchSize: number, progress: (done: number) => void): Promise<void> {
  for (let start = 0; start < rows.length; start += batchSize) {
    await tx.run(Q[query], { rows: rows.slice(start, start + batchSize) });
    progress(Math.min(start + batchSize, rows.length));
  }
}

/**
 * Imports a bundle folder in one write transaction: validate everything, resolve references
 * against the bundle and the graph, then upsert only what changed. Any bad record (unless
 * skipInvalid) or failure leaves the graph as it was; rerunning gives the same graph.
 */
export async function importBundle(db: Database, folder: string, options: ImportOptions = {}): Promise<ImportReport> {
  const batchSize = options.batchSize ?? 1000;
  const validation = validateRecords(readBundle(folder));
  const { bundle, rejected } = validation;
  const errors = [...validation.errors];
  const fail = () => {
    throw new AppError(ErrorCode.BAD_USER_INPUT, `${folder}: ${errors.length} problem(s) in the bundle; nothing was imported`, errors);
  };
  if (errors.length > 0 && !options.skipInvalid) fail();

  return db.writeTx(async (tx) => {
    const needSections = itemsNeedingSections(bundle);
    const sectionRows = needSections.length > 0 ? await tx.run<{ code: string; sections: string[] }>(Q.implementingSections, { codes: needSections }) : [];
    const volumeCheck = resolveVolumeSections(bundle, new Map(sectionRows.map((r) => [r.code, r.sections])));
    errors.push(...volumeCheck.errors);
    dropBad(bundle, volumeCheck.bad, rejected);

    const graph = await lookUpGraph(tx, bundle);
    for (;;) {
      const refs = checkReferences(bundle, graph.inGraph);
      errors.push(...refs.errors);
      if (refs.bad.size === 0) break;
      if (!options.skipInvalid) fail();
      dropBad(bundle, refs.bad, rejected); // dropping may leave other records dangling: check again
    }
    if (errors.length > 0 && !options.skipInvalid) fail();

    const plan = planImport(unlocate(bundle), graph.existing, rejected);
    for (const file of NODE_FILES) {
      await writeBatches(tx, UPSERT[file], plan.rows[file], batchSize, (done) =>
        options.onProgress?.({ phase: 'nodes', file, done, total: plan.rows[file].length }));
    }
    for (const file of NODE_FILES) {
      await writeBatches(tx, LINK[file], plan.rows[file], batchSize, (done) =>
        options.onProgress?.({ phase: 'relationships', file, done, total: plan.rows[file].length }));
    }
    await writeBatches(tx, 'upsertVolumes', plan.rows.volumes, batchSize, (done) =>
      options.onProgress?.({ phase: 'relationships', file: 'volumes', done, total: plan.rows.volumes.length }));
    return { folder, name: bundle.manifest?.name, counts: plan.counts, errors };
  }, 'importBundle', { timeoutMs: options.timeoutMs ?? 30 * 60_000 });
}

