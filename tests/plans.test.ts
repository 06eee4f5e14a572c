import { afterAll, describe, expect, it } from 'vitest';
import { graphCounts } from '../src/db/graph-counts.js';
import { importBundle } from '../src/ingest/write.js';
import { createServer } from '../src/yoga.js';
import { gid, testConfig, testNeo4jEnv } from './helpers/api.js';
import { restoreSeed } from './helpers/graph.js';
import { ProfilingDatabase, totalDbHits } from './helpers/plans.js';

/**
 * Plans whose cost must not grow with the graph, read from PROFILE: the operators Neo4j runs and
 * the database hits they make are deterministic where timings are not.
 */
const config = testConfig();
const db = new ProfilingDatabase(testNeo4jEnv().NEO4J_URI, config.neo4j);
const yoga = createServer(db, { config });
afterAll(async () => {
  await restoreSeed(db);
  await db.close();
});

async function run(query: string) {
  db.plans.clear();
  const response = await yoga.fetch('http://test/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
  const body = (await response.json()) as { errors?: unknown };
  expect(body.errors).toBeUndefined();
}

describe('plans', () => {
  it('reads the cost model\'s record counts from the count store, one hit per kind, not by scanning every node', async () => {
    await graphCounts(db);
    const plan = db.plans.get('graph counts')!;
    expect(plan.map((operator) => operator.type)).toContain('NodeCountFromCountStore');
    expect(plan.map((operator) => operator.type)).not.toContain('NodeByLabelScan');
    expect(totalDbHits(plan)).toBe(plan.filter((operator) => operator.type === 'NodeCountFromCountStore').length);
  });

  it('counts an actor\'s statements from its degree, expanding no relationship, unless a kind filter applies', async () => {
    const actor = gid('Actor', 'russian-ministry-of-defence');
    const expanded = (name: string) => db.plans.get(name)!.filter((operator) => operator.type.startsWith('Expand')).reduce((sum, operator) => sum + operator.dbHits, 0);
    await run(`{ node(id: "${actor}") { ... on Actor { statements { totalCount } } } }`);
    expect(expanded('actor statements count')).toBe(0);
    await run(`{ node(id: "${actor}") { ... on Actor { statements(kinds: [DENIAL, CLAIM, ACCUSATION]) { totalCount } } } }`);
    expect(expanded('actor statements count')).toBeGreaterThan(0);
  });

  it('pages events from a date by seeking the start-date index from it and the long events by their span: the events before it are not read', async () => {
    const page1 = '{ events(filter: { from: "2016-10-20" }, first: 2) { edges { cursor node { key } } } }';
    const hits = async (query: string) => {
      await run(query);
      const plan = db.plans.get('events page forward')!;
      expect(plan.map((operator) => operator.type)).not.toContain('NodeByLabelScan');
      const seeks = plan.filter((operator) => operator.type === 'NodeIndexSeekByRange').map((operator) => operator.details);
      expect(seeks.some((details) => details.includes('n.spanEnd >='))).toBe(true);
      expect(seeks.some((details) => details.includes('n.startDate >='))).toBe(true);
      return totalDbHits(plan);
    };
    const cursor = async () => {
      const response = await yoga.fetch('http://test/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: page1 }) });
      return ((await response.json()) as { data: { events: { edges: Array<{ cursor: string }> } } }).data.events.edges[1]!.cursor;
    };
    const pageAfter = async () => `{ events(filter: { from: "2016-10-20" }, first: 2, after: "${await cursor()}") { edges { node { key } } } }`;
    const before = { page1: await hits(page1), page2: await hits(await pageAfter()) };
    // Forty events of a day each, all before the range: none overlaps it.
    await importBundle(db, {
      source: { id: 'zz-plan-source', title: 'Events before the range', recordedAt: '2026-12-07' },
      events: Array.from({ length: 40 }, (_, i) => ({ id: `zz-plan-early-${i}`, kind: 'AIRSTRIKE', title: `Early ${i}`, startDate: `2016-0${1 + (i % 9)}-1${i % 10}` })),
    });
    expect({ page1: await hits(page1), page2: await hits(await pageAfter()) }).toEqual(before);
  });
});
