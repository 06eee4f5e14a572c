import { getIntrospectionQuery, parse } from 'graphql';
import { cypher } from '../src/db/database.js';
import { graphCounts } from '../src/db/graph-counts.js';
import { graphSizeFor, measureCost } from '../src/http/operation-limits.js';
import { schema } from '../src/schema.js';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';
import { WALK_QUERY } from '../src/yoga.js';
import { apiKeysOf, codes, gid, testApi, testConfig, type Result } from './helpers/api.js';

/** A server whose limits are the defaults except `env`, so each test sits right at one limit. */
function apiWith(env: Record<string, string>) {
  const api = testApi({ config: testConfig(env) });
  servers.push(api);
  return api;
}
const servers: Array<ReturnType<typeof testApi>> = [];
const api = testApi();
servers.push(api);
afterAll(() => Promise.all(servers.map((server) => server.close())));

/** A rejection: one error, naming the limit and the measured value, HTTP 400, and no Cypher ran. */
function expectRejected(result: Result<unknown>, limit: string, max: number, measured?: number) {
  expect(result.errors).toHaveLength(1);
  expect(codes(result)).toEqual(['LIMIT_EXCEEDED']);
  expect(result.errors![0]!.extensions).toMatchObject({ limit, max, ...(measured === undefined ? {} : { measured }) });
  expect(result.errors![0]!.message).toContain(`limit of ${max}`);
  if (measured !== undefined) expect(result.errors![0]!.message).toMatch(new RegExp(`^The operation('s ${limit} is ${measured}| has ${measured} ${limit}), over the limit of ${max}\\.$`));
  expect(result.data ?? null).toBeNull();
  expect(result.status).toBe(400);
  expect(result.queries).toEqual([]);
}

const daquq = gid('Place', 'daquq');
/** `place { parent { parent { ... name } } }`: a depth of levels + 2. */
const nestedParents = (levels: number) =>
  `{ place(id: "${daquq}") { ${'parent { '.repeat(levels)}name${' }'.repeat(levels)} } }`;

describe('depth', () => {
  it('rejects an operation nested deeper than LIMIT_DEPTH, and accepts one at the limit', async () => {
    const limited = apiWith({ LIMIT_DEPTH: '5' });
    expectRejected(await limited.run(nestedParents(4)), 'depth', 5, 6);
    const atLimit = await limited.run(nestedParents(3));
    expect(atLimit.errors).toBeUndefined();
  });

  it('counts the depth inside fragments, so a fragment cannot hide nesting', async () => {
    const limited = apiWith({ LIMIT_DEPTH: '5' });
    const result = await limited.run(`
      { place(id: "${daquq}") { ...Up } }
      fragment Up on Place { parent { ...Up2 } }
      fragment Up2 on Place { parent { parent { ... on Place { parent { name } } } } }`);
    expectRejected(result, 'depth', 5, 6);
  });

  it('admits the walk and GraphiQL’s introspection query under the default limits', async () => {
    expect((await api.run(WALK_QUERY)).errors).toBeUndefined();
    const introspection = await api.run(getIntrospectionQuery({ descriptions: true, inputValueDeprecation: true }));
    expect(introspection.errors).toBeUndefined();
  });
});

describe('aliases', () => {
  it('rejects more aliased fields than LIMIT_ALIASES, in fragments too', async () => {
    const limited = apiWith({ LIMIT_ALIASES: '3' });
    const aliases = (n: number) => Array.from({ length: n }, (_, i) => `a${i}: name`).join(' ');
    expectRejected(
      await limited.run(`{ place(id: "${daquq}") { ${aliases(2)} ...More } } fragment More on Place { ${aliases(2)} }`),
      'aliases',
      3,
      4,
    );
    const atLimit = await limited.run(`{ place(id: "${daquq}") { ${aliases(3)} } }`);
    expect(atLimit.errors).toBeUndefined();
  });

  it('rejects an alias bomb under the default limit', async () => {
    const bomb = Array.from({ length: 200 }, (_, i) => `e${i}: events { totalCount }`).join(' ');
    expectRejected(await api.run(`{ ${bomb} }`), 'aliases', 30, 200);
  });
});

describe('tokens', () => {
  it('stops parsing at the first token over LIMIT_TOKENS', async () => {
    // `{ place ( id : "..." ) { name } }` has 10 tokens, which graphql-armor counts as 11 (it
    // counts one read past the closing brace); one more field is over.
    const limited = apiWith({ LIMIT_TOKENS: '11' });
    expect((await limited.run(`{ place(id: "${daquq}") { name } }`)).errors).toBeUndefined();
    expectRejected(await limited.run(`{ place(id: "${daquq}") { name key } }`), 'tokens', 11);
  });
});

describe('directives', () => {
  it('rejects more directives than LIMIT_DIRECTIVES', async () => {
    const limited = apiWith({ LIMIT_DIRECTIVES: '2' });
    const fields = (n: number) => Array.from({ length: n }, (_, i) => `f${i}: name @include(if: true)`).join(' ');
    expectRejected(await limited.run(`{ place(id: "${daquq}") { ${fields(3)} } }`), 'directives', 2, 3);
    expect((await limited.run(`{ place(id: "${daquq}") { ${fields(2)} } }`)).errors).toBeUndefined();
  });
});

describe('fragment cycles', () => {
  it('are a validation error before anything runs', async () => {
    const result = await api.run(`
      { place(id: "${daquq}") { ...A } }
      fragment A on Place { parent { ...B } }
      fragment B on Place { parent { ...A } }`);
    expect(codes(result)).toContain('GRAPHQL_VALIDATION_FAILED');
    expect(result.errors![0]!.message).toMatch(/Cannot spread fragment "A" within itself/);
    expect(result.status).toBe(400);
    expect(result.queries).toEqual([]);
  });
});

/** The cost the limit measures for `query`, on a graph holding `counts` records by kind (null: counts unknown). */
function costOn(query: string, counts: Record<string, number> | null): number | undefined {
  const contextValue = counts ? { graphSize: graphSizeFor(schema, new Map(Object.entries(counts))) } : {};
  return measureCost({ schema, document: parse(query), contextValue });
}

describe('cost', () => {
  // Each field costs 1; a connection multiplies what it selects by its page size (edges add nothing).
  const pageOfTitles = (first: number) => `{ events(first: ${first}) { edges { node { title } } } }`;

  it('multiplies a connection by `first`: 1 + first × (node + title)', async () => {
    const limited = apiWith({ LIMIT_COST: '7' });
    expect((await limited.run(pageOfTitles(3))).errors).toBeUndefined(); // 1 + 3 × 2 = 7
    expectRejected(await limited.run(pageOfTitles(4)), 'cost', 7, 9);
  });

  it('takes `first` from the variables, and `last` like `first`', async () => {
    const limited = apiWith({ LIMIT_COST: '7' });
    const query = 'query($n: Int) { events(first: $n) { edges { node { title } } } }';
    expect((await limited.run(query, { n: 3 })).errors).toBeUndefined();
    expectRejected(await limited.run(query, { n: 4 }), 'cost', 7, 9);
    expectRejected(await limited.run('{ events(last: 4) { edges { node { title } } } }'), 'cost', 7, 9);
  });

  it('multiplies nested connections, and counts the default page when no size is given', () => {
    // Without counts of the graph (the database away): statements: 1 + 20 (default page) × totalCount 1 = 21; node: 1 + 21; events: 1 + 5 × 22 = 111.
    const query = '{ events(first: 5) { edges { node { statements { totalCount } } } } }';
    expect(costOn(query, null)).toBe(111);
    // A nested list counts at most the records of its kind the graph holds; a root list as asked.
    expect(costOn(query, { Event: 2, Statement: 7 })).toBe(1 + 5 * (1 + 1 + 7));
  });

  it('multiplies plain lists by ten and nodes(ids:) by the number of IDs', async () => {
    const limited = apiWith({ LIMIT_COST: '30' });
    // event 1 + places (1 + 10 × name) = 12; with three fields per place, 1 + 1 + 10 × 3 = 32.
    const event = gid('Event', 'daquq-airstrike-2016-10-21');
    expect((await limited.run(`{ event(id: "${event}") { places { name } } }`)).errors).toBeUndefined();
    expectRejected(await limited.run(`{ event(id: "${event}") { places { name key kind } } }`), 'cost', 30, 32);
    // nodes 1 + 15 IDs × (id + __typename) = 31.
    const ids = JSON.stringify(Array.from({ length: 15 }, () => daquq));
    expectRejected(await limited.run(`{ nodes(ids: ${ids}) { id __typename } }`), 'cost', 30, 31);
  });

  it('rejects `first: 1000000` on the cost before any Cypher runs', async () => {
    const result = await api.run(pageOfTitles(1_000_000));
    expectRejected(result, 'cost', 20_000, 2_000_001);
  });

  // Issue 15: "every claim with its statements" touches a few hundred records of the seed.
  const everyClaimWithStatements =
    '{ claims(first: 50) { edges { node { key proposition statements(first: 50) { edges { node { key text madeAt kind quote venue speaker { name } } } } } } } }';

  it('lets a nested question through when the graph holds few records: every claim with its statements, on the seed', async () => {
    const result = await api.run(everyClaimWithStatements);
    expect(result.errors).toBeUndefined();
    expect((result.data as { claims: { edges: unknown[] } }).claims.edges).toHaveLength(10);
  });

  it('still refuses nested pages over a graph of millions, and a nested page bomb', () => {
    const millions = Object.fromEntries(['Event', 'Claim', 'Statement', 'Actor'].map((typename) => [typename, 1_000_000]));
    expect(costOn(everyClaimWithStatements, millions)).toBe(1 + 50 * (1 + 1 + 1 + 1 + 50 * (1 + 6 + 1 + 1)));
    expect(costOn(everyClaimWithStatements, millions)).toBeGreaterThan(20_000);
    const bomb = '{ events(first: 100) { edges { node { statements(first: 100) { edges { node { text speaker { name } } } } } } } }';
    expect(costOn(bomb, millions)).toBe(1 + 100 * (1 + 1 + 100 * (1 + 1 + 2)));
  });

  it('reads the graph’s counts again after a write', async () => {
    const editor = testApi({ apiKeys: apiKeysOf('cost-editor', 'editor', 'cost-editor-secret') });
    servers.push(editor);
    const before = (await graphCounts(editor.db))!.get('Place')!;
    try {
      const result = await editor.run('mutation { upsertPlace(input: { key: "zz-cost-place", name: "Cost test place", kind: VILLAGE }) { __typename } }', {}, { authorization: 'Bearer cost-editor-secret' });
      expect(result.errors).toBeUndefined();
      expect((await graphCounts(editor.db))!.get('Place')).toBe(before + 1);
    } finally {
      await editor.db.write(cypher('test: remove the cost place', 'MATCH (n) WHERE n.id = "zz-cost-place" OR n:AuditEntry DETACH DELETE n'));
    }
  });
});

describe('status codes', () => {
  // One operation over each limit measured in GraphQL (bodyBytes is HTTP's: 413 under both).
  const overEach: Array<[string, Record<string, string>, string]> = [
    ['depth', { LIMIT_DEPTH: '5' }, nestedParents(4)],
    ['aliases', { LIMIT_ALIASES: '1' }, `{ place(id: "${daquq}") { a: name b: name } }`],
    ['tokens', { LIMIT_TOKENS: '11' }, `{ place(id: "${daquq}") { name key } }`],
    ['directives', { LIMIT_DIRECTIVES: '1' }, `{ place(id: "${daquq}") { name @include(if: true) key @include(if: true) } }`],
    ['cost', { LIMIT_COST: '7' }, '{ events(first: 4) { edges { node { title } } } }'],
  ];

  it.each(overEach)('%s: 400 under application/graphql-response+json, 200 under application/json, as the spec has it', async (limit, env, query) => {
    const limited = apiWith(env);
    for (const [accept, status] of [
      ['application/graphql-response+json', 400],
      ['application/json', 200],
    ] as const) {
      const response = await limited.fetch('http://test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept },
        body: JSON.stringify({ query }),
      });
      expect(response.status, accept).toBe(status);
      const body = (await response.json()) as Result<unknown>;
      expect(body.errors![0]!.extensions).toMatchObject({ code: 'LIMIT_EXCEEDED', limit });
    }
  });
});

describe('configuration', () => {
  it('reads every limit from the environment, with the documented defaults (docs/operations.md)', () => {
    expect(loadConfig({}).limits).toEqual({
      depth: 12,
      aliases: 30,
      tokens: 3000,
      directives: 20,
      cost: 20_000,
      bodyBytes: 1_000_000,
    });
    expect(loadConfig({ LIMIT_DEPTH: '4', LIMIT_COST: '99' }).limits).toMatchObject({ depth: 4, cost: 99 });
  });

  it('refuses a limit that is not a positive whole number, naming the variable', () => {
    expect(() => loadConfig({ LIMIT_ALIASES: 'many' })).toThrow(ConfigError);
    expect(() => loadConfig({ LIMIT_COST: '0' })).toThrow('LIMIT_COST must be a positive whole number, got "0".');
  });
});
