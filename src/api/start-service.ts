import { mkdirSync } from 'node:fs';
import { createAuthenticator, type Authenticator } from '../auth/authenticate.js';
import { TokenVerifier, tokensFromEnv } from '../auth/token-store.js';
import type { Config } from '../config.js';
import { AppError, ErrorCode } from '../errors.js';
import { isGraphEmpty } from '../db/admin.js';
import { connect } from '../db/connect.js';
import { migrate } from '../db/migrate.js';
import { AnalysisService } from '../analysis/analysis-service.js';
import { AnalystPool } from '../analyst/analyst-pool.js';
import { DispatchService } from '../dispatch/dispatch-service.js';
import { loadLexicon } from '../dispatch/load-lexicon.js';
import { importBundle } from '../ingest/import-bundle.js';
import { projectPath } from '../project-root.js';
import { serveApi } from './http-server.js';
import { createLogger, createMetrics } from './observability.js';

/** How often a server looks whether the graph moved on from its figures (a cached revision read). */
const FIGURE_CHECK_MS = 1000;

export const DEMO_BUNDLE = projectPath('seed', 'fixtures', 'demo');

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);

/**
 * Bearer tokens from the token file and the environment. With none configured the server only
 * starts on a loopback address, where anonymous requests get the viewer role (the quick start).
 */
function serverAuthenticator(config: Config, log: (line: string) => void): Authenticator {
  const verifier = new TokenVerifier(config.auth.tokensFile, tokensFromEnv(config.auth.tokenHashes));
  if (!verifier.hasTokens) {
    if (!LOOPBACK.has(config.api.host)) {
      throw new AppError(
        ErrorCode.BAD_CONFIG,
        `HOST=${config.api.host} is not a loopback address and no API token exists; create one first: npx dutygraph token create --role admin (or set DUTYGRAPH_TOKEN_HASHES from npx dutygraph token create --role admin --no-store)`,
      );
    }
    log('dutygraph: no API token exists: anonymous requests get the viewer role. Create an admin token with: npx dutygraph token create --role admin');
  }
  return createAuthenticator(verifier, LOOPBACK.has(config.api.host) ? 'viewer' : null);
}

/** The folder importBundle(path) reads from; a folder the server cannot make is a configuration error, not a crash. */
function makeImportFolder(folder: string): void {
  try {
    mkdirSync(folder, { recursive: true });
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new AppError(
      ErrorCode.BAD_CONFIG,
      `cannot create the import folder ${folder} (${reason}); set DUTYGRAPH_IMPORT_DIR or DUTYGRAPH_DATA_DIR to a folder this user may write`,
    );
  }
}

export interface RunningService {
  url: string;
  /** The local Neo4j's Browser, when this service runs one. */
  browserUrl: string | undefined;
  /** Stops HTTP, Apollo, the driver and, if we started it, the local Neo4j. Idempotent. */
  stop(): Promise<void>;
}

/**
 * Brings the whole service up: Neo4j (the local one when NEO4J_URI is unset), the schema, the
 * demo data when asked for and the graph is empty, then GraphQL over HTTP.
 */
export async function startService(config: Config, options: { demo: boolean; log?: (line: string) => void }): Promise<RunningService> {
  const log = options.log ?? ((line: string) => process.stderr.write(line + '\n'));
  const auth = serverAuthenticator(config, log);
  makeImportFolder(config.importDir);
  const connection = await connect(config, { startLocal: true, log });
  try {
    await migrate(connection.db, log);
    if (options.demo && (await isGraphEmpty(connection.db))) {
      const report = await importBundle(connection.db, DEMO_BUNDLE);
      log(`dutygraph: the graph was empty; loaded the demo bundle "${report.name}"`);
    }
    const metrics = createMetrics();
    const logger = createLogger();
    // No visitor waits for the analysis: it is made now, while the dispatch index is built (so a
    // new deployment has it by the time it answers), and after every change (through this
    // replica or another), in the background, while the previous one answers.
    const analysis = new AnalysisService(connection.db, log);
    analysis.refresh();
    const dispatch = new DispatchService(connection.db, {
      log,
      lexicon: loadLexicon(config.dispatch.lexicon),
      onLookup: (seconds) => metrics.dispatchSeconds.observe(seconds),
    });
    await dispatch.start();
    const analyst = new AnalystPool(connection.db.settings);
    const services = { db: connection.db, dispatch, analysis, analyst, importRoot: config.importDir };
    const api = await serveApi({ services, auth, metrics, logger }, config.api.host, config.api.port);
    const figures = setInterval(() => services.analysis.refresh(), FIGURE_CHECK_MS);
    figures.unref();
    let stopping: Promise<void> | undefined;
    return {
      url: api.url,
      browserUrl: connection.browserUrl,
      stop() {
        stopping ??= (async () => {
          // Graceful (Apollo's drain plugin): no new connections, requests in flight get up to 10 s.
          clearInterval(figures);
          await api.stop();
          // The next start (or another replica) answers at once with the analysis made last.
          await services.analysis.flush();
          dispatch.stop();
          await analyst.close();
          await connection.close();
        })();
        return stopping;
      },
    };
  } catch (error) {
    await connection.close();
    throw error;
  }
}
