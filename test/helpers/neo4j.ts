import { inject } from 'vitest';
import { deleteAllData, graphCounts } from '../../src/db/admin.js';
import { Database } from '../../src/db/database.js';
import { migrate } from '../../src/db/migrate.js';

/** A connection to the test Neo4j of this run (see global-setup.ts). */
export function connectTestDatabase(): Promise<Database> {
  return Database.connect({
    uri: inject('neo4jUri'),
    user: inject('neo4jUser'),
    password: inject('neo4jPassword') || undefined,
    database: process.env.NEO4J_DATABASE ?? 'neo4j',
  });
}

/** The environment a child process (CLI, image) needs to use the test Neo4j of this run. */
export function testNeo4jEnv(): Record<'NEO4J_URI' | 'NEO4J_USER' | 'NEO4J_PASSWORD', string> {
  return { NEO4J_URI: inject('neo4jUri'), NEO4J_USER: inject('neo4jUser'), NEO4J_PASSWORD: inject('neo4jPassword') };
}

/** An empty graph with the schema applied: each test file starts from here. */
export async function resetGraph(db: Database): Promise<void> {
  await deleteAllData(db);
  await migrate(db);
}

export { graphCounts };
