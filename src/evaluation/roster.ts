import { randomUUID } from 'node:crypto';
import type { Database } from '../db/database.js';
import { useQueries } from '../db/named-queries.js';
import { AppError, ErrorCode } from '../errors.js';
import { drawDepartments, rosterHash, rosterText, sortRoster, type Draw, type RosterDepartment } from './draw.js';

/** The year's roster from the graph, and draws from it, recorded with who drew and when. */

const Q = useQueries(['evaluationRoster', 'saveEvaluationDraw']);

/** The roster as published before a draw: its text (one line a department or section) and SHA-256. */
export async function readRoster(db: Database, region?: string): Promise<{ roster: RosterDepartment[]; text: string; hash: string }> {
  const roster = sortRoster(await db.read<RosterDepartment>(Q.evaluationRoster, { region: region ?? null }));
  if (roster.length === 0) throw new AppError(ErrorCode.NOT_FOUND, region ? `no department in region ${region}` : 'the graph holds no department to draw from');
  return { roster, text: rosterText(roster), hash: rosterHash(roster) };
}

export interface DrawRequest {
  year: number;
  seed: string;
  departments: number;
  sections: number;
  region?: string | undefined;
}

/** Draws from the graph's roster; `record` keeps the draw (inputs, roster hash, result) with who drew it. */
export async function drawFromGraph(db: Database, request: DrawRequest, record?: { by: string }): Promise<Draw & { id?: string }> {
  for (const [name, n] of [
    ['departments', request.departments],
    ['sections', request.sections],
  ] as const) {
    if (!Number.isInteger(n) || n < 1) throw new AppError(ErrorCode.BAD_USER_INPUT, `--${name}: expected a whole number of at least 1, got ${n}`);
  }
  const { roster } = await readRoster(db, request.region);
  let draw: Draw;
  try {
    draw = drawDepartments(roster, request);
  } catch (error) {
    throw new AppError(ErrorCode.BAD_USER_INPUT, `--seed: ${(error as Error).message}`);
  }
  if (!record) return draw;
  const id = randomUUID();
  await db.write(Q.saveEvaluationDraw, {
    id,
    year: draw.year,
    seed: draw.seed,
    rosterHash: draw.rosterHash,
    result: JSON.stringify(draw.departments),
    at: new Date().toISOString(),
    by: record.by,
  });
  return { ...draw, id };
}
