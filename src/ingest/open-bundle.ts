import { createReadStream, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { AppError, ErrorCode } from '../errors.js';
import { RECORD_FILES, type RecordFile } from '../model/bundle.js';
import { OPEN311_FILES, open311Source } from './open311.js';
import { openSpreadsheet, SPREADSHEET_EXTENSIONS, type DirectoryHolder } from './spreadsheet/spreadsheet-sources.js';

/**
 * Opens a bundle without reading its records: each file becomes a source that can be iterated
 * several times (validate, then write), record by record. NDJSON files stream, so a file of
 * millions of complaints never sits in memory whole; a .json array is parsed at once.
 */

/** One record as read from disk, before validation, with where it came from. */
export type RawEntry =
  /** `columns`: for spreadsheet rows, the column header of each field, for error messages. */
  | { where: string; value: unknown; error?: undefined; columns?: Record<string, string> }
  /** A record that could not even be read (bad JSON, too long a line, an unreadable cell). */
  | { where: string; error: string; value?: undefined; column?: string };

export interface EntrySource {
  /** The file name, as errors name it. */
  name: string;
  entries(): AsyncIterable<RawEntry>;
}

export interface OpenedBundle {
  folder: string;
  manifest?: RawEntry;
  sources: Partial<Record<RecordFile, EntrySource>>;
  /** Problems with the folder itself (unknown files, a name given twice, an unreadable sheet). */
  errors: string[];
  /** Spreadsheet rows and Open311 requests name departments; the import sets this before reading them. */
  names: DirectoryHolder;
  /** How many sources need `names` (spreadsheets, Open311 files). */
  spreadsheets: number;
}

/** Longest NDJSON line accepted: a record bigger than this is an error, not a memory spike. */
export const MAX_LINE_BYTES = 1 << 20;

const KNOWN_NAMES = new Set<string>(['manifest', ...RECORD_FILES]);

function decodeUtf8(buffer: Buffer, name: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buffer);
  } catch {
    throw new AppError(ErrorCode.BAD_USER_INPUT, `${name}: not valid UTF-8 (bundle files are UTF-8; convert GBK files first)`);
  }
}

/** Reads a whole .json file that must hold an array: the array, or why it is not one. */
export function readJsonArray(path: string, name: string): { data: unknown[]; error?: undefined } | { data?: undefined; error: string } {
  let text: string;
  try {
    text = decodeUtf8(readFileSync(path), name).replace(/^\uFEFF/, '');
  } catch (error) {
    return { error: (error as Error).message.replace(`${name}: `, '') };
  }
  if (text.trim() === '') return { error: 'empty file (expected a JSON array of records)' };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { error: `not valid JSON: ${(error as Error).message}` };
  }
  return Array.isArray(data) ? { data } : { error: 'must be a JSON array of records' };
}

/**
 * A source over a .json array file, one entry per element; `toEntry` turns an element into an
 * entry (by default, the element itself as the record).
 */
export function jsonArraySource(
  path: string,
  name: string,
  toEntry: (value: unknown, where: string) => RawEntry = (value, where) => ({ where, value }),
): EntrySource {
  return {
    name,
    async *entries() {
      const { data, error } = readJsonArray(path, name);
      if (error !== undefined) {
        yield { where: name, error };
        return;
      }
      for (let index = 0; index < data.length; index++) yield toEntry(data[index], `${name}:${index}`);
    },
  };
}

function ndjsonSource(path: string, name: string): EntrySource {
  return {
    name,
    async *entries() {
      const lines = createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity });
      let lineNumber = 0;
      for await (const rawLine of lines) {
        lineNumber++;
        const line = lineNumber === 1 ? rawLine.replace(/^\uFEFF/, '') : rawLine;
        if (line.trim() === '') continue;
        const where = `${name}:${lineNumber}`;
        if (line.length > MAX_LINE_BYTES) {
          yield { where, error: `line longer than ${MAX_LINE_BYTES} characters` };
        } else if (line.includes('\uFFFD')) {
          yield { where, error: 'not valid UTF-8 (broken encoding?)' };
        } else {
          try {
            yield { where, value: JSON.parse(line) };
          } catch (error) {
            yield { where, error: `not valid JSON: ${(error as Error).message}` };
          }
        }
      }
    },
  };
}

/** Several sources of one bundle file (a .json file and spreadsheets), read one after the other. */
function concatSources(first: EntrySource, second: EntrySource): EntrySource {
  return {
    name: `${first.name}, ${second.name}`,
    async *entries() {
      yield* first.entries();
      yield* second.entries();
    },
  };
}

/**
 * Opens a bundle: a folder, or a single file. Bundle files are each known name as .json (an
 * array) or .ndjson (a record a line); .csv and .xlsx files are spreadsheets of the lists, each
 * table feeding the bundle file its header says (spreadsheet/columns.ts); Open311 `services.json`
 * and `requests.json` feed matters and complaints (open311.ts). A name given twice or
 * a .json/.ndjson file the format does not know is an error, so a misspelt file name cannot
 * silently drop its records.
 */
export async function openBundle(path: string): Promise<OpenedBundle> {
  if (!existsSync(path)) throw new AppError(ErrorCode.BAD_USER_INPUT, `${path}: no such folder or file`);
  const isFolder = statSync(path).isDirectory();
  const folder = isFolder ? path : dirname(path);
  const files = isFolder ? readdirSync(folder).sort() : [basename(path)];
  const bundle: OpenedBundle = { folder: path, sources: {}, errors: [], names: {}, spreadsheets: 0 };
  const addSource = (file: RecordFile, source: EntrySource) => {
    const existing = bundle.sources[file];
    bundle.sources[file] = existing ? concatSources(existing, source) : source;
  };
  const seen = new Map<string, string>();
  for (const file of files) {
    const filePath = join(folder, file);
    if (SPREADSHEET_EXTENSIONS.has(extname(file).toLowerCase()) && !file.startsWith('~$')) {
      bundle.spreadsheets++;
      const opened = await openSpreadsheet(filePath, bundle.names);
      bundle.errors.push(...opened.errors);
      for (const { file: kind, source } of opened.sources) addSource(kind, source);
      continue;
    }
    if (OPEN311_FILES[file]) {
      bundle.spreadsheets++;
      addSource(OPEN311_FILES[file]!, open311Source(filePath, bundle.names));
      continue;
    }
    const match = /^(.+)\.(json|ndjson)$/.exec(file);
    if (!match) {
      if (!isFolder) bundle.errors.push(`${file}: not a bundle file (.json, .ndjson) or a spreadsheet (.csv, .xlsx)`);
      continue;
    }
    const [, name = '', ext] = match;
    if (!KNOWN_NAMES.has(name)) {
      bundle.errors.push(`${file}: unknown bundle file (expected one of manifest, ${RECORD_FILES.join(', ')})`);
      continue;
    }
    if (seen.has(name)) {
      bundle.errors.push(`${file}: ${seen.get(name)} holds the same records; keep one of them`);
      continue;
    }
    seen.set(name, file);
    if (name === 'manifest') {
      bundle.manifest = readManifest(filePath, file, ext === 'json');
      continue;
    }
    addSource(name as RecordFile, ext === 'json' ? jsonArraySource(filePath, file) : ndjsonSource(filePath, file));
  }
  return bundle;
}

function readManifest(path: string, file: string, isJson: boolean): RawEntry {
  if (!isJson) return { where: file, error: 'the manifest is a single JSON object in manifest.json' };
  try {
    return { where: file, value: JSON.parse(decodeUtf8(readFileSync(path), file).replace(/^\uFEFF/, '')) };
  } catch (error) {
    return { where: file, error: error instanceof AppError ? error.message : `not valid JSON: ${(error as Error).message}` };
  }
}
