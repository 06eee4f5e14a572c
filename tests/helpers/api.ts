import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print, type DocumentNode } from 'graphql';
import { expect, inject } from 'vitest';
import { loadConfig } from '../../src/config.js';
import type { Context } from '../../src/context.js';
import { Database } from '../../src/db/database.js';
import { encodeGlobalID } from '../../src/domain/global-id.js';
import { hashKey, parseApiKeys, type ApiKey } from '../../src/http/auth.js';
import { createServer, type ServerOptions } from '../../src/yoga.js';

export interface Result<T> {
  data?: T | null;
  errors?: Array<{ message: string; path?: string[]; extensions?: { code?: string; [key: string]: unknown } }>;
  /** The named Cypher queries the request ran, in order: one entry per round trip. */
  queries: string[];
  status: number;
}

/** The test database's connection, as the variables the API and the CLI read (for a child process too). */
export function testNeo4jEnv() {
  return inject('neo4jEnv');
}

/** The settings of the test server: the defaults, on the test database, with `env` on top. */
export function testConfig(env: Record<string, string> = {}) {
  return loadConfig({ ...process.env, ...testNeo4jEnv(), ...env });
}

/** The API keys of one key named `name` whose secret is `secret` (sent as `Bearer <secret>`), acting as `role`. */
export function apiKeysOf(name: string, role: string, secret: string): ApiKey[] {
  return parseApiKeys(`${name}:${role}:${hashKey(secret).toString('hex')}`);
}

/**
 * The API over the test database, driven through yoga.fetch with no port; `env` sets the driver's
 * settings, and NEO4J_URI another way to reach the same database (the `neo4j://` routing scheme, say).
 */
export function testApi(options: Omit<ServerOptions, 'onContext'> = {}, env: Record<string, string> = {}) {
  const { neo4j } = testConfig(env);
  const db = new Database(neo4j.uri!, neo4j);
  const contexts: Context[] = [];
  const yoga = createServer(db, { ...options, onContext: (ctx) => contexts.push(ctx) });

  async function run<T, V>(
    document: TypedDocumentNode<T, V> | DocumentNode | string,
    variables?: V,
    headers: Record<string, string> = {},
  ): Promise<Result<T>> {
    contexts.length = 0;
    const response = await yoga.fetch('http://test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...headers },
      body: JSON.stringify({ query: typeof document === 'string' ? document : print(document), variables }),
    });
    const body = (await response.json()) as Omit<Result<T>, 'queries' | 'status'>;
    return { ...body, queries: [...(contexts.at(-1)?.queries ?? [])], status: response.status };
  }

  /** Runs an operation that must succeed, and returns its data. */
  async function data<T, V>(document: TypedDocumentNode<T, V>, variables?: V): Promise<T> {
    const result = await run(document, variables);
    expect(result.errors).toBeUndefined();
    expect(result.status).toBe(200);
    return result.data!;
  }

  return { db, run, data, fetch: yoga.fetch, close: () => db.close() };
}

/** The global ID of a record, as clients see it. */
export const gid = encodeGlobalID;

/** The error codes of a result, in order. */
export const codes = (result: Result<unknown>) => (result.errors ?? []).map((error) => error.extensions?.code);

/** A union or interface member that must be of one type (a `node(id:)` result, say), narrowed to it. */
export function ofType<T extends { __typename?: string }, N extends string & T['__typename']>(value: T | null | undefined, typename: N) {
  expect(value?.__typename).toBe(typename);
  return value as Extract<T, { __typename?: N }>;
}
