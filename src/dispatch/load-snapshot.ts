import type { Database, Tx } from '../db/database.js';
import { useQueries } from '../db/named-queries.js';
import { graphRevisions, type GraphRevisions } from '../db/revision.js';
import type { PastTicket } from './history-model.js';
import type { DispatchSnapshot, RoutingTally } from './snapshot.js';

const Q = useQueries([
  'dispatchRegions',
  'dispatchDepartments',
  'dispatchMatters',
  'dispatchPowerItems',
  'dispatchTasks',
  'dispatchBoundaryItems',
  'dispatchRoutings',
  'dispatchRoutingsBefore',
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

const READ_TIMEOUT = { timeoutMs: 5 * 60_000 };

/**
 * Reads everything dispatch needs in one read transaction, so the snapshot is one consistent
 * state of the lists and the complaints, labelled with the revision read in that same transaction.
 */
export async function loadDispatchSnapshot(db: Database, options: LoadOptions = {}): Promise<{ revision: number; snapshot: DispatchSnapshot }> {
  return db.readTx(
    async (tx) => {
      const [{ revisions, snapshot }, tickets] = await Promise.all([readLists(tx, options), readTickets(tx, options)]);
      return { revision: revisions.revision, snapshot: { ...snapshot, tickets } };
    },
    'loadDispatchSnapshot',
    READ_TIMEOUT,
  );
}

/** The lists and the routing tallies, without the tickets' texts (the slow part, kept while the complaints stay the same). */
export function loadListSnapshot(db: Database, options: LoadOptions = {}): Promise<{ revisions: GraphRevisions; snapshot: DispatchSnapshot }> {
  return db.readTx((tx) => readLists(tx, options), 'loadListSnapshot', READ_TIMEOUT);
}

/** The boundary items alone, for swapping their decisions into a running index. */
export function loadBoundaryItems(db: Database): Promise<{ revisions: GraphRevisions; boundaryItems: DispatchSnapshot['boundaryItems'] }> {
  return db.readTx(async (tx) => {
    const [revisions, boundaryItems] = await Promise.all([graphRevisions(tx), readBoundaryItems(tx)]);
    return { revisions, boundaryItems };
  }, 'loadBoundaryItems');
}

/** What the hotline's history says: the routing tallies and the latest tickets with their texts. */
export function loadHistory(db: Database, options: LoadOptions = {}): Promise<{ revisions: GraphRevisions; routings: RoutingTally[]; tickets: PastTicket[] }> {
  return db.readTx(
    async (tx) => {
      const [revisions, routings, tickets] = await Promise.all([graphRevisions(tx), readRoutings(tx, options), readTickets(tx, options)]);
      return { revisions, routings, tickets };
    },
    'loadHistory',
    READ_TIMEOUT,
  );
}

/**
 * The queries are sent together: the driver pipelines them in the one transaction, so Neo4j works
 * on the next while this process reads the rows of the one before (the power items' alone are
 * most of the time).
 */
async function readLists(tx: Tx, options: LoadOptions): Promise<{ revisions: GraphRevisions; snapshot: DispatchSnapshot }> {
  const [revisions, regions, departments, matters, powerItems, tasks, boundaryItems, routings] = await Promise.all([
    graphRevisions(tx),
    tx.run<{ code: string; name: string; parent: string | null }>(Q.dispatchRegions),
    tx.run<DispatchSnapshot['departments'][number]>(Q.dispatchDepartments),
    tx.run<{ id: string; name: string; keywords: string[]; parent: string | null }>(Q.dispatchMatters),
    tx.run<DispatchSnapshot['powerItems'][number] & { correspondsTo: string | null }>(Q.dispatchPowerItems),
    tx.run<DispatchSnapshot['tasks'][number]>(Q.dispatchTasks),
    readBoundaryItems(tx),
    readRoutings(tx, options),
  ]);
  return {
    revisions,
    snapshot: {
      regions: regions.map((r) => ({ ...r, parent: orUndefined(r.parent) })),
      departments,
      matters: matters.map((m) => ({ ...m, parent: orUndefined(m.parent) })),
      powerItems: powerItems.map((p) => ({ ...p, correspondsTo: orUndefined(p.correspondsTo) })),
      tasks,
      boundaryItems,
      routings,
    },
  };
}

async function readBoundaryItems(tx: Tx): Promise<DispatchSnapshot['boundaryItems']> {
  const rows = await tx.run<DispatchSnapshot['boundaryItems'][number] & { text: string | null; region: string | null }>(Q.dispatchBoundaryItems);
  return rows.map((b) => ({ ...b, text: orUndefined(b.text), region: orUndefined(b.region) }));
}

/** From the routing tallies; counted from the complaints when only those before a date may count. */
function readRoutings(tx: Tx, options: LoadOptions): Promise<RoutingTally[]> {
  return options.historyBefore ? tx.run<RoutingTally>(Q.dispatchRoutingsBefore, { before: options.historyBefore }) : tx.run<RoutingTally>(Q.dispatchRoutings);
}

/** The latest tickets, oldest first. */
async function readTickets(tx: Tx, options: LoadOptions): Promise<PastTicket[]> {
  const rows = await tx.run<{ id: string; text: string; takenBy: string | null; refusedBy: string[] }>(Q.dispatchTickets, {
    before: options.historyBefore ?? null,
    limit: HISTORY_TICKETS,
  });
  return rows.map((t) => ({ ...t, takenBy: orUndefined(t.takenBy) })).reverse();
}
