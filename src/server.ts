import { createServer as createHttpServer, type Server } from 'node:http';
import { parseApiKeys } from './http/auth.js';
import { ConfigError, loadConfig, type AppConfig } from './config.js';
import { connect, type Connection } from './db/connect.js';
import { ErrorCode } from './domain/errors.js';
import { createLive } from './http/live.js';
import { createRateLimiter } from './http/rate-limit.js';
import { loadManifest, registeredOperations } from './http/persisted-operations.js';
import { serveWebSockets } from './http/websocket.js';
import { migrate } from './db/migrations.js';
import { seed } from './ingest/bundle.js';
import { createServer } from './yoga.js';
import { runCommand } from './cli/run.js';

/** How long requests in flight may run on after SIGINT/SIGTERM. */
const DRAIN_MS = 10_000;

/**
 * `npm start`: the port, then the database (local by default; named by NEO4J_URI in production),
 * its schema and, outside production, the seed graph, then the API.
 */
await runCommand(async (log) => {
  const config = loadConfig();
  if (config.production && !config.neo4j.uri) {
    throw new ConfigError(
      'NODE_ENV is production but NEO4J_URI is unset: set it to your Neo4j (the embedded database, without auth and seeded with a demo graph, is for development only).',
    );
  }
  let yoga: ReturnType<typeof createServer> | undefined;
  // Requests still being answered, counted apart from connections: one whose client went away
  // has no connection left but may still be running its queries.
  let answering = 0;
  let allAnswered: (() => void) | undefined;
  const http = createHttpServer(async (request, response) => {
    if (!yoga) {
      response.writeHead(503, { 'content-type': 'application/json', 'retry-after': '5' });
      response.end(JSON.stringify({ errors: [{ message: 'The API is starting; retry shortly.', extensions: { code: ErrorCode.ServiceUnavailable } }] }));
      return;
    }
    answering += 1;
    try {
      await yoga(request, response);
    } finally {
      answering -= 1;
      if (answering === 0) allAnswered?.();
    }
  });
  // The port first: a port in use is one sentence before anything is started, migrated or seeded.
  await listen(http, config);
  let connection: Connection;
  try {
    connection = await connect(config, log);
    await migrate(connection.db, log);
    if (!config.production) await seed(connection.db, log);
  } catch (error) {
    http.close();
    http.closeAllConnections();
    throw error;
  }
  const live = createLive(config.redisUrl);
  const rateLimiter = createRateLimiter(config.rateLimit, config.redisUrl, log);
  const registered = registeredOperations(config.redisUrl);
  const apiKeys = parseApiKeys(config.apiKeys);
  yoga = createServer(connection.db, { config, apiKeys, live, rateLimiter, registeredOperations: registered });
  const webSockets = serveWebSockets(http, yoga, {
    apiKeys,
    maxMessageBytes: config.limits.bodyBytes,
    persistedOperations: config.persistedOperationsOnly ? loadManifest() : undefined,
  });
  log(`claimgraph API on http://${config.host ?? 'localhost'}:${config.port}/graphql (GraphiQL opens on the walk query; WebSocket subscriptions on the same URL)`);
  await new Promise<void>((resolve) => {
    const shutdown = () => {
      log('shutting down: letting requests in flight finish...');
      // Subscriptions never finish on their own: they end now, and their sockets close.
      void webSockets.close();
      // Stop accepting connections and drop idle keep-alive ones at once; requests in flight get
      // DRAIN_MS to finish before their connections are cut. The driver closes only once every
      // request is answered, or at that deadline.
      const deadline = setTimeout(() => {
        http.closeAllConnections();
        resolve();
      }, DRAIN_MS);
      deadline.unref();
      http.close(() => {
        if (answering === 0) resolve();
        else allAnswered = resolve;
      });
      http.closeIdleConnections();
    };
    process.once('SIGINT', shutdown);
    process.once('SIGTERM', shutdown);
  });
  await live.close();
  await rateLimiter.close();
  await registered.close();
  await connection.close();
});

/** Binds the API's port; one the system refuses is the user's to fix, in one sentence. */
function listen(http: Server, config: AppConfig): Promise<void> {
  return new Promise((resolve, reject) => {
    const refused = (error: NodeJS.ErrnoException) => {
      const problems: Record<string, string> = {
        EADDRINUSE: `port ${config.port} is already in use; set PORT to another.`,
        EACCES: `port ${config.port} needs privileges this process lacks; set PORT to another.`,
        EADDRNOTAVAIL: `HOST ${config.host} is not an address of this machine; set HOST to one that is, or unset it.`,
      };
      const problem = error.code === undefined ? undefined : problems[error.code];
      reject(problem === undefined ? error : new ConfigError(problem));
    };
    http.once('error', refused);
    http.listen(config.port, config.host, () => {
      http.off('error', refused);
      resolve();
    });
  });
}
