import type { Tx } from './database.js';
import { useQueries } from './named-queries.js';

const Q = useQueries(['graphRevision', 'bumpGraphRevision']);

/**
 * The graph's revision: a counter bumped by every change dispatch depends on (imports, boundary
 * items published or retired, routing feedback). Readers compare it to tell whether to rebuild.
 */
export async function graphRevision(tx: Tx): Promise<number> {
  const [row] = await tx.run<{ revision: number }>(Q.graphRevision);
  return row?.revision ?? 0;
}

/** Bumps the revision, in the transaction of the change it records. */
export async function bumpGraphRevision(tx: Tx): Promise<number> {
  const [row] = await tx.run<{ revision: number }>(Q.bumpGraphRevision);
  return row?.revision ?? 0;
}
