import type { Database, Tx } from './database.js';
import { tallyDeltas, type ComplaintState, type TallyDeltas } from '../model/routing-tallies.js';
import { useQueries } from './named-queries.js';

const Q = useQueries([
  'complaintStates',
  'addMatterTallies',
  'addRouteTallies',
  'addRefusalTallies',
  'addCoHandledTallies',
  'complaintsOfMatters',
  'deleteTalliesOfMatters',
  'complaintIdPage',
  'deleteAllTallies',
  'talliesState',
  'markTallied',
]);

/**
 * The routing tallies (cypher/tallies.cypher, defined in src/model/routing-tallies.ts) are sums
 * over complaints kept as the complaints change. Every writer of complaints, their matters or
 * their routes brackets its change with these, in its own transaction: what the complaints
 * counted goes out before, what they count now comes in after. Nothing else writes the tallies,
 * so they are exact; `recountTallies` rebuilds them from the complaints (at start on a graph from
 * before tallies, or whose import was cut).
 */
export async function untallyComplaints(tx: Tx, ids: readonly string[]): Promise<void> {
  await addTallies(tx, tallyDeltas(await complaintStates(tx, ids), -1));
}

export async function tallyComplaints(tx: Tx, ids: readonly string[]): Promise<void> {
  await addTallies(tx, tallyDeltas(await complaintStates(tx, ids), 1));
}

/** Adds complaints just written, from what was written (an import's new complaints: no read back). */
export async function tallyWrittenComplaints(tx: Tx, complaints: readonly ComplaintState[]): Promise<void> {
  await addTallies(tx, tallyDeltas(complaints, 1));
}

async function complaintStates(tx: Tx, ids: readonly string[]): Promise<ComplaintState[]> {
  if (ids.length === 0) return [];
  const rows = await tx.run<ComplaintState & { district: string | null }>(Q.complaintStates, { ids });
  return rows.map((row) => ({ ...row, district: row.district ?? undefined }));
}

async function addTallies(tx: Tx, deltas: TallyDeltas): Promise<void> {
  if (deltas.matters.length > 0) await tx.run(Q.addMatterTallies, { rows: deltas.matters });
  if (deltas.routes.length > 0) await tx.run(Q.addRouteTallies, { rows: deltas.routes });
  if (deltas.refusals.length > 0) await tx.run(Q.addRefusalTallies, { rows: deltas.refusals });
  if (deltas.coHandled.length > 0) await tx.run(Q.addCoHandledTallies, { rows: deltas.coHandled });
}

/**
 * Counts again the tallies of `matters` from their complaints, after a change that moves
 * complaints between matters wholesale (merging, splitting or deleting induced matters). Call
 * it after the change, in the same transaction.
 */
export async function recountMatters(tx: Tx, matters: readonly string[]): Promise<void> {
  if (matters.length === 0) return;
  await tx.run(Q.deleteTalliesOfMatters, { matters });
  const [row] = await tx.run<{ ids: string[] }>(Q.complaintsOfMatters, { matters });
  await addTallies(tx, tallyDeltas(await complaintStates(tx, row?.ids ?? []), 1, new Set(matters)));
}

/** Complaints counted per transaction in a full recount. */
const RECOUNT_PAGE = 5000;

/** Deletes every tally and counts them again from the complaints, page by page; marks the graph tallied. */
export async function recountTallies(db: Database, onProgress?: (done: number) => void): Promise<number> {
  await db.runAutoCommit(Q.deleteAllTallies.text);
  let after = '';
  let done = 0;
  for (;;) {
    const ids = await db.writeTx(
      async (tx) => {
        const [page] = await tx.run<{ ids: string[] }>(Q.complaintIdPage, { after, limit: RECOUNT_PAGE });
        await tallyComplaints(tx, page?.ids ?? []);
        return page?.ids ?? [];
      },
      'recountTallies',
      { timeoutMs: 10 * 60_000 },
    );
    if (ids.length === 0) break;
    after = ids[ids.length - 1]!;
    onProgress?.((done += ids.length));
  }
  await db.writeTx(markTallied, 'markTallied');
  return done;
}

/**
 * Says the graph's tallies count all its complaints: an import into a graph without complaints
 * calls it once its last complaint is written (a cut import never does, and is counted again).
 */
export async function markTallied(tx: Tx): Promise<void> {
  await tx.run(Q.markTallied);
}

/**
 * Makes sure the graph's tallies are counted: a graph whose complaints were imported before
 * tallies existed, or by an import that was cut, is counted now (once; at scale 1 about half a
 * minute). A graph without complaints needs nothing (and stays without a mark, so that the
 * demo is still loaded into it). Run at every start, after the schema (src/db/migrate.ts).
 */
export async function ensureTallies(db: Database, log?: (line: string) => void): Promise<void> {
  const [state] = await db.read<{ tallied: boolean; hasComplaints: boolean }>(Q.talliesState);
  if (state?.tallied || !state?.hasComplaints) return;
  log?.('dutygraph: counting the routing tallies of complaints imported before they existed (once)…');
  const started = performance.now();
  const complaints = await recountTallies(db);
  log?.(`dutygraph: tallies of ${complaints} complaints counted (${((performance.now() - started) / 1000).toFixed(1)} s)`);
}
