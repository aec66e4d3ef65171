import { createHash } from 'node:crypto';
import { kindOf, type RecordFile, type RecordTypes } from './record-kinds.js';

const sortKey = (value: unknown) => (typeof value === 'object' && value !== null ? String((value as { id: string }).id) : String(value));

/**
 * The record with set-like arrays sorted (the graph keeps them as relationships, which have no
 * order, so the same record compares equal however the data owner ordered them), and undefined
 * fields and empty lists dropped.
 */
export function canonicalRecord<F extends RecordFile>(file: F, record: RecordTypes[F]): RecordTypes[F] {
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) {
    // An empty list says no more than an absent one, and the graph cannot tell them apart.
    if (value === undefined || (Array.isArray(value) && value.length === 0)) continue;
    copy[key] =
      kindOf(file).setFields.includes(key) && Array.isArray(value)
        ? [...value].sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : sortKey(a) > sortKey(b) ? 1 : 0))
        : value;
  }
  return copy as RecordTypes[F];
}

/** JSON with object keys sorted at every depth: equal values give equal strings. */
function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * Bump when the import writes a record into the graph differently (new properties or
 * relationships): every record then hashes anew and is rewritten once by the next import.
 */
const GRAPH_MAPPING_VERSION = 1;

/** A short digest of the canonical record, stored as `importHash` to tell unchanged records. */
export function recordHash<F extends RecordFile>(file: F, record: RecordTypes[F]): string {
  return createHash('sha1')
    .update(`${GRAPH_MAPPING_VERSION}:${stableJson(canonicalRecord(file, record))}`)
    .digest('base64url');
}
