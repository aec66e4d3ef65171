import type { z } from 'zod';
import { kindOf, RECORD_FILES, recordKey, referencesOf, type RecordFile, type RecordTypes, type Reference } from '../model/record-kinds.js';
import { manifestSchema, type Manifest } from '../model/records.js';
import type { OpenedBundle } from './open-bundle.js';

/**
 * The validation pass of an import: reads every record once, before anything is written, and
 * finds every problem: schema violations, duplicate keys, conflicting legal bases, volumes whose
 * section cannot be defaulted, and references that resolve neither in the bundle nor in the
 * graph. Records refer to earlier files or their own (BUNDLE order), so one pass in file order,
 * plus a settling round for references within a file, sees everything. Keeps keys, not records.
 */

/** The keys of each kind known so far (in the graph, or valid in the bundle). */
export type KeySets = Record<RecordFile, Set<string>>;

/** Empty key sets, one per kind. */
export function emptyKeySets(): KeySets {
  return Object.fromEntries(RECORD_FILES.map((file) => [file, new Set<string>()])) as KeySets;
}

export interface GraphView {
  /** Keys of the kinds records may refer to, already in the graph. */
  keys: KeySets;
  /** Sections implementing each power item of the graph (asked for only if a volume needs it). */
  implementingSections(): Promise<Map<string, string[]>>;
}

/** One problem of a bundle: where (file:line or file:sheet:row), which record and field, and why. */
interface RecordProblem {
  /** The record file (kind) it concerns, when it concerns one. */
  kind?: RecordFile;
  where: string;
  /** The record's key, when the record got far enough to have one. */
  key?: string;
  /** The field (a dotted path), or the spreadsheet column it came from. */
  field?: string;
  reason: string;
}

/** A problem as the CLI prints it: `where: field: reason`, or `where:column: reason` for a named column. */
function problemLine({ where, field, reason }: RecordProblem, column = false): string {
  if (field === undefined) return `${where}: ${reason}`;
  return column ? `${where}:${field}: ${reason}` : `${where}: ${field}: ${reason}`;
}

export interface Validation {
  manifest?: Manifest;
  /** Every problem (capped at MAX_ERRORS, the rest counted), and each as a line: `where: field: reason`. */
  problems: RecordProblem[];
  errors: string[];
  /** What the readers left out on purpose (columns not read, repeated rows folded), `where: what`. */
  notes: string[];
  /** How many problems there were in all. */
  problemCount: number;
  /** Locations of the records left out. */
  rejected: Set<string>;
  rejectedCounts: Partial<Record<RecordFile, number>>;
  /** Valid records per file. */
  totals: Record<RecordFile, number>;
  /** A volume's section when its record leaves it out: the item's only section. */
  defaultSectionOf(powerItem: string): string | undefined;
}

const MAX_ERRORS = 10_000;

/** A zod issue's problems: the field it names (or the spreadsheet column it came from) and why. */
function issueProblems(where: string, error: z.ZodError, columns?: Record<string, string>): (RecordProblem & { column?: boolean })[] {
  return error.issues.flatMap((issue) => {
    const field = issue.path.join('.');
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ where, field: `${field ? field + '.' : ''}${key}`, reason: 'unknown field' }));
    }
    const reason = /received undefined$/.test(issue.message) ? 'is required' : issue.message;
    const column = columns?.[String(issue.path[0])];
    return [column ? { where, field: column, reason, column: true } : { where, field: field || '(record)', reason }];
  });
}

/** The key a raw record would have, when it names one (for problems found before it parses). */
function rawKey(file: RecordFile, value: unknown): string | undefined {
  const field = kindOf(file).keyField;
  const key = field && typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[field] : undefined;
  return typeof key === 'string' ? key : undefined;
}

class Problems {
  readonly list: RecordProblem[] = [];
  readonly errors: string[] = [];
  readonly rejected = new Set<string>();
  readonly rejectedCounts: Partial<Record<RecordFile, number>> = {};
  count = 0;

  /** Problems of the record at `where` (of `file`, which rejects that record), or of the bundle. */
  add(file: RecordFile | undefined, where: string, problems: (Omit<RecordProblem, 'where' | 'kind'> & { column?: boolean })[], key?: string): void {
    this.count += problems.length;
    for (const { column, ...problem } of problems) {
      if (this.list.length >= MAX_ERRORS) break;
      const full: RecordProblem = { ...(file ? { kind: file } : {}), where, ...(key !== undefined ? { key } : {}), ...problem };
      this.list.push(full);
      this.errors.push(problemLine(full, column));
    }
    if (file && !this.rejected.has(where)) {
      this.rejected.add(where);
      this.rejectedCounts[file] = (this.rejectedCounts[file] ?? 0) + 1;
    }
  }
}

const dangling = (ref: Reference) => ({ field: ref.field, reason: `${kindOf(ref.kind).noun} ${ref.id} is neither in the bundle nor in the graph` });

/** Validates a whole bundle against itself and the graph; writes nothing. */
/** Records read between two progress reports of the validation pass. */
const PROGRESS_EVERY = 10_000;

export async function validateBundle(
  bundle: OpenedBundle,
  graph: GraphView,
  onProgress?: (progress: { file: RecordFile; done: number }) => void,
): Promise<Validation> {
  const problems = new Problems();
  const notes = bundle.notes.map((note) => `${note.where}: ${note.reason}`);
  for (const error of bundle.errors) problems.add(undefined, error.where, [{ reason: error.reason }]);
  let manifest: Manifest | undefined;
  if (bundle.manifest?.error) problems.add(undefined, bundle.manifest.where, [{ reason: bundle.manifest.error }]);
  else if (bundle.manifest) {
    const parsed = manifestSchema.safeParse(bundle.manifest.value);
    if (parsed.success) manifest = parsed.data;
    else problems.add(undefined, bundle.manifest.where, issueProblems(bundle.manifest.where, parsed.error));
  }

  // Valid keys so far: the graph's, then each referable file's as it is validated.
  const valid: KeySets = graph.keys;
  const itemSections = new Map<string, string[]>();
  let graphSections: Map<string, string[]> | undefined;
  const legalBases = new Map<string, { where: string; title: string; status: string | undefined }>();
  const totals = {} as Record<RecordFile, number>;

  for (const file of RECORD_FILES) {
    const source = bundle.sources[file];
    const keys = new Map<string, string>();
    const selfRefs: { where: string; ref: Reference }[] = [];
    if (source) {
      try {
        let read = 0;
        for await (const entry of source.entries()) {
          if (++read % PROGRESS_EVERY === 0) onProgress?.({ file, done: read });
          if (entry.note !== undefined) {
            notes.push(`${entry.where}: ${entry.note}`);
            continue;
          }
          if (entry.error !== undefined) {
            problems.add(file, entry.where, [entry.column ? { field: entry.column, reason: entry.error, column: true } : { reason: entry.error }]);
            continue;
          }
          const parsed = kindOf(file).schema.safeParse(entry.value);
          if (!parsed.success) {
            problems.add(file, entry.where, issueProblems(entry.where, parsed.error, entry.columns), rawKey(file, entry.value));
            continue;
          }
          let record = parsed.data as RecordTypes[RecordFile];
          if (file === 'volumes') {
            const volume = record as RecordTypes['volumes'];
            if (!volume.section) {
              let sections = itemSections.get(volume.powerItem);
              if (!sections) {
                graphSections ??= await graph.implementingSections();
                sections = graphSections.get(volume.powerItem) ?? [];
              }
              if (sections.length !== 1) {
                problems.add(file, entry.where, [
                  { field: 'section', reason: `is required because power item ${volume.powerItem} has ${sections.length} sections, not exactly one` },
                ]);
                continue;
              }
              record = { ...volume, section: sections[0]! };
            }
          }
          const key = recordKey(file, record);
          const earlier = keys.get(key);
          if (earlier !== undefined) {
            problems.add(file, entry.where, [{ reason: `${key}: duplicate of the record at ${earlier}` }], key);
            continue;
          }
          keys.set(key, entry.where);
          for (const ref of referencesOf(file, record)) {
            if (ref.kind === file) selfRefs.push({ where: entry.where, ref });
            else if (!valid[ref.kind].has(ref.id)) problems.add(file, entry.where, [dangling(ref)], key);
          }
          if (file === 'powerItems') {
            const item = record as RecordTypes['powerItems'];
            itemSections.set(item.code, item.sections ?? []);
            checkLegalBases(item, entry.where, legalBases, problems);
          }
        }
      } catch (error) {
        problems.add(file, source.name, [{ reason: (error as Error).message }]);
      }
    }
    settleSelfReferences(file, keys, selfRefs, valid, problems);
    let accepted = 0;
    for (const [key, where] of keys) {
      if (problems.rejected.has(where)) continue;
      accepted++;
      valid[file].add(key);
    }
    totals[file] = accepted;
  }

  return {
    manifest,
    notes,
    problems: problems.list,
    errors: problems.errors,
    problemCount: problems.count,
    rejected: problems.rejected,
    rejectedCounts: problems.rejectedCounts,
    totals,
    defaultSectionOf: (code) => {
      const sections = itemSections.get(code) ?? graphSections?.get(code) ?? [];
      return sections.length === 1 ? sections[0] : undefined;
    },
  };
}

/**
 * References within one file (a region's parent, a county item's city mirror) may point
 * forward, so they are checked once the file is read. Rejecting a record can strand others
 * that refer to it: repeat until nothing changes.
 */
function settleSelfReferences(
  file: RecordFile,
  keys: Map<string, string>,
  selfRefs: { where: string; ref: Reference }[],
  valid: KeySets,
  problems: Problems,
): void {
  for (let changed = true; changed;) {
    changed = false;
    for (const { where, ref } of selfRefs) {
      if (problems.rejected.has(where)) continue;
      const target = keys.get(ref.id);
      const resolves = (target !== undefined && !problems.rejected.has(target)) || valid[ref.kind].has(ref.id);
      if (!resolves) {
        problems.add(file, where, [dangling(ref)]);
        changed = true;
      }
    }
  }
}

/** Legal bases are shared nodes: every record naming one must agree on its title and status. */
function checkLegalBases(
  item: RecordTypes['powerItems'],
  where: string,
  seen: Map<string, { where: string; title: string; status: string | undefined }>,
  problems: Problems,
): void {
  (item.legalBasis ?? []).forEach((basis, index) => {
    const first = seen.get(basis.id);
    if (!first) seen.set(basis.id, { where, title: basis.title, status: basis.status });
    else if (first.title !== basis.title || first.status !== basis.status) {
      problems.add('powerItems', where, [{ field: `legalBasis.${index}`, reason: `${basis.id} differs in title or status from ${first.where}` }], item.code);
    }
  });
}
