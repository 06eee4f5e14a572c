import type { TypedDocumentString } from './generated/graphql';

/** Why a request failed, as the page tells the reader: the database, the network, or the request. */
export type Failure = 'outage' | 'unreachable' | 'not-found' | 'rejected';

export class ApiError extends Error {
  constructor(
    message: string,
    readonly failure: Failure,
    readonly code?: string,
  ) {
    super(message);
  }
}

interface GraphQLResponse<T> {
  data?: T | null;
  errors?: Array<{ message: string; extensions?: { code?: string } }>;
}

/** The explorer speaks only the public API: one POST to /graphql per operation, like any client. */
export async function request<Result, Variables>(document: TypedDocumentString<Result, Variables>, variables: Variables): Promise<Result> {
  let response: Response;
  try {
    response = await fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
      body: JSON.stringify({ query: document.toString(), variables }),
    });
  } catch {
    throw new ApiError('The claimgraph API cannot be reached. Check that the server is running, then retry.', 'unreachable');
  }
  let body: GraphQLResponse<Result>;
  try {
    body = (await response.json()) as GraphQLResponse<Result>;
  } catch {
    throw new ApiError(`The API answered ${response.status} without a GraphQL result.`, 'unreachable');
  }
  const [error] = body.errors ?? [];
  if (error) throw failureOf(error.message, error.extensions?.code);
  if (!body.data) throw new ApiError(`The API answered ${response.status} without data.`, 'rejected');
  return body.data;
}

export function failureOf(message: string, code: string | undefined): ApiError {
  if (code === 'SERVICE_UNAVAILABLE') {
    return new ApiError('The database is unavailable: the API is running but cannot reach Neo4j. The page will work again once it is back.', 'outage', code);
  }
  if (code === 'NOT_FOUND') return new ApiError(message, 'not-found', code);
  return new ApiError(message, 'rejected', code);
}

/** Global IDs are the public base64url of "Type:key" (the Relay convention the API documents). */
export function globalId(typename: string, key: string): string {
  const bytes = new TextEncoder().encode(`${typename}:${key}`);
  return btoa(String.fromCharCode(...bytes)).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

/** The key inside a global ID, for links that name records by key. */
export function keyOf(id: string): { typename: string; key: string } {
  const binary = atob(id.replaceAll('-', '+').replaceAll('_', '/'));
  const text = new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
  const separator = text.indexOf(':');
  return { typename: text.slice(0, separator), key: text.slice(separator + 1) };
}
