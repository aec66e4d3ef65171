import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

/** Where a browser test can find Chromium, and how to get one when it is missing. */
export const CHROMIUM_HINT = 'set CHROMIUM_PATH, or install it (Debian: apt-get install chromium); .ci/run installs it';

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * The Chromium to drive: CHROMIUM_PATH when set (it must exist), else `chromium` or
 * `chromium-browser` on PATH; undefined when there is none.
 */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.CHROMIUM_PATH) {
    if (!isExecutable(env.CHROMIUM_PATH)) throw new Error(`CHROMIUM_PATH=${env.CHROMIUM_PATH} is not an executable file`);
    return env.CHROMIUM_PATH;
  }
  for (const dir of (env.PATH ?? '').split(delimiter).filter(Boolean)) {
    for (const name of ['chromium', 'chromium-browser']) {
      if (isExecutable(join(dir, name))) return join(dir, name);
    }
  }
  return undefined;
}
