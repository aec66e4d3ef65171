import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANALYST_LIMITS, AnalystPool } from '../../src/analyst/analyst-pool.js';
import { isAppError } from '../../src/errors.js';
import { projectPath } from '../../src/project-root.js';
import { openDemoApi, type DemoApi } from '../helpers/api.js';

let demo: DemoApi;
beforeAll(async () => {
  demo = await openDemoApi();
});
afterAll(() => demo.close());

const CYPHER = 'query ($query: String!, $params: JSON) { cypher(query: $query, params: $params) { columns rows truncated rowCap } }';
const run = (query: string, params?: unknown) => demo.api.execute(CYPHER, { query, params }, 'analyst');
const nodeCount = async () => (await run('MATCH (n) RETURN count(n) AS n')).data!.cypher.rows[0][0] as number;

/** Runs each query as an analyst and expects it refused with a code matching `code`; the graph is unchanged and the API still answers. */
async function expectRefused(code: RegExp, queries: string[]): Promise<void> {
  const before = await nodeCount();
  for (const query of queries) expect((await run(query)).errors?.[0]?.extensions?.code, query).toMatch(code);
  expect(await nodeCount()).toBe(before);
  expect((await run('RETURN 1 AS one')).data!.cypher.rows).toEqual([[1]]);
}

describe('analyst Cypher', () => {
  it('answers reads with columns and JSON rows: nodes, relationships, dates, big integers', async () => {
    const result = await run(
      `MATCH (d:Department {id: $id})-[h:HOLDS]->(p:PowerItem)
      RETURN d, type(h) AS rel, p.code AS code, date('2026-11-27') AS day, 9007199254740993 AS big, 42 AS small ORDER BY code LIMIT 1`,
      { id: 'd-spj' },
    );
    expect(result.errors).toBeUndefined();
    const { columns, rows } = result.data!.cypher;
    expect(columns).toEqual(['d', 'rel', 'code', 'day', 'big', 'small']);
    expect(rows[0][0]).toMatchObject({ labels: ['Department'], properties: { id: 'd-spj', name: '日照市行政审批服务局' } });
    expect(rows[0].slice(1)).toEqual(['HOLDS', '371100-SP-XK-001', '2026-11-27', '9007199254740993', 42]);
  });

  it('caps the rows and says so', async () => {
    const result = await run('UNWIND range(1, 5000) AS n RETURN n');
    expect(result.data!.cypher).toMatchObject({ truncated: true, rowCap: 1000 });
    expect(result.data!.cypher.rows).toHaveLength(1000);
  });

  it('refuses writes, schema changes, file access, admin procedures and escapes, and writes nothing', async () => {
    await expectRefused(/^(FORBIDDEN|BAD_USER_INPUT)$/, [
      "CREATE (:Department {id: 'x', name: 'x'})",
      "MERGE (m:Matter {id: 'x'}) RETURN m",
      "MATCH (d:Department {id: 'd-spj'}) SET d.name = 'x'",
      "MATCH (d:Department {id: 'd-spj'}) DELETE d",
      "MATCH (d:Department {id: 'd-spj'}) DETACH DELETE d",
      "MATCH (d:Department {id: 'd-spj'}) REMOVE d.name",
      'CREATE INDEX x IF NOT EXISTS FOR (n:Department) ON (n.kind)',
      'DROP CONSTRAINT department_id',
      "LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line",
      "load csv from 'https://example.com/x.csv' as line return line",
      "CALL { CREATE (:Matter {id: 'y'}) } IN TRANSACTIONS OF 10 ROWS",
      'USE system SHOW USERS',
      'CALL dbms.listConfig() YIELD name RETURN name',
      "CALL dbms.security.createUser('x', 'y', false)",
      "CALL db.createLabel('Hacked')",
      'CALL db.clearQueryCaches()',
      'MATCH (n) RETURN n; MATCH (m) DETACH DELETE m',
      "CALL apoc.cypher.runWrite('CREATE (:X)', {})",
      'CALL dbms.killQuery("query-1")',
      'CALL dbms.listConnections()',
      'CALL db.stats.retrieve("GRAPH COUNTS")',
    ]);
  });

  it('refuses commands about the server, by the plan, and regular expressions Neo4j cannot interrupt', async () => {
    await expectRefused(/^FORBIDDEN$/, [
      'SHOW TRANSACTIONS',
      'SHOW TRANSACTIONS YIELD *',
      'show transactions yield transactionId, currentQuery, parameters return *',
      "TERMINATE TRANSACTIONS 'neo4j-transaction-1'",
      'SHOW SETTINGS',
      'SHOW SETTINGS YIELD name, value WHERE name CONTAINS "dir" RETURN name, value',
      'SHOW PROCEDURES',
      'SHOW FUNCTIONS',
      'SHOW INDEXES',
      'SHOW DATABASES',
      'SHOW USERS',
      'SHOW CURRENT USER',
      'SHOW CONSTRAINTS',
      'TERMINATE TRANSACTION "neo4j-transaction-2"',
      "MATCH (d:Department) WHERE d.id =~ '.*' RETURN d",
      `RETURN "${'a'.repeat(79)}b" =~ "(.*a){14}"`,
      'MATCH (d:Department) WHERE d.name =~ $pattern RETURN d',
      'MATCH (d:Department) WHERE d.name=~"(a+)+$" RETURN d',
    ]);
  });

  it('stops a query that would run forever, with QUERY_TIMEOUT', async () => {
    const pool = new AnalystPool(demo.db.settings, { ...ANALYST_LIMITS, timeoutMs: 1000 });
    const started = Date.now();
    await expect(pool.run('test', 'UNWIND range(1, 1000000000) AS a WITH a WHERE a = -1 RETURN a')).rejects.toSatisfy((error: unknown) =>
      isAppError(error, 'QUERY_TIMEOUT'),
    );
    expect(Date.now() - started).toBeLessThan(30_000);
    await pool.close();
  });

  it('bounds memory: what Neo4j tracks fails the transaction, answers too large for the service fail the query, with LIMIT_EXCEEDED', async () => {
    await expectRefused(/^LIMIT_EXCEEDED$/, [
      // Tracked by Neo4j (collect, sort, distinct): the transaction's memory limit stops them.
      'UNWIND range(1, 40000000) AS x WITH collect(x) AS xs RETURN size(xs)',
      'UNWIND range(1, 20000000) AS x WITH x ORDER BY x DESC RETURN count(*)',
      'UNWIND range(1, 20000000) AS x WITH DISTINCT toString(x) AS s RETURN count(s)',
      // Built lazily by Neo4j but too large to answer: one row beyond the byte limit.
      'RETURN range(1, 2000000) AS r',
    ]);
  });

  it('bounds an answer beyond the worker heap with LIMIT_EXCEEDED, however slow the machine', async () => {
    // About 900 MB over Bolt: on a loaded machine Neo4j may take longer than the API's 10 s to
    // send it; with 40 s to run (inside the test's minute), the worker's heap limit is what stops it.
    const pool = new AnalystPool(demo.db.settings, { ...ANALYST_LIMITS, timeoutMs: 40_000 });
    await expect(pool.run('test', `RETURN [x IN range(1, 3000000) | '${'长'.repeat(100)}'] AS r`)).rejects.toSatisfy((error: unknown) =>
      isAppError(error, 'LIMIT_EXCEEDED'),
    );
    await pool.close();
    expect((await run('RETURN 1 AS one')).data!.cypher.rows).toEqual([[1]]);
  });

  it("bounds the issue's huge answer: refused for its size or stopped at its time limit, whichever comes first", async () => {
    // RETURN range(1, 100000000) ran 60-90 s past a 10 s limit while Neo4j sent it; now Neo4j's
    // network buffers (LIMIT_EXCEEDED) or the time limit checked every 100 ms (QUERY_TIMEOUT) end it.
    await expectRefused(/^(LIMIT_EXCEEDED|QUERY_TIMEOUT)$/, ['RETURN range(1, 100000000)']);
  });

  it('bounds concurrency: one query at a time per analyst, a few service-wide, LIMIT_EXCEEDED beyond', async () => {
    const pool = new AnalystPool(demo.db.settings, { ...ANALYST_LIMITS, concurrent: 1, queue: 1 });
    const slow = 'UNWIND range(1, 3000000) AS x WITH x WHERE x = -1 RETURN count(x) AS n';
    const first = pool.run('analyst a', slow);
    await expect(pool.run('analyst a', 'RETURN 1')).rejects.toSatisfy((error: unknown) => isAppError(error, 'LIMIT_EXCEEDED'));
    const queued = pool.run('analyst b', 'RETURN 2 AS n');
    await expect(pool.run('analyst c', 'RETURN 3')).rejects.toSatisfy((error: unknown) => isAppError(error, 'LIMIT_EXCEEDED'));
    expect((await first).rows).toEqual([[0]]);
    expect((await queued).rows).toEqual([[2]]);
    expect((await pool.run('analyst a', 'RETURN 4 AS n')).rows).toEqual([[4]]);
    await pool.close();
  });

  it('answers a syntax error with BAD_USER_INPUT and the reason', async () => {
    const result = await run('MATCH (n RETURN n');
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.message).toMatch(/Invalid input|expected/i);
  });

  it('runs every shipped example query', async () => {
    const folder = projectPath('cypher', 'examples');
    for (const file of readdirSync(folder).filter((f) => f.endsWith('.cypher'))) {
      const result = await run(readFileSync(join(folder, file), 'utf8'), { matter: null });
      expect(result.errors, file).toBeUndefined();
      expect(result.data!.cypher.columns.length, file).toBeGreaterThan(0);
    }
  });

  it('is for analysts: a dispatcher is refused', async () => {
    const result = await demo.api.execute(CYPHER, { query: 'RETURN 1' }, 'dispatcher');
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
