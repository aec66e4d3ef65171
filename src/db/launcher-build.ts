import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { AppError, ErrorCode } from '../errors.js';
import { projectPath } from '../project-root.js';

const moduleDir = projectPath('neo4j');
const jarPath = join(moduleDir, 'target', 'dutygraph-neo4j.jar');

/** The class path of the local Neo4j launcher: its jar and the Neo4j jars Maven copied beside it. */
export const launcherClassPath = [jarPath, join(moduleDir, 'target', 'lib', '*')].join(':');
export const launcherMainClass = 'dutygraph.neo4j.LocalNeo4j';
export const supervisorMainClass = 'dutygraph.neo4j.Supervisor';

function newestSourceTime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSourceTime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

function isLauncherCurrent(): boolean {
  if (!existsSync(jarPath) || !existsSync(join(moduleDir, 'target', 'lib'))) return false;
  const sources = Math.max(statSync(join(moduleDir, 'pom.xml')).mtimeMs, newestSourceTime(join(moduleDir, 'src')));
  return statSync(jarPath).mtimeMs >= sources;
}

/** The java executable: $JAVA_HOME/bin/java when set, else the one on PATH. */
export function javaExecutable(): string {
  const home = process.env.JAVA_HOME;
  return home ? join(home, 'bin', 'java') : 'java';
}

/**
 * Builds the launcher with Maven when its jar is missing or older than its sources. The first
 * build downloads Neo4j Community from Maven Central (about 140 MB) and takes a minute or two.
 */
export function ensureLauncherBuilt(log: (line: string) => void = (line) => process.stderr.write(line + '\n')): void {
  if (isLauncherCurrent()) return;
  log('dutygraph: building the local Neo4j launcher with Maven (first run only)…');
  const result = spawnSync('mvn', ['-q', '-B', '-f', join(moduleDir, 'pom.xml'), 'package', '-DskipTests'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (result.error || result.status !== 0) {
    const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.trim().split('\n').slice(-20).join('\n');
    const reason = result.error ? `cannot run mvn (${result.error.message}); install Maven and Java 17+` : output;
    throw new AppError(ErrorCode.LAUNCHER_FAILED, `building the local Neo4j launcher failed: ${reason}`);
  }
}
