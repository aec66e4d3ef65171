import { loadConfig } from '../config.js';
import { connect, type Connection } from '../db/connect.js';

/** Runs `work` against the configured Neo4j (starting the local one for this process if needed). */
export async function withDatabase<T>(work: (connection: Connection) => Promise<T>): Promise<T> {
  const connection = await connect(loadConfig(), { startLocal: true });
  try {
    return await work(connection);
  } finally {
    await connection.close();
  }
}
