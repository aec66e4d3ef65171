import { createReadStream, readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { AppError, ErrorCode } from '../errors.js';

/**
 * The primitives every import reads through: a bundle file (on disk, or in memory for uploads
 * and editor mutations) and a source of raw records that can be iterated several times
 * (validate, then write), record by record. NDJSON streams, so a file of millions of complaints
 * never sits in memory whole; a .json array is parsed at once.
 */

/** One file of a bundle: on disk (read when needed) or already in memory. */
export type BundleFile = { name: string; path: string; content?: undefined } | { name: string; content: string | Buffer; path?: undefined };

/** One record as read, before validation, with where it came from. */
export type RawEntry =
  /** `columns`: for spreadsheet rows, the column header of each field, for error messages. */
  | { where: string; value: unknown; error?: undefined; note?: undefined; columns?: Record<string, string> }
  /** A record that could not even be read (bad JSON, too long a line, an unreadable cell). */
  | { where: string; error: string; value?: undefined; note?: undefined; column?: string }
  /** Something the reader left out on purpose and the user should know (a column not read, a repeated row folded). */
  | { where: string; note: string; value?: undefined; error?: undefined };

export interface EntrySource {
  /** The file name, as errors name it. */
  name: string;
  entries(): AsyncIterable<RawEntry>;
}

/** Longest NDJSON line accepted: a record bigger than this is an error, not a memory spike. */
const MAX_LINE_BYTES = 1 << 20;

/**
 * Why text is not JSON, without quoting it: the parser's message may echo the file's first bytes,
 * and an error must never show the content of a file the caller could not otherwise read.
 */
function jsonSyntaxError(error: unknown): string {
  const position = /position (\d+)/.exec(String((error as Error).message))?.[1];
  return position === undefined ? 'not valid JSON' : `not valid JSON (at character ${position})`;
}

/** The file's bytes. */
export function fileBytes(file: BundleFile): Buffer {
  if (file.path !== undefined) return readFileSync(file.path);
  return typeof file.content === 'string' ? Buffer.from(file.content, 'utf8') : file.content;
}

function decodeUtf8(buffer: Buffer, name: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buffer).replace(/^\uFEFF/, '');
  } catch {
    throw new AppError(ErrorCode.BAD_USER_INPUT, `${name}: not valid UTF-8 (bundle files are UTF-8; convert GBK files first)`);
  }
}

/** A JSON file's value, or why it is not JSON (`expected` says what an empty file should have held). */
export function readJson(file: BundleFile, expected = 'a JSON array of records'): { value: unknown; error?: undefined } | { value?: undefined; error: string } {
  let text: string;
  try {
    text = decodeUtf8(fileBytes(file), file.name);
  } catch (error) {
    return { error: (error as Error).message.replace(`${file.name}: `, '') };
  }
  if (text.trim() === '') return { error: `empty file (expected ${expected})` };
  try {
    return { value: JSON.parse(text) };
  } catch (error) {
    return { error: jsonSyntaxError(error) };
  }
}

/**
 * A source over a .json array file, one entry per element; `toEntry` turns an element into an
 * entry (by default, the element itself as the record).
 */
export function jsonArraySource(file: BundleFile, toEntry: (value: unknown, where: string) => RawEntry = (value, where) => ({ where, value })): EntrySource {
  return {
    name: file.name,
    async *entries() {
      const { value, error } = readJson(file);
      if (error !== undefined) {
        yield { where: file.name, error };
        return;
      }
      if (!Array.isArray(value)) {
        yield { where: file.name, error: 'must be a JSON array of records' };
        return;
      }
      for (let index = 0; index < value.length; index++) yield toEntry(value[index], `${file.name}:${index}`);
    },
  };
}

/** A source over an NDJSON file, a record a line, streamed from disk. */
export function ndjsonSource(file: BundleFile): EntrySource {
  return {
    name: file.name,
    async *entries() {
      const input = file.path !== undefined ? createReadStream(file.path, { encoding: 'utf8' }) : Readable.from([fileBytes(file).toString('utf8')]);
      const lines = createInterface({ input, crlfDelay: Infinity });
      let lineNumber = 0;
      for await (const rawLine of lines) {
        lineNumber++;
        const line = lineNumber === 1 ? rawLine.replace(/^\uFEFF/, '') : rawLine;
        if (line.trim() === '') continue;
        const where = `${file.name}:${lineNumber}`;
        if (line.length > MAX_LINE_BYTES) {
          yield { where, error: `line longer than ${MAX_LINE_BYTES} characters` };
        } else if (line.includes('\uFFFD')) {
          yield { where, error: 'not valid UTF-8 (broken encoding?)' };
        } else {
          try {
            yield { where, value: JSON.parse(line) };
          } catch (error) {
            yield { where, error: jsonSyntaxError(error) };
          }
        }
      }
    },
  };
}

/** Several sources of one bundle file (a .json file and spreadsheets), read one after the other. */
export function concatSources(first: EntrySource, second: EntrySource): EntrySource {
  return {
    name: `${first.name}, ${second.name}`,
    async *entries() {
      yield* first.entries();
      yield* second.entries();
    },
  };
}

/** A problem with a bundle's file rather than one of its records: where, and why. */
export interface BundleProblem {
  where: string;
  reason: string;
}
