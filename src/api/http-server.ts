import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HeaderMap, type ApolloServer } from '@apollo/server';
import { ping } from '../db/admin.js';
import { translateError, type Database } from '../db/database.js';
import { createContext, type ApiContext } from './context.js';

const MAX_BODY_BYTES = 1 << 20;

class BodyError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new BodyError(413, 'request body larger than 1 MiB');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

async function handleGraphQL(req: IncomingMessage, res: ServerResponse, apollo: ApolloServer<ApiContext>, db: Database, url: URL): Promise<void> {
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
    context: async () => createContext(db),
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

/** `/healthz`: 200 when the API and Neo4j answer, 503 with the reason otherwise. */
async function handleHealth(res: ServerResponse, db: Database): Promise<void> {
  try {
    await ping(db);
    sendJson(res, 200, { status: 'ok', neo4j: 'up' });
  } catch (error) {
    const appError = translateError(error);
    sendJson(res, 503, { status: 'unavailable', neo4j: 'down', code: appError.code });
  }
}

/**
 * The HTTP front: POST/GET /graphql through Apollo, GET /healthz, 404 for the rest. Apollo's own
 * integration API (executeHTTPGraphQLRequest) keeps us off any web framework.
 */
export async function listenHttp(apollo: ApolloServer<ApiContext>, db: Database, host: string, port: number): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const work = url.pathname === '/graphql'
      ? handleGraphQL(req, res, apollo, db, url)
      : url.pathname === '/healthz'
        ? handleHealth(res, db)
        : Promise.resolve(sendJson(res, 404, { error: 'not found; the API is at /graphql' }));
    work.catch((error: unknown) => {
      if (res.headersSent) return res.destroy();
      if (error instanceof BodyError) return sendJson(res, error.status, { errors: [{ message: error.message, extensions: { code: 'BAD_REQUEST' } }] });
      console.error('dutygraph: http error', error);
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
