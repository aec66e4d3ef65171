import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppError, ErrorCode } from '../errors.js';

/**
 * The local Neo4j's credentials. Its Bolt port is reachable by every process on the machine and,
 * through Bolt over WebSocket, by every web page the user opens, so it never runs without a
 * password: NEO4J_PASSWORD when given, else a random one made at first start and kept in
 * DATA_DIR/neo4j-credentials.json, readable by its owner only. Every dutygraph command reads it
 * from there; `dutygraph db status --json` prints it for other tools.
 */
export interface LocalCredentials {
  user: 'neo4j';
  password: string;
}

const credentialsFile = (dataDir: string) => join(dataDir, 'neo4j-credentials.json');

/** The credentials of the local Neo4j in `dataDir`, when NEO4J_PASSWORD gives them or its file exists. */
export function existingLocalCredentials(dataDir: string, configuredPassword: string | undefined): LocalCredentials | undefined {
  if (configuredPassword) return { user: 'neo4j', password: configuredPassword };
  const file = credentialsFile(dataDir);
  if (existsSync(file)) {
    if ((statSync(file).mode & 0o077) !== 0) {
      throw new AppError(ErrorCode.BAD_CONFIG, `${file} is readable by other users; make it private with \`chmod 600 ${file}\``);
    }
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<LocalCredentials>;
    if (typeof parsed.password !== 'string' || parsed.password.length === 0) {
      throw new AppError(ErrorCode.BAD_CONFIG, `${file} holds no password; delete it, and the next start sets a new one`);
    }
    return { user: 'neo4j', password: parsed.password };
  }
  return undefined;
}

/** The credentials of the local Neo4j in `dataDir`, made at the first call when there are none. */
export function localCredentials(dataDir: string, configuredPassword: string | undefined): LocalCredentials {
  const existing = existingLocalCredentials(dataDir, configuredPassword);
  if (existing) return existing;
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const credentials: LocalCredentials = { user: 'neo4j', password: randomBytes(24).toString('base64url') };
  // 'wx': two commands starting at once must not both write a different password.
  try {
    writeFileSync(credentialsFile(dataDir), JSON.stringify(credentials, null, 2) + '\n', { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return localCredentials(dataDir, undefined);
    throw error;
  }
  return credentials;
}
