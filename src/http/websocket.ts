import type { IncomingMessage, Server } from 'node:http';
import { GraphQLError, type ExecutionArgs, type GraphQLFormattedError } from 'graphql';
import type { SubscribePayload } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import type { createServer } from '../yoga.js';
import { clientError, ErrorCode } from '../domain/errors.js';
import { authenticate, type ApiKey } from './auth.js';
import type { PersistedOperations } from './persisted-operations.js';

export interface WebSocketOptions {
  /** The keys a client may name in its connection_init payload (`{"authorization": "Bearer KEY"}`). */
  apiKeys: ApiKey[];
  /** The largest message taken, as for a request body (LIMIT_BODY_BYTES). */
  maxMessageBytes: number;
  /** In production mode, the only operations that run, named by their ID as over HTTP. */
  persistedOperations?: PersistedOperations;
  graphqlPath?: string;
}

/** The executor Yoga prepared for this operation, carried to graphql-ws's execute and subscribe in rootValue. */
interface Enveloped {
  execute: (args: ExecutionArgs) => unknown;
  subscribe: (args: ExecutionArgs) => unknown;
}

/**
 * The upgrade request as a fetch Request, for the context Yoga builds (request ID, API key). A
 * browser cannot set headers on a WebSocket, so the key comes from the connection_init payload.
 */
function requestOf(upgrade: IncomingMessage, authorization: unknown): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(upgrade.headers)) if (typeof value === 'string') headers.set(name, value);
  headers.delete('authorization');
  if (typeof authorization === 'string') headers.set('authorization', authorization);
  return new Request(new URL(upgrade.url ?? '/', `http://${upgrade.headers.host ?? 'localhost'}`), { headers });
}

/**
 * An error as a client sees it: `extensions.http` is Yoga's note to itself for the HTTP status,
 * which Yoga drops when it writes an HTTP response; a WebSocket message has no status to set.
 */
function visible(error: GraphQLError): GraphQLFormattedError {
  const formatted = error.toJSON();
  if (!formatted.extensions?.http) return formatted;
  const { http: _status, ...extensions } = formatted.extensions;
  return { ...formatted, extensions };
}

/** The operation's text: as sent, or, in production mode, the persisted operation its ID names. */
function operationText(payload: SubscribePayload, persisted: PersistedOperations | undefined): string | GraphQLError {
  if (!persisted) return payload.query;
  const id = (payload.extensions?.persistedQuery as { sha256Hash?: unknown } | undefined)?.sha256Hash;
  if (typeof id !== 'string') {
    return clientError(ErrorCode.PersistedOperationsOnly, 'This server runs only persisted operations: send extensions.persistedQuery.sha256Hash.');
  }
  return persisted[id] ?? clientError(ErrorCode.PersistedOperationNotFound, 'No persisted operation has that ID.');
}

/**
 * GraphQL over WebSocket (graphql-ws, protocol `graphql-transport-ws`) on the HTTP server's port
 * and path, beside SSE, following Yoga's recipe: each operation goes through Yoga's own envelop
 * (`getEnveloped`), so it meets the same limits, error masking and context as over HTTP. A wrong
 * API key in connection_init closes the socket with 4403 Forbidden; no key reads anonymously.
 */
export function serveWebSockets(http: Server, yoga: ReturnType<typeof createServer>, options: WebSocketOptions) {
  const webSockets = new WebSocketServer({ server: http, path: options.graphqlPath ?? '/graphql', maxPayload: options.maxMessageBytes });
  const graphqlWs = useServer<Record<string, unknown>, { request: IncomingMessage }>(
    {
      onConnect: ({ connectionParams }) => {
        const authorization = connectionParams?.authorization;
        if (authorization === undefined) return true;
        return typeof authorization === 'string' && !('invalidKey' in authenticate(authorization, options.apiKeys));
      },
      onSubscribe: async (ctx, _id, payload) => {
        const text = operationText(payload, options.persistedOperations);
        if (text instanceof GraphQLError) return [text];
        const request = requestOf(ctx.extra.request, ctx.connectionParams?.authorization);
        const { schema, execute, subscribe, contextFactory, parse, validate } = yoga.getEnveloped({
          request,
          params: payload,
          // The connection, as Node's HTTP server hands it to Yoga: the rate limit reads the client's address from it.
          req: ctx.extra.request,
        });
        let document;
        try {
          // The token limit stops the parser by throwing; a throw here would close the socket.
          document = parse(text);
        } catch (error) {
          if (error instanceof GraphQLError) return [error];
          throw error;
        }
        const errors = validate(schema, document);
        if (errors.length > 0) return errors;
        const rootValue: Enveloped = { execute, subscribe };
        return {
          schema,
          document,
          operationName: payload.operationName,
          variableValues: payload.variables,
          contextValue: await contextFactory(),
          rootValue,
        };
      },
      onNext: (_ctx, _id, _payload, _args, result) => (result.errors ? { ...result, errors: result.errors.map(visible) } : undefined),
      onError: (_ctx, _id, _payload, errors) => errors.map(visible),
      execute: (args) => (args.rootValue as Enveloped).execute(args) as never,
      subscribe: (args) => (args.rootValue as Enveloped).subscribe(args) as never,
    },
    webSockets,
  );
  return {
    /** Ends every subscription and closes every socket (shutdown). */
    close: async () => {
      await graphqlWs.dispose();
      await new Promise<void>((resolve) => webSockets.close(() => resolve()));
    },
  };
}
