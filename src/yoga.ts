import { blockFieldSuggestionsPlugin } from '@escape.tech/graphql-armor-block-field-suggestions';
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import { NoSchemaIntrospectionCustomRule } from 'graphql';
import { createYoga, type Plugin } from 'graphql-yoga';
import { loadConfig, type AppConfig } from './config.js';
import { authenticate, type ApiKey } from './http/auth.js';
import { createContext, type Context } from './context.js';
import type { Database } from './db/database.js';
import { encodeGlobalID } from './domain/global-id.js';
import { explorerPages } from './http/explorer.js';
import { createLive, type Live } from './http/live.js';
import { createLogger, type Logger } from './logger.js';
import { operationLimits } from './http/operation-limits.js';
import type { APQStore } from '@graphql-yoga/plugin-apq';
import { automaticPersistedQueries, loadManifest, persistedOperationsOnly, registeredOperations } from './http/persisted-operations.js';
import { rateLimiting, type RateLimiter } from './http/rate-limit.js';
import { readinessEndpoint } from './http/readiness.js';
import { requestErrors } from './http/request-errors.js';
import { requestIdOf, requestLogging } from './http/request-log.js';
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

export interface ServerOptions {
  /** Sees each request's context, and so the Cypher round trips it made (tests, logs). */
  onContext?: (ctx: Context) => void;
  /** The settings the server itself uses; read from the environment when not given. */
  config?: Pick<AppConfig, 'limits' | 'rateLimit' | 'logLevel' | 'introspection' | 'persistedOperationsOnly'>;
  /** Where the request log goes; JSON lines on stdout at the configured level when not given. */
  logger?: Logger;
  /** The API keys allowed to write (see src/http/auth.ts); none: the API is read-only. */
  apiKeys?: ApiKey[];
  /** Where writes announce themselves to subscribers; in process when not given. */
  live?: Live;
  /** Where clients' rates are counted (shared through Redis by several instances); in process when not given. */
  rateLimiter?: RateLimiter;
  /** Where operations registered by hash are kept (shared through Redis by several instances); in process when not given. */
  registeredOperations?: APQStore;
}

/** With introspection off, the schema stays private: no `__schema`/`__type`, no "did you mean". */
const closedSchema: Plugin[] = [
  { onValidate: ({ addValidationRule }) => addValidationRule(NoSchemaIntrospectionCustomRule) },
  blockFieldSuggestionsPlugin({ mask: '' }),
];

/**
 * Builds the HTTP handler; no ports, no timers, so tests drive it with `yoga.fetch`.
 */
export function createServer(db: Database, options: ServerOptions = {}) {
  const config = options.config ?? loadConfig();
  const logger = options.logger ?? createLogger(config.logLevel);
  const apiKeys = options.apiKeys ?? [];
  const live = options.live ?? createLive();
  return createYoga({
    schema,
    plugins: [
      requestLogging(logger),
      // Before the rate limit: the page's own files cost the API nothing, its queries are counted.
      explorerPages(),
      rateLimiting(config.rateLimit, options.rateLimiter),
      readinessEndpoint(db),
      ...operationLimits(config.limits),
      ...(config.introspection ? [] : closedSchema),
      config.persistedOperationsOnly
        ? persistedOperationsOnly(loadManifest())
        : automaticPersistedQueries(loadManifest(), options.registeredOperations ?? registeredOperations()),
      requestErrors(),
    ],
    // Liveness: answers 200 while the process runs, whatever the database does.
    healthCheckEndpoint: '/health',
    context: ({ request }) => {
      const ctx = createContext(db, {
        requestId: requestIdOf(request),
        principal: authenticate(request.headers.get('authorization'), apiKeys),
        live,
      });
      options.onContext?.(ctx);
      return ctx;
    },
    graphqlEndpoint: '/graphql',
    landingPage: false,
    // GraphiQL needs introspection; without it, the page would only show errors.
    graphiql: config.introspection ? { title: 'claimgraph', defaultQuery: WALK_QUERY } : false,
    // GraphiQL's scripts and styles inlined in the page from the npm package, not fetched from a
    // CDN: the playground works on a machine without internet.
    renderGraphiQL,
    // GraphQLErrors (with extensions.code) pass through; anything else becomes "Unexpected error.".
    maskedErrors: true,
  });
}
