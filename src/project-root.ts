import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The folder holding package.json, cypher/ and schema/. Found by walking up from this file so
 * the same code works from src/ (tsx, vitest) and from dist/src/ (compiled).
 */
function findProjectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('dutygraph: cannot find package.json above ' + import.meta.url);
    dir = parent;
  }
  return dir;
}

export const projectRoot = findProjectRoot();

/** A path inside the project folder. */
export function projectPath(...parts: string[]): string {
  return join(projectRoot, ...parts);
}

/** dutygraph's version, from package.json. */
export const DUTYGRAPH_VERSION = (JSON.parse(readFileSync(projectPath('package.json'), 'utf8')) as { version: string }).version;
