import { afterAll, describe, expect, it } from 'vitest';
import { codes, gid, testApi, type Result } from './helpers/api.js';

const api = testApi();
afterAll(() => api.close());

/** Cursors are base64url of JSON: what a client forging one would write. */
const forge = (json: string) => Buffer.from(json).toString('base64url');
const decoded = (cursor: string) => Buffer.from(cursor, 'base64url').toString('utf8');

async function cursorOf(query: string, list: (data: any) => { pageInfo: { endCursor: string } }): Promise<string> {
  const result = await api.run<any, unknown>(query);
  expect(result.errors).toBeUndefined();
  return list(result.data).pageInfo.endCursor;
}

const eventCursor = () => cursorOf('{ events(first: 1) { pageInfo { endCursor } } }', (data) => data.events);
const searchCursor = () => cursorOf('{ search(query: "coalition", first: 1) { pageInfo { endCursor } } }', (data) => data.search);

/** An event cursor whose date is replaced: the shape of a real one, a key that is no date. */
async function eventCursorDated(date: string): Promise<string> {
  const real = decoded(await eventCursor());
  expect(real).toMatch(/\d{4}-\d{2}-\d{2}/);
  return forge(real.replace(/\d{4}-\d{2}-\d{2}/, date));
}

/** A VALIDATION error naming the argument, and no page or count query sent to Neo4j. */
function expectRejectedBeforeCypher(result: Result<unknown>, argument: string) {
  expect(codes(result)).toEqual(['VALIDATION']);
  expect(result.errors![0]!.message).not.toMatch(/Unexpected error/);
  expect(result.errors![0]!.extensions?.argument).toBe(argument);
  expect(result.queries.filter((name) => /page|count|search/.test(name))).toEqual([]);
}

describe('forged cursors are VALIDATION errors before any Cypher', () => {
  const events = (args: string) => api.run(`{ events(${args}) { edges { node { key } } } }`);

  it('rejects cursors on events that are not JSON, or JSON of another shape', async () => {
    for (const cursor of [forge('garbage'), forge('{"not":"a cursor"}'), forge('[1, 2]'), forge('["2016-10-21"]'), 'not base64 at all!']) {
      const result = await events(`after: ${JSON.stringify(cursor)}`);
      expectRejectedBeforeCypher(result, 'after');
      expect(result.queries).toEqual([]);
    }
    expectRejectedBeforeCypher(await events(`last: 2, before: ${JSON.stringify(forge('garbage'))}`), 'before');
  });

  it('rejects an event cursor whose date is not a date', async () => {
    for (const date of ['not-a-date', '2016-02-30', '2016-13-01']) {
      const cursor = await eventCursorDated(date);
      expectRejectedBeforeCypher(await events(`after: ${JSON.stringify(cursor)}`), 'after');
      expectRejectedBeforeCypher(await events(`last: 1, before: ${JSON.stringify(cursor)}`), 'before');
    }
  });

  it('rejects a search (offset) cursor given to a keyset list, and a keyset cursor given to search', async () => {
    const offset = await searchCursor();
    expectRejectedBeforeCypher(await events(`after: ${JSON.stringify(offset)}`), 'after');
    expectRejectedBeforeCypher(await api.run(`{ statements(after: ${JSON.stringify(offset)}) { totalCount } }`), 'after');
    const keyset = await eventCursor();
    expectRejectedBeforeCypher(await api.run(`{ search(query: "coalition", after: ${JSON.stringify(keyset)}) { totalCount } }`), 'after');
  });

  it('rejects forged search cursors', async () => {
    for (const cursor of [forge('garbage'), forge('{"kind":"offset","offset":-1}'), forge('{"kind":"offset","offset":1.5}'), forge('["x", "y"]')]) {
      const result = await api.run(`{ search(query: "coalition", after: ${JSON.stringify(cursor)}) { totalCount } }`);
      expectRejectedBeforeCypher(result, 'after');
    }
  });

  it('rejects forged cursors on nested connections, with the path of the field', async () => {
    const cursor = await eventCursorDated('not-a-date');
    const placeEvents = await api.run(`{ node(id: "${gid('Place', 'daquq')}") { ... on Place { events(after: ${JSON.stringify(cursor)}) { edges { node { key } } } } } }`);
    expectRejectedBeforeCypher(placeEvents, 'after');
    expect(placeEvents.errors![0]!.path).toEqual(['node', 'events']);
    const eventStatements = await api.run(
      `{ node(id: "${gid('Event', 'daquq-airstrike-2016-10-21')}") { ... on Event { statements(after: ${JSON.stringify(forge('garbage'))}) { totalCount } } } }`,
    );
    expectRejectedBeforeCypher(eventStatements, 'after');
    expect(eventStatements.errors![0]!.path).toEqual(['node', 'statements']);
  });

  it('still pages with the cursors it hands out', async () => {
    const first = await api.run<any, unknown>('{ events(first: 1) { edges { node { key } } pageInfo { endCursor } } }');
    const next = await api.run<any, unknown>(`{ events(first: 1, after: ${JSON.stringify(first.data.events.pageInfo.endCursor)}) { edges { node { key } } } }`);
    expect(next.errors).toBeUndefined();
    expect(next.data.events.edges[0].node.key).not.toBe(first.data.events.edges[0].node.key);
    const hits = await api.run<any, unknown>(`{ search(query: "coalition", first: 1, after: ${JSON.stringify(await searchCursor())}) { edges { node { record { __typename } } } } }`);
    expect(hits.errors).toBeUndefined();
    expect(hits.data.search.edges).toHaveLength(1);
  });
});
