import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createInMemoryAPQStore, useAPQ, type APQStore } from '@graphql-yoga/plugin-apq';
import { usePersistedOperations } from '@graphql-yoga/plugin-persisted-operations';
import { Kind, print, type DocumentNode } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { ErrorCode } from '../domain/errors.js';
import { failFastRedis } from './redis.js';

/** Operation ID → operation text; written by `npm run codegen` from examples/operations (the public operations), committed. */
export type PersistedOperations = Record<string, string>;

export const MANIFEST_PATH = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../schema/persisted-operations.json');

/** The ID a client sends (`extensions.persistedQuery.sha256Hash`): the SHA-256 of the printed operation. */
export function operationId(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** The manifest's content for some documents: each printed in GraphQL's canonical form, by ID. */
export function manifestOf(documents: DocumentNode[]): PersistedOperations {
  const entries = documents.map((document) => print(document)).map((text) => [operationId(text), text] as const);
  return Object.fromEntries(entries.sort(([a], [b]) => a.localeCompare(b)));
}

export function loadManifest(file = MANIFEST_PATH): PersistedOperations {
  return JSON.parse(readFileSync(file, 'utf8')) as PersistedOperations;
}

/**
 * Production mode: only the operations in the manifest run, named by their ID; any other document
 * is refused before it is parsed. (The default mode takes any operation, for the playground.)
 */
export function persistedOperationsOnly(manifest: PersistedOperations): Plugin {
  return usePersistedOperations({
    getPersistedOperation: (id) => manifest[id] ?? null,
    allowArbitraryOperations: false,
    customErrors: {
      persistedQueryOnly: {
        message: 'This server runs only persisted operations: send extensions.persistedQuery.sha256Hash.',
        extensions: { code: ErrorCode.PersistedOperationsOnly, http: { status: 400 } },
      },
      notFound: {
        message: 'No persisted operation has that ID.',
        extensions: { code: ErrorCode.PersistedOperationNotFound, http: { status: 400 } },
      },
      keyNotFound: {
        message: 'This server runs only persisted operations: send extensions.persistedQuery.sha256Hash.',
        extensions: { code: ErrorCode.PersistedOperationsOnly, http: { status: 400 } },
      },
    },
  });
}

/** Where the operations clients register by hash are kept (see automaticPersistedQueries). */
export type RegisteredOperations = APQStore & { close(): Promise<void> };

/** How long a registered operation is kept in Redis after it was last registered. */
const REGISTERED_FOR_SECONDS = 7 * 24 * 3600;

/**
 * The registered operations of every API instance, in Redis when `redisUrl` is set (so a hash a
 * client registered through one instance behind a load balancer is known to the next), with this
 * process's own store in front; in process otherwise. When Redis cannot answer, the process's store
 * does: a hash it does not know answers PERSISTED_QUERY_NOT_FOUND and the client sends the text
 * again, which is the protocol's own fallback, so Redis being away costs a round trip, not a request.
 */
export function registeredOperations(redisUrl?: string): RegisteredOperations {
  const local = createInMemoryAPQStore();
  if (!redisUrl) return { get: (hash) => local.get(hash), set: (hash, text) => local.set(hash, text), close: async () => {} };
  const redis = failFastRedis(redisUrl);
  const key = (hash: string) => `claimgraph:apq:${hash}`;
  return {
    get: async (hash) => {
      const known = await local.get(hash);
      if (known) return known;
      const shared = await redis.get(key(hash)).catch(() => null);
      if (shared) await local.set(hash, shared);
      return shared;
    },
    set: async (hash, text) => {
      await local.set(hash, text);
      await redis.set(key(hash), text, 'EX', REGISTERED_FOR_SECONDS).catch(() => {});
    },
    close: async () => redis.disconnect(),
  };
}

/**
 * The default mode: Automatic Persisted Queries (Apollo's protocol, urql's persistedExchange). A
 * client sends the hash alone; an unknown one answers PERSISTED_QUERY_NOT_FOUND, and the client
 * sends hash and text together, which registers the text (see registeredOperations). The manifest's
 * operations are known from the start, so their IDs work here as in production.
 */
export function automaticPersistedQueries(manifest: PersistedOperations, registered: APQStore): Plugin {
  return useAPQ({
    store: {
      get: (hash) => manifest[hash] ?? registered.get(hash),
      set: (hash, text) => registered.set(hash, text),
    },
  });
}

/** The codegen plugin that writes the manifest (see codegen.ts). */
export const manifestCodegenPlugin = {
  plugin: (_schema: unknown, documents: Array<{ document?: DocumentNode }>) =>
    `${JSON.stringify(manifestOf(documents.flatMap((file) => (file.document ? [file.document] : []))), null, 2)}\n`,
};

/**
 * The codegen plugin that writes, for clients, the ID of each public operation by its name (see
 * codegen.ts): what a script sends as `extensions.persistedQuery.sha256Hash` to a persisted-only server.
 */
export const operationIdsCodegenPlugin = {
  plugin: (_schema: unknown, documents: Array<{ document?: DocumentNode }>) => {
    const entries = documents.flatMap(({ document }) => {
      if (!document) return [];
      const id = operationId(print(document));
      return document.definitions.flatMap((definition) =>
        definition.kind === Kind.OPERATION_DEFINITION && definition.name ? [[definition.name.value, id] as const] : [],
      );
    });
    return `${JSON.stringify(Object.fromEntries(entries.sort(([a], [b]) => a.localeCompare(b))), null, 2)}\n`;
  },
};
