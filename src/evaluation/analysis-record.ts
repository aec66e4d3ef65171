import type { AnalysisReport } from '../analysis/analyze.js';
import type { Finding } from '../analysis/findings.js';
import { runAnalysis } from '../analysis/run-analysis.js';
import type { Database } from '../db/database.js';
import { useQueries } from '../db/named-queries.js';
import { graphRevision } from '../db/revision.js';
import { tallyFindings, type FindingTallies } from './finding-tallies.js';
import { reopenRecurring } from './ledger.js';
import type { MetricName, MetricValue } from './metrics.js';

/**
 * What the latest analysis found, per department, kept in the graph (FindingTally nodes) with
 * the revision it read: a scorecard reads it instead of running the whole analysis again (a
 * province's takes a minute and a half), and runs it only when the graph moved since.
 */

const Q = useQueries(['saveFindingTallies', 'findingTallies']);

/** Keeps a report's tallies as the latest, read at `revision`. */
async function recordAnalysis(db: Database, report: AnalysisReport, revision: number): Promise<void> {
  const rows = [...tallyFindings(report.findings)].map(([department, metrics]) => ({ department, metrics: JSON.stringify(Object.fromEntries(metrics)) }));
  await db.write(Q.saveFindingTallies, { rows, revision, at: report.generatedAt });
}

export interface RecordedTallies {
  /** The graph revision the analysis read; null when no analysis was recorded. */
  revision: number | null;
  at: string | null;
  tallies: FindingTallies;
}

/** The recorded tallies, as they are. */
export async function readFindingTallies(db: Database): Promise<RecordedTallies> {
  const [row] = await db.read<{ revision: number | null; at: string | null; tallies: { department: string; metrics: string }[] }>(Q.findingTallies);
  const tallies: FindingTallies = new Map(
    (row?.tallies ?? []).map((t) => [
      t.department,
      new Map(Object.entries(JSON.parse(t.metrics) as Record<string, MetricValue>)) as Map<MetricName, MetricValue>,
    ]),
  );
  return { revision: row?.revision ?? null, at: row?.at ?? null, tallies };
}

/**
 * Runs the analysis now and records its tallies; closed ledger problems it finds again are
 * reopened. `analyse` lets a server share its cached run.
 */
export async function refreshAnalysis(
  db: Database,
  analyse: () => Promise<AnalysisReport> = async () => (await runAnalysis(db)).report,
): Promise<RecordedTallies & { reopened: string[]; findings: Finding[] }> {
  const revision = await db.readTx(graphRevision, 'graphRevision');
  const report = await analyse();
  await recordAnalysis(db, report, revision);
  const reopened = await reopenRecurring(db, report.findings, report.generatedAt);
  return { revision, at: report.generatedAt, tallies: tallyFindings(report.findings), reopened, findings: report.findings };
}

/** Tallies of the graph as it is now: the recorded ones when they read the current revision, else refreshAnalysis(). */
export async function currentFindingTallies(db: Database, analyse?: () => Promise<AnalysisReport>): Promise<RecordedTallies> {
  const revision = await db.readTx(graphRevision, 'graphRevision');
  const recorded = await readFindingTallies(db);
  if (recorded.revision === revision) return recorded;
  const { tallies, at } = await refreshAnalysis(db, analyse);
  return { revision, at, tallies };
}
