import { afterAll, describe, expect, it } from 'vitest';
import {
  ClaimSidesDocument,
  ContestedClaimsCountsDocument,
  ContestedClaimsFrom2017Document,
  ContestedClaimsInOctoberDocument,
  ContestedClaimsOfEventDocument,
  EventCasualtyFiguresDocument,
  EventClaimsByContestedDocument,
  EventClaimsContestDocument,
  type ClaimSidesQuery,
} from './generated/graphql.js';
import { codes, gid, testApi } from './helpers/api.js';

const api = testApi();
afterAll(() => api.close());

const daquq = gid('Event', 'daquq-airstrike-2016-10-21');
const whoStruck = gid('Claim', 'coalition-carried-out-daquq-strike');

const sidesQuery = ClaimSidesDocument;

type Position = NonNullable<ClaimSidesQuery['claim']>['asserters'][number];

describe('contested claims', () => {
  it('Claim.asserters and Claim.deniers: each side’s statements, speakers, bodies and outlets, in one round trip per side', async () => {
    const result = await api.run(sidesQuery, { id: whoStruck });
    expect(result.errors).toBeUndefined();
    const claim = result.data!.claim!;
    const line = (p: Position) =>
      `${p.value} ${p.statement.key} by ${p.speaker?.key ?? '-'} for ${p.onBehalfOf?.key ?? '-'} in ${p.outlets.map((o) => o.key).join(',')}`;
    expect(claim.contested).toBe(true);
    expect(claim.asserters.map(line)).toEqual([
      'ASSERTS konashenkov-eyewitness-quote by igor-konashenkov for russian-ministry-of-defence in rt,war-news-updates',
      'ASSERTS konashenkov-mistaken-identity-paraphrase by igor-konashenkov for russian-ministry-of-defence in rt,war-news-updates',
      'ASSERTS mod-accuses-coalition-daquq by russian-ministry-of-defence for - in rt,war-news-updates',
    ]);
    expect(claim.deniers.map(line)).toEqual([
      'DENIES coalition-denies-bombing-mosque-usa-today by us-led-coalition for - in usa-today,war-news-updates',
      'DENIES coalition-denies-daquq-airstrikes-sputnik by us-led-coalition for - in sputnik,war-news-updates',
      'DENIES us-denies-attacking-mosque-nbc by united-states for - in nbc-news,war-news-updates',
      'DENIES us-denies-coalition-involvement-ibtimes by united-states for - in ibtimes,war-news-updates',
      'DISPUTES wnu-editor-on-russian-claims by wnu-editor for - in war-news-updates',
    ]);
    expect(result.queries).toEqual(['Claim by ids', 'claim contests', 'claim positions', 'claim positions']);
  });

  it('Event.claims: a contested flag and a summary per claim, batched across all the claims', async () => {
    const result = await api.run(EventClaimsContestDocument, { id: daquq });
    expect(result.errors).toBeUndefined();
    const claims = result.data!.event!.claims.edges.map((e) => e.node);
    // Who struck is asserted and denied; "dozens" (at least 24) and "17" cannot both be true.
    expect(claims.filter((c) => c.contested).map((c) => c.key)).toEqual(['coalition-carried-out-daquq-strike', 'daquq-strike-killed-17', 'daquq-strike-killed-dozens']);
    const whoStruckSummary = claims.find((c) => c.key === 'coalition-carried-out-daquq-strike')!.contest;
    expect(whoStruckSummary).toEqual({
      contested: true,
      counts: [
        { value: 'ASSERTS', statements: 3 },
        { value: 'DENIES', statements: 4 },
        { value: 'DISPUTES', statements: 1 },
        { value: 'CALLS_TO_VERIFY', statements: 1 },
      ],
      // Every assertion is dated only to October 2016: none is the earliest, all three may be.
      earliestAssertion: null,
      earliestAssertions: [{ key: 'konashenkov-eyewitness-quote' }, { key: 'konashenkov-mistaken-identity-paraphrase' }, { key: 'mod-accuses-coalition-daquq' }],
      earliestDenial: null,
      earliestDenials: [
        { key: 'coalition-denies-bombing-mosque-usa-today', madeDuring: { start: '2016-10-01', end: '2016-10-31', precision: 'MONTH' } },
        { key: 'coalition-denies-daquq-airstrikes-sputnik', madeDuring: { start: '2016-10-01', end: '2016-10-31', precision: 'MONTH' } },
        { key: 'us-denies-attacking-mosque-nbc', madeDuring: { start: '2016-10-01', end: '2016-10-31', precision: 'MONTH' } },
        { key: 'us-denies-coalition-involvement-ibtimes', madeDuring: { start: '2016-10-01', end: '2016-10-31', precision: 'MONTH' } },
        { key: 'wnu-editor-on-russian-claims', madeDuring: { start: '2016-10-24', end: '2016-10-24', precision: 'DAY' } },
      ],
      // Both sides are dated only to October 2016 (a denial at the latest on the 24th): the gap is a range, not a false 0.
      assertionToDenialDays: { min: -30, max: 23 },
      daysFromAssertionToDenial: null,
    });
    const killed17 = claims.find((c) => c.key === 'daquq-strike-killed-17')!.contest;
    expect(killed17).toMatchObject({ contested: true, counts: [{ value: 'ASSERTS', statements: 1 }], earliestDenial: null, daysFromAssertionToDenial: null });
    expect(result.queries).toEqual(['Event with event claims', 'claim contests']);
  });

  it('Event.claims(contested:) keeps only the contested claims, or only the others', async () => {
    const query = EventClaimsByContestedDocument;
    const contested = await api.run(query, { id: daquq, contested: true });
    expect(contested.errors).toBeUndefined();
    expect(contested.data!.event!.claims.edges.map((e) => e.node.key)).toEqual(['coalition-carried-out-daquq-strike', 'daquq-strike-killed-17', 'daquq-strike-killed-dozens']);
    expect(contested.data!.event!.claims.totalCount).toBe(3);
    const others = await api.run(query, { id: daquq, contested: false });
    expect(others.data!.event!.claims.totalCount).toBe(7);
    const all = await api.run(query, { id: daquq });
    expect(all.data!.event!.claims.totalCount).toBe(10);
  });

  it('contestedClaims: a root connection of contested claims, filtered by event and period', async () => {
    const all = await api.run(ContestedClaimsCountsDocument);
    expect(all.errors).toBeUndefined();
    expect(all.data!.contestedClaims!.totalCount).toBe(3);
    expect(all.data!.contestedClaims!.edges.map((e) => e.node.key)).toEqual(['coalition-carried-out-daquq-strike', 'daquq-strike-killed-17', 'daquq-strike-killed-dozens']);

    const inOctober = await api.run(ContestedClaimsInOctoberDocument, { event: daquq });
    expect(inOctober.data!.contestedClaims!.edges).toHaveLength(3);

    const aleppo = gid('Event', 'russian-air-campaign-aleppo-2016');
    const none = await api.run(ContestedClaimsOfEventDocument, { event: aleppo });
    expect(none.data!.contestedClaims!.edges).toEqual([]);

    const later = await api.run(ContestedClaimsFrom2017Document);
    expect(later.data!.contestedClaims!.edges).toEqual([]);
  });

  it('contestedClaims refuses a reversed period, an ID of the wrong type and a huge page', async () => {
    const reversed = await api.run(`{ contestedClaims(filter: { from: "2017", to: "2016" }) { edges { cursor } } }`);
    expect(codes(reversed)).toEqual(['VALIDATION']);
    const wrongType = await api.run(`query ($e: ID) { contestedClaims(filter: { event: $e }) { edges { cursor } } }`, { e: whoStruck });
    expect(codes(wrongType)).toEqual(['VALIDATION']);
    const overPage = await api.run(`{ contestedClaims(first: 101) { edges { cursor } } }`);
    expect(codes(overPage)).toEqual(['VALIDATION']);
    // A huge page is refused even earlier, by the operation cost limit, before any Cypher runs.
    const huge = await api.run(`{ contestedClaims(first: 100000) { edges { cursor } } }`);
    expect(codes(huge)).toEqual(['LIMIT_EXCEEDED']);
    expect(huge.queries).toEqual([]);
  });

  it('Event.casualtyFigures: dozens according to the Russian MoD, 17 according to IBTimes, side by side', async () => {
    const result = await api.run(EventCasualtyFiguresDocument, { id: daquq });
    expect(result.errors).toBeUndefined();
    expect(result.data!.event!.casualtyFigures).toEqual([
      {
        text: 'dozens',
        min: 24,
        max: null,
        claim: { key: 'daquq-strike-killed-dozens' },
        accordingTo: [{ __typename: 'Actor', name: 'Russian Ministry of Defence' }],
        statements: [{ key: 'konashenkov-eyewitness-quote' }, { key: 'mod-accuses-coalition-daquq' }],
      },
      {
        text: '17',
        min: 17,
        max: 17,
        claim: { key: 'daquq-strike-killed-17' },
        accordingTo: [{ __typename: 'Outlet', name: 'International Business Times' }],
        statements: [{ key: 'ibtimes-reports-17-killed' }],
      },
    ]);
    expect(result.queries).toEqual(['Event by ids', 'event casualty figures']);
  });
});
