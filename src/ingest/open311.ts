import { basename } from 'node:path';
import type { RecordFile } from '../model/bundle.js';
import { jsonArraySource, type EntrySource, type RawEntry } from './open-bundle.js';
import type { DirectoryHolder } from './spreadsheet/spreadsheet-sources.js';

/**
 * Open311 GeoReport v2 as hotline systems export it: `services.json` (the service list) becomes
 * matters, `requests.json` (service requests) complaints. A request's `agency_responsible` is
 * resolved to a department by name; its `status` (open/closed) becomes the route's outcome.
 * Fields the spec defines but the graph does not keep (address, lat/long, media) are read past.
 */

export const OPEN311_FILES: Record<string, RecordFile> = { 'services.json': 'matters', 'requests.json': 'complaints' };

/** The matter id of an Open311 service code. */
export const open311MatterId = (serviceCode: string) => `open311-${serviceCode}`;

type Json = Record<string, unknown>;
const text = (value: unknown) => (typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : '');

function service(raw: Json): unknown {
  const keywords = text(raw.keywords).split(/[,，、]/).map((k) => k.trim()).filter(Boolean);
  return { id: open311MatterId(text(raw.service_code)), name: text(raw.service_name) || text(raw.service_code), ...(keywords.length ? { keywords } : {}) };
}

function request(raw: Json, where: string, names: DirectoryHolder): RawEntry {
  const agency = text(raw.agency_responsible);
  let department: string | undefined;
  if (agency) {
    const found = names.directory!.department(agency);
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
    ...(department
      ? { routes: [{ department, at: text(raw.updated_datetime) || text(raw.requested_datetime), outcome: status === 'closed' ? 'resolved' : 'accepted' }] }
      : {}),
  };
  return { where, value: JSON.parse(JSON.stringify(value)), columns: { id: 'service_request_id', text: 'description', receivedAt: 'requested_datetime' } };
}

/** A source over an Open311 services.json or requests.json file. */
export function open311Source(path: string, names: DirectoryHolder): EntrySource {
  const name = basename(path);
  return jsonArraySource(path, name, (raw, where): RawEntry => {
    if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return { where, error: 'must be an object' };
    if (name === 'services.json') return { where, value: service(raw as Json), columns: { id: 'service_code', name: 'service_name' } };
    return request(raw as Json, where, names);
  });
}
