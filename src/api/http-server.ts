import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HeaderMap, type ApolloServer } from '@apollo/server';
import { ping } from '../db/admin.js';
import { translateError, type Database } from '../db/database.js';
import type { Authenticator } from '../auth/authenticate.js';
import { permits, type Principal } from '../auth/roles.js';
import { isAppError, ErrorCode } from '../errors.js';
import type { Logger } from 'pino';
import { createContext, type ApiContext, type Services } from './context.js';
import type { Metrics } from './observability.js';

const MAX_BODY_BYTES = 1 << 20;

class BodyError extends Error {
  constructor(readonly status: number, message: string) {
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

function callerErrorsOnly(body: string): boolean {
  try {
    const errors = (JSON.parse(body) as { errors?: { extensions?: { code?: string } }[] }).errors ?? [];
    return errors.length > 0 && errors.every((e) => e.extensions?.code === ErrorCode.BAD_USER_INPUT);
  } catch {
    return false;
  }
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

/** The principal of a request, or a 401 answer (and undefined) when it may not come in. */
function authenticate(req: IncomingMessage, res: ServerResponse, auth: Authenticator): Principal | undefined {
  try {
    return auth.authenticate(req.headers.authorization);
  } catch (error) {
    if (!isAppError(error, ErrorCode.UNAUTHENTICATED)) throw error;
    res.setHeader('www-authenticate', 'Bearer');
    sendJson(res, 401, { errors: [{ message: error.message, extensions: { code: error.code } }] });
    return undefined;
  }
}

async function handleGraphQL(req: IncomingMessage, res: ServerResponse, { apollo, services, auth }: HttpDeps, url: URL, meta: RequestMeta): Promise<void> {
  const principal = authenticate(req, res, auth);
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
  meta.operation = operationOf(body ?? Object.fromEntries(url.searchParams));
  const response = await apollo.executeHTTPGraphQLRequest({
    httpGraphQLRequest: { method: req.method ?? 'GET', headers, search: url.search, body },
    context: async () => createContext(services, principal),
  });
  for (const [name, value] of response.headers) res.setHeader(name, value);
  res.statusCode = response.status ?? 200;
  if (response.body.kind === 'complete') {
    // A limit graphql-armor enforces while parsing (tokens) surfaces as Apollo's 500: it is the caller's error.
    if (res.statusCode === 500 && callerErrorsOnly(response.body.string)) res.statusCode = 400;
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

async function handleMetrics(res: ServerResponse, metrics: Metrics): Promise<void> {
  res.writeHead(200, { 'content-type': metrics.registry.contentType });
  res.end(await metrics.registry.metrics());
}

/** What the HTTP front needs: Apollo, the services, who may come in, and where to report. */
export interface HttpDeps {
  apollo: ApolloServer<ApiContext>;
  services: Services;
  auth: Authenticator;
  metrics: Metrics;
  logger: Logger;
}

/** Per request: what the route learned, for the log line and the metrics. */
interface RequestMeta {
  operation: string;
  actor: string;
}

/** The GraphQL operation a body asks for: its operation name, else its first root field. */
function operationOf(body: unknown): string {
  const { operationName, query } = (typeof body === 'object' && body !== null ? body : {}) as { operationName?: unknown; query?: unknown };
  if (typeof operationName === 'string' && /^\w{1,64}$/.test(operationName)) return operationName;
  const field = typeof query === 'string' ? /^[^{]*\{\s*(?:\w+\s*:\s*)?(\w{1,64})/.exec(query)?.[1] : undefined;
  return field ?? 'unknown';
}

const STATUS_OF_CODE: Partial<Record<ErrorCode, number>> = { BAD_USER_INPUT: 400, DB_UNAVAILABLE: 503 };

/**
 * `POST /v1/dispatch` {text, district?}: the dispatch answer as JSON, for hotline systems that
 * want one lookup without GraphQL's parsing and validation. Same engine, same answer, same errors.
 */
async function handleDispatch(req: IncomingMessage, res: ServerResponse, { services, auth, metrics }: HttpDeps, meta: RequestMeta): Promise<void> {
  const principal = authenticate(req, res, auth);
  if (!principal) return;
  meta.actor = principal.actor;
  meta.operation = 'dispatch';
  if (!permits(principal.role, 'dispatcher')) {
    return sendJson(res, 403, { errors: [{ message: `dispatch needs the dispatcher role; this request has ${principal.role}`, extensions: { code: ErrorCode.FORBIDDEN } }] });
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

/**
 * The HTTP front: POST/GET /graphql through Apollo, POST /v1/dispatch, GET /healthz (process),
 * /readyz (Neo4j), /metrics (Prometheus), 404 for the rest. Each request gets a request id
 * (x-request-id, kept when the caller sends one), one JSON log line and its metrics. Apollo's own
 * integration API (executeHTTPGraphQLRequest) keeps us off any web framework.
 */
export async function listenHttp(deps: HttpDeps, host: string, port: number): Promise<{ server: Server; url: string }> {
  const routes: Record<string, (req: IncomingMessage, res: ServerResponse, url: URL, meta: RequestMeta) => Promise<void>> = {
    '/graphql': (req, res, url, meta) => handleGraphQL(req, res, deps, url, meta),
    '/v1/dispatch': (req, res, _url, meta) => handleDispatch(req, res, deps, meta),
    '/healthz': async (_req, res) => sendJson(res, 200, { status: 'ok' }),
    '/readyz': (_req, res) => handleReady(res, deps.services.db),
    '/metrics': (_req, res) => handleMetrics(res, deps.metrics),
  };
  // Operation names come from callers: at most 100 distinct ones become metric labels, the rest count as "other".
  const operations = new Set<string>();
  const operationLabel = (operation: string) => {
    if (!operations.has(operation) && operations.size >= 100) return 'other';
    operations.add(operation);
    return operation;
  };
  const server = createServer((req, res) => {
    const started = performance.now();
    const url = new URL(req.url ?? '/', 'http://localhost');
    const given = req.headers['x-request-id'];
    const requestId = typeof given === 'string' && /^[\w.:-]{1,100}$/.test(given) ? given : randomUUID();
    res.setHeader('x-request-id', requestId);
    const route = routes[url.pathname];
    const meta: RequestMeta = { operation: '', actor: '' };
    res.once('finish', () => {
      const seconds = (performance.now() - started) / 1000;
      const labels = { route: route ? url.pathname : 'other', operation: operationLabel(meta.operation) };
      deps.metrics.requests.inc({ ...labels, status: String(res.statusCode) });
      deps.metrics.requestSeconds.observe(labels, seconds);
      deps.logger.info({ requestId, method: req.method, path: url.pathname, status: res.statusCode, ms: Math.round(seconds * 10000) / 10, ...meta }, 'request');
    });
    const work = route ? route(req, res, url, meta) : Promise.resolve(sendJson(res, 404, { error: 'not found; the API is at /graphql' }));
    work.catch((error: unknown) => {
      if (res.headersSent) return res.destroy();
      if (error instanceof BodyError) return sendJson(res, error.status, { errors: [{ message: error.message, extensions: { code: ErrorCode.BAD_USER_INPUT } }] });
      deps.logger.error({ requestId, err: error }, 'http error');
      sendJson(res, 500, { errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  return { server, url: `http://${host}:${address.port}` };
}
