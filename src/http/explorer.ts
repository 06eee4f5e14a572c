import { readFile } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'graphql-yoga';

/** Where `npm run build:explorer` (run by npm install and npm start) writes the explorer. */
export const EXPLORER_DIST = fileURLToPath(new URL('../../explorer/dist/', import.meta.url));

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
};

/**
 * The page may load only its own files and talk only to this API: a mistake that reaches for a CDN
 * fails here as it would offline. Cytoscape, Leaflet and vis-timeline set inline styles.
 */
const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; frame-ancestors 'none'";

/** `/`: the two ways in, for a person who opens the API's address in a browser. */
const LANDING = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>claimgraph</title>
<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;color:#1a1a1a;line-height:1.5}a{color:#0b5394}</style></head>
<body><h1>claimgraph</h1><p>A GraphQL knowledge graph of events and who said what about them.</p>
<ul><li><a href="/explore">Explorer</a>: search, and see an event’s coverage as a graph, a map and a timeline.</li>
<li><a href="/graphql">Playground</a>: write GraphQL queries against <code>/graphql</code>.</li></ul></body></html>`;

/**
 * Serves the explorer at /explore (its hashed assets under /explore/assets/, and its page for every
 * other path below, where the page's own router takes over) and a landing page at /.
 */
export function explorerPages(dist = EXPLORER_DIST): Plugin {
  const html = (body: string, status = 200) => ({
    status,
    headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-cache', 'content-security-policy': CONTENT_SECURITY_POLICY },
    body,
  });
  return {
    async onRequest({ url, request, endResponse, fetchAPI }) {
      if (request.method !== 'GET' && request.method !== 'HEAD') return;
      const answer = ({ status, headers, body }: { status: number; headers: Record<string, string>; body: string | Uint8Array<ArrayBuffer> }) =>
        endResponse(new fetchAPI.Response(request.method === 'HEAD' ? null : body, { status, headers }));
      if (url.pathname === '/') return answer(html(LANDING));
      if (url.pathname !== '/explore' && !url.pathname.startsWith('/explore/')) return;
      if (url.pathname.startsWith('/explore/assets/')) {
        const file = resolve(dist, url.pathname.slice('/explore/'.length));
        const content = file.startsWith(dist.endsWith(sep) ? dist : dist + sep) ? await readFile(file).then((bytes) => new Uint8Array(bytes), () => undefined) : undefined;
        if (!content) return answer({ status: 404, headers: { 'content-type': 'text/plain' }, body: 'Not found' });
        // Vite names assets by their content's hash: a name never changes what it holds.
        return answer({ status: 200, headers: { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'public, max-age=31536000, immutable' }, body: content });
      }
      const page = await readFile(resolve(dist, 'index.html'), 'utf8').catch(() => undefined);
      if (page === undefined) {
        return answer(html('<!doctype html><title>claimgraph explorer</title><p>The explorer is not built: run <code>npm run build:explorer</code> (npm install and npm start do).</p>', 503));
      }
      return answer(html(page));
    },
  };
}
