import type { Database } from './database.js';
import { useQueries } from './named-queries.js';

const Q = useQueries(['ping', 'graphIsEmpty', 'graphCounts', 'deleteAllRelationships', 'deleteAllNodes']);

/** Resolves when the database answers a query; throws DB_UNAVAILABLE otherwise. */
export async function ping(db: Database): Promise<void> {
  await db.read(Q.ping);
}

/** True when the database holds no node. */
export async function isGraphEmpty(db: Database): Promise<boolean> {
  const [row] = await db.read<{ empty: boolean }>(Q.graphIsEmpty);
  return row?.empty ?? true;
}

export interface GraphCounts {
  nodes: Record<string, number>;
  relationships: Record<string, number>;
}

/** Nodes per label and relationships per type. */
export async function graphCounts(db: Database): Promise<GraphCounts> {
  const [row] = await db.read<{ nodes: { label: string; count: number }[]; relationships: { type: string; count: number }[] }>(Q.graphCounts);
  return {
    nodes: Object.fromEntries((row?.nodes ?? []).map((n) => [n.label, n.count])),
    relationships: Object.fromEntries((row?.relationships ?? []).filter((r) => r.type !== null).map((r) => [r.type, r.count])),
  };
}

/**
 * Deletes every node and relationship, in batches within Neo4j's transaction memory:
 * relationships first, then nodes (`dutygraph db reset`, the tests' set-up). The schema stays.
 */
export async function deleteAllData(db: Database): Promise<GraphCounts> {
  const before = await graphCounts(db);
  await db.runAutoCommit(Q.deleteAllRelationships.text);
  await db.runAutoCommit(Q.deleteAllNodes.text);
  return before;
}
