import type { Database } from '../db/database.js';
import { useQueries } from '../db/named-queries.js';
import { graphRevision } from '../db/revision.js';
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

const cache = new WeakMap<Database, { revision: number; snapshot: Promise<StaffingSnapshot> }>();

/**
 * The snapshot of the graph's current revision: read once per revision and kept (every change of
 * sections, items or volumes moves the revision), so staffing tables, the department page and
 * transfer previews do not each read every item and volume again. Readers must not change it.
 */
export async function loadStaffingSnapshot(db: Database): Promise<StaffingSnapshot> {
  const revision = await db.readTx(graphRevision, 'graphRevision');
  const cached = cache.get(db);
  if (cached?.revision === revision) return cached.snapshot;
  const snapshot = readStaffingSnapshot(db);
  cache.set(db, { revision, snapshot });
  snapshot.catch(() => cache.get(db)?.snapshot === snapshot && cache.delete(db));
  return snapshot;
}
