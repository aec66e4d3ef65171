import { resolve } from 'node:path';
import type { Command } from 'commander';
import { generate } from '../../seed/generator/generate.js';
import { AppError, ErrorCode } from '../errors.js';
import { runAction } from './run-action.js';

/** `dutygraph seed --scale S [--seed N] --out DIR`: a synthetic province to import and measure on. */
export function registerSeedCommand(program: Command): void {
  program
    .command('seed')
    .description('generate a synthetic city (scale 1 = Rizhao: ~64 city bodies, ~27k power items, 300k complaints) or province (scale 10)')
    .requiredOption('--out <dir>', 'where to write: DIR/bundle/ (NDJSON bundle) and DIR/truth.json (what was planted)')
    .option('--scale <s>', 'cities to generate; below 1, one smaller city', '1')
    .option('--seed <n>', 'random seed: the same seed gives the same data', '1')
    .action(
      runAction(async (flags: { out: string; scale: string; seed: string }) => {
        const scale = Number(flags.scale);
        const seed = Number(flags.seed);
        if (!Number.isFinite(scale) || scale <= 0 || scale > 100)
          throw new AppError(ErrorCode.BAD_USER_INPUT, `--scale: expected a number in (0, 100], got ${flags.scale}`);
        if (!Number.isInteger(seed)) throw new AppError(ErrorCode.BAD_USER_INPUT, `--seed: expected an integer, got ${flags.seed}`);
        const out = resolve(flags.out);
        const counts = await generate({ scale, seed, out, log: (line) => process.stderr.write(line + '\n') });
        process.stdout.write(
          `wrote ${out}/bundle and ${out}/truth.json: ${Object.entries(counts)
            .map(([f, n]) => `${f} ${n}`)
            .join(', ')}\n`,
        );
      }),
    );
}
