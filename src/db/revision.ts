import type { Tx } from './database.js';
import { useQueries } from './named-queries.js';

const Q = useQueries(['graphRevision', 'graphRevisions', 'bumpGraphRevision']);

/**
 * What a change touched, as far as dispatch must tell apart: the lists (a full rebuild of the
 * list side), only boundary items (their leads can be swapped into the index at once), the
 * complaints and their routes (the history side, rebuilt at most every few seconds however
 * fast feedback streams in).
 */
export type ChangeKind = 'lists' | 'boundaries' | 'complaints';

/** The revision, and the revision at the latest change of each kind (0: never). */
export interface GraphRevisions {
  revision: number;
  lists: number;
  boundaries: number;
  complaints: number;
}

/**
 * The graph's revision: a counter bumped by every change anything computed from the graph depends
 * on. Readers compare it to tell whether to recompute. Bumped in the transaction of the change,
 * so every replica on the same Neo4j sees the change and the new revision together.
 */
export async function graphRevision(tx: Tx): Promise<number> {
  const [row] = await tx.run<{ revision: number }>(Q.graphRevision);
  return row?.revision ?? 0;
}

export async function graphRevisions(tx: Tx): Promise<GraphRevisions> {
  const [row] = await tx.run<GraphRevisions>(Q.graphRevisions);
  return row ?? { revision: 0, lists: 0, boundaries: 0, complaints: 0 };
}

/** Bumps the revision, in the transaction of the change it records, saying what changed. */
export async function bumpGraphRevision(tx: Tx, changed: readonly ChangeKind[]): Promise<number> {
  const [row] = await tx.run<{ revision: number }>(Q.bumpGraphRevision, { changed });
  return row?.revision ?? 0;
}
