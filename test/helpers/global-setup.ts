import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { isGraphEmpty } from '../../src/db/admin.js';
import { Database } from '../../src/db/database.js';
import { startLocalNeo4j, stopLocalNeo4j } from '../../src/db/local-neo4j.js';
import { CHROMIUM_HINT, findChromium } from './find-chromium.js';
import { freePort } from './free-port.js';

declare module 'vitest' {
  export interface ProvidedContext {
    neo4jUri: string;
    neo4jUser: string;
    neo4jPassword: string;
  }
}

/**
 * Gives the integration tests a real Neo4j: the one at NEO4J_URI, or a throwaway local one
 * (fresh folder, free port) that is stopped and deleted at the end. Never skips.
 */
export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  if (!findChromium()) process.stderr.write(`\nbrowser test skipped: no Chromium found (${CHROMIUM_HINT})\n\n`);
  const given = process.env.NEO4J_URI;
  if (given) {
    // The tests delete everything in the database they use: refuse a database with data in it.
    const db = await Database.connect({
      uri: given,
      user: process.env.NEO4J_USER ?? 'neo4j',
      password: process.env.NEO4J_PASSWORD,
      database: process.env.NEO4J_DATABASE ?? 'neo4j',
    });
    const empty = await isGraphEmpty(db).finally(() => db.close());
    if (!empty && process.env.DUTYGRAPH_TEST_ALLOW_WIPE !== '1') {
      throw new Error(`NEO4J_URI=${given} holds data and the tests would delete it; use an empty database or set DUTYGRAPH_TEST_ALLOW_WIPE=1`);
    }
    project.provide('neo4jUri', given);
    project.provide('neo4jUser', process.env.NEO4J_USER ?? 'neo4j');
    project.provide('neo4jPassword', process.env.NEO4J_PASSWORD ?? '');
    return undefined;
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'dutygraph-test-'));
  const local = await startLocalNeo4j(
    { dataDir, boltPort: await freePort(), httpPort: 0, heap: '768m', pageCache: '128m', txTimeout: '120s' },
    { detached: false },
  );
  project.provide('neo4jUri', local.boltUri);
  project.provide('neo4jUser', local.credentials.user);
  project.provide('neo4jPassword', local.credentials.password);
  return async () => {
    await stopLocalNeo4j(dataDir);
    rmSync(dataDir, { recursive: true, force: true });
  };
}
