import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'graphql';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import type { WalkQuery } from '../examples/generated/graphql.js';
import operationIds from '../examples/generated/operation-ids.json' with { type: 'json' };
import { loadManifest, manifestOf, operationId } from '../src/http/persisted-operations.js';
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
