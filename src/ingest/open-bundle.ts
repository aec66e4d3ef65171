import { createReadStream, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { AppError, ErrorCode } from '../errors.js';
import { RECORD_FILES, type RecordFile } from '../model/bundle.js';

/**
 * Opens a bundle folder without reading its records: each file becomes a source that can be
 * iterated several times (validate, then write), record by record. NDJSON files stream, so a
 * file of millions of complaints never sits in memory whole; a .json array is parsed at once.
 */

/** One record as read from disk, before validation, with where it came from. */
export type RawEntry =
  | { where: string; value: unknown; error?: undefined }
  /** A record that could not even be read (bad JSON, too long a line). */
  | { where: string; error: string; value?: undefined };

export interface EntrySource {
  /** The file name, as errors name it. */
  name: string;
  entries(): AsyncIterable<RawEntry>;
}

export interface OpenedBundle {
  folder: string;
  manifest?: RawEntry;
  sources: Partial<Record<RecordFile, EntrySource>>;
  /** Problems with the folder itself (unknown files, a name given twice). */
  errors: string[];
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

function jsonArraySource(path: string, name: string): EntrySource {
  return {
    name,
    async *entries() {
      let text: string;
      try {
        text = decodeUtf8(readFileSync(path), name).replace(/^\uFEFF/, '');
      } catch (error) {
        yield { where: name, error: (error as Error).message.replace(`${name}: `, '') };
        return;
      }
      if (text.trim() === '') {
        yield { where: name, error: 'empty file (expected a JSON array of records)' };
        return;
      }
      let data: unknown;
      try {
        data = JSON.parse(text);
      } catch (error) {
        yield { where: name, error: `not valid JSON: ${(error as Error).message}` };
        return;
      }
      if (!Array.isArray(data)) {
        yield { where: name, error: 'must be a JSON array of records' };
        return;
      }
      for (let index = 0; index < data.length; index++) yield { where: `${name}:${index}`, value: data[index] };
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

/**
 * Finds the bundle files of a folder: each known name as .json (an array) or .ndjson (a record
 * a line). A name given twice or a .json/.ndjson file the format does not know is an error, so
 * a misspelt file name cannot silently drop its records.
 */
export function openBundle(folder: string): OpenedBundle {
  if (!existsSync(folder) || !statSync(folder).isDirectory()) {
    throw new AppError(ErrorCode.BAD_USER_INPUT, `${folder}: not a bundle folder`);
  }
  const bundle: OpenedBundle = { folder, sources: {}, errors: [] };
  const seen = new Map<string, string>();
  for (const file of readdirSync(folder).sort()) {
    const match = /^(.+)\.(json|ndjson)$/.exec(file);
    if (!match) continue;
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
    const path = join(folder, file);
    if (name === 'manifest') {
      bundle.manifest = readManifest(path, file, ext === 'json');
      continue;
    }
    bundle.sources[name as RecordFile] = ext === 'json' ? jsonArraySource(path, file) : ndjsonSource(path, file);
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
