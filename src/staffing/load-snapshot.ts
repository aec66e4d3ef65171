import type { Database } from '../db/database.js';
import { useQueries } from '../db/named-queries.js';
import { graphFigure } from '../figures/graph-figure.js';
import type { PerRevision, Versioned } from '../figures/per-revision.js';
import type { StaffingSnapshot } from './snapshot.js';

const Q = useQueries(['staffingDepartments', 'staffingSections', 'staffingItems', 'staffingVolumes']);

/** Reads departments, sections, items and volumes in one read transaction. */
export function readStaffingSnapshot(db: Database): Promise<StaffingSnapshot> {
  return db.readTx(
    async (tx) => ({
      departments: await tx.run(Q.staffingDepartments),
      sections: await tx.run(Q.staffingSections),
      items: await tx.run(Q.staffingItems),
      volumes: await tx.run(Q.staffingVolumes),
    }),
    'loadStaffingSnapshot',
    { timeoutMs: 10 * 60_000 },
  );
}

const cache = new WeakMap<Database, PerRevision<StaffingSnapshot>>();

/**
 * The snapshot of the graph's current revision: read once per revision and kept (every change of
 * sections, items or volumes moves the revision), so staffing tables, the department page and
 * transfer previews do not each read every item and volume again. After a change the previous
 * one answers (stale) while the new one is read, unless `fresh` (plans and transfers ask for it).
 * Readers must not change it.
 */
export function loadStaffingSnapshot(db: Database, options: { fresh?: boolean } = {}): Promise<Versioned<StaffingSnapshot>> {
  let figure = cache.get(db);
  if (!figure) {
    figure = graphFigure(db, 'staffing snapshot', () => readStaffingSnapshot(db));
    cache.set(db, figure);
  }
  return figure.get(options);
}
