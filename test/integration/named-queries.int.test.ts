import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.js';
import { namedQueries } from '../../src/db/named-queries.js';
import { connectTestDatabase, resetGraph } from '../helpers/neo4j.js';

let db: Database;
beforeAll(async () => {
  db = await connectTestDatabase();
  await resetGraph(db);
});
afterAll(() => db.close());

describe('every named query in cypher/*.cypher', () => {
  // EXPLAIN plans a query without running it: a syntax error, an unknown function or a
  // misspelt procedure fails here, against the real server, before any user meets it.
  it.each([...namedQueries().values()].map((q) => [q.name, q] as const))('%s compiles on the server', async (_name, query) => {
    await expect(db.runAutoCommit(`EXPLAIN ${query.text}`)).resolves.toEqual({ schemaChanges: 0 });
  });
});

describe('the schema', () => {
  it('is applied idempotently: a second migrate changes nothing', async () => {
    const { migrate } = await import('../../src/db/migrate.js');
    const schema = () =>
      db.runReadOnly(
        'SHOW INDEXES YIELD name, type, labelsOrTypes, properties RETURN name, type, labelsOrTypes, properties ORDER BY name',
        {},
        { timeoutMs: 10_000, rowCap: 1000, maxBytes: 1e6, check: () => undefined },
      );
    await migrate(db);
    const before = await schema();
    const second = await migrate(db);
    expect(second.statements).toBeGreaterThan(10);
    expect(second.schemaChanges).toBe(0);
    expect(await schema()).toEqual(before);
  });

  it('enforces the unique keys', async () => {
    await db.runAutoCommit("CREATE (:Department {id: 'dup'})");
    await expect(db.runAutoCommit("CREATE (:Department {id: 'dup'})")).rejects.toMatchObject({ code: 'CONFLICT' });
  });
});
