import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { AppError, ErrorCode } from '../errors.js';
import { RECORD_FILES, type RecordFile } from '../model/bundle.js';

/** One record as read from disk, before validation, with where it came from. */
export interface RawEntry {
  /** `file:index` for .json (0-based array index), `file:line` for .ndjson (1-based line). */
  where: string;
  value: unknown;
}

export interface RawBundle {
  folder: string;
  manifest?: RawEntry;
  files: Partial<Record<RecordFile, RawEntry[]>>;
  /** Problems that stop the import before any record is looked at (bad JSON, unknown files). */
  errors: string[];
}

const KNOWN_NAMES = new Set<string>(['manifest', ...RECORD_FILES]);

function parseJsonFile(path: string, file: string, errors: string[]): RawEntry[] {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    errors.push(`${file}: not valid JSON: ${(error as Error).message}`);
    return [];
  }
  if (!Array.isArray(data)) {
    errors.push(`${file}: must be a JSON array of records`);
    return [];
  }
  return data.map((value, index) => ({ where: `${file}:${index}`, value }));
}

function parseNdjsonFile(path: string, file: string, errors: string[]): RawEntry[] {
  const entries: RawEntry[] = [];
  readFileSync(path, 'utf8').split(/\r?\n/).forEach((line, index) => {
    if (line.trim() === '') return;
    const where = `${file}:${index + 1}`;
    try {
      entries.push({ where, value: JSON.parse(line) });
    } catch (error) {
      errors.push(`${where}: not valid JSON: ${(error as Error).message}`);
    }
  });
  return entries;
}

/**
 * Reads a bundle folder: each known file as .json (an array) or .ndjson (a record a line).
 * A name given twice (.json and .ndjson) or a .json/.ndjson file the format does not know is
 * an error, so a misspelt file name cannot silently drop its records.
 */
export function readBundle(folder: string): RawBundle {
  if (!existsSync(folder) || !statSync(folder).isDirectory()) {
    throw new AppError(ErrorCode.BAD_USER_INPUT, `${folder}: not a bundle folder`);
  }
  const bundle: RawBundle = { folder, files: {}, errors: [] };
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
      if (ext !== 'json') {
        bundle.errors.push(`${file}: the manifest is a single JSON object in manifest.json`);
        continue;
      }
      try {
        bundle.manifest = { where: file, value: JSON.parse(readFileSync(path, 'utf8')) };
      } catch (error) {
        bundle.errors.push(`${file}: not valid JSON: ${(error as Error).message}`);
      }
      continue;
    }
    bundle.files[name as RecordFile] = ext === 'json' ? parseJsonFile(path, file, bundle.errors) : parseNdjsonFile(path, file, bundle.errors);
  }
  return bundle;
}
