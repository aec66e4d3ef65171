import type { Database } from '../db/database.js';
import { useQueries } from '../db/named-queries.js';
import type { StaffingSnapshot } from './snapshot.js';

const Q = useQueries(['staffingDepartments', 'staffingSections', 'staffingItems', 'staffingVolumes']);

/** Reads departments, sections, items and volumes in one read transaction. */
export function loadStaffingSnapshot(db: Database): Promise<StaffingSnapshot> {
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
