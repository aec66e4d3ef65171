import { once } from 'node:events';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_BUNDLE } from '../../src/api/start-service.js';
import { createToken } from '../../src/auth/token-store.js';
import type { Database } from '../../src/db/database.js';
import { importBundle } from '../../src/ingest/import-bundle.js';
import { useQueries } from '../../src/db/named-queries.js';
import { DUTYGRAPH_VERSION } from '../../src/project-root.js';
import { spawnCli, waitFor } from '../helpers/cli.js';
import { freePort } from '../helpers/free-port.js';
import { connectTestDatabase, resetGraph, testNeo4jEnv } from '../helpers/neo4j.js';

/**
 * Two `dutygraph serve` processes on one Neo4j, as behind a load balancer: what one changes,
 * the other follows by itself (it shares no memory with the first, only the graph and the token
 * file). The second connects with a neo4j:// routing URI, as replicas on a cluster would.
 */

const LIFT = '我们老楼想加装电梯，一楼住户不同意，该找哪个部门协调';
const DISPATCH = 'query ($text: String!) { dispatch(text: $text, district: "371100") { lead { id } via evidence { id } indexVersion } }';

interface Replica {
  child: ChildProcess;
  url: string;
}

const FIGURES = useQueries(['storedFigure']);
let db: Database;
let tokenFile: string;
let editor: string;
const replicas: Replica[] = [];

/** A replica; `scheme` neo4j: through the driver's routing (as against a cluster), bolt: straight to the server. */
async function startReplica(scheme: 'bolt' | 'neo4j'): Promise<Replica> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'dg-replica-'));
  const neo4jEnv = testNeo4jEnv();
  const child = spawnCli(['serve', '--port', String(port)], {
    ...process.env,
    ...neo4jEnv,
    NEO4J_URI: neo4jEnv.NEO4J_URI.replace(/^bolt:/, `${scheme}:`),
    DUTYGRAPH_DATA_DIR: dataDir,
    DUTYGRAPH_TOKENS_FILE: tokenFile,
    // As deployed (the Dockerfile's), not vitest's "test": libraries behave otherwise under it (Apollo's signal handling).
    NODE_ENV: 'production',
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  await waitFor(() => output.includes('GraphQL at') || child.exitCode !== null, 120_000, 'a replica to be ready');
  expect(output).toContain('GraphQL at');
  return { child, url: `http://127.0.0.1:${port}/graphql` };
}

async function graphql(replica: Replica, query: string, variables: Record<string, unknown> = {}) {
  const response = await fetch(replica.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${editor}` },
    body: JSON.stringify({ query, variables }),
  });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each assertion is the type check
  return (await response.json()) as { data?: any; errors?: { message: string }[] };
}

beforeAll(async () => {
  db = await connectTestDatabase();
  await resetGraph(db);
  await importBundle(db, DEMO_BUNDLE);
  tokenFile = join(mkdtempSync(join(tmpdir(), 'dg-replica-tokens-')), 'tokens.json');
  editor = createToken(tokenFile, 'editor', 'replica test').token;
  replicas.push(...(await Promise.all([startReplica('bolt'), startReplica('neo4j')])));
});

afterAll(async () => {
  for (const { child } of replicas) {
    child.kill('SIGTERM');
    if (child.exitCode === null) await once(child, 'exit');
  }
  await db?.close();
});

/**
 * Asks `replica` until `holds` is true of the answer, for at most the 2 s the issue allows a
 * replica to follow a change through another; returns the last answer.
 */
async function within2s(replica: Replica, query: string, variables: Record<string, unknown>, holds: (result: Awaited<ReturnType<typeof graphql>>) => boolean) {
  const committed = Date.now();
  let result = await graphql(replica, query, variables);
  while (!holds(result) && Date.now() - committed < 2_000) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    result = await graphql(replica, query, variables);
  }
  return result;
}

describe('two replicas on one Neo4j', () => {
  it('a boundary item retired through one changes the other’s dispatch answers within 2 s, and back', async () => {
    const [a, b] = replicas as [Replica, Replica];
    const before = await graphql(b, DISPATCH, { text: LIFT });
    expect(before.data.dispatch).toMatchObject({ lead: { id: 'd-zjj' }, via: 'BOUNDARY_ITEM', evidence: [{ id: 'b-2021-lift-01' }] });

    const retired = await graphql(a, 'mutation { retireBoundaryItem(id: "b-2021-lift-01") { status revision } }');
    expect(retired.errors).toBeUndefined();
    // Replica b looks at the revisions every 500 ms and swaps the item's decision in within
    // milliseconds of seeing the change.
    const after = await within2s(b, DISPATCH, { text: LIFT }, (r) => r.data.dispatch.via !== 'BOUNDARY_ITEM');
    expect(after.data.dispatch.via).not.toBe('BOUNDARY_ITEM');
    expect(after.data.dispatch.indexVersion).toBeGreaterThanOrEqual(retired.data.retireBoundaryItem.revision);

    // Its figures know within the same 2 s that they are behind, and the fresh ones follow.
    const revision = retired.data.retireBoundaryItem.revision as number;
    const figures = '{ analysis { revision stale } dashboard { revision stale } }';
    const known = await within2s(b, figures, {}, (r) => [r.data.analysis, r.data.dashboard].every((f) => f.stale || f.revision >= revision));
    for (const figure of [known.data.analysis, known.data.dashboard]) expect(figure.stale || figure.revision >= revision).toBe(true);
    const fresh = await graphql(b, '{ analysis(fresh: true) { revision stale } dashboard(fresh: true) { revision stale } }');
    expect(fresh.data.analysis).toMatchObject({ stale: false });
    expect(fresh.data.analysis.revision).toBeGreaterThanOrEqual(revision);
    expect(fresh.data.dashboard.revision).toBeGreaterThanOrEqual(revision);

    const published = await graphql(b, 'mutation { publishBoundaryItem(id: "b-2021-lift-01") { revision } }');
    expect(published.errors).toBeUndefined();
    const onA = await within2s(a, DISPATCH, { text: LIFT }, (r) => r.data.dispatch.via === 'BOUNDARY_ITEM');
    expect(onA.data.dispatch).toMatchObject({ lead: { id: 'd-zjj' }, via: 'BOUNDARY_ITEM' });
  });

  it('a replica stopped by SIGTERM finishes its shutdown and keeps the analysis it made, for the next start', async () => {
    const b = replicas[1]!;
    const fresh = await graphql(b, '{ analysis(fresh: true) { revision } }');
    b.child.kill('SIGTERM');
    // Stopped by its own shutdown, to the end (exit code 0), not killed by the signal half-way.
    expect(await once(b.child, 'exit')).toEqual([0, null]);
    const [kept] = await db.read<{ revision: number }>(FIGURES.storedFigure, { key: `analysis@${DUTYGRAPH_VERSION}` });
    expect(kept?.revision).toBe(fresh.data.analysis.revision);
    replicas.splice(1, 1);
  });

  it('a token created after both started is accepted by the replica left (tokens live in the shared file)', async () => {
    editor = createToken(tokenFile, 'editor', 'replica test, later').token;
    for (const replica of replicas) expect((await within2s(replica, '{ __typename }', {}, (r) => r.data !== undefined)).data).toEqual({ __typename: 'Query' });
  });
});
