import { createServer as createHttpServer } from 'node:http';
import { parseApiKeys } from './auth.js';
import { loadConfig } from './config.js';
import { connect } from './db/connect.js';
import { createLive } from './live.js';
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
  const http = createHttpServer(createServer(connection.db, { config, apiKeys: parseApiKeys(config.apiKeys), live }));
  await new Promise<void>((resolve) => http.listen(config.port, resolve));
  log(`claimgraph API on http://localhost:${config.port}/graphql (GraphiQL opens on the walk query)`);
  await new Promise<void>((resolve) => {
    const shutdown = () => {
      log('shutting down: letting requests in flight finish...');
      // Stop accepting connections and drop idle keep-alive ones at once; requests in flight get
      // DRAIN_MS to finish before their connections are cut. The driver closes only after that.
      http.close(() => resolve());
      http.closeIdleConnections();
      setTimeout(() => http.closeAllConnections(), DRAIN_MS).unref();
    };
    process.once('SIGINT', shutdown);
    process.once('SIGTERM', shutdown);
  });
  await live.close();
  await connection.close();
});
