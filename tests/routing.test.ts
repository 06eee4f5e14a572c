import { afterAll, describe, expect, it } from 'vitest';
import {
  ActorStatementsDocument,
  EventPageDocument,
  EventsWithinFromDocument,
  NeighborhoodDocument,
  SearchHitsDocument,
  WalkDocument,
} from './generated/graphql.js';
import { cypher, Database } from '../src/db/database.js';
import { gid, testApi, testConfig, testNeo4jEnv } from './helpers/api.js';
import { DAQUQ_STRIKE } from './helpers/seed.js';

/**
 * The API over `neo4j://`, the scheme of a cluster or Aura: the driver asks the server for a routing
 * table and sends each read transaction to a reader from it. A single Neo4j answers that request
 * naming itself, so the routing driver's path runs here against the test database, and must give
 * the answers the direct `bolt://` connection gives.
 */
const direct = testApi();
const routingUri = testNeo4jEnv().NEO4J_URI.replace(/^bolt(\+s|\+ssc)?:/, 'neo4j$1:');
const routed = testApi({}, { NEO4J_URI: routingUri });
afterAll(() => Promise.all([direct.close(), routed.close()]));

const daquq = gid('Event', DAQUQ_STRIKE);
const readPaths = [
  ['the walk', WalkDocument, { event: daquq }],
  ['an event page', EventPageDocument, { id: daquq }],
  ['a keyset page of events', EventsWithinFromDocument, { within: gid('Place', 'iraq'), from: '2016-10', first: 2 }],
  ['an actor\'s statements', ActorStatementsDocument, { id: gid('Actor', 'igor-konashenkov'), first: 2 }],
  ['search', SearchHitsDocument, { query: 'airstrike daquq', first: 5 }],
  ['a neighbourhood', NeighborhoodDocument, { id: daquq }],
] as const;

describe('the neo4j:// routing scheme', () => {
  it('is what the routed API was given', () => {
    expect(routingUri).toMatch(/^neo4j(\+s|\+ssc)?:\/\//);
    expect(routed.db.driver).not.toBe(direct.db.driver);
  });

  it('connects through the routing table', async () => {
    await expect(routed.db.verify()).resolves.toBeUndefined();
  });

  it.each(readPaths)('answers %s as the direct connection does, in the same round trips', async (_, document, variables) => {
    const expected = await direct.run(document, variables as never);
    expect(expected.errors).toBeUndefined();
    expect(JSON.stringify(expected.data)).not.toMatch(/^\{"[a-z]+":null\}$/);
    const result = await routed.run(document, variables as never);
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual(expected.data);
    expect(result.queries).toEqual(expected.queries);
  });

  it('follows a cursor from one page to the next', async () => {
    const variables = { within: gid('Place', 'iraq'), from: '2016', first: 1 };
    const first = await routed.data(EventsWithinFromDocument, variables);
    const next = await routed.data(EventsWithinFromDocument, { ...variables, after: first.events!.pageInfo.endCursor });
    expect(next.events!.edges).toHaveLength(1);
    expect(next.events!.edges[0]!.node.key).not.toBe(first.events!.edges[0]!.node.key);
  });

  it('keeps the bookmark of each transaction for the next, so a read on a follower waits for the writes before it', async () => {
    const db = new Database(routingUri, testConfig().neo4j);
    try {
      expect(await db.bookmarks.getBookmarks()).toEqual([]);
      await db.write(cypher('test: a write transaction', 'RETURN 1 AS one'));
      const afterWrite = await db.bookmarks.getBookmarks();
      expect(afterWrite).toHaveLength(1);
      await db.read(cypher('test: a read transaction', 'RETURN 1 AS one'));
      expect(await db.bookmarks.getBookmarks()).toHaveLength(1);
    } finally {
      await db.close();
    }
  });
});
