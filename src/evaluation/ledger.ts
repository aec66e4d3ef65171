import type { Finding } from '../analysis/findings.js';
import { KIND_LABELS } from '../analysis/kind-labels.js';
import type { Database } from '../db/database.js';
import { useQueries } from '../db/named-queries.js';
import { AppError, ErrorCode } from '../errors.js';
import { EVIDENCE_LIMIT, type MetricValue } from './metrics.js';

/**
 * The rectification ledger (整改台账): every problem the evaluation found, with its department,
 * where it came from, a deadline and an owner, closed only with evidence of the fix (销户). A
 * problem sent from an analysis finding is reopened when a later analysis finds it again.
 */

const Q = useQueries(['ledgerProblems', 'ledgerProblem', 'addLedgerProblems', 'updateLedgerProblem', 'closedFindingProblems']);

export const PROBLEM_SOURCES = ['finding', 'form', 'inquiry', 'questionnaire', 'talk', 'other'] as const;
export type ProblemSource = (typeof PROBLEM_SOURCES)[number];

export interface Problem {
  id: string;
  year: number;
  department: string;
  source: ProblemSource;
  /** The finding, form, inquiry… it came from. */
  sourceRef: string | null;
  description: string;
  deadline: string;
  owner: string;
  status: 'open' | 'closed' | 'reopened';
  evidence: string | null;
  closedAt: string | null;
  closedBy: string | null;
  reopenedAt: string | null;
  /** Open (or reopened) past its deadline. */
  overdue: boolean;
  events: { at: string; by: string; action: string; note?: string }[];
}

type Stored = Omit<Problem, 'overdue' | 'events' | 'evidence' | 'closedAt' | 'closedBy' | 'reopenedAt' | 'sourceRef'> & {
  sourceRef?: string;
  evidence?: string;
  closedAt?: string;
  closedBy?: string;
  reopenedAt?: string;
  events: string[];
};

const event = (by: string, action: string, note?: string) => JSON.stringify({ at: new Date().toISOString(), by, action, ...(note ? { note } : {}) });

function toProblem(stored: Stored, now = new Date()): Problem {
  return {
    ...stored,
    sourceRef: stored.sourceRef ?? null,
    evidence: stored.evidence ?? null,
    closedAt: stored.closedAt ?? null,
    closedBy: stored.closedBy ?? null,
    reopenedAt: stored.reopenedAt ?? null,
    overdue: stored.status !== 'closed' && Date.parse(stored.deadline) < now.getTime(),
    events: stored.events.map((e) => JSON.parse(e) as Problem['events'][number]),
  };
}

const isoOrThrow = (field: string, value: string) => {
  if (Number.isNaN(Date.parse(value))) throw new AppError(ErrorCode.BAD_USER_INPUT, `${field}: "${value}" is not an ISO 8601 date-time`);
};

export interface NewProblem {
  year: number;
  department: string;
  source: ProblemSource;
  sourceRef?: string | undefined;
  description: string;
  deadline: string;
  owner: string;
}

/** Puts problems on the ledger (ids given) and returns the ids of those that were not there yet. */
async function addProblems(db: Database, problems: (NewProblem & { id: string })[], by: string): Promise<string[]> {
  for (const p of problems) {
    isoOrThrow('deadline', p.deadline);
    if (!p.description.trim() || !p.owner.trim()) throw new AppError(ErrorCode.BAD_USER_INPUT, 'a problem needs a description and an owner (who fixes it)');
  }
  const rows = await db.write<{ id: string; created: boolean }>(Q.addLedgerProblems, {
    problems: problems.map(({ id, ...fields }) => ({
      id,
      department: fields.department,
      fields: { ...fields, year: fields.year, sourceRef: fields.sourceRef ?? null },
      event: event(by, 'add'),
    })),
  });
  const found = new Set(rows.map((r) => r.id));
  const unknown = problems.filter((p) => !found.has(p.id)).map((p) => p.department);
  if (unknown.length > 0) throw new AppError(ErrorCode.NOT_FOUND, `department(s) ${[...new Set(unknown)].join(', ')} do not exist`);
  return rows.filter((r) => r.created).map((r) => r.id);
}

/** One problem found by hand (a form, an inquiry's answer, a talk…). */
export async function addProblem(db: Database, problem: NewProblem, by: string): Promise<Problem> {
  const id = `${problem.year}/${problem.department}/${problem.source}/${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  await addProblems(db, [{ ...problem, id }], by);
  return getProblem(db, id);
}

/**
 * Sends findings of the analysis to the ledger in one step: a problem for each department each
 * finding names (the one that must fix its part), described in Chinese from the finding. A
 * finding already on the ledger for that department is not added twice.
 */
export async function sendFindingsToLedger(
  db: Database,
  findings: Finding[],
  input: { year: number; ids: string[]; deadline: string; owner: string },
  by: string,
): Promise<{ added: string[]; already: number }> {
  const byId = new Map(findings.map((f) => [f.id, f]));
  const missing = input.ids.filter((id) => !byId.has(id));
  if (missing.length > 0) throw new AppError(ErrorCode.NOT_FOUND, `not in the current analysis: ${missing.slice(0, 10).join(', ')}`, missing);
  const problems = input.ids.flatMap((id) => {
    const finding = byId.get(id)!;
    return finding.departments.map((department) => ({
      id: `${input.year}/${department.id}/${finding.id}`,
      year: input.year,
      department: department.id,
      source: 'finding' as const,
      sourceRef: finding.id,
      description: describeFinding(finding),
      deadline: input.deadline,
      owner: input.owner,
    }));
  });
  if (problems.length === 0)
    throw new AppError(ErrorCode.BAD_USER_INPUT, 'these findings name no department (an orphan matter is the office’s to assign first)');
  const added = await addProblems(db, problems, by);
  return { added, already: problems.length - added.length };
}

function describeFinding(finding: Finding): string {
  const subject =
    finding.matter?.name ??
    finding.items
      .map((i) => i.name)
      .slice(0, 3)
      .join('、');
  const parties = finding.departments.map((d) => d.name).join('、');
  return `${KIND_LABELS[finding.kind]}：${subject}（${parties}）`;
}

/** The year's ledger, optionally of one department. */
export async function listProblems(db: Database, year: number, department?: string): Promise<Problem[]> {
  return (await db.read<{ problem: Stored }>(Q.ledgerProblems, { year, department: department ?? null })).map((r) => toProblem(r.problem));
}

async function getProblem(db: Database, id: string): Promise<Problem> {
  const [row] = await db.read<{ problem: Stored }>(Q.ledgerProblem, { id });
  if (!row) throw new AppError(ErrorCode.NOT_FOUND, `no problem "${id}" on the ledger`);
  return toProblem(row.problem);
}

/** Closes a problem (销户), only with the evidence of its fix. */
export async function closeProblem(db: Database, id: string, evidence: string, by: string): Promise<Problem> {
  if (evidence.trim().length < 4)
    throw new AppError(ErrorCode.BAD_USER_INPUT, 'a problem is closed only with the evidence of its fix (what was done, and where it can be checked)');
  const problem = await getProblem(db, id);
  if (problem.status === 'closed') throw new AppError(ErrorCode.CONFLICT, `problem ${id} was closed on ${problem.closedAt}`);
  const now = new Date().toISOString();
  const [row] = await db.write<{ problem: Stored }>(Q.updateLedgerProblem, {
    id,
    expectedStatus: problem.status,
    changes: { status: 'closed', evidence: evidence.trim(), closedAt: now, closedBy: by },
    event: event(by, 'close', evidence.trim()),
  });
  if (!row) throw new AppError(ErrorCode.CONFLICT, `problem ${id} changed while it was being closed; read it again`);
  return toProblem(row.problem);
}

/** Reopens closed problems whose finding an analysis made after their closing still finds; returns their ids. */
export async function reopenRecurring(db: Database, findings: Finding[], analysedAt: string): Promise<string[]> {
  const present = new Set(findings.map((f) => f.id));
  const closed = await db.read<{ id: string; finding: string }>(Q.closedFindingProblems, { at: analysedAt });
  const reopened: string[] = [];
  for (const problem of closed.filter((p) => present.has(p.finding))) {
    const [row] = await db.write(Q.updateLedgerProblem, {
      id: problem.id,
      expectedStatus: 'closed',
      changes: { status: 'reopened', reopenedAt: analysedAt },
      event: event('analysis', 'reopen', `${analysedAt} 的分析再次发现该问题`),
    });
    if (row) reopened.push(problem.id);
  }
  return reopened;
}

/** Per department, its problems of the year fixed late or still open past the deadline (the ledger.overdue metric). */
export async function overdueProblems(db: Database, year: number, now = new Date()): Promise<Map<string, MetricValue>> {
  const metrics = new Map<string, MetricValue>();
  for (const problem of await listProblems(db, year)) {
    const metric = metrics.get(problem.department) ?? { value: 0, evidence: [], basis: 0 };
    metric.basis++;
    const late = problem.status === 'closed' ? Date.parse(problem.closedAt!) > Date.parse(problem.deadline) : Date.parse(problem.deadline) < now.getTime();
    if (late) {
      metric.value = (metric.value ?? 0) + 1;
      if (metric.evidence.length < EVIDENCE_LIMIT) metric.evidence.push(problem.id);
    }
    metrics.set(problem.department, metric);
  }
  return metrics;
}
