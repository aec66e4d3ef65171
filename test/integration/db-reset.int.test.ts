import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_BUNDLE } from '../../src/api/start-service.js';
import { isGraphEmpty } from '../../src/db/admin.js';
import type { Database } from '../../src/db/database.js';
import { importBundle } from '../../src/ingest/import-bundle.js';
import { runCli } from '../helpers/cli.js';
import { connectTestDatabase, graphCounts, resetGraph, testNeo4jEnv } from '../helpers/neo4j.js';

let db: Database;

beforeAll(async () => {
  db = await connectTestDatabase();
  await resetGraph(db);
  await importBundle(db, DEMO_BUNDLE);
  // A dense department: 100,000 complaints routed to it, as a large city's busiest office.
  await db.runAutoCommit(`UNWIND range(1, 100000) AS i
    CALL (i) { MATCH (d:Department {id: 'd-cgj'}) CREATE (:Complaint {id: 'dense-' + i})-[:ROUTED {seq: 1, outcome: 'refused'}]->(d) }
    IN TRANSACTIONS OF 10000 ROWS`);
});

afterAll(async () => {
  await db?.close();
});

describe('dutygraph db reset', () => {
  it('asks for --yes, then deletes everything in batches (a department with 100,000 routes too) and keeps the schema', async () => {
    const env = { ...process.env, ...testNeo4jEnv() };
    const refused = await runCli(['db', 'reset'], env);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain('--yes');
    expect(await isGraphEmpty(db)).toBe(false);

    const counts = await graphCounts(db);
    const reset = await runCli(['db', 'reset', '--yes'], env);
    expect(reset.stderr).toBe('');
    expect(reset.code).toBe(0);
    const relationships = Object.values(counts.relationships).reduce((a, b) => a + b, 0);
    expect(relationships).toBeGreaterThan(100_000);
    expect(reset.stdout).toContain(`${relationships} relationships`);
    expect(await isGraphEmpty(db)).toBe(true);
    const { rows } = await db.runReadOnly(
      'SHOW CONSTRAINTS YIELD name RETURN count(*) AS constraints',
      {},
      { timeoutMs: 10_000, rowCap: 10, maxBytes: 1e5, check: () => undefined },
    );
    expect(rows[0]![0]).toBeGreaterThan(10);
  });
});
