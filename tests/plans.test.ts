import { afterAll, describe, expect, it } from 'vitest';
import { graphCounts } from '../src/db/graph-counts.js';
import { createServer } from '../src/yoga.js';
import { gid, testConfig, testNeo4jEnv } from './helpers/api.js';
import { ProfilingDatabase, totalDbHits } from './helpers/plans.js';

/**
 * Plans whose cost must not grow with the graph, read from PROFILE: the operators Neo4j runs and
 * the database hits they make are deterministic where timings are not.
 */
const config = testConfig();
const db = new ProfilingDatabase(testNeo4jEnv().NEO4J_URI, config.neo4j);
const yoga = createServer(db, { config });
afterAll(() => db.close());

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
});
