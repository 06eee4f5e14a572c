import { createServer as createHttpServer } from 'node:http';
import { loadConfig } from './config.js';
import { connect } from './db/connect.js';
import { migrate } from './db/migrations.js';
import { seed } from './ingest/bundle.js';
import { createServer } from './yoga.js';
import { runCommand } from './cli/run.js';

/** `npm start`: the database (local by default), its schema, the seed graph, then the API. */
await runCommand(async (log) => {
  const config = loadConfig();
  const connection = await connect(config, log);
  await migrate(connection.db, log);
  await seed(connection.db, log);
  const http = createHttpServer(createServer(connection.db, { config }));
  await new Promise<void>((resolve) => http.listen(config.port, resolve));
  log(`claimgraph API on http://localhost:${config.port}/graphql (GraphiQL opens on the walk query)`);
  await new Promise<void>((resolve) => {
    const shutdown = () => {
      log('shutting down...');
      http.close(() => resolve());
      http.closeAllConnections();
    };
    process.once('SIGINT', shutdown);
    process.once('SIGTERM', shutdown);
  });
  await connection.close();
});
