import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import neo4j from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_BUNDLE } from '../../src/api/start-service.js';
import { graphCounts, ping } from '../../src/db/admin.js';
import { Database } from '../../src/db/database.js';
import { localCredentials } from '../../src/db/local-credentials.js';
import { localNeo4jStatus, startLocalNeo4j, stopLocalNeo4j } from '../../src/db/local-neo4j.js';
import { migrate } from '../../src/db/migrate.js';
import { recordRouting } from '../../src/dispatch/routing-feedback.js';
import { isAppError } from '../../src/errors.js';
import { importBundle } from '../../src/ingest/import-bundle.js';
import { startTestApi, type TestApi } from '../helpers/api.js';
import { waitFor } from '../helpers/cli.js';
import { freePort } from '../helpers/free-port.js';

/** A Neo4j of its own (the shared test database must not go down), stopped, killed and crashed mid-test. */
const dataDir = mkdtempSync(join(tmpdir(), 'dg-outage-'));
let port: number;
let db: Database;
let api: TestApi;
const start = () => startLocalNeo4j({ dataDir, boltPort: port, httpPort: 0, heap: '512m', pageCache: '128m', txTimeout: '60s' }, { detached: false });

const DEPARTMENTS = '{ departments { id } }';
const departmentCount = async () => ((await api.execute(DEPARTMENTS, {}, 'viewer')).data?.departments as unknown[] | undefined)?.length;

/** The pid of the Neo4j JVM itself (the supervisor's child), read from /proc. */
function neo4jChildPid(): number {
  const supervisor = localNeo4jStatus(dataDir);
  if (supervisor.state !== 'running') throw new Error('no local Neo4j runs');
  for (const entry of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (parent === supervisor.pid) return Number(entry);
    } catch {
      // the process ended while we looked
    }
  }
  throw new Error(`no child of the supervisor ${supervisor.pid}`);
}

/** Polls the API as a viewer until it answers with the demo's departments again. */
async function waitForRecovery(): Promise<void> {
  let answered: number | undefined;
  const deadline = Date.now() + 90_000;
  while (answered !== 16 && Date.now() < deadline) {
    answered = await departmentCount().catch(() => undefined);
    if (answered !== 16) await new Promise((resolve) => setTimeout(resolve, 500));
  }
  expect(answered).toBe(16);
}

beforeAll(async () => {
  port = await freePort();
  const local = await start();
  db = await Database.connect({ uri: local.boltUri, ...localCredentials(dataDir, undefined), database: 'neo4j' });
  await migrate(db);
  await importBundle(db, DEMO_BUNDLE);
  api = await startTestApi(db);
});
afterAll(async () => {
  await api.stop();
  await db.close();
  await stopLocalNeo4j(dataDir);
});

describe('the local Neo4j requires its credentials', () => {
  it('refuses Bolt without a password or with a wrong one, and answers with the one in the data folder', async () => {
    const uri = `bolt://127.0.0.1:${port}`;
    const attempt = async (auth?: ReturnType<typeof neo4j.auth.basic>) => {
      const driver = neo4j.driver(uri, auth, { logging: { level: 'error', logger: () => {} } });
      try {
        await driver.executeQuery("MERGE (:Department {id: 'intruder', name: 'x'})");
        return 'written';
      } catch (error) {
        return (error as { code?: string }).code;
      } finally {
        await driver.close();
      }
    };
    expect(await attempt()).toBe('Neo.ClientError.Security.Unauthorized');
    expect(await attempt(neo4j.auth.basic('neo4j', 'neo4j'))).toBe('Neo.ClientError.Security.Unauthorized');
    expect(await attempt(neo4j.auth.basic('neo4j', 'password'))).toBe('Neo.ClientError.Security.Unauthorized');
    expect(await departmentCount()).toBe(16);
  });
});

describe('Neo4j going down and coming back', () => {
  it('answers DB_UNAVAILABLE quickly while down, to every role, writes nothing half, and recovers by itself', async () => {
    const before = await graphCounts(db);
    await stopLocalNeo4j(dataDir);

    const started = Date.now();
    await expect(ping(db)).rejects.toSatisfy((error: unknown) => isAppError(error, 'DB_UNAVAILABLE'));
    await expect(recordRouting(db, { complaint: 'c-2021-0001', department: 'd-cgj', outcome: 'resolved' }, 'test')).rejects.toSatisfy((error: unknown) =>
      isAppError(error, 'DB_UNAVAILABLE'),
    );
    const codes = {
      viewer: (await api.execute(DEPARTMENTS, {}, 'viewer')).errors?.[0]?.extensions?.code,
      analyst: (await api.execute('{ cypher(query: "RETURN 1") { rows } }', {}, 'analyst')).errors?.[0]?.extensions?.code,
      editor: (await api.execute('mutation { deleteRecord(kind: POWER_ITEMS, key: "none") { deleted } }', {}, 'editor')).errors?.[0]?.extensions?.code,
    };
    expect(codes).toEqual({ viewer: 'DB_UNAVAILABLE', analyst: 'DB_UNAVAILABLE', editor: 'DB_UNAVAILABLE' });
    // Generous: the point is seconds, not the driver's default minute (README states the measured figure).
    expect(Date.now() - started).toBeLessThan(30_000);

    await start();
    await waitForRecovery();
    expect(await graphCounts(db)).toEqual(before);
  });

  it('a Neo4j killed mid-request is started again by its supervisor, and the API answers again without a hand', async () => {
    const supervisor = localNeo4jStatus(dataDir);
    const victim = neo4jChildPid();
    const inFlight = api.execute('{ cypher(query: "UNWIND range(1, 200000000) AS x WITH x WHERE x = -1 RETURN count(x)") { rows } }', {}, 'analyst');
    await new Promise((resolve) => setTimeout(resolve, 500));
    process.kill(victim, 'SIGKILL');

    expect((await inFlight).errors?.[0]?.extensions?.code).toBe('DB_UNAVAILABLE');
    await waitForRecovery();
    expect(localNeo4jStatus(dataDir)).toMatchObject({ state: 'running', pid: (supervisor as { pid: number }).pid });
    expect(neo4jChildPid()).not.toBe(victim);
    expect(readFileSync(join(dataDir, 'neo4j.log'), 'utf8')).toContain('killed by signal 9); restarting it');
  });

  it('analyst queries that exhaust the heap where Neo4j does not track memory cost a restart, not the service', async () => {
    const log = () => readFileSync(join(dataDir, 'neo4j.log'), 'utf8');
    // The attack (a list of lists) and a variant (doubling a string): values built inside
    // an expression, which Neo4j does not count, so only the JVM's OutOfMemoryError stops them.
    for (const query of [
      'RETURN size([x IN range(1,20000) | [y IN range(1,20000) | 1]]) AS n',
      "RETURN size(reduce(s = 'x', i IN range(1, 40) | s + s)) AS n",
    ]) {
      const crashesBefore = log().split('(out of memory); restarting it').length;
      const crash = await api.execute('query ($query: String!) { cypher(query: $query) { rows } }', { query }, 'analyst');
      // The service gives up at its own deadline (QUERY_TIMEOUT) or hears the crash first (DB_UNAVAILABLE).
      expect(crash.errors?.[0]?.extensions?.code, query).toMatch(/^(QUERY_TIMEOUT|DB_UNAVAILABLE)$/);
      await waitFor(() => log().split('(out of memory); restarting it').length > crashesBefore, 150_000, 'the crash logged');
      await waitForRecovery();
    }
  }, 400_000);
});
