import { createServer as createHttpServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Context } from '../src/context.js';
import { NEO4J_GRAPHQL_PATH } from './neo4j-graphql/operations.js';
import { neo4jGraphqlServer } from './neo4j-graphql/server.js';
import { raw } from './operations.js';

/**
 * The servers under test, in one process apart from the load generator so that its CPU is theirs:
 * claimgraph's API at /graphql, the raw floor at /raw/<operation> (a tiny node:http handler running
 * one Cypher query through the same Database), `@neo4j/graphql` at /neo4j-graphql on the same
 * driver, and /stats (CPU used, the last request's round trips in claimgraph and in the library).
 * Prints its port on stdout once listening.
 */
/**
 * claimgraph as production runs it: the JavaScript `npm run build` compiled into BENCH_PRODUCT_DIR
 * (no tsx transpiling, no source maps behind every stack the driver captures); its TypeScript
 * through tsx without one. The raw floor and the library share its Database, so all three pay the same.
 */
async function productModule<M>(relative: string): Promise<M> {
  const dir = process.env.BENCH_PRODUCT_DIR;
  return (await import(dir ? pathToFileURL(path.join(dir, `${relative}.js`)).href : `../src/${relative}.js`)) as M;
}
const { loadConfig } = await productModule<typeof import('../src/config.js')>('config');
const { Database } = await productModule<typeof import('../src/db/database.js')>('db/database');
const { createServer } = await productModule<typeof import('../src/yoga.js')>('yoga');

const uri = process.env.BENCH_NEO4J_URI!;
const config = loadConfig({ ...process.env, NEO4J_URI: uri });
const db = new Database(uri, config.neo4j);
let last: Context | undefined;
// The load generator is one client: under the per-client rate limit most of its requests would be
// answered 429 at once, measuring the limiter instead of the API. Every other setting is the product's.
const unlimited = { ...config.rateLimit, perMinute: Number.MAX_SAFE_INTEGER, burst: Number.MAX_SAFE_INTEGER };
const yoga = createServer(db, { onContext: (ctx) => (last = ctx), config: { ...config, rateLimit: unlimited } });
const library = await neo4jGraphqlServer(db);

async function body(request: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, unknown>;
}

const server = createHttpServer(async (request, response) => {
  const url = request.url ?? '/';
  if (url.startsWith('/graphql')) return yoga(request, response);
  if (url.startsWith(NEO4J_GRAPHQL_PATH)) return library.yoga(request, response);
  try {
    if (url === '/stats') {
      response.writeHead(200, { 'content-type': 'application/json' });
      return response.end(JSON.stringify({ cpu: process.cpuUsage(), queries: last?.queries ?? [], neo4jGraphqlRoundTrips: library.roundTrips() }));
    }
    const operation = raw[url.slice('/raw/'.length)];
    if (!url.startsWith('/raw/') || !operation) {
      response.writeHead(404);
      return response.end();
    }
    const params = await body(request);
    const result = await db.read(operation.query, params);
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ data: operation.shape(result, params) }));
  } catch (error) {
    response.writeHead(500, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ errors: [{ message: String(error) }] }));
  }
});
server.listen(0, '127.0.0.1', () => console.log(`listening ${(server.address() as AddressInfo).port}`));
process.once('SIGTERM', () => {
  server.close();
  server.closeAllConnections();
  void db.close();
});
