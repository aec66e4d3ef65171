import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from '../db/database.js';
import { useQueries } from '../db/named-queries.js';
import { AppError, ErrorCode } from '../errors.js';
import { kindOf, RECORD_FILES, type RecordFile } from '../model/record-kinds.js';
import { BUNDLE_FORMAT, type Manifest } from '../model/records.js';

const Q = useQueries(RECORD_FILES.map((file) => kindOf(file).queries.export));

/** Drops nulls and empty lists at every depth: the bundle leaves optional fields out. */
function compact(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(compact);
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== null && v !== undefined && !(Array.isArray(v) && v.length === 0));
    return Object.fromEntries(entries.map(([k, v]) => [k, compact(v)]));
  }
  return value;
}

export interface ExportOptions {
  /** Write .ndjson (a record a line) instead of .json arrays: for large files. */
  ndjson?: boolean;
  name?: string;
}

/**
 * Writes the whole graph as a bundle folder, all files read in one read transaction so they
 * agree with each other. Importing the folder into an empty graph gives the same graph back.
 */
export async function exportBundle(db: Database, folder: string, options: ExportOptions = {}): Promise<Record<RecordFile, number>> {
  // Never mix an export with older files: a stale .json beside a fresh .ndjson would not import.
  if (existsSync(folder) && readdirSync(folder).length > 0) {
    throw new AppError(ErrorCode.CONFLICT, `${folder}: folder is not empty; export into a new or empty folder`);
  }
  const files = await db.readTx(async (tx) => {
    const result = {} as Record<RecordFile, unknown[]>;
    for (const file of RECORD_FILES) result[file] = (await tx.run(Q[kindOf(file).queries.export]!)).map(compact);
    return result;
  }, 'exportBundle');
  mkdirSync(folder, { recursive: true });
  const manifest: Manifest = { format: BUNDLE_FORMAT, name: options.name ?? 'dutygraph export' };
  writeFileSync(join(folder, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  const counts = {} as Record<RecordFile, number>;
  for (const file of RECORD_FILES) {
    const records = files[file];
    counts[file] = records.length;
    if (options.ndjson) writeFileSync(join(folder, `${file}.ndjson`), records.map((r) => JSON.stringify(r) + '\n').join(''));
    else writeFileSync(join(folder, `${file}.json`), records.length === 0 ? '[]\n' : `[\n${records.map((r) => '  ' + JSON.stringify(r)).join(',\n')}\n]\n`);
  }
  return counts;
}
