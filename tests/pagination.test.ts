import { afterAll, describe, expect, it } from 'vitest';
import { cypher } from '../src/db/database.js';
import { importBundle } from '../src/ingest/write.js';
import {
  EventKeysFilteredDocument,
  EventsTotalFilteredDocument,
  StateActorsDocument,
  StateAffiliatedAndWireOutletsDocument,
  StatementsPageDocument,
  type EventFilter,
  type StatementsPageQuery,
  type StatementsPageQueryVariables,
} from './generated/graphql.js';
import { codes, gid, testApi } from './helpers/api.js';

const api = testApi();
afterAll(() => api.close());

type Page = NonNullable<StatementsPageQuery['statements']>;

async function page(variables: StatementsPageQueryVariables) {
  const result = await api.run(StatementsPageDocument, variables);
  expect(result.errors).toBeUndefined();
  return result.data!.statements!;
}

const keys = (p: Page) => p.edges.map((edge) => edge.node.key);

describe('cursor pagination (keyset)', () => {
  it('orders statements oldest first, undated last, ties by key', async () => {
    const all = await page({ first: 100 });
    expect(all.totalCount).toBe(all.edges.length);
    expect(all.edges.length).toBeGreaterThan(10);
    const sortKey = (e: (typeof all.edges)[number]) => `${e.node.madeAt ?? '~'}\u0000${e.node.key}`;
    const sorted = [...all.edges].sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : 1));
    expect(keys(all)).toEqual(sorted.map((e) => e.node.key));
    expect(all.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: false });
  });

  it('walks forward and backward through the same sequence', async () => {
    const all = keys(await page({ first: 100 }));
    const forward: string[] = [];
    let after: string | null = null;
    for (;;) {
      const p = await page({ first: 5, after });
      forward.push(...keys(p));
      expect(p.pageInfo.hasPreviousPage).toBe(after !== null);
      if (!p.pageInfo.hasNextPage) break;
      after = p.pageInfo.endCursor;
    }
    expect(forward).toEqual(all);

    const backward: string[] = [];
    let before: string | null = null;
    for (;;) {
      const p = await page({ last: 5, before });
      backward.unshift(...keys(p));
      if (!p.pageInfo.hasPreviousPage) break;
      before = p.pageInfo.startCursor;
    }
    expect(backward).toEqual(all);
  });

  it('with both `after` and `before`, pages through the edges between them, either way (Relay’s algorithm)', async () => {
    const all = await page({ first: 100 });
    const cursor = (index: number) => all.edges[index]!.cursor;
    const between = keys(all).slice(3, 9);
    const whole = await page({ after: cursor(2), before: cursor(9), first: 20 });
    expect(keys(whole)).toEqual(between);
    expect(whole.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    const head = await page({ after: cursor(2), before: cursor(9), first: 3 });
    expect(keys(head)).toEqual(between.slice(0, 3));
    expect(head.pageInfo.hasNextPage).toBe(true);
    const tail = await page({ after: cursor(2), before: cursor(9), last: 3 });
    expect(keys(tail)).toEqual(between.slice(3));
    expect(tail.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true });
    // The same in a connection below a record (one query for every parent).
    const nested = await api.run<any, any>(`{ event(id: "${gid('Event', 'daquq-airstrike-2016-10-21')}") { all: statements(first: 100) { edges { cursor node { key } } } } }`);
    const edges = nested.data.event.all.edges as Array<{ cursor: string; node: { key: string } }>;
    const inner = await api.run<any, any>(
      `query ($after: String, $before: String) { event(id: "${gid('Event', 'daquq-airstrike-2016-10-21')}") {
        statements(after: $after, before: $before, first: 100) { edges { node { key } } } } }`,
      { after: edges[0]!.cursor, before: edges.at(-1)!.cursor },
    );
    expect(inner.errors).toBeUndefined();
    expect(inner.data.event.statements.edges.map((e: { node: { key: string } }) => e.node.key)).toEqual(edges.slice(1, -1).map((e) => e.node.key));
  });

  it('stays stable when records are inserted before the cursor', async () => {
    const all = keys(await page({ first: 100 }));
    const first = await page({ first: 4 });
    const inserted = ['zz-test-early-statement', 'zz-test-undated-statement'];
    await importBundle(api.db, {
      source: { id: 'zz-test-pagination', title: 'pagination test', recordedAt: '2026-11-24' },
      statements: [
        { id: inserted[0]!, kind: 'COMMENT', text: 'inserted before the cursor', quote: 'VERBATIM', madeAt: '1999-01-01' },
        { id: inserted[1]!, kind: 'COMMENT', text: 'inserted after the last page', quote: 'VERBATIM' },
      ],
    });
    try {
      const second = await page({ first: 4, after: first.pageInfo.endCursor });
      expect(keys(second)).toEqual(all.slice(4, 8));
      const grown = await page({ first: 100 });
      expect(grown.totalCount).toBe(all.length + 2);
      expect(keys(grown)[0]).toBe(inserted[0]);
    } finally {
      await api.db.write(cypher('test: remove inserted', 'MATCH (n) WHERE n.id IN $ids DETACH DELETE n'), {
        ids: [...inserted, 'zz-test-pagination'],
      });
    }
  });
});

describe('filters', () => {
  const eventKeys = async (filter: EventFilter) => {
    const result = await api.run(EventKeysFilteredDocument, { filter });
    expect(result.errors).toBeUndefined();
    const events = result.data!.events!;
    expect(events.totalCount).toBe(events.edges.length);
    return events.edges.map((e) => e.node.key);
  };

  it('events by kind', async () => {
    expect(await eventKeys({ kinds: ['AIRSTRIKE'] })).toEqual(['daquq-airstrike-2016-10-21']);
  });

  it('events within a place, through the place hierarchy', async () => {
    expect(await eventKeys({ within: gid('Place', 'kirkuk-governorate') })).toEqual(['daquq-airstrike-2016-10-21']);
    expect(await eventKeys({ within: gid('Place', 'iraq') })).toEqual([
      'mosul-offensive-2016',
      'daquq-airstrike-2016-10-21',
      'village-south-of-mosul-civilian-return-2016-10-21',
    ]);
    expect(await eventKeys({ within: gid('Place', 'syria') })).toEqual(['russian-air-campaign-aleppo-2016']);
  });

  it('date ranges respect each date’s precision', async () => {
    // The Aleppo campaign is dated to the year, so it overlaps November 2016; the others do not.
    expect(await eventKeys({ from: '2016-11' })).toEqual(['russian-air-campaign-aleppo-2016']);
    expect(await eventKeys({ from: '2016-10-22', to: '2016-10-31' })).toEqual([
      'russian-air-campaign-aleppo-2016',
      'mosul-offensive-2016',
    ]);
    expect(await eventKeys({ to: '2015' })).toEqual([]);
  });

  it('statements by kind, speaker (or the body spoken for) and event', async () => {
    const denials = await page({ first: 100, filter: { kinds: ['DENIAL'] } });
    expect(keys(denials).sort()).toEqual([
      'coalition-denies-bombing-mosque-usa-today',
      'coalition-denies-daquq-airstrikes-sputnik',
      'us-denies-attacking-mosque-nbc',
      'us-denies-coalition-involvement-ibtimes',
    ]);
    const ministry = await page({ first: 100, filter: { speaker: gid('Actor', 'russian-ministry-of-defence') } });
    expect(keys(ministry).sort()).toEqual([
      'konashenkov-eyewitness-quote',
      'konashenkov-mistaken-identity-paraphrase',
      'konashenkov-reconnaissance-quote',
      'mod-accuses-coalition-daquq',
    ]);
    const aleppo = await page({ first: 100, filter: { event: gid('Event', 'russian-air-campaign-aleppo-2016') } });
    expect(keys(aleppo)).toEqual([]);
    // The 24th keeps the editor's three comments of that day and every statement dated only to October.
    const october = await page({ first: 100, filter: { from: '2016-10-24', to: '2016-10-24' } });
    expect(keys(october).filter((key) => key.startsWith('wnu-editor'))).toHaveLength(3);
    expect(keys(october)).toContain('mod-accuses-coalition-daquq');
    const after = await page({ first: 100, filter: { from: '2016-10-25' } });
    expect(keys(after).filter((key) => key.startsWith('wnu-editor'))).toEqual([]);
  });

  it('outlets by kind and state affiliation, actors by kind', async () => {
    const outlets = await api.run(StateAffiliatedAndWireOutletsDocument);
    expect(outlets.data!.outlets!.edges.map((e) => e.node.key)).toEqual(['rt', 'sputnik']);
    expect(outlets.data!.wires!.edges.map((e) => e.node.key)).toEqual(['reuters']);
    const states = await api.run(StateActorsDocument);
    expect(states.data!.actors!.edges.map((e) => e.node.key).sort()).toEqual(['iran', 'iraq', 'russia', 'united-states']);
  });

  it('rejects bad filter values with VALIDATION', async () => {
    const bad = async (filter: EventFilter) => codes(await api.run(EventsTotalFilteredDocument, { filter }));
    expect(await bad({ from: '2016-13' })).toEqual(['VALIDATION']);
    expect(await bad({ from: 'yesterday' })).toEqual(['VALIDATION']);
    expect(await bad({ from: '2016-11', to: '2016-10' })).toEqual(['VALIDATION']);
    expect(await bad({ within: gid('Event', 'daquq-airstrike-2016-10-21') })).toEqual(['VALIDATION']);
    expect(await bad({ within: 'not-an-id' })).toEqual(['VALIDATION']);
    const invalidEnum = await api.run('{ events(filter: { kinds: [NUCLEAR] }) { totalCount } }');
    expect(invalidEnum.status).toBe(400);
    expect(codes(invalidEnum)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
  });

  it('rejects bad paging arguments with VALIDATION', async () => {
    const bad = async (args: string) => codes(await api.run(`{ statements(${args}) { totalCount } }`));
    expect(await bad('first: -1')).toEqual(['VALIDATION']);
    expect(await bad('first: 1000')).toEqual(['VALIDATION']);
    expect(await bad('first: 2, last: 2')).toEqual(['VALIDATION']);
    expect(await bad('after: "garbage"')).toEqual(['VALIDATION']);
    expect(await bad('before: "eyJub3QiOiJhIGN1cnNvciJ9"')).toEqual(['VALIDATION']);
  });
});
