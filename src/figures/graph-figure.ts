import type { Database } from '../db/database.js';
import { PerRevision, type PerRevisionOptions } from './per-revision.js';

/**
 * A figure of the graph behind `db`, per revision: `make` runs after the revision is read afresh
 * (so the value is labelled with a revision no later than what it saw), and requests compare
 * against the revision Database.revisionNow keeps.
 */
export function graphFigure<T>(
  db: Database,
  label: string,
  make: () => Promise<T>,
  options: Pick<PerRevisionOptions<T>, 'loadStored' | 'store' | 'log'> = {},
): PerRevision<T> {
  return new PerRevision({
    label,
    compute: async () => {
      const revision = await db.revisionNow(0);
      return { value: await make(), revision };
    },
    revisionNow: () => db.revisionNow(),
    ...options,
  });
}
