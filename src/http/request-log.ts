import { randomUUID } from 'node:crypto';
import { getOperationAST, GraphQLError, type DocumentNode, type ExecutionResult } from 'graphql';
import { isAsyncIterable, type Plugin } from 'graphql-yoga';
import type { Context } from '../context.js';
import type { Logger } from '../logger.js';

const requestIds = new WeakMap<Request, string>();
/** A caller's own `x-request-id` is kept (to follow a request across services) when it looks like an ID. */
const CALLER_REQUEST_ID = /^[\w.:-]{1,64}$/;

/** The request's ID: the caller's `x-request-id`, else a new UUID; the same for the whole request. */
export function requestIdOf(request: Request): string {
  let id = requestIds.get(request);
  if (!id) {
    const given = request.headers.get('x-request-id');
    id = given && CALLER_REQUEST_ID.test(given) ? given : randomUUID();
    requestIds.set(request, id);
  }
  return id;
}

interface RequestRecord {
  started: number;
  context?: Context;
  operationName?: string | null;
  errorCodes: string[];
}

function codesOf(results: ExecutionResult[]): string[] {
  return results.flatMap((result) => (result.errors ?? []).map((error) => String(error.extensions?.code ?? 'UNKNOWN')));
}

/**
 * One JSON line per request (its ID, the operation, status, duration, Cypher round trips and error
 * codes), and one per unexpected error with its stack. The client sees such an error masked as
 * "Unexpected error." with the request ID in `extensions.requestId`, so a report can be matched to
 * the log line without the client ever seeing a stack trace or Cypher. An operation over WebSocket
 * has no HTTP response: its line (`transport: "websocket"`, no status) is written when its result
 * is known, or, for a subscription, when it has started.
 */
export function requestLogging(logger: Logger): Plugin {
  const records = new WeakMap<Request, RequestRecord>();
  const logWebSocketOperation = (record: RequestRecord, result: unknown) => {
    const context = record.context!;
    logger.info('request', {
      requestId: context.requestId,
      transport: 'websocket',
      operationName: record.operationName ?? null,
      durationMs: Math.round((performance.now() - record.started) * 10) / 10,
      cypherRoundTrips: context.queries.length,
      errorCodes: isAsyncIterable(result) ? [] : codesOf([result as ExecutionResult]),
    });
  };
  /** The record of the request this operation belongs to; a new one for an operation over WebSocket. */
  const recordOf = (context: Context & { request: Request }, document: DocumentNode, operationName?: string | null) => {
    const overHttp = records.get(context.request);
    const record = overHttp ?? { started: performance.now(), errorCodes: [] };
    record.context = context;
    record.operationName = getOperationAST(document, operationName)?.name?.value ?? null;
    return { record, overWebSocket: !overHttp };
  };
  return {
    onRequest({ request }) {
      records.set(request, { started: performance.now(), errorCodes: [] });
    },
    onSubscribe({ args }) {
      const { record, overWebSocket } = recordOf(args.contextValue as never, args.document, args.operationName);
      if (!overWebSocket) return;
      return { onSubscribeResult: ({ result }) => logWebSocketOperation(record, result) };
    },
    onExecute({ args }) {
      const context = args.contextValue as unknown as Context & { request: Request };
      const { record, overWebSocket } = recordOf(context, args.document, args.operationName);
      return {
        // Runs before Yoga's masking (user plugins come first), while the original error is at hand.
        onExecuteDone({ result, setResult }) {
          if (isAsyncIterable(result)) return;
          let unexpected = false;
          const errors = result.errors?.map((error) => {
            if (!error.originalError || error.originalError instanceof GraphQLError) return error;
            unexpected = true;
            logger.error('unexpected error', {
              requestId: context.requestId,
              path: error.path?.join('.'),
              error: error.originalError.message,
              stack: error.originalError.stack,
            });
            return new GraphQLError('Unexpected error.', {
              nodes: error.nodes,
              path: error.path,
              extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: context.requestId },
            });
          });
          const masked = unexpected ? { ...result, errors } : result;
          if (unexpected) setResult(masked);
          if (overWebSocket) logWebSocketOperation(record, masked);
        },
      };
    },
    onResultProcess({ request, result }) {
      const record = records.get(request);
      if (record && !isAsyncIterable(result)) record.errorCodes = codesOf(Array.isArray(result) ? result : [result]);
    },
    onResponse({ request, response }) {
      const record = records.get(request);
      if (!record) return;
      const requestId = requestIdOf(request);
      response.headers.set('x-request-id', requestId);
      logger.info('request', {
        requestId,
        method: request.method,
        path: new URL(request.url).pathname,
        status: response.status,
        operationName: record.operationName ?? null,
        durationMs: Math.round((performance.now() - record.started) * 10) / 10,
        cypherRoundTrips: record.context?.queries.length ?? 0,
        errorCodes: record.errorCodes,
      });
    },
  };
}
