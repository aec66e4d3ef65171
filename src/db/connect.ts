import type { Config } from '../config.js';
import { AppError, ErrorCode } from '../errors.js';
import { Database } from './database.js';
import { localCredentials } from './local-credentials.js';
import { localNeo4jStatus, startLocalNeo4j, stopLocalNeo4j } from './local-neo4j.js';

export interface Connection {
  db: Database;
  /** Set when this process started the local Neo4j; close() stops it again. */
  startedLocalPid: number | undefined;
  /** The Neo4j Browser of the local Neo4j, when it serves one. */
  browserUrl: string | undefined;
  close(): Promise<void>;
}

/**
 * Connects to the configured Neo4j. With NEO4J_URI set, that server (or cluster, or Aura).
 * Without it, the local Neo4j in DUTYGRAPH_DATA_DIR: the running one if `db start` started it,
 * else one started for this process only (attached: it dies with us) when `startLocal` allows.
 */
export async function connect(config: Config, options: { startLocal: boolean; log?: (line: string) => void }): Promise<Connection> {
  const log = options.log ?? ((line: string) => process.stderr.write(line + '\n'));
  if (config.neo4j.uri) {
    const db = await Database.connect({ ...config.neo4j, uri: config.neo4j.uri });
    return { db, startedLocalPid: undefined, browserUrl: undefined, close: () => db.close() };
  }
  const status = localNeo4jStatus(config.local.dataDir);
  if (status.state === 'running') {
    const credentials = localCredentials(config.local.dataDir, config.neo4j.password);
    const db = await Database.connect({ ...config.neo4j, ...credentials, uri: status.boltUri });
    return { db, startedLocalPid: undefined, browserUrl: status.browserUrl, close: () => db.close() };
  }
  if (!options.startLocal) {
    throw new AppError(
      ErrorCode.DB_UNAVAILABLE,
      `no Neo4j: NEO4J_URI is not set and no local Neo4j runs in ${config.local.dataDir}; run \`dutygraph db start\``,
    );
  }
  log(`dutygraph: starting the local Neo4j in ${config.local.dataDir} on port ${config.local.boltPort}…`);
  const local = await startLocalNeo4j({ ...config.local, password: config.neo4j.password }, { detached: false, log });
  try {
    const db = await Database.connect({ ...config.neo4j, ...local.credentials, uri: local.boltUri });
    return {
      db,
      startedLocalPid: local.pid,
      browserUrl: local.browserUrl,
      async close() {
        await db.close();
        await stopLocalNeo4j(config.local.dataDir);
      },
    };
  } catch (error) {
    await stopLocalNeo4j(config.local.dataDir);
    throw error;
  }
}
