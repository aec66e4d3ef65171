import { serveWebFile, webPaths } from './web-app.js';
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HeaderMap, type ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ping } from '../db/admin.js';
import { translateError, type Database } from '../db/database.js';
import type { Authenticator } from '../auth/authenticate.js';
import { permits, type Principal } from '../auth/roles.js';
import { isAppError, ErrorCode } from '../errors.js';
import type { Logger } from 'pino';
import { createApolloServer } from './apollo.js';
import { createContext, type ApiContext, type RequestInfo, type Services } from './context.js';
import type { Metrics } from './observability.js';
import { requestPlugin } from './request-plugin.js';

const MAX_BODY_BYTES = 1 << 20;

class BodyError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** Past this much, an oversized body is no longer read to its end: the connection is dropped. */
const MAX_DRAIN_BYTES = 16 << 20;

/**
 * The request body, up to 1 MiB. A larger body is read on (and thrown away) up to 16 MiB, so the
 * client gets its 413 answer instead of a reset connection; beyond that the socket is closed.
 */
async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_DRAIN_BYTES) req.destroy();
    if (size <= MAX_BODY_BYTES) chunks.push(chunk as Buffer);
  }
  if (size > MAX_BODY_BYTES) throw new BodyError(413, 'request body larger than 1 MiB');
  return Buffer.concat(chunks).toString('utf8');
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

/** The principal of a request, or a 401 answer (counted, and undefined) when it may not come in. */
function authenticate(req: IncomingMessage, res: ServerResponse, { auth, metrics }: Pick<ApiDeps, 'auth' | 'metrics'>): Principal | undefined {
  try {
    return auth.authenticate(req.headers.authorization);
  } catch (error) {
    if (!isAppError(error, ErrorCode.UNAUTHENTICATED)) throw error;
    metrics.errors.inc({ code: error.code });
    res.setHeader('www-authenticate', 'Bearer');
    sendJson(res, 401, { errors: [{ message: error.message, extensions: { code: error.code } }] });
    return undefined;
  }
}

/** A person opening /graphql in a browser (not a GET query): the web app's offline explorer is where to go. */
function opensInBrowser(req: IncomingMessage, url: URL): boolean {
  return req.method === 'GET' && url.search === '' && (req.headers.accept ?? '').includes('text/html');
}

async function redirectToExplorer(res: ServerResponse): Promise<void> {
  res.writeHead(302, { location: '/#/graphql' }).end();
}

async function handleGraphQL(
  req: IncomingMessage,
  res: ServerResponse,
  apollo: ApolloServer<ApiContext>,
  deps: ApiDeps,
  url: URL,
  meta: RequestInfo,
): Promise<void> {
  const principal = authenticate(req, res, deps);
  if (!principal) return;
  meta.actor = principal.actor;
  const headers = new HeaderMap();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  let body: unknown;
  if (req.method === 'POST') {
    const text = await readBody(req);
    if ((headers.get('content-type') ?? '').includes('application/json') && text !== '') {
      try {
        body = JSON.parse(text);
      } catch {
        throw new BodyError(400, 'request body is not valid JSON');
      }
    } else {
      body = text;
    }
  }
  const response = await apollo.executeHTTPGraphQLRequest({
    httpGraphQLRequest: { method: req.method ?? 'GET', headers, search: url.search, body },
    context: async () => createContext(deps.services, principal, meta),
  });
  for (const [name, value] of response.headers) res.setHeader(name, value);
  res.statusCode = response.status ?? 200;
  if (response.body.kind === 'complete') {
    res.end(response.body.string);
    return;
  }
  for await (const chunk of response.body.asyncIterator) res.write(chunk);
  res.end();
}

/** `/readyz`: 200 when Neo4j answers, 503 with the code otherwise (`/healthz` only says the process lives). */
async function handleReady(res: ServerResponse, db: Database): Promise<void> {
  try {
    await ping(db);
    sendJson(res, 200, { status: 'ready', neo4j: 'up' });
  } catch (error) {
    const appError = translateError(error);
    sendJson(res, 503, { status: 'unavailable', neo4j: 'down', code: appError.code });
  }
}

/**
 * `/metrics` (Prometheus) for callers the API lets in: with tokens configured, a scraper sends one
 * (any role; `dutygraph token create --role viewer --label prometheus`). They name operations and
 * show load, which is no one else's business.
 */
async function handleMetrics(req: IncomingMessage, res: ServerResponse, deps: ApiDeps): Promise<void> {
  if (!authenticate(req, res, deps)) return;
  res.writeHead(200, { 'content-type': deps.metrics.registry.contentType });
  res.end(await deps.metrics.registry.metrics());
}

/** What the API's HTTP front needs: the services, who may come in, and where to report. */
export interface ApiDeps {
  services: Services;
  auth: Authenticator;
  metrics: Metrics;
  logger: Logger;
}

const STATUS_OF_CODE: Partial<Record<ErrorCode, number>> = { BAD_USER_INPUT: 400, DB_UNAVAILABLE: 503 };

/**
 * `POST /v1/dispatch` {text, district?}: the dispatch answer as JSON, for hotline systems that
 * want one lookup without GraphQL's parsing and validation. Same engine, same answer, same errors.
 */
async function handleDispatch(req: IncomingMessage, res: ServerResponse, deps: ApiDeps, meta: RequestInfo): Promise<void> {
  const { services, metrics } = deps;
  const principal = authenticate(req, res, deps);
  if (!principal) return;
  meta.actor = principal.actor;
  meta.operation = 'dispatch';
  if (!permits(principal.role, 'dispatcher')) {
    metrics.errors.inc({ code: ErrorCode.FORBIDDEN });
    return sendJson(res, 403, {
      errors: [{ message: `dispatch needs the dispatcher role; this request has ${principal.role}`, extensions: { code: ErrorCode.FORBIDDEN } }],
    });
  }
  if (req.method !== 'POST') throw new BodyError(405, 'use POST with a JSON body {"text": "...", "district": "..."}');
  let body: unknown;
  try {
    body = JSON.parse(await readBody(req));
  } catch (error) {
    if (error instanceof BodyError) throw error;
    throw new BodyError(400, 'request body is not valid JSON');
  }
  const { text, district } = (typeof body === 'object' && body !== null ? body : {}) as { text?: unknown; district?: unknown };
  if (typeof text !== 'string') throw new BodyError(400, 'text: a string is required');
  if (district !== undefined && district !== null && typeof district !== 'string') throw new BodyError(400, 'district: a region code string is expected');
  try {
    sendJson(res, 200, services.dispatch.dispatch(text, district));
  } catch (error) {
    if (!isAppError(error)) throw error;
    metrics.errors.inc({ code: error.code });
    sendJson(res, STATUS_OF_CODE[error.code] ?? 500, { errors: [{ message: error.message, extensions: { code: error.code } }] });
  }
}

/** The API being served: its address, and a graceful stop. */
export interface ServingApi {
  url: string;
  server: Server;
  /** Stops taking requests, lets those in flight finish (up to 10 s) and stops Apollo. */
  stop(): Promise<void>;
}

/**
 * The HTTP front: POST/GET /graphql through Apollo, POST /v1/dispatch, GET /healthz (process),
 * /readyz (Neo4j), /metrics (Prometheus), the web app at / (web-app.ts), 404 for the rest. Each request gets a request id
 * (x-request-id, kept when the caller sends one), one JSON log line and its metrics; GraphQL's
 * own concerns (operation names, errors) are the request plugin's, shutdown is Apollo's drain
 * plugin's. Apollo's own integration API (executeHTTPGraphQLRequest) keeps us off any web framework.
 */
export async function serveApi(deps: ApiDeps, host: string, port: number): Promise<ServingApi> {
  const server = createServer();
  const apollo = createApolloServer([
    requestPlugin(deps.metrics, deps.logger),
    ApolloServerPluginDrainHttpServer({ httpServer: server, stopGracePeriodMillis: 10_000 }),
  ]);
  await apollo.start();
  const routes: Record<string, (req: IncomingMessage, res: ServerResponse, url: URL, meta: RequestInfo) => Promise<void>> = {
    '/graphql': (req, res, url, meta) => (opensInBrowser(req, url) ? redirectToExplorer(res) : handleGraphQL(req, res, apollo, deps, url, meta)),
    '/v1/dispatch': (req, res, _url, meta) => handleDispatch(req, res, deps, meta),
    '/healthz': async (_req, res) => sendJson(res, 200, { status: 'ok' }),
    '/readyz': (_req, res) => handleReady(res, deps.services.db),
    '/metrics': (req, res) => handleMetrics(req, res, deps),
    ...Object.fromEntries(webPaths().map((path) => [path, (req: IncomingMessage, res: ServerResponse, url: URL) => serveWebFile(req, res, url)])),
  };
  // Operation names come from callers: at most 100 distinct ones become metric labels, the rest count as "other".
  const operations = new Set<string>();
  const operationLabel = (operation: string) => {
    if (!operations.has(operation) && operations.size >= 100) return 'other';
    operations.add(operation);
    return operation;
  };
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const started = performance.now();
    const url = new URL(req.url ?? '/', 'http://localhost');
    const given = req.headers['x-request-id'];
    const requestId = typeof given === 'string' && /^[\w.:-]{1,100}$/.test(given) ? given : randomUUID();
    res.setHeader('x-request-id', requestId);
    const route = routes[url.pathname];
    const meta: RequestInfo = { id: requestId, operation: '', actor: '' };
    res.once('finish', () => {
      const seconds = (performance.now() - started) / 1000;
      const labels = { route: route ? url.pathname : 'other', operation: operationLabel(meta.operation) };
      deps.metrics.requests.inc({ ...labels, status: String(res.statusCode) });
      deps.metrics.requestSeconds.observe(labels, seconds);
      deps.logger.info(
        {
          requestId,
          method: req.method,
          path: url.pathname,
          status: res.statusCode,
          ms: Math.round(seconds * 10000) / 10,
          operation: meta.operation,
          actor: meta.actor,
        },
        'request',
      );
    });
    const work = route ? route(req, res, url, meta) : Promise.resolve(sendJson(res, 404, { error: 'not found; the API is at /graphql' }));
    work.catch((error: unknown) => {
      if (res.headersSent) return res.destroy();
      if (error instanceof BodyError)
        return sendJson(res, error.status, { errors: [{ message: error.message, extensions: { code: ErrorCode.BAD_USER_INPUT } }] });
      deps.logger.error({ requestId, err: error }, 'http error');
      sendJson(res, 500, { errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
    });
  });
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => resolve());
    });
  } catch (error) {
    await apollo.stop();
    throw error;
  }
  const address = server.address() as AddressInfo;
  return { url: `http://${host}:${address.port}`, server, stop: () => apollo.stop() };
}
