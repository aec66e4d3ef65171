import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../../src/db/database.js';
import { useQueries } from '../../src/db/named-queries.js';
import { bumpGraphRevision, graphRevision } from '../../src/db/revision.js';
import { connectTestDatabase, resetGraph, testNeo4jEnv } from '../helpers/neo4j.js';

/** What a Neo4j cluster asks of the driver's use, tried on the local server through the routing scheme. */

const Q = useQueries(['graphRevision']);
let direct: Database;
let routed: Database;

beforeAll(async () => {
  direct = await connectTestDatabase();
  await resetGraph(direct);
  const env = testNeo4jEnv();
  routed = await Database.connect({ uri: env.NEO4J_URI.replace(/^bolt:/, 'neo4j:'), user: env.NEO4J_USER, password: env.NEO4J_PASSWORD, database: 'neo4j' });
});

afterAll(async () => {
  await routed?.close();
  await direct?.close();
});

describe('the driver as a cluster needs it', () => {
  it('connects through a neo4j:// routing URI, writes, and reads its own write at once', async () => {
    expect(routed.uri).toMatch(/^neo4j:\/\//);
    const revision = await routed.writeTx((tx) => bumpGraphRevision(tx, ['lists']), 'test');
    expect(await routed.readTx(graphRevision, 'test')).toBe(revision);
    expect(await direct.readTx(graphRevision, 'test')).toBe(revision);
  });

  it('sends reads in READ mode: a write inside a read transaction is refused by the server', async () => {
    await expect(routed.readTx((tx) => bumpGraphRevision(tx, []), 'test')).rejects.toThrow(/read/i);
    expect((await routed.read<{ revision: number }>(Q.graphRevision))[0]!.revision).toBeGreaterThan(0);
  });
});
