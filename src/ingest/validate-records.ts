import type { z } from 'zod';
import { emptyBundle, RECORD_FILES, RECORD_SCHEMAS, recordKey, type Bundle, type RecordFile, type RecordTypes } from '../model/bundle.js';
import { manifestSchema, type Manifest } from '../model/records.js';
import type { RawBundle, RawEntry } from './read-bundle.js';

/** A validated record and where it came from, for error messages further down. */
export interface Located<T> {
  where: string;
  record: T;
}

export type LocatedBundle = { manifest?: Manifest } & { [F in RecordFile]: Located<RecordTypes[F]>[] };

export interface ValidationResult {
  bundle: LocatedBundle;
  /** `file:index: field: reason`, one per problem. */
  errors: string[];
  /** Records dropped for a problem, per file. */
  rejected: Partial<Record<RecordFile, number>>;
}

/** Renders zod issues as `where: field: reason` lines. */
export function formatIssues(where: string, error: z.ZodError): string[] {
  return error.issues.flatMap((issue) => {
    const field = issue.path.join('.');
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => `${where}: ${field ? field + '.' : ''}${key}: unknown field`);
    }
    const reason = /received undefined$/.test(issue.message) ? 'is required' : issue.message;
    return [`${where}: ${field || '(record)'}: ${reason}`];
  });
}

/** Legal bases are shared nodes: every record naming one must agree on its title and status. */
function checkLegalBases(items: Located<RecordTypes['powerItems']>[], errors: string[], bad: Set<string>): void {
  const first = new Map<string, { where: string; title: string; status: string | undefined }>();
  for (const { where, record } of items) {
    (record.legalBasis ?? []).forEach((basis, index) => {
      const seen = first.get(basis.id);
      if (!seen) {
        first.set(basis.id, { where, title: basis.title, status: basis.status });
      } else if (seen.title !== basis.title || seen.status !== basis.status) {
        errors.push(`${where}: legalBasis.${index}: ${basis.id} differs in title or status from ${seen.where}`);
        bad.add(where);
      }
    });
  }
}

function validateFile<F extends RecordFile>(file: F, entries: RawEntry[], errors: string[]): { valid: Located<RecordTypes[F]>[]; rejected: number } {
  const schema = RECORD_SCHEMAS[file];
  const valid: Located<RecordTypes[F]>[] = [];
  const firstWhere = new Map<string, string>();
  let rejected = 0;
  for (const entry of entries) {
    const parsed = schema.safeParse(entry.value);
    if (!parsed.success) {
      errors.push(...formatIssues(entry.where, parsed.error));
      rejected++;
      continue;
    }
    const key = recordKey(file, parsed.data);
    const earlier = firstWhere.get(key);
    if (earlier) {
      errors.push(`${entry.where}: ${key}: duplicate of the record at ${earlier}`);
      rejected++;
      continue;
    }
    firstWhere.set(key, entry.where);
    valid.push({ where: entry.where, record: parsed.data });
  }
  return { valid, rejected };
}

/**
 * Checks every record against its schema, and what can be checked within the bundle alone:
 * duplicate keys, conflicting legal bases. References are checked later, against the graph too.
 */
export function validateRecords(raw: RawBundle): ValidationResult {
  const errors = [...raw.errors];
  const rejected: ValidationResult['rejected'] = {};
  const bundle = { ...emptyBundle() } as unknown as LocatedBundle;
  if (raw.manifest) {
    const parsed = manifestSchema.safeParse(raw.manifest.value);
    if (parsed.success) bundle.manifest = parsed.data;
    else errors.push(...formatIssues(raw.manifest.where, parsed.error));
  }
  for (const file of RECORD_FILES) {
    const { valid, rejected: count } = validateFile(file, raw.files[file] ?? [], errors);
    (bundle[file] as Located<unknown>[]) = valid;
    if (count > 0) rejected[file] = count;
  }
  const badBases = new Set<string>();
  checkLegalBases(bundle.powerItems, errors, badBases);
  if (badBases.size > 0) {
    bundle.powerItems = bundle.powerItems.filter((item) => !badBases.has(item.where));
    rejected.powerItems = (rejected.powerItems ?? 0) + badBases.size;
  }
  return { bundle, errors, rejected };
}

/** Drops the locations: the plain bundle the writers take. */
export function unlocate(bundle: LocatedBundle): Bundle {
  const plain = emptyBundle();
  if (bundle.manifest) plain.manifest = bundle.manifest;
  for (const file of RECORD_FILES) (plain[file] as unknown[]) = bundle[file].map((entry) => entry.record);
  return plain;
}
