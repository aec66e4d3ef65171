import type { RecordFile } from '../model/record-kinds.js';
import { jsonArraySource, type BundleFile, type EntrySource, type RawEntry } from './record-sources.js';
import type { NameDirectory } from './spreadsheet/directory.js';

/**
 * Open311 GeoReport v2 as hotline systems export it: `services.json` (the service list) becomes
 * matters, `requests.json` (service requests) complaints. A request's `agency_responsible` is
 * resolved to a department by name; its `status` (open/closed) becomes the route's outcome.
 * Fields the spec defines but the graph does not keep (address, lat/long, media) are read past.
 */

export const OPEN311_FILES: Record<string, RecordFile> = { 'services.json': 'matters', 'requests.json': 'complaints' };

/** The matter id of an Open311 service code. */
const open311MatterId = (serviceCode: string) => `open311-${serviceCode}`;

type Json = Record<string, unknown>;
const text = (value: unknown) => (typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : '');

function service(raw: Json): unknown {
  const keywords = text(raw.keywords)
    .split(/[,，、]/)
    .map((k) => k.trim())
    .filter(Boolean);
  return { id: open311MatterId(text(raw.service_code)), name: text(raw.service_name) || text(raw.service_code), ...(keywords.length ? { keywords } : {}) };
}

function request(raw: Json, where: string, directory: NameDirectory): RawEntry {
  const agency = text(raw.agency_responsible);
  let department: string | undefined;
  if (agency) {
    const found = directory.department(agency);
    if (found.error) return { where, column: 'agency_responsible', error: found.error };
    department = found.id;
  }
  const status = text(raw.status).toLowerCase();
  if (status && status !== 'open' && status !== 'closed') return { where, column: 'status', error: `"${status}" is not an Open311 status (open or closed)` };
  const value = {
    id: text(raw.service_request_id) || undefined,
    text: text(raw.description) || text(raw.service_name) || undefined,
    receivedAt: text(raw.requested_datetime) || undefined,
    ...(raw.service_code !== undefined ? { matter: open311MatterId(text(raw.service_code)) } : {}),
    // The spec's expected_datetime is the time limit; a closed request's last update is its closing.
    ...(text(raw.expected_datetime) ? { dueAt: text(raw.expected_datetime) } : {}),
    ...(status === 'closed' && text(raw.updated_datetime) ? { closedAt: text(raw.updated_datetime) } : {}),
    ...(department
      ? { routes: [{ department, at: text(raw.updated_datetime) || text(raw.requested_datetime), outcome: status === 'closed' ? 'resolved' : 'accepted' }] }
      : {}),
  };
  return {
    where,
    value: JSON.parse(JSON.stringify(value)),
    columns: { id: 'service_request_id', text: 'description', receivedAt: 'requested_datetime', dueAt: 'expected_datetime', closedAt: 'updated_datetime' },
  };
}

const objectEntry =
  (toEntry: (raw: Json, where: string) => RawEntry) =>
  (raw: unknown, where: string): RawEntry =>
    raw === null || typeof raw !== 'object' || Array.isArray(raw) ? { where, error: 'must be an object' } : toEntry(raw as Json, where);

/** A source over an Open311 services.json: matters, which name nothing else. */
export function open311Services(file: BundleFile): EntrySource {
  return jsonArraySource(
    file,
    objectEntry((raw, where) => ({ where, value: service(raw), columns: { id: 'service_code', name: 'service_name' } })),
  );
}

/** A source over an Open311 requests.json: complaints, whose agencies are resolved with the directory. */
export function open311Requests(file: BundleFile, directory: NameDirectory): EntrySource {
  return jsonArraySource(
    file,
    objectEntry((raw, where) => request(raw, where, directory)),
  );
}
