import { GraphQLError } from 'graphql';

/** The codes clients can branch on; every expected failure carries one in `extensions.code`. */
export const ErrorCode = {
  NotFound: 'NOT_FOUND',
  Validation: 'VALIDATION',
  Conflict: 'CONFLICT',
  ServiceUnavailable: 'SERVICE_UNAVAILABLE',
  Unauthenticated: 'UNAUTHENTICATED',
  Forbidden: 'FORBIDDEN',
  LimitExceeded: 'LIMIT_EXCEEDED',
  RateLimited: 'RATE_LIMITED',
  PersistedOperationsOnly: 'PERSISTED_OPERATIONS_ONLY',
  PersistedOperationNotFound: 'PERSISTED_OPERATION_NOT_FOUND',
  /** The request's variables do not fit the operation (a wrong type, a missing one), or it names no operation it holds. */
  BadUserInput: 'BAD_USER_INPUT',
  /** The HTTP request itself is broken (Yoga's code for these too): here, a body that is not UTF-8. */
  BadRequest: 'BAD_REQUEST',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/**
 * An error meant for the client. Yoga lets GraphQLErrors through its masking; anything else
 * (a bug, a driver stack trace) is masked as "Unexpected error.".
 */
export function clientError(
  code: ErrorCode,
  message: string,
  details: Record<string, unknown> = {},
): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...details } });
}

export function notFound(kind: string, id: string): GraphQLError {
  return clientError(ErrorCode.NotFound, `No ${kind} with id "${id}".`, { kind, id });
}

export function invalid(message: string, argument?: string): GraphQLError {
  return clientError(ErrorCode.Validation, message, argument ? { argument } : {});
}
