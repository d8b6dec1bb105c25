/**
 * Serves the explorer page (`web/`, built into `dist/web/`) at `/` and its hashed bundles at
 * `/assets/<file>`, from one directory read at start. The page runs under a strict Content
 * Security Policy: scripts, styles and requests only from this origin, no inline scripts, no
 * frames, no plugins; nothing it loads leaves the machine.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** The CSP of the page and its assets (styles set through the DOM by the chart library are allowed by CSP). */
export const EXPLORER_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json; charset=utf-8',
};

/** Security headers of every explorer response. */
const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': EXPLORER_CSP,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
};

interface StaticFile {
  readonly body: Buffer;
  readonly contentType: string;
  readonly immutable: boolean;
}

/** Handles a request if it is for the page; resolves true when it answered. */
export type SiteHandler = (req: IncomingMessage, res: ServerResponse, url: URL) => boolean;

/**
 * Loads the built page from `dir` (kept in memory: about 100 kB) and returns its handler. Only
 * the files present at start are served, by exact name, so no request path reaches the disk.
 * When the page was not built, `/` answers 503 saying how to build it.
 *
 * @example
 * const site = createStaticSite('dist/web');
 * if (site(req, res, url)) return;
 */
export function createStaticSite(dir: string): SiteHandler {
  const files = new Map<string, StaticFile>();
  const add = (urlPath: string, file: string, immutable: boolean) => {
    const contentType = CONTENT_TYPES[path.extname(file)];
    if (contentType) files.set(urlPath, { body: fs.readFileSync(file), contentType, immutable });
  };
  if (fs.existsSync(path.join(dir, 'index.html'))) {
    add('/', path.join(dir, 'index.html'), false);
    const assets = path.join(dir, 'assets');
    if (fs.existsSync(assets))
      for (const name of fs.readdirSync(assets)) add(`/assets/${name}`, path.join(assets, name), true);
    for (const name of fs.readdirSync(dir))
      if (name !== 'index.html' && fs.statSync(path.join(dir, name)).isFile())
        add(`/${name}`, path.join(dir, name), false);
  }
  return (req, res, url) => {
    if (url.pathname !== '/' && !url.pathname.startsWith('/assets/') && !files.has(url.pathname)) return false;
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' });
      res.end('method not allowed');
      return true;
    }
    const file = files.get(url.pathname);
    if (file === undefined) {
      const built = files.has('/');
      res.writeHead(built ? 404 : 503, {
        'content-type': 'text/plain; charset=utf-8',
        'cache-control': 'no-store',
        ...SECURITY_HEADERS,
      });
      res.end(built ? 'not found' : 'The explorer page is not built: run `npm run build` (npm start does it).');
      return true;
    }
    res.writeHead(200, {
      'content-type': file.contentType,
      'content-length': String(file.body.length),
      // Bundles have content hashes in their names; the page itself must always be revalidated.
      'cache-control': file.immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
      ...SECURITY_HEADERS,
    });
    res.end(req.method === 'HEAD' ? undefined : file.body);
    return true;
  };
}
