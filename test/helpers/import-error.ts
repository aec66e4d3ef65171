import type { Database } from '../../src/db/database.js';
import { isAppError, type AppError } from '../../src/errors.js';
import { importBundle } from '../../src/ingest/import-bundle.js';

/** The AppError an import that must fail fails with. */
export async function importError(db: Database, path: string): Promise<AppError> {
  try {
    await importBundle(db, path);
  } catch (error) {
    if (isAppError(error)) return error;
    throw error;
  }
  throw new Error(`expected the import of ${path} to fail`);
}
