import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { projectPath } from '../project-root.js';

/**
 * The web app's files (web/, built into dist/web by `npm run build`), served as they are: a fixed
 * list of names, so no request path reaches the file system. Read once, at the first request.
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

export const WEB_PATHS = Object.keys(FILES);

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
  const entry = FILES[url.pathname]!;
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
