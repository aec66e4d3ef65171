import { realpathSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import type { Database } from '../db/database.js';
import { useQueries } from '../db/named-queries.js';
import { bumpGraphRevision } from '../db/revision.js';
import { untallyComplaints } from '../db/tallies.js';
import { AppError, ErrorCode } from '../errors.js';
import { importBundle, type ImportReport } from '../ingest/import-bundle.js';
import { isRecordFile, kindOf, RECORD_FILES } from '../model/record-kinds.js';

const Q = useQueries(['deleteListRecord']);

/**
 * Editors' changes to the lists. Upserts go through the import itself (a one-file bundle): the
 * same zod schemas, the same reference checks, one transaction, nothing written on a bad record.
 */
export async function upsertRecords(db: Database, kind: string, records: unknown[]): Promise<ImportReport> {
  if (!isRecordFile(kind)) throw new AppError(ErrorCode.BAD_USER_INPUT, `kind: expected one of ${RECORD_FILES.join(', ')}`);
  if (records.length === 0 || records.length > 5000)
    throw new AppError(ErrorCode.BAD_USER_INPUT, 'records: between 1 and 5,000 records a call (import larger sets as bundles)');
  return importBundle(db, { name: `upsertRecords(${kind})`, files: [{ name: `${kind}.json`, content: JSON.stringify(records) }] }, { mode: 'atomic' });
}

/** Kinds a record of which can be deleted alone (the registry's `deletable`): nothing else in the lists hangs on them. */
const DELETABLE = RECORD_FILES.filter((file) => kindOf(file).deletable);

/** Deletes one record of a deletable kind, by its key. */
export async function deleteRecord(db: Database, kind: string, key: string): Promise<{ deleted: number }> {
  if (!isRecordFile(kind) || !kindOf(kind).deletable) {
    throw new AppError(ErrorCode.BAD_USER_INPUT, `kind: only ${DELETABLE.join(', ')} can be deleted one by one; other records carry the lists' structure`);
  }
  return db.writeTx(async (tx) => {
    if (kind === 'complaints') await untallyComplaints(tx, [key]);
    const [row] = await tx.run<{ deleted: number }>(Q.deleteListRecord, { label: kindOf(kind).label, key });
    if (!row || row.deleted === 0) throw new AppError(ErrorCode.NOT_FOUND, `${kind} record "${key}" does not exist`);
    await bumpGraphRevision(tx, [kind === 'complaints' ? 'complaints' : kind === 'boundaryItems' ? 'boundaries' : 'lists']);
    return { deleted: row.deleted };
  }, 'deleteRecord');
}

/**
 * Imports a bundle from a folder on the server, which must lie inside the allowed import folder
 * (DUTYGRAPH_IMPORT_DIR): no `..`, no symbolic link out of it.
 */
export async function importFromServerPath(db: Database, allowedRoot: string, path: string): Promise<ImportReport> {
  let root: string;
  let target: string;
  try {
    root = realpathSync(allowedRoot);
    target = realpathSync(resolve(root, path));
  } catch {
    throw new AppError(ErrorCode.NOT_FOUND, `no such bundle under the import folder: ${path}`);
  }
  const inside = relative(root, target);
  if (inside === '' || inside.startsWith('..') || inside.split(sep).includes('..') || resolve(root, inside) !== target) {
    throw new AppError(ErrorCode.FORBIDDEN, `${path} is outside the import folder; bundles are imported from the import folder (DUTYGRAPH_IMPORT_DIR) only`);
  }
  // Messages name the bundle as the caller did, never by its place on the server.
  return importBundle(db, target, { within: root, displayName: path });
}

/** File names an uploaded bundle may have: the bundle's own (BUNDLE.md), as JSON, NDJSON or CSV. */
const UPLOAD_NAME = new RegExp(`^(manifest\\.json|(${RECORD_FILES.join('|')})\\.(json|ndjson|csv))$`);

/**
 * Imports a bundle sent in the request: each file by name and content (within the 1 MiB body
 * limit; larger bundles go through the import folder), read in memory; names must be the
 * bundle's own file names.
 */
export async function importUploadedFiles(db: Database, files: { name: string; content: string }[]): Promise<ImportReport> {
  if (files.length === 0) throw new AppError(ErrorCode.BAD_USER_INPUT, 'files: at least one bundle file');
  for (const file of files) {
    if (!UPLOAD_NAME.test(file.name)) {
      throw new AppError(
        ErrorCode.BAD_USER_INPUT,
        `files: "${file.name}" is not a bundle file name (manifest.json, or <kind>.json|.ndjson|.csv with kind one of ${RECORD_FILES.join(', ')})`,
      );
    }
  }
  return importBundle(db, { name: 'importBundleFiles', files });
}
