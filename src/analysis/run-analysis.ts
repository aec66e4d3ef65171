import type { Database } from '../db/database.js';
import { useQueries } from '../db/named-queries.js';
import { bumpGraphRevision } from '../db/revision.js';
import { AppError, ErrorCode } from '../errors.js';
import type { BoundaryItemStatusChange } from '../catalog/boundary-status.js';
import { analyze, type AnalysisReport, type StageTimes } from './analyze.js';
import { loadAnalysisSnapshot } from './load-snapshot.js';

const Q = useQueries(['boundaryItemExists', 'createProposedBoundaryItem']);

export interface AnalysisRun {
  report: AnalysisReport;
  times: StageTimes & { queries: Record<string, number> };
}

/** Reads the graph and runs every analysis, timing each Cypher query and each stage. */
export async function runAnalysis(db: Database): Promise<AnalysisRun> {
  const queries: Record<string, number> = {};
  const snapshot = await loadAnalysisSnapshot(db, (name, ms) => (queries[name] = Math.round(ms)));
  const { report, times } = analyze(snapshot);
  return { report, times: { ...times, queries } };
}

/**
 * Publishes a proposal of `report` as a department-scope boundary item (id bp-<region>-<matter>),
 * in one transaction with the revision bump, so dispatch follows it at its next index.
 */
export async function publishProposal(db: Database, report: AnalysisReport, proposalId: string, by: string): Promise<BoundaryItemStatusChange> {
  const proposal = report.proposals.find((p) => p.id === proposalId);
  if (!proposal) throw new AppError(ErrorCode.NOT_FOUND, `no proposal "${proposalId}" in the current analysis (ids look like proposal:<region>:<matter>)`);
  const id = `bp-${proposal.region}-${proposal.matter.id}`;
  return db.writeTx(async (tx) => {
    const [row] = await tx.run<{ exists: boolean }>(Q.boundaryItemExists, { id });
    if (row?.exists) throw new AppError(ErrorCode.CONFLICT, `boundary item "${id}" already exists: this proposal was published before`);
    const [created] = await tx.run<Omit<BoundaryItemStatusChange, 'revision'>>(Q.createProposedBoundaryItem, {
      id,
      region: proposal.region,
      lead: proposal.lead.id,
      cooperating: proposal.cooperating.map((d) => d.id),
      matter: proposal.matter.id,
      title: proposal.title.replace('（建议稿）', ''),
      text: proposal.text,
      at: new Date().toISOString(),
      by,
      proposal: proposal.id,
    });
    if (!created) throw new AppError(ErrorCode.CONFLICT, `the region or lead department of "${proposalId}" is no longer in the graph`);
    return { ...created, revision: await bumpGraphRevision(tx, ['boundaries']) };
  }, 'publishProposal');
}
