import type { Database } from '../db/database.js';
import { DUTYGRAPH_VERSION } from '../project-root.js';
import { graphFigure } from '../figures/graph-figure.js';
import type { PerRevision, Versioned } from '../figures/per-revision.js';
import { storedFigure } from '../figures/stored-figure.js';
import type { AnalysisReport } from './analyze.js';
import { runAnalysis } from './run-analysis.js';

/** What the API's Analysis type resolves from: the report with the revision it was made from. */
export type AnalysisView = Versioned<AnalysisReport>;

/**
 * The analysis a server answers with, per graph revision: made in the background at start and
 * after every change while the previous one keeps answering (marked stale), and kept in Neo4j so
 * that a replica starting, or one that has not made its own yet, answers at once with the latest
 * any replica made.
 */
export class AnalysisService {
  private readonly figure: PerRevision<AnalysisReport>;

  constructor(db: Database, log?: (line: string) => void) {
    // Keyed by the version: a report kept by an older dutygraph may have another shape.
    const kept = storedFigure<AnalysisReport>(db, `analysis@${DUTYGRAPH_VERSION}`);
    this.figure = graphFigure(db, 'analysis', async () => (await runAnalysis(db)).report, {
      loadStored: () => kept.load(),
      store: (figure) => kept.store(figure),
      log,
    });
  }

  /** The analysis of the current revision, waiting for it when it is being made (for writes that act on it). */
  async current(): Promise<AnalysisReport> {
    return (await this.figure.get({ fresh: true })).value;
  }

  /** The latest analysis at once (stale while a newer one is made), or the fresh one when asked. */
  latest(options: { fresh?: boolean } = {}): Promise<Versioned<AnalysisReport>> {
    return this.figure.get(options);
  }

  /** Resolves once the latest analysis made is kept in Neo4j. */
  flush(): Promise<void> {
    return this.figure.flush();
  }

  /** Starts making the analysis of the current revision in the background, if it is not there. */
  refresh(): void {
    this.figure.refresh();
  }
}
