import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Config } from '../config.js';
import { AppError, ErrorCode } from '../errors.js';
import { ensureLauncherBuilt, javaExecutable, launcherClassPath, launcherMainClass, supervisorMainClass } from './launcher-build.js';
import { localCredentials, type LocalCredentials } from './local-credentials.js';

/**
 * Starts, stops and inspects the local Neo4j: the Java launcher in neo4j/ under its supervisor
 * (which starts it again when it dies), one per data folder, recorded in DATA_DIR/neo4j.pid.
 * Only this module knows how that process is run.
 */

export type LocalNeo4jOptions = Config['local'] & { password?: string | undefined };

export interface LocalNeo4jProcess {
  pid: number;
  boltUri: string;
  browserUrl: string | undefined;
  dataDir: string;
}

export type LocalNeo4jStatus =
  ({ state: 'running' } & LocalNeo4jProcess) | { state: 'stopped'; dataDir: string } | { state: 'stale'; dataDir: string; pid: number };

const READY_PREFIX = 'dutygraph-neo4j ready';
const START_TIMEOUT_MS = 120_000;
const STOP_TIMEOUT_MS = 60_000;

const pidFile = (dataDir: string) => join(dataDir, 'neo4j.pid');
const logFile = (dataDir: string) => join(dataDir, 'neo4j.log');

function readPidFile(dataDir: string): LocalNeo4jProcess | undefined {
  if (!existsSync(pidFile(dataDir))) return undefined;
  try {
    return JSON.parse(readFileSync(pidFile(dataDir), 'utf8')) as LocalNeo4jProcess;
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** True when `pid` is alive and is our launcher on `dataDir`, not an unrelated process that reused the pid. */
function isOurLauncher(pid: number, dataDir: string): boolean {
  if (!existsSync('/proc')) return isAlive(pid); // no /proc (macOS): the best we can tell
  try {
    const argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    return argv.includes(launcherMainClass) && argv.includes(join(dataDir, 'db'));
  } catch {
    return false;
  }
}

/** Whether the local Neo4j on `dataDir` runs, is stopped, or left a stale pid file behind. */
export function localNeo4jStatus(dataDir: string): LocalNeo4jStatus {
  const recorded = readPidFile(dataDir);
  if (!recorded) return { state: 'stopped', dataDir };
  if (isOurLauncher(recorded.pid, dataDir)) return { state: 'running', ...recorded };
  return { state: 'stale', dataDir, pid: recorded.pid };
}

/** Whether a TCP port on 127.0.0.1 can be listened on; port 0 asks for any free one, which is returned. */
function tryPort(port: number): Promise<number | undefined> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(undefined));
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : undefined));
    });
  });
}

/**
 * The Browser's port: the one asked for, or, when another program holds it, a free one (the
 * Browser is a convenience; the API must not fail to start for it).
 */
async function browserPort(port: number, log: (line: string) => void): Promise<number> {
  if (port === 0 || (await tryPort(port)) !== undefined) return port;
  const fallback = (await tryPort(0)) ?? 0;
  log(
    `dutygraph: the Neo4j Browser port ${port} is in use (NEO4J_HTTP_PORT, or --http-port); ${fallback > 0 ? `using ${fallback} instead` : 'starting without the Browser'}`,
  );
  return fallback;
}

function tail(path: string, lines = 25): string {
  if (!existsSync(path)) return '';
  return readFileSync(path, 'utf8').trim().split('\n').slice(-lines).join('\n');
}

/**
 * Starts the local Neo4j on `options.dataDir` and resolves once it prints its ready line.
 * Detached: the process outlives us (`dutygraph db start`). Attached: it watches our pid and
 * exits when we do, even after a SIGKILL (`npm start`, tests).
 */
export async function startLocalNeo4j(
  options: LocalNeo4jOptions,
  mode: { detached: boolean; log?: (line: string) => void },
): Promise<LocalNeo4jProcess & { alreadyRunning: boolean; credentials: LocalCredentials }> {
  const { dataDir } = options;
  const status = localNeo4jStatus(dataDir);
  if (status.state === 'running') return { ...status, alreadyRunning: true, credentials: localCredentials(dataDir, options.password) };
  if (status.state === 'stale') rmSync(pidFile(dataDir), { force: true });

  if ((await tryPort(options.boltPort)) === undefined) {
    throw new AppError(
      ErrorCode.LAUNCHER_FAILED,
      `the Bolt port ${options.boltPort} on 127.0.0.1 is already in use; choose another with NEO4J_BOLT_PORT (or --port of dutygraph db start)`,
    );
  }
  const httpPort = await browserPort(options.httpPort, mode.log ?? ((line) => process.stderr.write(line + '\n')));
  ensureLauncherBuilt();
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });

  const log = logFile(dataDir);
  const logStart = existsSync(log) ? statSync(log).size : 0;
  const out = openSync(log, 'a');
  const credentials = localCredentials(dataDir, options.password);
  const args = [
    '-Xmx64m',
    '-cp',
    launcherClassPath,
    supervisorMainClass,
    ...(mode.detached ? [] : ['--parent-pid', String(process.pid)]),
    '--',
    `-Xms${options.heap}`,
    `-Xmx${options.heap}`,
    '-XX:+UseG1GC',
    '-XX:+ExitOnOutOfMemoryError',
    '-Dfile.encoding=UTF-8',
    '-cp',
    launcherClassPath,
    launcherMainClass,
    '--data-dir',
    join(dataDir, 'db'),
    '--bolt-port',
    String(options.boltPort),
    '--http-port',
    String(httpPort),
  ];
  const child = spawn(javaExecutable(), args, {
    detached: mode.detached,
    stdio: ['ignore', out, out],
    env: {
      ...process.env,
      NEO4J_PASSWORD: credentials.password,
      NEO4J_PAGECACHE: options.pageCache,
      NEO4J_TX_TIMEOUT: options.txTimeout,
      NEO4J_TX_MEMORY: options.txMemory ?? '',
    },
  });
  closeSync(out);
  let exited: number | null | undefined;
  let spawnError: Error | undefined;
  child.once('exit', (code) => (exited = code));
  child.once('error', (error) => (spawnError = error));
  if (mode.detached) child.unref();

  const deadline = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    if (spawnError) {
      throw new AppError(ErrorCode.LAUNCHER_FAILED, `cannot run ${javaExecutable()}: ${spawnError.message}; install Java 17+ or set JAVA_HOME`);
    }
    const newOutput = existsSync(log) ? readFileSync(log, 'utf8').slice(logStart) : '';
    const ready = newOutput.split('\n').find((line) => line.startsWith(READY_PREFIX));
    if (ready && child.pid !== undefined) {
      const browser = /browser=(\S+)/.exec(ready)?.[1];
      const record: LocalNeo4jProcess = {
        pid: child.pid,
        boltUri: `bolt://127.0.0.1:${options.boltPort}`,
        browserUrl: browser,
        dataDir,
      };
      writeFileSync(pidFile(dataDir), JSON.stringify(record, null, 2) + '\n');
      return { ...record, alreadyRunning: false, credentials };
    }
    if (exited !== undefined || Date.now() > deadline) {
      if (exited === undefined) child.kill('SIGKILL');
      const reason = exited !== undefined ? `exited with code ${exited}` : `was not ready after ${START_TIMEOUT_MS / 1000} s`;
      throw new AppError(ErrorCode.LAUNCHER_FAILED, `the local Neo4j ${reason}; its log (${log}) ends with:\n${tail(log)}`);
    }
    await sleep(200);
  }
}

/**
 * Stops the local Neo4j recorded in `dataDir` (and only that process): SIGTERM, which runs its
 * clean shutdown, then SIGKILL if it is still alive after a minute. Resolves when it is gone.
 */
export async function stopLocalNeo4j(dataDir: string): Promise<{ stopped: boolean; pid?: number }> {
  const status = localNeo4jStatus(dataDir);
  if (status.state !== 'running') {
    rmSync(pidFile(dataDir), { force: true });
    return { stopped: false };
  }
  const { pid } = status;
  process.kill(pid, 'SIGTERM');
  const deadline = Date.now() + STOP_TIMEOUT_MS;
  while (isAlive(pid) && Date.now() < deadline) await sleep(100);
  if (isAlive(pid)) {
    process.kill(pid, 'SIGKILL');
    while (isAlive(pid)) await sleep(100);
  }
  rmSync(pidFile(dataDir), { force: true });
  return { stopped: true, pid };
}
