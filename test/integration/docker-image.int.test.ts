import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashToken } from '../../src/auth/token-store.js';
import type { Database } from '../../src/db/database.js';
import { waitFor } from '../helpers/cli.js';
import { freePort } from '../helpers/free-port.js';
import { layOutImage, type ImageLayout } from '../helpers/image-layout.js';
import { connectTestDatabase, resetGraph, testNeo4jEnv } from '../helpers/neo4j.js';

// No Docker engine runs here: this lays out exactly what the Dockerfile copies and runs the
// image's command from there, against the test Neo4j, as the container would.

let image: ImageLayout;
let db: Database;

beforeAll(async () => {
  image = layOutImage();
  db = await connectTestDatabase();
  await resetGraph(db);
}, 240_000);

afterAll(async () => {
  await db.close();
  image.remove();
});

interface Started {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

/** The image's CMD with its ENV, from its WORKDIR, with `env` on top (as compose sets it). */
function runImage(env: Record<string, string>): Started {
  const [command, ...args] = image.cmd;
  const child = spawn(command === 'node' ? process.execPath : command!, args, {
    cwd: image.root,
    env: { PATH: process.env.PATH, ...image.env, LOG_LEVEL: 'silent', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  return { child, output: () => output, exited: new Promise((resolve) => child.once('exit', resolve)) };
}

describe('the Docker image', () => {
  it('holds what the server reads at run time, and nothing from the development tree', () => {
    for (const path of [
      'dist/src/cli/main.js',
      'bin/dutygraph.js',
      'cypher/catalog.cypher',
      'schema/core.graphql',
      'lexicon/civic-words.txt',
      'seed/fixtures/demo/manifest.json',
      'dist/web/app.js',
      'dist/web/index.html',
    ]) {
      expect(existsSync(join(image.root, path)), path).toBe(true);
    }
    for (const path of ['src', 'test', 'neo4j', 'web', 'node_modules/vitest', 'node_modules/typescript', 'node_modules/preact']) {
      expect(existsSync(join(image.root, path)), path).toBe(false);
    }
    expect(existsSync(join(image.env.DUTYGRAPH_DATA_DIR!, 'imports'))).toBe(true);
  });

  it('refuses to start without a token, saying how to set one', async () => {
    const run = runImage({ ...testNeo4jEnv(), PORT: String(await freePort()) });
    expect(await run.exited).not.toBe(0);
    expect(run.output()).toMatch(/BAD_CONFIG.*DUTYGRAPH_TOKEN_HASHES/s);
  });

  it('serves the demo with the token compose passes in DUTYGRAPH_TOKEN_HASHES', async () => {
    const token = 'dg_admin_image-layout-test';
    const port = await freePort();
    const run = runImage({ ...testNeo4jEnv(), PORT: String(port), DUTYGRAPH_TOKEN_HASHES: `admin:${hashToken(token)}` });
    try {
      await waitFor(() => run.output().includes('GraphQL at') || run.child.exitCode !== null, 120_000, 'the server to start');
      expect(run.child.exitCode, run.output()).toBeNull();
      const url = `http://127.0.0.1:${port}`;
      expect((await fetch(`${url}/healthz`)).status).toBe(200);
      const post = (query: string, headers: Record<string, string> = {}) =>
        fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query }) });
      expect((await post('{ regions { name } }')).status).toBe(401);
      const answer = await post('{ regions { name } dispatch(text: "工地夜间施工噪音扰民", district: "371100") { status lead { name } } }', {
        authorization: `Bearer ${token}`,
      });
      const body = (await answer.json()) as { data: { regions: { name: string }[]; dispatch: { status: string } } };
      expect(body.data.regions.map((r) => r.name)).toContain('日照市');
      expect(body.data.dispatch.status).toBe('ASSIGNED');
      const page = await fetch(`${url}/`);
      expect(page.headers.get('content-type')).toContain('text/html');
      expect(await page.text()).toContain('/app.js');
    } finally {
      run.child.kill('SIGTERM');
      await run.exited;
    }
  });
});
