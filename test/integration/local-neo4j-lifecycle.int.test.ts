import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cliEnv, isAlive, processesOn, runCli, spawnCli, spawnNpmStart, waitFor } from '../helpers/cli.js';
import { freePort } from '../helpers/free-port.js';

// These tests start Neo4j processes of their own through the CLI, exactly as a user would,
// and check that none is left behind.

const dataDirs: string[] = [];
const tempDataDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'dg-lifecycle-'));
  dataDirs.push(dir);
  return dir;
};
afterAll(() => dataDirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
const recordedPid = (dataDir: string) => (JSON.parse(readFileSync(join(dataDir, 'neo4j.pid'), 'utf8')) as { pid: number }).pid;

describe('dutygraph db start / status / stop', () => {
  it('starts a detached Neo4j that answers Bolt, and stops exactly that process', async () => {
    const dataDir = tempDataDir();
    const port = String(await freePort());
    const env = cliEnv({ NEO4J_HTTP_PORT: '0', NEO4J_HEAP: '512m' });

    const started = await runCli(['db', 'start', '--data-dir', dataDir, '--port', port], env);
    expect(started.stderr).not.toMatch(/dutygraph: [A-Z_]+:/);
    expect(started.code).toBe(0);
    expect(started.stdout).toContain(`bolt://127.0.0.1:${port}`);
    const pid = recordedPid(dataDir);
    expect(isAlive(pid)).toBe(true);

    const again = await runCli(['db', 'start', '--data-dir', dataDir, '--port', port], env);
    expect(again.stdout).toContain('already running');

    // The supervisor and the Neo4j JVM it runs.
    expect(processesOn(dataDir)).toHaveLength(2);
    const status = await runCli(['db', 'status', '--data-dir', dataDir, '--json'], env);
    const credentials = JSON.parse(readFileSync(join(dataDir, 'neo4j-credentials.json'), 'utf8')) as { password: string };
    expect(statSync(join(dataDir, 'neo4j-credentials.json')).mode & 0o777).toBe(0o600);
    expect(credentials.password.length).toBeGreaterThanOrEqual(24);
    expect(JSON.parse(status.stdout)).toMatchObject({ state: 'running', pid, uri: `bolt://127.0.0.1:${port}`, user: 'neo4j', password: credentials.password });

    const stopped = await runCli(['db', 'stop', '--data-dir', dataDir], env);
    expect(stopped.code).toBe(0);
    expect(isAlive(pid)).toBe(false);
    expect(processesOn(dataDir)).toEqual([]);

    const after = await runCli(['db', 'status', '--data-dir', dataDir], env);
    expect(after.code).toBe(3);
    expect(after.stdout).toContain('stopped');
  });

  it('refuses a Bolt port that is taken, with LAUNCHER_FAILED', async () => {
    const { createServer } = await import('node:net');
    const blocker = createServer().listen(0, '127.0.0.1');
    await once(blocker, 'listening');
    const port = String((blocker.address() as { port: number }).port);
    const result = await runCli(['db', 'start', '--data-dir', tempDataDir(), '--port', port], cliEnv({ NEO4J_HTTP_PORT: '0' }));
    blocker.close();
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('LAUNCHER_FAILED');
    expect(result.stderr).toContain('NEO4J_BOLT_PORT');
  });
});

describe('npm start / dutygraph serve with the local Neo4j', () => {
  async function startServe(dataDir: string, how: 'npm start' | 'cli' = 'cli') {
    const apiPort = await freePort();
    const env = cliEnv({
      DUTYGRAPH_DATA_DIR: dataDir,
      NEO4J_BOLT_PORT: String(await freePort()),
      NEO4J_HTTP_PORT: '0',
      NEO4J_HEAP: '512m',
      PORT: String(apiPort),
    });
    const child = how === 'npm start' ? spawnNpmStart(env) : spawnCli(['serve', '--demo'], env);
    let output = '';
    child.stdout!.on('data', (chunk) => (output += chunk));
    child.stderr!.on('data', (chunk) => (output += chunk));
    await waitFor(() => output.includes('GraphQL at') || child.exitCode !== null, 120_000, 'serve to be ready');
    expect(output).toContain('GraphQL at');
    return { child, apiPort, output: () => output };
  }

  it('npm start serves the demo data and leaves no Java process after Ctrl-C', async () => {
    const dataDir = tempDataDir();
    const { child, apiPort, output } = await startServe(dataDir, 'npm start');
    const javaPid = recordedPid(dataDir);
    const response = await fetch(`http://127.0.0.1:${apiPort}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ departments { id } }' }),
    });
    expect(((await response.json()) as { data: { departments: unknown[] } }).data.departments).toHaveLength(16);
    expect(output()).toContain('loaded the demo bundle');
    expect(output()).toContain('anonymous requests get the viewer role');

    // Ctrl-C at a terminal signals the whole foreground process group: npm, node and java.
    process.kill(-child.pid!, 'SIGINT');
    await once(child, 'exit');
    await waitFor(() => !isAlive(javaPid), 30_000, 'Neo4j to stop');
    expect(output()).toContain('stopping');
  });

  it('serve --port sets the API port; a Browser port in use falls back to a free one, named and printed', async () => {
    const { createServer } = await import('node:net');
    const blocker = createServer().listen(0, '127.0.0.1');
    await once(blocker, 'listening');
    const taken = (blocker.address() as { port: number }).port;
    const apiPort = await freePort();
    const dataDir = tempDataDir();
    const env = cliEnv({ DUTYGRAPH_DATA_DIR: dataDir, NEO4J_BOLT_PORT: String(await freePort()), NEO4J_HTTP_PORT: String(taken), NEO4J_HEAP: '512m' });
    const child = spawnCli(['serve', '--demo', '--port', String(apiPort)], env);
    let output = '';
    child.stdout!.on('data', (chunk) => (output += chunk));
    child.stderr!.on('data', (chunk) => (output += chunk));
    try {
      await waitFor(() => output.includes('GraphQL at') || child.exitCode !== null, 120_000, 'serve to be ready');
      expect(output).toContain(`port ${taken} is in use (NEO4J_HTTP_PORT`);
      const browser = /Neo4j Browser at (\S+)/.exec(output)?.[1];
      expect(browser).toMatch(/^http:\/\/127\.0\.0\.1:\d+/);
      expect(browser).not.toContain(`:${taken}/`);
      expect((await fetch(browser!)).status).toBe(200);
      expect(output).toContain(`GraphQL at http://127.0.0.1:${apiPort}/graphql`);
    } finally {
      blocker.close();
      child.kill('SIGTERM');
      await once(child, 'exit');
    }
  });

  it('leaves no Java process even when the service is killed outright (SIGKILL)', async () => {
    const dataDir = tempDataDir();
    const { child } = await startServe(dataDir);
    const javaPid = recordedPid(dataDir);
    child.kill('SIGKILL');
    await once(child, 'exit');
    // The supervisor watches its parent, Neo4j its supervisor: both shut down when the parent is gone.
    await waitFor(() => !isAlive(javaPid), 30_000, 'the orphaned supervisor to exit');
    await waitFor(() => processesOn(dataDir).length === 0, 30_000, 'the orphaned Neo4j to exit');
  });
});
