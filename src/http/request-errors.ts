import { GraphQLError, type ExecutionResult } from 'graphql';
import { isAsyncIterable, type Plugin } from 'graphql-yoga';
import { ErrorCode } from '../domain/errors.js';

/**
 * GraphQL-over-HTTP for a result without `data`: graphql-js answers an operation it could not start
 * (variables that do not coerce, a missing variable, an unknown operation name) with errors that
 * carry no code, and Yoga then answers 200 under either media type. The spec wants a 4xx under
 * `application/graphql-response+json` whenever there is no `data`, and 200 under
 * `application/json`; Yoga's `http.spec` flag means exactly that, as it does for validation errors.
 */
function markRequestErrors(result: ExecutionResult | AsyncIterable<unknown>): void {
  // `data: undefined` (graphql-tools' executor writes it) is no data: JSON leaves it out.
  if (isAsyncIterable(result) || result.data !== undefined) return;
  for (const error of result.errors ?? []) {
    // An unexpected error is Yoga's to mask (INTERNAL_SERVER_ERROR, 500); leave it alone.
    if (error.originalError && !(error.originalError instanceof GraphQLError)) continue;
    // graphql-tools' executor already marks these BAD_USER_INPUT with status 400, but not `spec`.
    const extensions = error.extensions as { code?: string; http?: { spec?: boolean; status?: number } };
    extensions.code ??= ErrorCode.BadUserInput;
    extensions.http ??= {};
    extensions.http.spec ??= true;
    extensions.http.status ??= 400;
  }
}

export function requestErrors(): Plugin {
  return {
    onExecute: () => ({ onExecuteDone: ({ result }) => markRequestErrors(result) }),
    onSubscribe: () => ({ onSubscribeResult: ({ result }) => markRequestErrors(result) }),
  };
}
