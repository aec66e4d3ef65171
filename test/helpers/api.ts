import type { ApolloServer } from '@apollo/server';
import { createApolloServer } from '../../src/api/apollo.js';
import { createContext, type ApiContext, type Services } from '../../src/api/context.js';
import { serveApi } from '../../src/api/http-server.js';
import { createLogger, createMetrics } from '../../src/api/observability.js';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AnalysisService } from '../../src/analysis/analysis-service.js';
import { AnalystPool } from '../../src/analyst/analyst-pool.js';
import { createAuthenticator } from '../../src/auth/authenticate.js';
import { ROLES, type Role } from '../../src/auth/roles.js';
import { createToken, TokenVerifier } from '../../src/auth/token-store.js';
import type { Body } from '../../src/evaluation/standard.js';
import type { Database } from '../../src/db/database.js';
import { DEMO_BUNDLE } from '../../src/api/start-service.js';
import { DispatchService } from '../../src/dispatch/dispatch-service.js';
import { importBundle } from '../../src/ingest/import-bundle.js';
import { connectTestDatabase, resetGraph } from './neo4j.js';

interface GraphQLResult {
  // Tests read deep into results; each assertion is the type check.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  data?: Record<string, any> | null;
  errors?: { message: string; extensions?: { code?: string; details?: string[] } }[];
}

export interface TestApi {
  services: Services;
  dispatch: DispatchService;
  /** A bearer token of each role, accepted by the HTTP server of listen(). */
  tokens: Record<Role, string>;
  /** Runs one operation through Apollo (no HTTP), as a caller of `role` (default admin). */
  execute(query: string, variables?: Record<string, unknown>, role?: Role): Promise<GraphQLResult>;
  /** Creates a department's own token (a viewer scoped to it) that the HTTP server of listen() accepts. */
  departmentToken(department: string): string;
  /** Creates a body's own token (a viewer that may enter that body's indicators). */
  bodyToken(body: Body): string;
  /** Serves the API over HTTP on a free loopback port; tokens required (see `tokens`). */
  listen(): Promise<{ url: string; close(): Promise<void> }>;
  stop(): Promise<void>;
}

/** The API over `db` as a server builds it, with a dispatch index that rebuilds only when asked. */
export async function startTestApi(db: Database): Promise<TestApi> {
  const tokenFile = join(mkdtempSync(join(tmpdir(), 'dg-tokens-')), 'tokens.json');
  const tokens = Object.fromEntries(ROLES.map((role) => [role, createToken(tokenFile, role, `test ${role}`).token])) as Record<Role, string>;
  const auth = createAuthenticator(new TokenVerifier(tokenFile), null);
  const dispatch = new DispatchService(db, { pollMs: 0, minRebuildMs: 0 });
  await dispatch.start();
  const importRoot = mkdtempSync(join(tmpdir(), 'dg-imports-'));
  const services: Services = { db, dispatch, analysis: new AnalysisService(db), analyst: new AnalystPool(db.settings), importRoot };
  const apollo: ApolloServer<ApiContext> = createApolloServer();
  // executeOperation starts Apollo on first use; stopping one never started is an error.
  let executed = false;
  return {
    services,
    dispatch,
    tokens,
    async execute(query, variables = {}, role = 'admin') {
      executed = true;
      const response = await apollo.executeOperation({ query, variables }, { contextValue: createContext(services, { role, actor: `test ${role}` }) });
      if (response.body.kind !== 'single') throw new Error('expected a single result');
      return response.body.singleResult as GraphQLResult;
    },
    departmentToken: (department) => createToken(tokenFile, 'viewer', `test ${department}`, { department }).token,
    bodyToken: (body) => createToken(tokenFile, 'viewer', `test ${body}`, { body }).token,
    async listen() {
      const api = await serveApi({ services, auth, metrics: createMetrics(), logger: createLogger('silent') }, '127.0.0.1', 0);
      return { url: api.url, close: () => api.stop() };
    },
    async stop() {
      dispatch.stop();
      await services.analyst.close();
      if (executed) await apollo.stop();
    },
  };
}

export interface DemoApi {
  db: Database;
  api: TestApi;
  close(): Promise<void>;
}

/** The test database emptied, the demo bundle imported, and the API over it. */
export async function openDemoApi(): Promise<DemoApi> {
  const db = await connectTestDatabase();
  await resetGraph(db);
  await importBundle(db, DEMO_BUNDLE);
  const api = await startTestApi(db);
  return {
    db,
    api,
    async close() {
      await api.stop();
      await db.close();
    },
  };
}
