import { afterAll, describe, expect, it } from 'vitest';
import { FirstEventEndCursorDocument, SearchHitsDocument, SearchTotalDocument, type SearchHitsQueryVariables } from './generated/graphql.js';
import { codes, testApi } from './helpers/api.js';
import { cypher } from '../src/db/database.js';
import { FULLTEXT_INDEX, migrate } from '../src/db/migrations.js';
import { searchable } from '../src/modules/records.js';
import { TOTAL_COUNT_CAP } from '../src/modules/search/search.cypher.js';
import { encodeOffsetCursor } from '../src/db/cursor.js';
import { Label, StorageProperty } from '../src/domain/graph.js';
import { restoreSeed } from './helpers/graph.js';
import { importBundle } from '../src/ingest/write.js';
import neo4j from 'neo4j-driver';

const api = testApi();
afterAll(() => api.close());

const searchQuery = SearchHitsDocument;

async function search(variables: SearchHitsQueryVariables) {
  const result = await api.run(searchQuery, variables);
  return { result, hits: (result.data?.search?.edges ?? []).map((e) => e.node) };
}

/** The four headlines denying the strike, each a DENIAL statement. */
const DENIALS = [
  'us-denies-attacking-mosque-nbc',
  'us-denies-coalition-involvement-ibtimes',
  'coalition-denies-bombing-mosque-usa-today',
  'coalition-denies-daquq-airstrikes-sputnik',
];

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
    for (const query of ['DAQUQ', 'dáqüq']) {
      const { result, hits } = await search({ query, kinds: ['PLACE'] });
      expect(result.errors).toBeUndefined();
      expect(hits.map((h) => h.record.key)).toEqual(exact.map((h) => h.record.key));
    }
    expect(exact[0]!.record.key).toBe('daquq');
    const { hits: misspelt } = await search({ query: 'Daqug', kinds: ['PLACE'] });
    expect(misspelt[0]!.record.key).toBe('daquq');
    expect(misspelt[0]!.highlights[0]).toMatchObject({ field: 'name', snippet: '<em>Daquq</em>' });
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

  /**
   * What a researcher types, and what the seed answers. `first`: the best hit; `includes`: found
   * somewhere in the ranking; `excludes`: never found. Every hit must say where it matched, and
   * hits holding the word as typed rank above those found only through another form of it.
   */
  const table: Array<{ query: string; first?: string; top?: string[]; includes?: string[]; excludes?: string[] }> = [
    {
      query: 'mourners',
      includes: [
        'konashenkov-eyewitness-quote',
        'konashenkov-mistaken-identity-paraphrase',
        'daquq-strike-hit-mourning-procession',
        'mourners-mistaken-for-isis',
        'rt-coalition-strike-killed-mourners-kirkuk',
      ],
    },
    { query: 'mourning', first: 'daquq-strike-hit-mourning-procession', includes: ['konashenkov-eyewitness-quote', 'mod-accuses-coalition-daquq'] },
    { query: 'deny', top: DENIALS, includes: ['nbc-us-denies-attacking-mosque-daquq', 'wnu-editor-links-denials'] },
    { query: 'denial', top: DENIALS, includes: ['wnu-editor-links-denials', 'usa-today-coalition-denies-bombing-mosque'] },
    { query: 'Reuters', first: 'reuters', includes: ['reuters-photo-civilians-return-2016-10-21', 'thaier-al-sudaini'] },
    { query: 'photo', first: 'reuters-photo-civilians-return-2016-10-21' },
    { query: 'Konashenkov', first: 'igor-konashenkov', includes: ['konashenkov-eyewitness-quote', 'konashenkov-mistaken-identity-paraphrase'] },
    {
      query: 'mosque',
      first: 'daquq-strike-hit-mosque',
      includes: [...DENIALS, 'hrw-calls-for-investigation', 'hrw-investigate-mosque-strike'],
      excludes: ['mosul', 'village-south-of-mosul', 'nineveh-governorate', 'mosul-offensive-2016', 'village-south-of-mosul-civilian-return-2016-10-21'],
    },
    { query: 'Kirkuk', first: 'kirkuk', includes: ['kirkuk-governorate', 'daquq-airstrike-2016-10-21', 'us-denies-attacking-mosque-nbc'] },
    { query: 'Al-Sudaini', first: 'thaier-al-sudaini', includes: ['reuters-photo-civilians-return-2016-10-21'] },
  ];

  it.each(table)('finds what people type: $query', async ({ query, first, top, includes = [], excludes = [] }) => {
    const { result, hits } = await search({ query, first: 100 });
    expect(result.errors).toBeUndefined();
    expect(result.data!.search!.totalCount).toBe(hits.length);
    const keys = hits.map((h) => h.record.key);
    if (first) expect(keys[0]).toBe(first);
    if (top) expect(new Set(keys.slice(0, top.length))).toEqual(new Set(top));
    expect(keys).toEqual(expect.arrayContaining(includes));
    for (const key of excludes) expect(keys).not.toContain(key);
    for (const hit of hits) expect(hit.highlights, `${hit.record.key} has no highlight`).not.toEqual([]);
    const typed = (hit: (typeof hits)[number]) => hit.highlights.some((h) => h.terms.some((term) => term.toLowerCase() === query.toLowerCase()));
    const lastTyped = hits.map(typed).lastIndexOf(true);
    const firstOther = hits.map(typed).indexOf(false);
    if (lastTyped >= 0 && firstOther >= 0) expect(lastTyped, `"${query}": a hit without the word as typed ranks above one with it`).toBeLessThan(firstOther);
  });

  it('reads a word with typo tolerance only when it matches nothing as typed: "mosque" never finds Mosul', async () => {
    const { hits: places } = await search({ query: 'mosque', kinds: ['PLACE'] });
    expect(places).toEqual([]);
    const { hits } = await search({ query: 'Konashenkvo' });
    expect(hits[0]!.record.key).toBe('igor-konashenkov');
    expect(hits[0]!.highlights[0]!.snippet).toBe('Igor <em>Konashenkov</em>');
    // Each word on its own: the known one precisely, the unknown one tolerantly.
    const { hits: both } = await search({ query: 'mosque Konashenkvo', first: 100 });
    const keys = both.map((h) => h.record.key);
    expect(keys).toEqual(expect.arrayContaining(['igor-konashenkov', 'daquq-strike-hit-mosque']));
    expect(keys).not.toContain('mosul');
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

describe('the search total', () => {
  afterAll(() => restoreSeed(api.db));

  it(`is exact up to ${TOTAL_COUNT_CAP.toLocaleString('en')} hits, then a lower bound that says so; a page past the cap counts down to it`, async () => {
    const count = TOTAL_COUNT_CAP + 1;
    await api.db.write(
      cypher('test: many places with one word', `UNWIND range(1, $count) AS i CREATE (:${Label.Place} {id: 'zyxwv-' + i, name: 'Zyxwv ' + i, kind: 'CITY'})`),
      { count: neo4j.int(count) },
    );
    const capped = await api.run(SearchTotalDocument, { query: 'zyxwv', first: 1 });
    expect(capped.data!.search).toMatchObject({ totalCount: TOTAL_COUNT_CAP, totalCountIsLowerBound: true });
    const deep = await api.run(SearchTotalDocument, { query: 'zyxwv', first: 5, after: encodeOffsetCursor(TOTAL_COUNT_CAP - 2) });
    expect(deep.data!.search).toMatchObject({ totalCount: count, totalCountIsLowerBound: false });
    expect(deep.data!.search!.edges).toHaveLength(3);
    const exact = await api.run(SearchTotalDocument, { query: 'Kirkuk' });
    expect(exact.data!.search).toMatchObject({ totalCountIsLowerBound: false });
    expect(exact.data!.search!.totalCount).toBe(exact.data!.search!.edges.length);
  });

  it('counts and ranks only the kinds asked for: a rare kind is found however many hits of other kinds outrank it', async () => {
    const source = { id: 'zz-search-source', title: 'Many places of one word', recordedAt: '2026-12-08' };
    await importBundle(api.db, {
      source,
      places: Array.from({ length: TOTAL_COUNT_CAP + 5 }, (_, i) => ({ id: `zz-qwzx-${i}`, name: 'Qwzx', kind: 'TOWN' })),
      // A longer name ranks below every place named by the word alone.
      actors: [{ id: 'zz-qwzx-bureau', name: 'The Qwzx bureau of the records of the region and of its towns', kind: 'GOVERNMENT_BODY' }],
    });
    const all = await api.run(SearchTotalDocument, { query: 'qwzx', first: 1 });
    expect(all.data!.search).toMatchObject({ totalCount: TOTAL_COUNT_CAP, totalCountIsLowerBound: true });
    const actors = await api.run(SearchHitsDocument, { query: 'qwzx', kinds: ['ACTOR'] });
    expect(actors.data!.search!.edges.map((edge) => edge.node.record)).toEqual([expect.objectContaining({ __typename: 'Actor', key: 'zz-qwzx-bureau' })]);
    const counted = await api.run(SearchTotalDocument, { query: 'qwzx', kinds: ['ACTOR', 'EVENT'] });
    expect(counted.data!.search).toMatchObject({ totalCount: 1, totalCountIsLowerBound: false });
    // A score is the same whether kinds are asked for or not.
    const kindless = await api.run(SearchHitsDocument, { query: 'Konashenkov' });
    const kinded = await api.run(SearchHitsDocument, { query: 'Konashenkov', kinds: ['ACTOR'] });
    expect(kinded.data!.search!.edges[0]!.node.score).toBe(kindless.data!.search!.edges[0]!.node.score);
  });
});

describe('the full-text index', () => {
  it('is rebuilt over the declared fields when an older one indexes other properties', async () => {
    const db = api.db;
    await db.write(cypher('test: drop the index', `DROP INDEX ${FULLTEXT_INDEX} IF EXISTS`));
    await db.write(cypher('test: an index over names only', `CREATE FULLTEXT INDEX ${FULLTEXT_INDEX} FOR (n:Place) ON EACH [n.name] OPTIONS { indexConfig: { \`fulltext.analyzer\`: 'standard-folding' } }`));
    // Records written before kinds were tokens in the index.
    await db.write(cypher('test: no kind tokens', `MATCH (n:${Label.Actor}) REMOVE n.${StorageProperty.searchKind}`));
    const lines: string[] = [];
    await migrate(db, (line) => lines.push(line));
    const actors = await api.run(SearchHitsDocument, { query: 'Konashenkov', kinds: ['ACTOR'] });
    expect(actors.data!.search!.edges[0]!.node.record).toMatchObject({ __typename: 'Actor', key: 'igor-konashenkov' });
    expect(lines).toContain(`rebuilding the full-text index ${FULLTEXT_INDEX} over the searchable fields of the record declarations`);
    const index = await db.read(cypher('test: the index', 'SHOW FULLTEXT INDEXES YIELD name, properties WHERE name = $name RETURN properties'), { name: FULLTEXT_INDEX });
    expect([...(index.records[0]!.get('properties') as string[])].sort()).toEqual([...searchable.properties, StorageProperty.searchKind].sort());
  });
});
