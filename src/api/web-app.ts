import { readdirSync, readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { projectPath } from '../project-root.js';

/**
 * The web app's files (web/, built into dist/web by `npm run build`), served as they are: a fixed
 * list of names, and the script chunks the build made, listed once when the server starts (names
 * of one pattern), so no request path reaches the file system. Each read once, at its first request.
 * The page may load only its own script and style and talk only to this server (CSP).
 */

const FILES: Record<string, { file: string; type: string }> = {
  '/': { file: 'index.html', type: 'text/html; charset=utf-8' },
  '/index.html': { file: 'index.html', type: 'text/html; charset=utf-8' },
  '/app.js': { file: 'app.js', type: 'text/javascript; charset=utf-8' },
  '/app.css': { file: 'app.css', type: 'text/css; charset=utf-8' },
};

const SECURITY_HEADERS = {
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};

/** Chunks esbuild splits off for pages loaded on demand (scripts/build-web.mjs names them so). */
const CHUNK = /^chunk-[A-Z0-9]+\.js$/;

/** The paths the app is served at: its page, style, script and the chunks found in dist/web now. */
export function webPaths(): string[] {
  let chunks: string[] = [];
  try {
    chunks = readdirSync(projectPath('dist', 'web')).filter((name) => CHUNK.test(name));
  } catch {
    // Not built: the fixed paths answer 503 with how to build it.
  }
  return [...Object.keys(FILES), ...chunks.map((name) => `/${name}`)];
}

function entryOf(path: string): { file: string; type: string } | undefined {
  const name = path.slice(1);
  return FILES[path] ?? (CHUNK.test(name) ? { file: name, type: 'text/javascript; charset=utf-8' } : undefined);
}

const cache = new Map<string, Buffer | null>();

function read(file: string): Buffer | null {
  if (!cache.has(file)) {
    try {
      cache.set(file, readFileSync(projectPath('dist', 'web', file)));
    } catch {
      cache.set(file, null);
    }
  }
  return cache.get(file)!;
}

/** GET one of the app's files; 503 with how to build it when it was not built. */
export async function serveWebFile(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  const entry = entryOf(url.pathname);
  if (!entry) {
    res.writeHead(404).end();
    return;
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { allow: 'GET, HEAD' }).end();
    return;
  }
  const body = read(entry.file);
  if (!body) {
    res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' }).end('the web app is not built: run npm run build\n');
    return;
  }
  res.writeHead(200, { 'content-type': entry.type, 'content-length': body.length, 'cache-control': 'no-cache', ...SECURITY_HEADERS });
  res.end(req.method === 'HEAD' ? undefined : body);
}
