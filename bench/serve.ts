import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROLES, type Role } from '../src/auth/roles.js';
import { createToken } from '../src/auth/token-store.js';
import { projectPath } from '../src/project-root.js';
import { freePort } from '../test/helpers/free-port.js';

export interface BenchServer {
  url: string;
  pid: number;
  /** A bearer token of each role. */
  tokens: Record<Role, string>;
  stop(): Promise<void>;
}

/**
 * `dutygraph serve` as deployed (the built JavaScript, the Dockerfile's NODE_ENV=production,
 * warnings-only logs) on a graph, with a fresh token file holding a token of each role;
 * resolves once it answers and (unless told not to wait) has made its analysis.
 */
export async function startBuiltServer(neo4jEnv: Record<string, string>, options: { waitForAnalysis?: boolean; build?: boolean } = {}): Promise<BenchServer> {
  if (options.build ?? true) execFileSync('npm', ['run', 'build', '--silent'], { cwd: projectPath(), stdio: 'inherit' });
  const tokensFile = join(mkdtempSync(join(tmpdir(), 'dg-bench-')), 'tokens.json');
  const tokens = Object.fromEntries(ROLES.map((role) => [role, createToken(tokensFile, role, 'bench').token])) as Record<Role, string>;
  const port = await freePort();
  const child = spawn(process.execPath, [projectPath('dist/src/cli/main.js'), 'serve'], {
    cwd: projectPath(),
    stdio: ['ignore', 'pipe', 'inherit'],
    env: {
      ...process.env,
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      ...neo4jEnv,
      PORT: String(port),
      HOST: '127.0.0.1',
      DUTYGRAPH_TOKENS_FILE: tokensFile,
    },
  });
  await new Promise<void>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`dutygraph serve exited with ${code}`)));
    child.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('GraphQL at')) resolve();
    });
  });
  // A server makes its analysis in the background at start; measuring while it works would
  // measure that. Asking for the fresh analysis waits until it is there.
  if (options.waitForAnalysis ?? true)
    await fetch(`http://127.0.0.1:${port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens.analyst}` },
      body: JSON.stringify({ query: '{ analysis(fresh: true) { revision } }' }),
    });
  return {
    url: `http://127.0.0.1:${port}`,
    pid: child.pid!,
    tokens,
    async stop() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
