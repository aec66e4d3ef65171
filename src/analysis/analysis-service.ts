import type { Database } from '../db/database.js';
import { graphRevision } from '../db/revision.js';
import type { AnalysisReport } from './analyze.js';
import { runAnalysis } from './run-analysis.js';

/**
 * The analysis a server answers with: computed at start (start-service.ts) or on first
 * request, kept while the graph's revision stays the same, recomputed (once, however many
 * requests wait) when it moves.
 */
export class AnalysisService {
  private cached: { revision: number; report: AnalysisReport } | undefined;
  private running: Promise<AnalysisReport> | undefined;

  constructor(private readonly db: Database) {}

  async current(): Promise<AnalysisReport> {
    const revision = await this.db.readTx(graphRevision, 'graphRevision');
    if (this.cached?.revision === revision) return this.cached.report;
    this.running ??= runAnalysis(this.db)
      .then(({ report }) => {
        this.cached = { revision, report };
        return report;
      })
      .finally(() => {
        this.running = undefined;
      });
    return this.running;
  }
}
