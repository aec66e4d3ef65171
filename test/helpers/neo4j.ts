import { inject } from 'vitest';
import { graphCounts } from '../../src/db/admin.js';
import { Database } from '../../src/db/database.js';
import { migrate } from '../../src/db/migrate.js';
import { useQueries } from '../../src/db/named-queries.js';

const Q = useQueries(['deleteAllData']);

/** A connection to the test Neo4j of this run (see global-setup.ts). */
export function connectTestDatabase(): Promise<Database> {
  return Database.connect({
    uri: inject('neo4jUri'),
    user: process.env.NEO4J_USER ?? 'neo4j',
    password: process.env.NEO4J_PASSWORD,
    database: process.env.NEO4J_DATABASE ?? 'neo4j',
  });
}

/** An empty graph with the schema applied: each test file starts from here. */
export async function resetGraph(db: Database): Promise<void> {
  await db.runAutoCommit(Q.deleteAllData.text);
  await migrate(db);
}

export { graphCounts };
