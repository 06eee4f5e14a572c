import type { Plugin } from 'graphql-yoga';
import type { Database } from '../db/database.js';

/**
 * `GET /ready`: 200 when Neo4j answers a connection attempt, 503 while it does not, for a load
 * balancer or an orchestrator to hold traffic back. (`/health`, Yoga's own, only says the
 * process is alive; it never touches the database, so a database outage does not restart the API.)
 */
export function readinessEndpoint(db: Database, path = '/ready'): Plugin {
  return {
    async onRequest({ url, endResponse, fetchAPI }) {
      if (url.pathname !== path) return;
      const ready = await db.verify().then(
        () => true,
        () => false,
      );
      endResponse(
        fetchAPI.Response.json(
          { status: ready ? 'ready' : 'unavailable' },
          { status: ready ? 200 : 503, headers: { 'cache-control': 'no-store' } },
        ),
      );
    },
  };
}
