import type { Database } from '../db/database.js';
import { useQueries } from '../db/named-queries.js';
import { graphRevision } from '../db/revision.js';
import type { DispatchSnapshot, RoutingTally } from './snapshot.js';

const Q = useQueries([
  'dispatchRegions',
  'dispatchDepartments',
  'dispatchMatters',
  'dispatchPowerItems',
  'dispatchTasks',
  'dispatchBoundaryItems',
  'dispatchRoutings',
  'dispatchTickets',
]);

/**
 * Past complaints the text model learns from: the latest this many. Recent routes say most about
 * who handles what now, and reading every complaint's text of a large city would make each
 * rebuild slow (300,000 at scale 1).
 */
const HISTORY_TICKETS = 100_000;

export interface LoadOptions {
  /** Learn only from complaints received before this ISO date-time (for evaluation). */
  historyBefore?: string | undefined;
}

/** Absent values come back as null from Cypher; the snapshot uses undefined. */
const orUndefined = <T>(value: T | null): T | undefined => value ?? undefined;

/**
 * Reads what dispatch needs from the graph in one read transaction, so the snapshot is one
 * consistent state of the lists, labelled with the revision read in that same transaction.
 */
export async function loadDispatchSnapshot(db: Database, options: LoadOptions = {}): Promise<{ revision: number; snapshot: DispatchSnapshot }> {
  return db.readTx(
    async (tx) => {
      const revision = await graphRevision(tx);
      const regions = await tx.run<{ code: string; name: string; parent: string | null }>(Q.dispatchRegions);
      const departments = await tx.run<DispatchSnapshot['departments'][number]>(Q.dispatchDepartments);
      const matters = await tx.run<{ id: string; name: string; keywords: string[]; parent: string | null }>(Q.dispatchMatters);
      const powerItems = await tx.run<DispatchSnapshot['powerItems'][number] & { correspondsTo: string | null }>(Q.dispatchPowerItems);
      const tasks = await tx.run<DispatchSnapshot['tasks'][number]>(Q.dispatchTasks);
      const boundaryItems = await tx.run<DispatchSnapshot['boundaryItems'][number] & { text: string | null; region: string | null }>(Q.dispatchBoundaryItems);
      const routings = await tx.run<RoutingTally>(Q.dispatchRoutings, { before: options.historyBefore ?? null });
      const tickets = await tx.run<{ id: string; text: string; takenBy: string | null; refusedBy: string[] }>(Q.dispatchTickets, {
        before: options.historyBefore ?? null,
        limit: HISTORY_TICKETS,
      });
      return {
        revision,
        snapshot: {
          regions: regions.map((r) => ({ ...r, parent: orUndefined(r.parent) })),
          departments,
          matters: matters.map((m) => ({ ...m, parent: orUndefined(m.parent) })),
          powerItems: powerItems.map((p) => ({ ...p, correspondsTo: orUndefined(p.correspondsTo) })),
          tasks,
          boundaryItems: boundaryItems.map((b) => ({ ...b, text: orUndefined(b.text), region: orUndefined(b.region) })),
          routings,
          tickets: tickets.map((t) => ({ ...t, takenBy: orUndefined(t.takenBy) })).reverse(),
        },
      };
    },
    'loadDispatchSnapshot',
    { timeoutMs: 5 * 60_000 },
  );
}
