import { createYoga } from 'graphql-yoga';
import { authenticate, type ApiKey } from './auth.js';
import { createContext, type Context } from './context.js';
import type { Database } from './db/database.js';
import { encodeGlobalID } from './global-id.js';
import { createLive, type Live } from './live.js';
import { schema } from './schema.js';

/** The playground opens on the walk: from the Daquq airstrike to every outlet that carried it. */
export const WALK_QUERY = `# The walk: from the Daquq airstrike to every outlet that reported or denied it,
# with the statements they carried, who made them and where each stands on the event's claims.
query Walk($event: ID! = "${encodeGlobalID('Event', 'daquq-airstrike-2016-10-21')}") {
  event(id: $event) {
    title
    startDate
    places { name }
    coverage {
      outlet { name kind stateAffiliation }
      stances
      reports {
        article { title publishedAt }
        statement {
          kind
          text
          speaker { name }
          onBehalfOf { name }
        }
        stances { value claim { proposition } }
      }
    }
  }
}
`;

/**
 * Builds the HTTP handler; no ports, no timers, so tests drive it with `yoga.fetch`. `onContext`
 * lets a caller (a test, a logger) see each request's context and the Cypher round trips it made.
 */
export function createServer(
  db: Database,
  options: { apiKeys?: ApiKey[]; live?: Live; onContext?: (ctx: Context) => void } = {},
) {
  const apiKeys = options.apiKeys ?? [];
  const live = options.live ?? createLive();
  return createYoga({
    schema,
    context: ({ request }) => {
      const ctx = createContext(db, live, authenticate(request.headers.get('authorization'), apiKeys));
      options.onContext?.(ctx);
      return ctx;
    },
    graphqlEndpoint: '/graphql',
    landingPage: false,
    graphiql: { title: 'claimgraph', defaultQuery: WALK_QUERY },
    // GraphQLErrors (with extensions.code) pass through; anything else becomes "Unexpected error.".
    maskedErrors: true,
  });
}
