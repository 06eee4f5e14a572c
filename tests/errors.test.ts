import { afterAll, describe, expect, it } from 'vitest';
import { codes, gid, testApi } from './helpers/api.js';

const api = testApi();
afterAll(() => api.close());

const eventById = 'query($id: ID!) { event(id: $id) { key } }';

describe('IDs', () => {
  it('answers a malformed ID with VALIDATION', async () => {
    for (const id of ['nope', '', '%%%', Buffer.from('no-separator').toString('base64url')]) {
      const result = await api.run(eventById, { id });
      expect(codes(result), id).toEqual(['VALIDATION']);
      expect(result.errors![0]!.message).toMatch(/is not a claimgraph ID/);
    }
  });

  it('answers the ID of another type with VALIDATION', async () => {
    const result = await api.run(eventById, { id: gid('Place', 'daquq') });
    expect(codes(result)).toEqual(['VALIDATION']);
    expect(result.errors![0]!.message).toBe('Expected an ID of type Event, got an ID of type Place.');
  });

  it('answers an unknown ID with NOT_FOUND on typed lookups', async () => {
    for (const [field, typename] of [
      ['event', 'Event'],
      ['place', 'Place'],
      ['actor', 'Actor'],
      ['outlet', 'Outlet'],
      ['article', 'Article'],
      ['statement', 'Statement'],
      ['claim', 'Claim'],
    ] as const) {
      const id = gid(typename, 'no-such-record');
      const result = await api.run(`query($id: ID!) { ${field}(id: $id) { id } }`, { id });
      expect(codes(result), field).toEqual(['NOT_FOUND']);
      expect(result.data).toEqual({ [field]: null });
      expect(result.errors![0]!.extensions).toMatchObject({ kind: typename, id });
    }
  });

  it('answers node(id) of an unknown record with null, per the Relay spec', async () => {
    const result = await api.run<any, any>('query($id: ID!) { node(id: $id) { id } }', { id: gid('Event', 'no-such-record') });
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ node: null });
  });

  it('answers node(id) of an unknown type with VALIDATION', async () => {
    const result = await api.run('query($id: ID!) { node(id: $id) { id } }', { id: gid('Spaceship', 'x') });
    expect(codes(result)).toEqual(['VALIDATION']);
  });
});

describe('a malformed ID among other fields', () => {
  const daquq = gid('Event', 'daquq-airstrike-2016-10-21');

  it('fails only its own field, with its path and argument, and the others keep their data', async () => {
    for (const [query, path, argument] of [
      [`{ a: event(id: "${daquq}") { title } b: event(id: "not-an-id") { title } }`, ['b'], 'id'],
      [`{ a: event(id: "${daquq}") { title } b: node(id: "not-an-id") { id } }`, ['b'], 'id'],
      [`{ a: event(id: "${daquq}") { title } b: claims(filter: { event: "not-an-id" }) { totalCount } }`, ['b'], 'filter.event'],
      [`{ a: event(id: "${daquq}") { title } b: timeline(event: "not-an-id") { totalCount } }`, ['b'], 'event'],
    ] as const) {
      const result = await api.run<any, any>(query);
      expect(result.status, query).toBe(200);
      expect(result.data, query).toEqual({ a: { title: 'Airstrike on Daquq, Kirkuk Governorate' }, b: null });
      expect(result.errors, query).toEqual([
        expect.objectContaining({ message: expect.stringMatching(/^"not-an-id" is not a claimgraph ID\. .*pass the key as `key`/), path, extensions: { code: 'VALIDATION', argument } }),
      ]);
    }
  });

  it('in nodes(ids:), a non-null list, nulls the data as the schema says, still with the path and argument', async () => {
    const result = await api.run<any, any>(`{ a: event(id: "${daquq}") { title } b: nodes(ids: ["${daquq}", "not-an-id"]) { id } }`);
    expect(result.status).toBe(200);
    expect(result).toHaveProperty('data', null);
    expect(result.errors).toEqual([expect.objectContaining({ path: ['b'], extensions: { code: 'VALIDATION', argument: 'ids' } })]);
  });
});

describe('variables that do not fit the operation', () => {
  const eventById = 'query($event: ID!) { event(id: $event) { title } }';
  const cases: Array<[string, string, Record<string, unknown>]> = [
    ['an object for an ID', eventById, { event: { a: 1 } }],
    ['a missing required variable', eventById, {}],
    ['a word for an Int', 'query($n: Int) { events(first: $n) { totalCount } }', { n: 'ten' }],
  ];

  it.each(cases)('%s: BAD_USER_INPUT, no data, 400 under application/graphql-response+json and 200 under application/json', async (_what, query, variables) => {
    for (const [accept, status] of [
      ['application/graphql-response+json', 400],
      ['application/json', 200],
    ] as const) {
      const response = await api.fetch('http://test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept },
        body: JSON.stringify({ query, variables }),
      });
      expect(response.status, accept).toBe(status);
      const body = (await response.json()) as { data?: unknown; errors: Array<{ extensions?: { code?: string } }> };
      expect(body).not.toHaveProperty('data');
      expect(body.errors.map((error) => error.extensions?.code)).toEqual(['BAD_USER_INPUT']);
    }
  });
});

describe('requests', () => {
  it('answers an unknown field with a GraphQL validation error and status 400', async () => {
    const result = await api.run('{ events { edges { node { casualties } } } }');
    expect(result.status).toBe(400);
    expect(codes(result)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
  });

  it('answers a syntax error with status 400', async () => {
    const result = await api.run('{ events { ');
    expect(result.status).toBe(400);
    expect(codes(result)).toEqual(['GRAPHQL_PARSE_FAILED']);
  });
});
