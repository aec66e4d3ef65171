import { existsSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { basename, extname, join, relative, sep } from 'node:path';
import { AppError, ErrorCode } from '../errors.js';
import { isRecordFile, RECORD_FILES, type RecordFile } from '../model/record-kinds.js';
import { OPEN311_FILES, open311Requests, open311Services } from './open311.js';
import {
  concatSources,
  jsonArraySource,
  ndjsonSource,
  readJson,
  type BundleFile,
  type BundleProblem,
  type EntrySource,
  type RawEntry,
} from './record-sources.js';
import { buildDirectory } from './spreadsheet/build-directory.js';
import type { DirectoryEntries } from './spreadsheet/directory.js';
import { openSpreadsheet, SPREADSHEET_EXTENSIONS, type ListDefaults, type PendingSource } from './spreadsheet/spreadsheet-sources.js';

/**
 * Opens a bundle without reading its records: each file becomes a source that can be iterated
 * several times (validate, then write), record by record (record-sources.ts).
 */

export interface OpenedBundle {
  /** The folder or file, or the name of a bundle given in memory. */
  name: string;
  manifest?: RawEntry;
  sources: Partial<Record<RecordFile, EntrySource>>;
  /** Problems with the bundle itself (unknown files, a name given twice, an unreadable sheet). */
  errors: BundleProblem[];
  /** What was left out on purpose (a sheet that holds no list beside sheets that do). */
  notes: BundleProblem[];
}

/** A bundle folder or single file on disk, or a bundle's files in memory. */
export type BundleInput = string | { name: string; files: BundleFile[] };

/** Names of departments, sections, regions and matters the graph already holds (read only when a spreadsheet needs them). */
type GraphNames = () => Promise<DirectoryEntries>;

const NO_NAMES: GraphNames = async () => ({ departments: [], sections: [], regions: [], matters: [] });

/** True when `path`, links followed, lies inside the folder `root` (itself a real path). */
function isInside(root: string, path: string): boolean {
  let real: string;
  try {
    real = realpathSync(path);
  } catch {
    return false; // a dangling link leads nowhere we may read
  }
  const inside = relative(root, real);
  return inside !== '' && inside !== '..' && !inside.startsWith(`..${sep}`);
}

/**
 * The files of a bundle folder (or the one file a path names). With `within`, a file that is a
 * link leading outside that folder is left out with an error naming the file, never its target.
 */
function listFiles(input: BundleInput, within: string | undefined): { files: BundleFile[]; single: boolean; errors: BundleProblem[] } {
  if (typeof input !== 'string') return { files: input.files, single: false, errors: [] };
  if (!existsSync(input)) throw new AppError(ErrorCode.BAD_USER_INPUT, `${input}: no such folder or file`);
  const isFolder = statSync(input).isDirectory();
  const listed = isFolder
    ? readdirSync(input)
        .sort()
        .map((name) => ({ name, path: join(input, name) }))
    : [{ name: basename(input), path: input }];
  const errors: BundleProblem[] = [];
  const files = listed.filter((file) => {
    if (within === undefined || isInside(within, file.path)) return true;
    errors.push({ where: file.name, reason: 'a link that leads outside the import folder; not read' });
    return false;
  });
  return { files, single: !isFolder, errors };
}

export interface OpenOptions {
  /** Names the graph already holds (read only when a spreadsheet needs them). */
  graphNames?: GraphNames;
  /** A folder (a real path) no file of the bundle may lead out of, links followed: the API's import folder. */
  within?: string;
  /** What lists' rows get when they do not say it in words the graph knows (`--department`). */
  defaults?: ListDefaults;
}

function readManifest(file: BundleFile, isJson: boolean): RawEntry {
  if (!isJson) return { where: file.name, error: 'the manifest is a single JSON object in manifest.json' };
  const { value, error } = readJson(file, 'a JSON object');
  return error === undefined ? { where: file.name, value } : { where: file.name, error };
}

/**
 * Opens a bundle: a folder, a single file, or files in memory. Bundle files are each known name
 * as .json (an array) or .ndjson (a record a line); .csv and .xlsx files are spreadsheets of the
 * lists, each table feeding the bundle file its header says (spreadsheet/columns.ts); Open311
 * `services.json` and `requests.json` feed matters and complaints (open311.ts). Spreadsheet rows
 * and Open311 requests name departments in words: they are resolved with a directory of the
 * bundle's names and the graph's (`graphNames`). A name given twice or a .json/.ndjson file the
 * format does not know is an error, so a misspelt file name cannot silently drop its records.
 */
export async function openBundle(input: BundleInput, { graphNames = NO_NAMES, within, defaults = {} }: OpenOptions = {}): Promise<OpenedBundle> {
  const { files, single, errors } = listFiles(input, within);
  const bundle: OpenedBundle = { name: typeof input === 'string' ? input : input.name, sources: {}, errors, notes: [] };
  const addSource = (file: RecordFile, source: EntrySource) => {
    const existing = bundle.sources[file];
    bundle.sources[file] = existing ? concatSources(existing, source) : source;
  };
  const pending: PendingSource[] = [];
  const seen = new Map<string, string>();
  for (const file of files) {
    if (SPREADSHEET_EXTENSIONS.has(extname(file.name).toLowerCase()) && !file.name.startsWith('~$')) {
      const opened = await openSpreadsheet(file, defaults);
      bundle.errors.push(...opened.errors);
      bundle.notes.push(...opened.notes);
      pending.push(...opened.sources);
      continue;
    }
    if (OPEN311_FILES[file.name] === 'matters') {
      addSource('matters', open311Services(file));
      continue;
    }
    if (OPEN311_FILES[file.name] === 'complaints') {
      pending.push({ file: 'complaints', open: (directory) => open311Requests(file, directory) });
      continue;
    }
    const match = /^(.+)\.(json|ndjson)$/.exec(file.name);
    if (!match) {
      // A file we cannot read is an error, never a silent skip; a folder's notes (.md, .txt) and hidden files are not data.
      if (single || !/^\.|\.(md|txt)$/i.test(file.name)) {
        bundle.errors.push({ where: file.name, reason: 'not a file dutygraph reads: a bundle file (.json, .ndjson) or a list (.csv, .xlsx, .xls)' });
      }
      continue;
    }
    const [, name = '', ext] = match;
    if (name !== 'manifest' && !isRecordFile(name)) {
      bundle.errors.push({ where: file.name, reason: `unknown bundle file (expected one of manifest, ${RECORD_FILES.join(', ')})` });
      continue;
    }
    if (seen.has(name)) {
      bundle.errors.push({ where: file.name, reason: `${seen.get(name)} holds the same records; keep one of them` });
      continue;
    }
    seen.set(name, file.name);
    if (name === 'manifest') bundle.manifest = readManifest(file, ext === 'json');
    else addSource(name as RecordFile, ext === 'json' ? jsonArraySource(file) : ndjsonSource(file));
  }
  if (pending.length > 0) {
    const directory = await buildDirectory(await graphNames(), bundle.sources, pending);
    for (const source of pending) addSource(source.file, source.open(directory));
  }
  return bundle;
}
