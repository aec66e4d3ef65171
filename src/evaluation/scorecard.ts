import type { AnalysisReport } from '../analysis/analyze.js';
import type { Database } from '../db/database.js';
import { useQueries } from '../db/named-queries.js';
import { AppError, ErrorCode } from '../errors.js';
import { departmentRatios } from '../staffing/staffing.js';
import { currentFindingTallies } from './analysis-record.js';
import { FINDING_METRICS } from './finding-tallies.js';
import { evaluationEntries, evaluationRound, recordedCommendations, standardFor } from './evaluation-store.js';
import { lateForms } from './form-store.js';
import { overdueProblems } from './ledger.js';
import { boundaryMetrics, computedCommendations, hotlineMetrics, yearWindow, type HotlineRow } from './hotline.js';
import { boundaryHotline } from './hotline-figures.js';
import type { Commendation, MetricName, MetricValue } from './metrics.js';
import { scoreDepartments, type DepartmentInputs, type DepartmentScore } from './scoring.js';

/**
 * A year's scorecards: every department of the roster scored by the year's standard, from what
 * the graph knows (the latest analysis's findings, the hotline, boundary items, staffing) and
 * what the bodies entered. A published round's scorecards are its archived ones, unchanged.
 */

const Q = useQueries(['evaluationRoster', 'evaluationHotline']);

interface Problem {
  indicator: string;
  name: string;
  /** Points lost. */
  lost: number;
  note: string;
  evidence: string[];
}

interface DepartmentScorecard extends DepartmentScore {
  region: string;
  /** Recorded by the office, and computed where the graph shows a mark met. */
  commendations: Commendation[];
  /** Total minus last year's published total; null when last year has none for it. */
  change: number | null;
  /** Indicators that lost points, most lost first. */
  problems: Problem[];
}

export interface Scorecards {
  year: number;
  standard: { id: string; name: string; status: string };
  round: { status: 'open' | 'published'; publishedAt: string | null };
  /** The analysis the findings came from (graph revision and time). */
  analysis: { revision: number | null; at: string | null };
  /** The year of the volumes the staffing ratios came from (the latest up to the evaluation year). */
  staffingYear: number | null;
  departments: DepartmentScorecard[];
}

export interface ScorecardOptions {
  /** Only departments of this region. */
  region?: string | undefined;
  /** How to get an analysis when the recorded one is stale (a server passes its cached run). */
  analyse?: (() => Promise<AnalysisReport>) | undefined;
}

/** Every department's scorecard for `year`, best first. */
export async function computeScorecards(db: Database, year: number, options: ScorecardOptions = {}): Promise<Scorecards> {
  const stored = await standardFor(db, year);
  const round = await evaluationRound(db, year);
  const standard = { id: stored.id, name: stored.standard.name, status: stored.status };
  if (round.status === 'published') return publishedScorecards(db, year, options.region);
  const findings = await currentFindingTallies(db, options.analyse);
  // The reads are independent: run together, the year's two passes over the complaints overlap.
  const [roster, hotlineRows, boundaryRows, staffing, entries, late, overdue, recorded] = await Promise.all([
    db.read<{ id: string; name: string; region: string }>(Q.evaluationRoster, { region: options.region ?? null }),
    db.read<HotlineRow>(Q.evaluationHotline, yearWindow(year), { timeoutMs: 10 * 60_000 }),
    boundaryHotline(db, year),
    departmentRatios(db, year),
    evaluationEntries(db, year),
    lateForms(db, year),
    overdueProblems(db, year),
    recordedCommendations(db, year),
  ]);
  const hotline = hotlineMetrics(hotlineRows);
  const boundary = boundaryMetrics(boundaryRows);
  const inputs: DepartmentInputs[] = roster.map(({ id, name }) => {
    const values = new Map<MetricName, MetricValue>([...(findings.tallies.get(id) ?? []), ...(hotline.get(id) ?? []), ...(boundary.get(id) ?? [])]);
    // A department no finding names has none of each kind: zero, not "does not apply".
    for (const metric of [...FINDING_METRICS, 'boundary.led'] as const) {
      if (!values.has(metric)) values.set(metric, { value: 0, evidence: [], basis: 0 });
    }
    const forms = late.get(id);
    if (forms) values.set('forms.late', forms);
    const problems = overdue.get(id);
    if (problems) values.set('ledger.overdue', problems);
    if (staffing) values.set('staffing.ratio', { value: staffing.ratios.get(id) ?? null, evidence: [], basis: 0 });
    return { id, name, values, entries: entries.get(id) ?? new Map() };
  });
  const regionOf = new Map(roster.map((d) => [d.id, d.region]));
  const valuesOf = new Map(inputs.map((d) => [d.id, d.values]));
  const lastYear = await evaluationRound(db, year - 1);
  const lastTotals = new Map(lastYear.scorecards ? (JSON.parse(lastYear.scorecards) as Scorecards).departments.map((d) => [d.department, d.total]) : []);
  return {
    year,
    standard,
    round: { status: round.status, publishedAt: round.publishedAt },
    analysis: { revision: findings.revision, at: findings.at },
    staffingYear: staffing?.year ?? null,
    departments: scoreDepartments(stored.standard, inputs).map((score) => ({
      ...score,
      region: regionOf.get(score.department)!,
      commendations: [...(recorded.get(score.department) ?? []), ...computedCommendations(valuesOf.get(score.department)!)],
      change: lastTotals.has(score.department) ? Math.round((score.total - lastTotals.get(score.department)!) * 100) / 100 : null,
      problems: score.indicators
        .filter((i) => i.points < i.weight || i.vetoed)
        .map((i) => ({ indicator: i.id, name: i.name, lost: Math.round((i.weight - i.points) * 100) / 100, note: i.note, evidence: i.evidence }))
        .sort((a, b) => b.lost - a.lost),
    })),
  };
}

const P = useQueries(['publishEvaluationRound']);

/**
 * Publishes the year's round: the scorecards as they are now are archived, and the standard they
 * were scored by is frozen. Refused while entries are missing, unless `allowMissing`.
 */
export async function publishRound(db: Database, year: number, by: string, options: ScorecardOptions & { allowMissing?: boolean } = {}): Promise<Scorecards> {
  const round = await evaluationRound(db, year);
  if (round.status === 'published') throw new AppError(ErrorCode.CONFLICT, `the ${year} round was published on ${round.publishedAt}`);
  const cards = await computeScorecards(db, year, { analyse: options.analyse });
  const missing = cards.departments.flatMap((d) => d.indicators.filter((i) => i.missing).map((i) => `${d.name}: ${i.id} ${i.name}`));
  if (missing.length > 0 && !options.allowMissing)
    throw new AppError(
      ErrorCode.BAD_USER_INPUT,
      `${missing.length} entries are still missing; enter them, or publish with them at full points (--allow-missing)`,
      missing,
    );
  const published: Scorecards = {
    ...cards,
    standard: { ...cards.standard, status: 'frozen' },
    round: { status: 'published', publishedAt: new Date().toISOString() },
  };
  await db.write(P.publishEvaluationRound, { year, standard: cards.standard.id, at: published.round.publishedAt, by, scorecards: JSON.stringify(published) });
  return published;
}

/** A published round's scorecards; NOT_FOUND while the year's round is open. */
export async function publishedScorecards(db: Database, year: number, region?: string): Promise<Scorecards> {
  const round = await evaluationRound(db, year);
  if (round.status !== 'published' || !round.scorecards) throw new AppError(ErrorCode.NOT_FOUND, `the ${year} round is not published yet`);
  const archived = JSON.parse(round.scorecards) as Scorecards;
  return { ...archived, departments: archived.departments.filter((d) => !region || d.region === region) };
}
