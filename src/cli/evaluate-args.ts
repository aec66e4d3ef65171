import { readFileSync } from 'node:fs';
import { InvalidArgumentError } from 'commander';
import { AppError, ErrorCode } from '../errors.js';

/** Argument parsers and output shared by the `evaluate` commands. */

/** An evaluation year. */
export function parseEvaluationYear(text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 2000 || n > 2200) throw new InvalidArgumentError('expected a year, e.g. 2021');
  return n;
}

/** Prints a text with one final newline. */
export const print = (text: string): void => void process.stdout.write(text.endsWith('\n') ? text : text + '\n');

/** A JSON file's value; BAD_USER_INPUT naming the file when it cannot be read or parsed. */
export function readJsonFile(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new AppError(ErrorCode.BAD_USER_INPUT, `${file}: ${(error as Error).message}`);
  }
}
