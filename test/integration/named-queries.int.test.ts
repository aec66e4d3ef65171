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
    await expect(db.runAutoCommit(`EXPLAIN ${query.text}`)).resolves.toBeUndefined();
  });
});

describe('the schema', () => {
  it('is applied idempotently: a second migrate changes nothing', async () => {
    const { migrate } = await import('../../src/db/migrate.js');
    await migrate(db);
    await expect(migrate(db)).resolves.toMatchObject({ statements: expect.any(Number) });
  });

  it('enforces the unique keys', async () => {
    await db.runAutoCommit("CREATE (:Department {id: 'dup'})");
    await expect(db.runAutoCommit("CREATE (:Department {id: 'dup'})")).rejects.toMatchObject({ code: 'CONFLICT' });
  });
});
