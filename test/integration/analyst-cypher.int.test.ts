import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAnalystQuery } from '../../src/analyst/analyst-query.js';
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
      `RETURN "${'a'.repeat(79)}b" =~ "(.*a){14}"`,
      'MATCH (d:Department) WHERE d.name =~ $pattern RETURN d',
      'MATCH (d:Department) WHERE d.name=~"(a+)+$" RETURN d',
    ]);
  });

  it('stops a query that would run forever, with QUERY_TIMEOUT', async () => {
    const started = Date.now();
    await expect(
      runAnalystQuery(demo.db, 'UNWIND range(1, 1000000000) AS a WITH a WHERE a = -1 RETURN a', {}, { timeoutMs: 1000, rowCap: 10 }),
    ).rejects.toSatisfy((error: unknown) => isAppError(error, 'QUERY_TIMEOUT'));
    expect(Date.now() - started).toBeLessThan(30_000);
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
