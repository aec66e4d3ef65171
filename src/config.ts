import { resolve } from 'node:path';
import { z } from 'zod';
import { AppError, ErrorCode } from './errors.js';

const port = (fallback: number) => z.coerce.number().int().min(1).max(65535).default(fallback).describe('a TCP port, 1-65535');
const size = (fallback: string) =>
  z
    .string()
    .regex(/^\d+[kmg]?$/i, 'a size like 512m or 2g')
    .default(fallback);

/** Every environment variable the service reads, with its default. The README table mirrors it. */
const envSchema = z.object({
  NEO4J_URI: z
    .string()
    .regex(/^(bolt|neo4j)(\+s|\+ssc)?:\/\/[^\s]+$/, 'a Bolt URI like bolt://host:7687 or neo4j+s://host')
    .optional(),
  NEO4J_USER: z.string().min(1).default('neo4j'),
  NEO4J_PASSWORD: z.string().optional(),
  NEO4J_DATABASE: z
    .string()
    .regex(/^[A-Za-z][A-Za-z0-9.-]*$/, 'a database name')
    .default('neo4j'),
  DUTYGRAPH_DATA_DIR: z.string().min(1).default('.data'),
  NEO4J_BOLT_PORT: port(7687),
  NEO4J_HTTP_PORT: z.coerce.number().int().min(0).max(65535).default(7474).describe('a TCP port, or 0 for no Browser'),
  NEO4J_HEAP: size('1g'),
  NEO4J_PAGECACHE: size('512m'),
  NEO4J_TX_MEMORY: z
    .string()
    .regex(/^\d+[kmg]?$/i, 'a size like 512m or 2g')
    .optional()
    .describe('a size like 512m or 2g'),
  NEO4J_TX_TIMEOUT: z
    .string()
    .regex(/^\d+(ms|s|m|h)?$/, 'a duration like 60s, 5m or 1h')
    .default('60s'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: port(4000),
  DISPATCH_LEXICON: z.string().min(1).optional().describe('a lexicon file, or "none"'),
  DUTYGRAPH_TOKENS_FILE: z.string().min(1).optional(),
  DUTYGRAPH_IMPORT_DIR: z.string().min(1).optional(),
  DUTYGRAPH_TOKEN_HASHES: z
    .string()
    .regex(/^([a-z]+:[0-9a-f]{64})(,[a-z]+:[0-9a-f]{64})*$/)
    .optional()
    .describe('role:sha256hex entries separated by commas'),
});

type Env = z.infer<typeof envSchema>;

/** The resolved configuration: where Neo4j is, how to start a local one, where to serve. */
export interface Config {
  neo4j: {
    /** Undefined means: use (and start) the local launcher. */
    uri: string | undefined;
    user: string;
    password: string | undefined;
    database: string;
  };
  local: {
    dataDir: string;
    boltPort: number;
    httpPort: number;
    heap: string;
    pageCache: string;
    txTimeout: string;
    /** Memory one transaction may hold; undefined: half the heap (the launcher decides). */
    txMemory?: string | undefined;
  };
  api: { host: string; port: number };
  /** The lexicon file dispatch reads; undefined for the shipped one, null for none. */
  dispatch: { lexicon: string | null | undefined };
  /** Where API tokens are kept (hashed), and hashes given in the environment. */
  auth: { tokensFile: string; tokenHashes: string | undefined };
  /** The only folder the API's importBundle(path) reads from. */
  importDir: string;
}

/**
 * Parses the environment once. Empty values count as unset. A bad value stops start-up with a
 * BAD_CONFIG error naming every variable at fault and what it expects.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const present = Object.fromEntries(
    Object.keys(envSchema.shape)
      .map((key) => [key, env[key]?.trim()] as const)
      .filter(([, value]) => value !== undefined && value !== ''),
  );
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const name = String(issue.path[0]);
      const expected = envSchema.shape[name as keyof Env]?.description ?? issue.message;
      return `${name}: expected ${expected}, got ${JSON.stringify(present[name])}`;
    });
    const names = [...new Set(parsed.error.issues.map((issue) => String(issue.path[0])))];
    throw new AppError(ErrorCode.BAD_CONFIG, `bad configuration in ${names.join(', ')}`, problems);
  }
  const e = parsed.data;
  return {
    neo4j: { uri: e.NEO4J_URI, user: e.NEO4J_USER, password: e.NEO4J_PASSWORD, database: e.NEO4J_DATABASE },
    local: {
      dataDir: resolve(e.DUTYGRAPH_DATA_DIR),
      boltPort: e.NEO4J_BOLT_PORT,
      httpPort: e.NEO4J_HTTP_PORT,
      heap: e.NEO4J_HEAP,
      pageCache: e.NEO4J_PAGECACHE,
      txTimeout: e.NEO4J_TX_TIMEOUT,
      txMemory: e.NEO4J_TX_MEMORY,
    },
    api: { host: e.HOST, port: e.PORT },
    importDir: resolve(e.DUTYGRAPH_IMPORT_DIR ?? `${e.DUTYGRAPH_DATA_DIR}/imports`),
    auth: { tokensFile: resolve(e.DUTYGRAPH_TOKENS_FILE ?? `${e.DUTYGRAPH_DATA_DIR}/tokens.json`), tokenHashes: e.DUTYGRAPH_TOKEN_HASHES },
    dispatch: { lexicon: e.DISPATCH_LEXICON === 'none' ? null : e.DISPATCH_LEXICON === undefined ? undefined : resolve(e.DISPATCH_LEXICON) },
  };
}
