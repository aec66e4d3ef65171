import { InvalidArgumentError } from 'commander';

/** Argument parsers and output shared by the `evaluate` commands. */

/** An evaluation year. */
export function parseEvaluationYear(text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 2000 || n > 2200) throw new InvalidArgumentError('expected a year, e.g. 2021');
  return n;
}

/** Prints a text with one final newline. */
export const print = (text: string): void => void process.stdout.write(text.endsWith('\n') ? text : text + '\n');
