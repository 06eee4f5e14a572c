import { afterAll, describe, expect, it } from 'vitest';
import {
  ActorsStatementCountsDocument,
  EventCountsByGroupingDocument,
  EventCountsWithinOnDayDocument,
  OutletAndActorCountsFromDocument,
  OutletCoverageOfEventDocument,
  OutletsCoverageCountsDocument,
} from './generated/graphql.js';
import { codes, gid, ofType, testApi } from './helpers/api.js';

const api = testApi();
afterAll(() => api.close());

describe('aggregations', () => {
  it('eventCounts: by kind, by month (year-precise events under their year) and by place, one query per grouping', async () => {
    const result = await api.run(EventCountsByGroupingDocument);
    expect(result.errors).toBeUndefined();
    expect(result.data!.eventCounts).toEqual({
      byKind: [
        { kind: 'AIRSTRIKE', events: 1 },
        { kind: 'AIR_CAMPAIGN', events: 1 },
        { kind: 'CIVILIAN_RETURN', events: 1 },
        { kind: 'MILITARY_CAMPAIGN', events: 1 },
      ],
      byMonth: [
        { period: '2016', events: 1 },
        { period: '2016-10', events: 3 },
      ],
      byPlace: [
        { place: { key: 'aleppo' }, events: 1 },
        { place: { key: 'daquq' }, events: 1 },
        { place: { key: 'mosul' }, events: 1 },
        { place: { key: 'village-south-of-mosul' }, events: 1 },
      ],
    });
    expect([...result.queries].sort()).toEqual(['event counts by kind', 'event counts by month', 'event counts by place']);
  });

  it('eventCounts takes the events filter: within Iraq, on 21 October 2016, and refuses a reversed period', async () => {
    const result = await api.run(EventCountsWithinOnDayDocument, { iraq: gid('Place', 'iraq') });
    expect(result.data!.eventCounts.byKind).toEqual([
      { kind: 'AIRSTRIKE', events: 1 },
      { kind: 'MILITARY_CAMPAIGN', events: 1 },
    ]);
    const reversed = await api.run(`{ eventCounts(filter: { from: "2017", to: "2016" }) { byKind { events } } }`);
    expect(codes(reversed)).toEqual(['VALIDATION']);
  });

  it('Actor.statementCounts: by kind and by position, batched across actors', async () => {
    const result = await api.run(ActorsStatementCountsDocument, { ids: [gid('Actor', 'russian-ministry-of-defence'), gid('Actor', 'wnu-editor')] });
    expect(result.errors).toBeUndefined();
    const [ministry, editor] = result.data!.nodes.map((node) => ofType(node, 'Actor'));
    // Its own accusation, and Konashenkov's three statements on its behalf.
    expect(ministry!.statementCounts).toEqual({
      byKind: [
        { kind: 'ACCUSATION', statements: 2 },
        { kind: 'CLAIM', statements: 2 },
      ],
      byStance: [{ value: 'ASSERTS', statements: 4 }],
    });
    expect(editor!.statementCounts).toEqual({
      byKind: [{ kind: 'COMMENT', statements: 3 }],
      byStance: [
        { value: 'ASSERTS', statements: 2 },
        { value: 'DISPUTES', statements: 1 },
      ],
    });
    expect(result.queries).toEqual(['Actor by ids', 'actor statement counts']);
  });

  it('Outlet.coverageCounts: articles, statements, events, assertions and denials per outlet, batched', async () => {
    const result = await api.run(OutletsCoverageCountsDocument);
    expect(result.errors).toBeUndefined();
    const counts = Object.fromEntries(result.data!.outlets!.edges.map((e) => [e.node.key, e.node.coverageCounts]));
    expect(counts.rt).toEqual({ articles: 1, statements: 4, events: 1, byStance: [{ value: 'ASSERTS', statements: 4 }] });
    expect(counts.ibtimes!.byStance).toEqual([
      { value: 'ASSERTS', statements: 1 },
      { value: 'DENIES', statements: 1 },
    ]);
    expect(counts['war-news-updates']).toEqual({
      articles: 1,
      statements: 16,
      events: 1,
      byStance: [
        { value: 'ASSERTS', statements: 8 },
        { value: 'DENIES', statements: 4 },
        { value: 'CALLS_TO_VERIFY', statements: 1 },
        { value: 'DISPUTES', statements: 1 },
      ],
    });
    expect(counts.reuters).toEqual({ articles: 0, statements: 0, events: 0, byStance: [] });
    expect(result.queries).toEqual(['outlets page forward', 'outlet coverage counts']);
  });

  it('per-actor and per-outlet counts take a statement filter (event, period), and refuse bad ones', async () => {
    const result = await api.run(OutletAndActorCountsFromDocument, {
      wnu: gid('Outlet', 'war-news-updates'),
      ministry: gid('Actor', 'russian-ministry-of-defence'),
    });
    expect(result.errors).toBeUndefined();
    // From the 24th: the editor's three comments of that day and the ten statements dated only to
    // October (they may have been made on or after it); the readers' comments are undated.
    expect(result.data!.wnu!.coverageCounts).toEqual({
      articles: 1,
      statements: 13,
      events: 1,
      byStance: [
        { value: 'ASSERTS', statements: 8 },
        { value: 'DENIES', statements: 4 },
        { value: 'CALLS_TO_VERIFY', statements: 1 },
        { value: 'DISPUTES', statements: 1 },
      ],
    });
    // The ministry's statements are all of October 2016: none may have been made in November.
    expect(result.data!.ministry!.statementCounts.byKind).toEqual([]);

    const aboutAleppo = await api.run(OutletCoverageOfEventDocument, {
      id: gid('Outlet', 'war-news-updates'),
      event: gid('Event', 'russian-air-campaign-aleppo-2016'),
    });
    expect(aboutAleppo.data!.outlet!.coverageCounts).toEqual({ statements: 0, events: 0 });

    const reversed = await api.run(`query ($id: ID!) { actor(id: $id) { statementCounts(filter: { from: "2017", to: "2016" }) { byKind { kind } } } }`, {
      id: gid('Actor', 'russia'),
    });
    expect(codes(reversed)).toEqual(['VALIDATION']);
    const wrongType = await api.run(`query ($id: ID!, $e: ID) { actor(id: $id) { statementCounts(filter: { event: $e }) { byKind { kind } } } }`, {
      id: gid('Actor', 'russia'),
      e: gid('Actor', 'russia'),
    });
    expect(codes(wrongType)).toEqual(['VALIDATION']);
  });
});
