import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'graphql';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import type { WalkQuery } from '../examples/generated/graphql.js';
import operationIds from '../examples/generated/operation-ids.json' with { type: 'json' };
import { loadManifest, manifestOf, operationId, registeredOperations } from '../src/http/persisted-operations.js';
import { codes, gid, testApi, testConfig } from './helpers/api.js';

const api = testApi({ config: testConfig({ PERSISTED_OPERATIONS_ONLY: 'true' }) });
afterAll(() => api.close());

const manifest = loadManifest();
const walk = Object.entries(manifest).find(([, text]) => text.startsWith('query Walk('))!;

/** A request naming a persisted operation by ID, the way Apollo-style clients send it. */
async function persisted(id: string, variables: Record<string, unknown> = {}) {
  const response = await api.fetch('http://test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
    body: JSON.stringify({ variables, extensions: { persistedQuery: { version: 1, sha256Hash: id } } }),
  });
  return { status: response.status, body: (await response.json()) as { data?: WalkQuery; errors?: Array<{ extensions?: { code?: string } }> } };
}

/** The parsed .graphql documents of a folder of the repository. */
function documentsIn(folder: string) {
  const dir = fileURLToPath(new URL(`../${folder}/`, import.meta.url));
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.graphql'))
    .map((name) => parse(readFileSync(dir + name, 'utf8')));
}

describe('persisted operations', () => {
  it('the committed manifest is what `npm run codegen` makes of the public operations in examples/operations', () => {
    expect(manifest).toEqual(manifestOf(documentsIn('examples/operations')));
    expect(walk[0]).toBe(operationId(walk[1]));
  });

  it('examples/generated/operation-ids.json names each manifest operation’s ID, for the example scripts', () => {
    expect(Object.values(operationIds).sort()).toEqual(Object.keys(manifest).sort());
    expect(operationIds.Walk).toBe(walk[0]);
  });

  it('holds none of the tests’ own operations', () => {
    const testOnly = Object.keys(manifestOf(documentsIn('tests/operations')));
    expect(testOnly.length).toBeGreaterThan(0);
    for (const id of testOnly) expect(manifest).not.toHaveProperty([id]);
  });

  it('PERSISTED_OPERATIONS_ONLY=true runs a manifest operation by its ID', async () => {
    const result = await persisted(walk[0], { event: gid('Event', 'daquq-airstrike-2016-10-21') });
    expect(result.status).toBe(200);
    expect(result.body.errors).toBeUndefined();
    expect(result.body.data?.event?.coverage.length).toBeGreaterThan(0);
  });

  it('refuses any other document, and an unknown ID, before any Cypher', async () => {
    const arbitrary = await api.run('{ events { totalCount } }');
    expect(codes(arbitrary)).toEqual(['PERSISTED_OPERATIONS_ONLY']);
    expect(arbitrary.status).toBe(400);
    expect(arbitrary.queries).toEqual([]);
    const unknown = await persisted(operationId('{ events { totalCount } }'));
    expect(unknown.body.errors?.map((error) => error.extensions?.code)).toEqual(['PERSISTED_OPERATION_NOT_FOUND']);
    expect(unknown.status).toBe(400);
  });

  it('is off by default, so the playground takes any query', async () => {
    expect(loadConfig({}).persistedOperationsOnly).toBe(false);
    const open = testApi();
    const result = await open.run('{ events { totalCount } }');
    await open.close();
    expect(result.errors).toBeUndefined();
  });
});

describe('automatic persisted queries', () => {
  // Each run its own text, so a hash registered by an earlier run in the shared Redis is not found.
  const query = `{ events(first: 1) { totalCount } } # ${Date.now()}`;
  const hash = operationId(query);

  /** A request with the hash alone, or with the text beside it; the error codes and the data. */
  async function send(server: ReturnType<typeof testApi>, withText: boolean) {
    const response = await server.fetch('http://test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
      body: JSON.stringify({ ...(withText ? { query } : {}), extensions: { persistedQuery: { version: 1, sha256Hash: hash } } }),
    });
    const body = (await response.json()) as { data?: { events: { totalCount: number } }; errors?: Array<{ message: string }> };
    return { data: body.data ?? null, errors: body.errors?.map((error) => error.message) ?? [] };
  }

  it.skipIf(!inject('redisUrl'))('are shared through Redis: a hash registered through one instance runs on another', async () => {
    const stores = [registeredOperations(inject('redisUrl')), registeredOperations(inject('redisUrl'))];
    const [first, second] = stores.map((store) => testApi({ registeredOperations: store }));
    try {
      expect((await send(second!, false)).errors).toEqual(['PersistedQueryNotFound']);
      expect((await send(first!, true)).errors).toEqual([]);
      const elsewhere = await send(second!, false);
      expect(elsewhere.errors).toEqual([]);
      expect(elsewhere.data?.events.totalCount).toBeGreaterThan(0);
    } finally {
      await Promise.all([first!.close(), second!.close(), ...stores.map((store) => store.close())]);
    }
  });

  it('fall back to the process while Redis cannot answer: the client sends the text again, as the protocol says', async () => {
    const store = registeredOperations('redis://127.0.0.1:1');
    const server = testApi({ registeredOperations: store });
    try {
      expect((await send(server, false)).errors).toEqual(['PersistedQueryNotFound']);
      expect((await send(server, true)).errors).toEqual([]);
      expect((await send(server, false)).errors).toEqual([]);
    } finally {
      await server.close();
      await store.close();
    }
  });
});
