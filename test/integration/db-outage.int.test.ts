import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_BUNDLE } from '../../src/api/start-service.js';
import { graphCounts, ping } from '../../src/db/admin.js';
import { Database } from '../../src/db/database.js';
import { startLocalNeo4j, stopLocalNeo4j } from '../../src/db/local-neo4j.js';
import { migrate } from '../../src/db/migrate.js';
import { recordRouting } from '../../src/dispatch/routing-feedback.js';
import { isAppError } from '../../src/errors.js';
import { importBundle } from '../../src/ingest/import-bundle.js';
import { freePort } from '../helpers/free-port.js';

/** A Neo4j of its own (the shared test database must not go down), stopped and started again mid-test. */
const dataDir = mkdtempSync(join(tmpdir(), 'dg-outage-'));
let port: number;
let db: Database;
const start = () => startLocalNeo4j({ dataDir, boltPort: port, httpPort: 0, heap: '512m', pageCache: '128m', txTimeout: '60s' }, { detached: false });

beforeAll(async () => {
  port = await freePort();
  const local = await start();
  db = await Database.connect({ uri: local.boltUri, user: 'neo4j', password: undefined, database: 'neo4j' });
  await migrate(db);
  await importBundle(db, DEMO_BUNDLE);
});
afterAll(async () => {
  await db.close();
  await stopLocalNeo4j(dataDir);
});

describe('Neo4j going down and coming back', () => {
  it('answers DB_UNAVAILABLE quickly while down, writes nothing half, and recovers by itself', async () => {
    const before = await graphCounts(db);
    await stopLocalNeo4j(dataDir);

    const started = Date.now();
    await expect(ping(db)).rejects.toSatisfy((error: unknown) => isAppError(error, 'DB_UNAVAILABLE'));
    await expect(recordRouting(db, { complaint: 'c-2021-0001', department: 'd-cgj', outcome: 'resolved' }, 'test')).rejects.toSatisfy((error: unknown) =>
      isAppError(error, 'DB_UNAVAILABLE'),
    );
    expect(Date.now() - started).toBeLessThan(30_000);

    await start();
    let recovered = false;
    for (let i = 0; i < 60 && !recovered; i++) {
      recovered = await ping(db).then(
        () => true,
        () => false,
      );
      if (!recovered) await new Promise((resolve) => setTimeout(resolve, 500));
    }
    expect(recovered).toBe(true);
    expect(await graphCounts(db)).toEqual(before);
  });
});
