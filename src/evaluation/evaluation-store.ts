import type { Database } from '../db/database.js';
import { useQueries } from '../db/named-queries.js';
import { randomUUID } from 'node:crypto';
import { entersFor, type Principal } from '../auth/roles.js';
import { AppError, ErrorCode } from '../errors.js';
import type { Commendation } from './metrics.js';
import type { Entry } from './scoring.js';
import { leavesOf, parseStandard, type Body, type Standard } from './standard.js';

/**
 * The evaluation's records in the graph: versions of each year's standard, the bodies' entries,
 * and the year's round (open, or published with its frozen standard and archived scorecards).
 */

const Q = useQueries([
  'evaluationStandards',
  'createEvaluationStandard',
  'evaluationEntries',
  'saveEvaluationEntry',
  'evaluationRound',
  'saveCommendation',
  'commendations',
]);

export interface StoredStandard {
  id: string;
  version: number;
  status: 'draft' | 'frozen';
  importedAt: string;
  importedBy: string;
  frozenAt: string | null;
  standard: Standard;
}

export interface Round {
  year: number;
  status: 'open' | 'published';
  standard: string | null;
  publishedAt: string | null;
  publishedBy: string | null;
  /** The scorecards as published (JSON), for published rounds. */
  scorecards: string | null;
}

/** Stores a standard (a parsed JSON value) as the next version of its year's; refused once the year's round is published. */
export async function importStandard(db: Database, value: unknown, by: string, source = 'standard'): Promise<{ id: string; version: number; year: number }> {
  const standard = parseStandard(value, source);
  const round = await evaluationRound(db, standard.year);
  if (round.status === 'published') throw new AppError(ErrorCode.CONFLICT, `the ${standard.year} round is published: its standard ${round.standard} is frozen`);
  const [created] = await db.write<{ id: string; version: number }>(Q.createEvaluationStandard, {
    year: standard.year,
    name: standard.name,
    tree: JSON.stringify(standard),
    at: new Date().toISOString(),
    by,
  });
  return { ...created!, year: standard.year };
}

/** The standard a year is scored by: the frozen one of a published round, else the newest version. */
export async function standardFor(db: Database, year: number): Promise<StoredStandard> {
  const rows = await db.read<Omit<StoredStandard, 'standard'> & { tree: string }>(Q.evaluationStandards, { year });
  const round = await evaluationRound(db, year);
  const row = round.standard ? rows.find((r) => r.id === round.standard) : rows[0];
  if (!row) throw new AppError(ErrorCode.NOT_FOUND, `no evaluation standard for ${year}: import one with "dutygraph evaluate standard import FILE"`);
  const { tree, ...rest } = row;
  return { ...rest, standard: parseStandard(JSON.parse(tree), row.id) };
}

/** The year's round; an open one when nothing was published yet. */
export async function evaluationRound(db: Database, year: number): Promise<Round> {
  const [row] = await db.read<Round>(Q.evaluationRound, { year });
  return row ?? { year, status: 'open', standard: null, publishedAt: null, publishedBy: null, scorecards: null };
}

/** The year's entries: department -> indicator -> entry. */
export async function evaluationEntries(db: Database, year: number): Promise<Map<string, Map<string, Entry>>> {
  const rows = await db.read<Entry & { department: string; indicator: string }>(Q.evaluationEntries, { year });
  const entries = new Map<string, Map<string, Entry>>();
  for (const { department, indicator, note, corrections, ...entry } of rows) {
    if (!entries.has(department)) entries.set(department, new Map());
    entries.get(department)!.set(indicator, { ...entry, ...(note ? { note } : {}), ...(corrections?.length ? { corrections } : {}) });
  }
  return entries;
}

export interface EntryInput {
  year: number;
  department: string;
  indicator: string;
  value: number;
  body: Body;
  note?: string | undefined;
}

/**
 * A body's value for an entered indicator; refused for another body's indicator, a computed one,
 * or a published round. Through the API, `principal` must be that body's token or the office.
 */
export async function enterIndicator(db: Database, input: EntryInput, by: string, principal?: Principal): Promise<{ id: string }> {
  if (principal && !entersFor(principal, input.body, 'editor'))
    throw new AppError(ErrorCode.FORBIDDEN, `${principal.actor} does not enter ${input.body}'s indicators`);
  if (!Number.isFinite(input.value)) throw new AppError(ErrorCode.BAD_USER_INPUT, 'the value must be a number');
  const { standard, id } = await standardFor(db, input.year);
  const round = await evaluationRound(db, input.year);
  if (round.status === 'published') throw new AppError(ErrorCode.CONFLICT, `the ${input.year} round is published: its entries are final`);
  const leaf = leavesOf(standard).find((l) => l.indicator.id === input.indicator)?.indicator;
  if (!leaf) throw new AppError(ErrorCode.NOT_FOUND, `standard ${id} has no indicator "${input.indicator}" without children`);
  if (!leaf.body) throw new AppError(ErrorCode.BAD_USER_INPUT, `indicator ${leaf.id} (${leaf.name}) is computed from the graph, not entered`);
  if (leaf.body !== input.body) throw new AppError(ErrorCode.FORBIDDEN, `indicator ${leaf.id} (${leaf.name}) is entered by ${leaf.body}, not ${input.body}`);
  const [saved] = await db.write<{ id: string }>(Q.saveEvaluationEntry, { ...input, note: input.note ?? null, by, at: new Date().toISOString() });
  if (!saved) throw new AppError(ErrorCode.NOT_FOUND, `department "${input.department}" does not exist`);
  return saved;
}

/** Records a commendation (表扬) of a department; refused once the year's round is published. */
export async function commend(db: Database, input: { year: number; department: string; text: string }, by: string): Promise<{ id: string }> {
  const text = input.text.trim();
  if (text === '' || text.length > 2000) throw new AppError(ErrorCode.BAD_USER_INPUT, 'a commendation says what for, in 1 to 2000 characters');
  if ((await evaluationRound(db, input.year)).status === 'published') throw new AppError(ErrorCode.CONFLICT, `the ${input.year} round is published`);
  const [saved] = await db.write<{ id: string }>(Q.saveCommendation, { ...input, text, id: randomUUID(), by, at: new Date().toISOString() });
  if (!saved) throw new AppError(ErrorCode.NOT_FOUND, `department "${input.department}" does not exist`);
  return saved;
}

/** The year's recorded commendations by department. */
export async function recordedCommendations(db: Database, year: number): Promise<Map<string, Commendation[]>> {
  const byDepartment = new Map<string, Commendation[]>();
  for (const row of await db.read<{ department: string; text: string; by: string; at: string }>(Q.commendations, { year })) {
    byDepartment.set(row.department, [...(byDepartment.get(row.department) ?? []), { text: row.text, source: 'recorded', by: row.by, at: row.at }]);
  }
  return byDepartment;
}
