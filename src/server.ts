import { createServer as createHttpServer } from 'node:http';
import { parseApiKeys } from './http/auth.js';
import { loadConfig } from './config.js';
import { connect } from './db/connect.js';
import { createLive } from './http/live.js';
import { migrate } from './db/migrations.js';
import { seed } from './ingest/bundle.js';
import { createServer } from './yoga.js';
import { runCommand } from './cli/run.js';

/** How long requests in flight may run on after SIGINT/SIGTERM. */
const DRAIN_MS = 10_000;

/** `npm start`: the database (local by default), its schema, the seed graph, then the API. */
await runCommand(async (log) => {
  const config = loadConfig();
  const connection = await connect(config, log);
  await migrate(connection.db, log);
  await seed(connection.db, log);
  const live = createLive(config.redisUrl);
  const yoga = createServer(connection.db, { config, apiKeys: parseApiKeys(config.apiKeys), live });
  // Requests still being answered, counted apart from connections: one whose client went away
  // has no connection left but may still be running its queries.
  let answering = 0;
  let allAnswered: (() => void) | undefined;
  const http = createHttpServer(async (request, response) => {
    answering += 1;
    try {
      await yoga(request, response);
    } finally {
      answering -= 1;
      if (answering === 0) allAnswered?.();
    }
  });
  await new Promise<void>((resolve) => http.listen(config.port, config.host, resolve));
  log(`claimgraph API on http://${config.host ?? 'localhost'}:${config.port}/graphql (GraphiQL opens on the walk query)`);
  await new Promise<void>((resolve) => {
    const shutdown = () => {
      log('shutting down: letting requests in flight finish...');
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
  await connection.close();
});
