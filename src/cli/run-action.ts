import { isAppError } from '../errors.js';

const MAX_DETAILS = 50;

/**
 * Runs a command's action and turns failures into what a person at a terminal needs: the code,
 * the message, the details (e.g. every bad record of an import), and a non-zero exit code.
 */
export function runAction<Args extends unknown[]>(action: (...args: Args) => Promise<void>): (...args: Args) => Promise<void> {
  return async (...args: Args) => {
    try {
      await action(...args);
    } catch (error) {
      if (isAppError(error)) {
        process.stderr.write(`dutygraph: ${error.code}: ${error.message}\n`);
        const details = error.details ?? [];
        for (const line of details.slice(0, MAX_DETAILS)) process.stderr.write(`  ${line}\n`);
        if (details.length > MAX_DETAILS) process.stderr.write(`  … and ${details.length - MAX_DETAILS} more\n`);
      } else {
        process.stderr.write(`dutygraph: INTERNAL_SERVER_ERROR: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      }
      process.exitCode = 1;
    }
  };
}
