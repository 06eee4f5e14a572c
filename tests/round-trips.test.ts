import { afterAll, describe, expect, it } from 'vitest';
import {
  ActorStatementsDocument,
  ActorStatementsViaNodeDocument,
  ActorStatementCountOfKindsDocument,
  type StatementKind,
  type ActorStatementsQuery,
  EventPageDocument,
  EventPageViaNodeDocument,
  ActorsFirstStatementDocument,
  ActorsStatementsCountDocument,
  ActorsStatementsPageAndCountDocument,
  ActorsStatementsPageDocument,
  EventAllAndDenialCoverageDocument,
  EventCoverageDocument,
  EventCoverageSkippedDocument,
  EventCoverageThroughFragmentDocument,
  EventOutletsDocument,
  EventsClaimsStatementsDocument,
  EventsCountDocument,
  EventsCoverageDocument,
  EventsPageAndCountDocument,
  EventsPageDocument,
  EventsStatementsSpeakersDocument,
  EventStatementsProvenanceChainsDocument,
  WalkDocument,
  type StanceValue,
} from './generated/graphql.js';
import { StatementKinds } from '../src/domain/vocabulary.js';
import { gid, testApi, testConfig, type Result } from './helpers/api.js';
import { ALEPPO_CAMPAIGN, DAQUQ_STRIKE } from './helpers/seed.js';

/**
 * The Cypher round trips of a request (the named queries it runs, in order): one per level of
 * nesting, however many records each level holds (no N+1), and only what the selection needs.
 */

// Batching shows best on full nested pages, which cost far more than the default operation cost
// limit allows (the deepest query below measures about six million).
const api = testApi({ config: testConfig({ LIMIT_COST: '10000000' }) });
afterAll(() => api.close());

describe('nested lists', () => {
  it('a nested list query makes one round trip per nesting level, whatever the number of events', async () => {
    const levels = ['events page forward', 'event statements page forward', 'statement speaker'];
    // Oldest first: the Aleppo campaign ("2016"), the Mosul offensive ("2016-10"), then the strike and the return.
    for (const [first, events, statements] of [
      [3, 3, 15],
      [4, 4, 15],
      [100, 4, 15],
    ] as const) {
      const result = await api.run(EventsStatementsSpeakersDocument, { first });
      expect(result.errors).toBeUndefined();
      expect(result.data!.events!.edges).toHaveLength(events);
      // The nesting must really fan out (15 statements, 14 with a speaker) for the count to mean anything.
      const rows = result.data!.events!.edges.flatMap((e) => e.node.statements.edges);
      expect(rows).toHaveLength(statements);
      expect(rows.filter((s) => s.node.speaker !== null)).toHaveLength(14);
      expect(result.queries, `first: ${first}`).toEqual(levels);
    }
    // With no statement below, no speaker is loaded at all.
    const lone = await api.run(EventsStatementsSpeakersDocument, { first: 1 });
    expect(lone.data!.events!.edges.map((e) => e.node.key)).toEqual([ALEPPO_CAMPAIGN]);
    expect(lone.queries).toEqual(levels.slice(0, 2));
  });

  it('a deeper query adds exactly one round trip per level, with counts batched too', async () => {
    const result = await api.run(EventsClaimsStatementsDocument);
    expect(result.errors).toBeUndefined();
    const daquq = result.data!.events!.edges.find((e) => e.node.key === DAQUQ_STRIKE)!.node;
    expect(daquq.claims.totalCount).toBe(10);
    expect(result.queries).toEqual([
      'events page forward and count',
      'event claims page forward and count',
      'claim stances page forward',
      'statement speaker',
      'statement on behalf of',
    ]);
  });

  it('pages nested connections per parent in one round trip per level', async () => {
    const result = await api.run(ActorsFirstStatementDocument);
    expect(result.errors).toBeUndefined();
    const konashenkov = result.data!.actors!.edges.find((e) => e.node.key === 'igor-konashenkov')!.node.statements;
    expect(konashenkov.totalCount).toBe(3);
    expect(konashenkov.edges).toHaveLength(1);
    expect(konashenkov.pageInfo.hasNextPage).toBe(true);
    expect(result.queries).toEqual(['actors page forward', 'actor statements page forward and count']);
  });

  it('reads a page and its count in one query when both are selected, and only what is selected otherwise', async () => {
    const both = await api.run(ActorsStatementsPageAndCountDocument);
    const counted = await api.run(ActorsStatementsCountDocument);
    const paged = await api.run(ActorsStatementsPageDocument);
    expect(both.queries).toEqual(['actors page forward', 'actor statements page forward and count']);
    expect(counted.queries).toEqual(['actors page forward', 'actor statements count']);
    expect(paged.queries).toEqual(['actors page forward', 'actor statements page forward']);
    const byActor = <S,>(actors: { edges: Array<{ node: { key: string; statements: S } }> } | null | undefined) =>
      Object.fromEntries(actors!.edges.map((e) => [e.node.key, e.node.statements]));
    const countedByActor = byActor(counted.data!.actors);
    const pagedByActor = byActor(paged.data!.actors);
    for (const [key, statements] of Object.entries(byActor(both.data!.actors))) {
      expect(statements.totalCount).toBe(countedByActor[key]!.totalCount);
      expect({ edges: statements.edges, pageInfo: statements.pageInfo }).toEqual(pagedByActor[key]);
    }
    expect(Object.values(byActor(both.data!.actors)).some((s) => s.totalCount > 2 && s.pageInfo.hasNextPage)).toBe(true);

    expect((await api.run(EventsCountDocument)).queries).toEqual(['events count']);
    expect((await api.run(EventsPageDocument)).queries).toEqual(['events page forward']);
    const rootBoth = await api.run(EventsPageAndCountDocument);
    expect(rootBoth.queries).toEqual(['events page forward and count']);
    expect(rootBoth.data!.events!.totalCount).toBeGreaterThan(2);
    expect(rootBoth.data!.events!.edges).toHaveLength(2);
    expect(rootBoth.data!.events!.pageInfo.hasNextPage).toBe(true);
  });
});

describe('provenance chains', () => {
  it('loads the chains of every statement of an event in one round trip', async () => {
    const result = await api.run(EventStatementsProvenanceChainsDocument, { id: gid('Event', DAQUQ_STRIKE) });
    expect(result.errors).toBeUndefined();
    const statements = result.data!.event!.statements.edges.map((e) => e.node);
    expect(statements.length).toBeGreaterThan(10);
    for (const statement of statements) expect(statement.provenanceChains.length).toBeGreaterThan(0);
    expect(result.queries).toEqual(['Event with event statements', 'statement provenance chains']);
  });
});

describe('a record\'s page', () => {
  it('reads an event with its places, claims and statements in one round trip, and the speakers in a second', async () => {
    const id = gid('Event', DAQUQ_STRIKE);
    const page = await api.run(EventPageDocument, { id });
    expect(page.errors).toBeUndefined();
    expect(page.queries).toEqual(['Event with event places, event claims, event statements', 'statement speaker']);
    // The same selection through node(id:), one level per query, answers alike.
    const levels = await api.run(EventPageViaNodeDocument, { id });
    expect(levels.queries).toEqual(['Event by ids', 'event places', 'event claims page forward and count', 'event statements page forward and count', 'statement speaker']);
    expect(page.data!.event).toEqual(levels.data!.node);
    expect(page.data!.event!.statements.totalCount).toBe(15);
    expect(page.data!.event!.statements.edges).toHaveLength(10);
    expect(page.data!.event!.claims.edges).toHaveLength(5);
    expect(page.data!.event!.places.length).toBeGreaterThan(0);
  });

  it('reads an actor with a page of its statements and their count in one round trip, on every page', async () => {
    const id = gid('Actor', 'igor-konashenkov');
    let after: string | null = null;
    const seen: string[] = [];
    do {
      const page: Result<ActorStatementsQuery> = await api.run(ActorStatementsDocument, { id, first: 2, after });
      expect(page.errors).toBeUndefined();
      expect(page.queries).toEqual(['Actor with actor statements']);
      const levels = await api.run(ActorStatementsViaNodeDocument, { id, first: 2, after });
      expect(levels.queries).toEqual(['Actor by ids', 'actor statements page forward and count']);
      expect(page.data!.actor).toEqual(levels.data!.node);
      const statements = page.data!.actor!.statements;
      seen.push(...statements.edges.map((e) => e.node.key));
      after = statements.pageInfo.hasNextPage ? statements.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toHaveLength(3);
    expect(new Set(seen).size).toBe(3);
  });

  it('counts an actor\'s statements from its degree, which equals the statements counted kind by kind', async () => {
    for (const key of ['igor-konashenkov', 'russian-ministry-of-defence']) {
      const id = gid('Actor', key);
      const all = await api.data(ActorStatementsDocument, { id, first: 100 });
      const total = all.actor!.statements.totalCount;
      expect(total).toBe(all.actor!.statements.edges.length);
      let byKind = 0;
      for (const kind of Object.keys(StatementKinds)) {
        const counted = await api.run(ActorStatementCountOfKindsDocument, { id, kinds: [kind as StatementKind] });
        expect(counted.errors).toBeUndefined();
        byKind += counted.data!.actor!.statements.totalCount;
      }
      expect(byKind).toBe(total);
    }
  });

  it('leaves a bad page argument to the nested field, whose error names its own path', async () => {
    const result = await api.run(ActorStatementsDocument, { id: gid('Actor', 'igor-konashenkov'), first: 1000 });
    expect(result.errors?.[0]?.path).toEqual(['actor', 'statements']);
    expect(result.errors?.[0]?.extensions?.code).toBe('VALIDATION');
  });

  it('answers NOT_FOUND for an unknown actor, as without the fold', async () => {
    const result = await api.run(ActorStatementsDocument, { id: gid('Actor', 'nobody-at-all'), first: 2 });
    expect(result.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});

describe('the walk', () => {
  const daquq = gid('Event', DAQUQ_STRIKE);

  it('reads the event with its coverage and the speakers in one round trip, whatever the fan-out', async () => {
    const result = await api.run(WalkDocument, { event: daquq });
    expect(result.queries).toEqual(['event with coverage']);
  });

  it('answers the same from event(id:) in one query as from a list one level per query, for every event and stance filter', async () => {
    for (const stances of [null, ['DENIES'], ['ASSERTS', 'CALLS_TO_VERIFY']] satisfies Array<StanceValue[] | null>) {
      const listed = await api.run(EventsCoverageDocument, { stances });
      expect(listed.errors).toBeUndefined();
      expect(listed.queries).toEqual(['events page forward', 'event coverage']);
      expect(listed.data!.events!.pageInfo.hasNextPage).toBe(false);
      const events = listed.data!.events!.edges.map((e) => e.node);
      expect(events.some((e) => e.coverage.length === 0)).toBe(true);
      for (const event of events) {
        const one = await api.run(EventCoverageDocument, { id: event.id, stances });
        expect(one.queries).toEqual(['event with coverage']);
        expect(one.data!.event).toEqual({ key: event.key, coverage: event.coverage });
      }
    }
  });

  it('finds the coverage through fragments, leaves out what @skip drops, and still answers NOT_FOUND', async () => {
    const viaFragment = await api.run(EventCoverageThroughFragmentDocument, { id: daquq });
    expect(viaFragment.queries).toEqual(['event with coverage']);
    expect(viaFragment.data!.event!.coverage.map((c) => c.outlet.key)).toContain('nbc-news');
    const skipped = await api.run(EventCoverageSkippedDocument, { id: daquq, skip: true });
    expect(skipped.queries).toEqual(['Event by ids']);
    expect(skipped.data!.event).toEqual({ key: DAQUQ_STRIKE });
    const missing = await api.run(EventOutletsDocument, { id: gid('Event', 'no-such-event') });
    expect(missing.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('reads two differently filtered coverages of one event with the first folded in and the second from its loader', async () => {
    const result = await api.run(EventAllAndDenialCoverageDocument, { id: daquq });
    expect(result.queries).toEqual(['event with coverage', 'event coverage']);
    expect(result.data!.event!.denials.length).toBeLessThan(result.data!.event!.all.length);
  });
});
