import { afterAll, describe, expect, it } from 'vitest';
import { FirstEventEndCursorDocument, SearchHitsDocument, type SearchHitsQueryVariables } from './generated/graphql.js';
import { codes, testApi } from './helpers/api.js';
import { cypher } from '../src/db/database.js';
import { FULLTEXT_INDEX, migrate } from '../src/db/migrations.js';
import { searchable } from '../src/modules/records.js';

const api = testApi();
afterAll(() => api.close());

const searchQuery = SearchHitsDocument;

async function search(variables: SearchHitsQueryVariables) {
  const result = await api.run(searchQuery, variables);
  return { result, hits: (result.data?.search?.edges ?? []).map((e) => e.node) };
}

describe('search', () => {
  it('finds records by name, ranked by score, with highlights of what matched', async () => {
    const { result, hits } = await search({ query: 'Konashenkov' });
    expect(result.errors).toBeUndefined();
    expect(hits[0]!.record).toMatchObject({ __typename: 'Actor', key: 'igor-konashenkov' });
    expect(hits[0]!.highlights[0]).toEqual({ field: 'name', snippet: 'Igor <em>Konashenkov</em>', terms: ['Konashenkov'] });
    expect(hits.map((h) => h.score)).toEqual([...hits.map((h) => h.score)].sort((a, b) => b - a));
    expect(result.queries).toEqual(['search page']);
  });

  it('is case-, accent- and typo-tolerant', async () => {
    const { hits: exact } = await search({ query: 'Daquq', kinds: ['PLACE'] });
    for (const query of ['DAQUQ', 'dáqüq', 'Daqug']) {
      const { result, hits } = await search({ query, kinds: ['PLACE'] });
      expect(result.errors).toBeUndefined();
      expect(hits.map((h) => h.record.key)).toEqual(exact.map((h) => h.record.key));
    }
    expect(exact.map((h) => h.record.key)).toEqual(['daquq']);
    const { hits: typo } = await search({ query: 'Konashenkof', kinds: ['ACTOR'] });
    expect(typo[0]!.record.key).toBe('igor-konashenkov');
    expect(typo[0]!.highlights[0]!.snippet).toBe('Igor <em>Konashenkov</em>');
  });

  it('matches aliases and statement text, and narrows by kind', async () => {
    const { hits: actors } = await search({ query: 'Russian MoD', kinds: ['ACTOR'] });
    expect(actors[0]!.record.key).toBe('russian-ministry-of-defence');
    expect(actors[0]!.highlights.map((h) => h.field)).toContain('aliases');
    expect(new Set(actors.map((h) => h.record.__typename))).toEqual(new Set(['Actor']));

    const { hits: statements } = await search({ query: 'eyewitness accounts', kinds: ['STATEMENT'] });
    expect(statements[0]!.record.key).toBe('konashenkov-eyewitness-quote');
    expect(statements[0]!.highlights[0]!.snippet).toContain('<em>eyewitness</em> <em>accounts</em>');

    const { hits: mixed } = await search({ query: 'mosque', kinds: ['CLAIM', 'ARTICLE'] });
    expect(new Set(mixed.map((h) => h.record.__typename))).toEqual(new Set(['Claim', 'Article']));
  });

  it('pages forward with cursors, stable and without repeats', async () => {
    const { result: all } = await search({ query: 'coalition', first: 100 });
    const total = all.data!.search!.totalCount;
    expect(total).toBeGreaterThan(4);
    expect(all.data!.search!.edges).toHaveLength(total);
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 10; page++) {
      const { result } = await search({ query: 'coalition', first: 3, after });
      seen.push(...result.data!.search!.edges.map((e) => e.node.record.id));
      expect(result.data!.search!.pageInfo.hasPreviousPage).toBe(after !== null);
      if (!result.data!.search!.pageInfo.hasNextPage) break;
      after = result.data!.search!.pageInfo.endCursor;
    }
    expect(seen).toEqual(all.data!.search!.edges.map((e) => e.node.record.id));
  });

  it('reads Lucene syntax as plain words: never a 500', async () => {
    for (const query of ['"unbalanced', 'a AND (b OR ]', 'title:RT', 'ministry* ~ \\ / ^2 {x TO y}', 'NOT', '-coalition']) {
      const { result } = await search({ query });
      expect(result.status).toBe(200);
      expect(result.errors).toBeUndefined();
    }
    const { hits } = await search({ query: 'ministry*', kinds: ['ACTOR'] });
    expect(hits[0]!.record.key).toBe('russian-ministry-of-defence');
  });

  it('refuses an empty or huge query, backward paging and foreign cursors with VALIDATION', async () => {
    for (const variables of [
      { query: '' },
      { query: ' ?! ' },
      { query: 'x'.repeat(201) },
      { query: Array.from({ length: 13 }, (_, i) => `word${i}`).join(' ') },
      { query: 'coalition', first: 101 },
      { query: 'coalition', first: -1 },
      { query: 'coalition', after: 'not-a-cursor' },
    ]) {
      const { result } = await search(variables);
      expect(codes(result)).toEqual(['VALIDATION']);
    }
    const backward = await api.run(`{ search(query: "coalition", last: 2) { totalCount } }`);
    expect(codes(backward)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    const events = await api.run(FirstEventEndCursorDocument);
    const { result } = await search({ query: 'coalition', after: events.data!.events!.pageInfo.endCursor });
    expect(codes(result)).toEqual(['VALIDATION']);
  });
});

describe('the full-text index', () => {
  it('is rebuilt over the declared fields when an older one indexes other properties', async () => {
    const db = api.db;
    await db.write(cypher('test: drop the index', `DROP INDEX ${FULLTEXT_INDEX} IF EXISTS`));
    await db.write(cypher('test: an index over names only', `CREATE FULLTEXT INDEX ${FULLTEXT_INDEX} FOR (n:Place) ON EACH [n.name] OPTIONS { indexConfig: { \`fulltext.analyzer\`: 'standard-folding' } }`));
    const lines: string[] = [];
    await migrate(db, (line) => lines.push(line));
    expect(lines).toContain(`rebuilding the full-text index ${FULLTEXT_INDEX} over the searchable fields of the record declarations`);
    const index = await db.read(cypher('test: the index', 'SHOW FULLTEXT INDEXES YIELD name, properties WHERE name = $name RETURN properties'), { name: FULLTEXT_INDEX });
    expect([...(index.records[0]!.get('properties') as string[])].sort()).toEqual([...searchable.properties].sort());
  });
});
