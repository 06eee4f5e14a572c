import { afterAll, describe, expect, it } from 'vitest';
import {
  ClaimFirstsDocument,
  DatedArticlesDocument,
  DatedStatementsDocument,
  EventPeriodDocument,
  ImportDatedBundleDocument,
  TimelineEntriesDocument,
  type TimelineEntriesQuery,
} from './generated/graphql.js';
import { apiKeysOf, gid, testApi } from './helpers/api.js';
import { restoreSeed } from './helpers/graph.js';

const editorKey = 'editor-secret-dates';
const api = testApi({ apiKeys: apiKeysOf('editor-key', 'editor', editorKey) });
afterAll(() => api.close());

const daquq = gid('Event', 'daquq-airstrike-2016-10-21');
const whoStruck = gid('Claim', 'coalition-carried-out-daquq-strike');

const statementKeys = async (filter: { from?: string; to?: string }) =>
  (await api.data(DatedStatementsDocument, { filter })).statements!.edges.map((e) => e.node.key);

describe('partial dates on the seed', () => {
  it('every date says the days it can mean, at the precision the source gave', async () => {
    const statements = (await api.data(DatedStatementsDocument, {})).statements!.edges.map((e) => e.node);
    const byKey = (key: string) => statements.find((s) => s.key === key)!;
    expect(byKey('mod-accuses-coalition-daquq')).toMatchObject({
      madeAt: '2016-10',
      madeAtPrecision: 'MONTH',
      madeDuring: { start: '2016-10-01', end: '2016-10-31', precision: 'MONTH' },
    });
    expect(byKey('wnu-editor-on-russian-claims').madeDuring).toEqual({ start: '2016-10-24', end: '2016-10-24', precision: 'DAY' });
    expect(byKey('reader-jac-comment').madeDuring).toBeNull();
    const aleppo = (await api.data(EventPeriodDocument, { id: gid('Event', 'russian-air-campaign-aleppo-2016') })).event!;
    expect(aleppo.period).toEqual({ start: '2016-01-01', end: '2016-12-31', precision: 'YEAR' });
    const strike = (await api.data(EventPeriodDocument, { id: daquq })).event!;
    expect(strike.period).toEqual({ start: '2016-10-21', end: '2016-10-21', precision: 'DAY' });
    const articles = (await api.data(DatedArticlesDocument, {})).articles!.edges.map((e) => e.node);
    expect(articles.find((a) => a.key === 'wnu-russia-accuses-us-coalition-2016-10-24')!.publishedDuring).toEqual({ start: '2016-10-24', end: '2016-10-24', precision: 'DAY' });
  });

  it('statement filters test overlap, like events: a statement of 2016-10 may have been made after the 15th', async () => {
    expect(await statementKeys({ from: '2016-10-15' })).toContain('mod-accuses-coalition-daquq');
    expect(await statementKeys({ to: '2016-10-01' })).toContain('mod-accuses-coalition-daquq');
    expect(await statementKeys({ from: '2016-10-25' })).toContain('mod-accuses-coalition-daquq');
    // The editor's comments are dated to the 24th: not after it, not before it.
    expect(await statementKeys({ from: '2016-10-25' })).not.toContain('wnu-editor-on-russian-claims');
    expect(await statementKeys({ to: '2016-10-23' })).not.toContain('wnu-editor-on-russian-claims');
    expect(await statementKeys({ to: '2016-10-23' })).toContain('mod-accuses-coalition-daquq');
    expect(await statementKeys({ from: '2016-11' })).toEqual([]);
    expect(await statementKeys({ to: '2016-09-30' })).toEqual([]);
  });
});

describe('a time line at month precision', () => {
  type Edge = NonNullable<TimelineEntriesQuery['timeline']>['edges'][number];
  const line = (edge: Edge) => `${edge.sameTimeAsPrevious === null ? 'undated' : edge.sameTimeAsPrevious ? 'tied' : 'after'} ${edge.node.key}`;
  const keys = (edges: Edge[]) => edges.map((edge) => edge.node.key);

  it('puts an answer after what it answers, an article after what it carries, and says which dates tie', async () => {
    const result = await api.run(TimelineEntriesDocument, { event: daquq, first: 100 });
    expect(result.errors).toBeUndefined();
    const edges = result.data!.timeline!.edges;
    const at = (key: string) => keys(edges).indexOf(key);
    // The Sputnik denial and the WNU editor answer the ministry's accusation (respondsTo).
    expect(at('coalition-denies-daquq-airstrikes-sputnik')).toBeGreaterThan(at('mod-accuses-coalition-daquq'));
    expect(at('wnu-editor-on-russian-claims')).toBeGreaterThan(at('mod-accuses-coalition-daquq'));
    // The WNU post carries every dated statement here, the 24th's included.
    expect(at('wnu-russia-accuses-us-coalition-2016-10-24')).toBe(at('wnu-editor-on-russian-claims') + 1);
    expect(edges.map(line).slice(0, 3)).toEqual(['after coalition-denies-bombing-mosque-usa-today', 'tied hrw-calls-for-investigation', 'tied ibtimes-reports-17-killed']);
    // Known only to October, every statement of the month ties with the one before, and the 24th
    // ties with October; nothing dated is ordered by its date alone.
    expect(edges.filter((edge) => edge.when !== null).slice(1).every((edge) => edge.sameTimeAsPrevious === true)).toBe(true);
    expect(edges.find((edge) => edge.node.key === 'mod-accuses-coalition-daquq')!.when).toEqual({ start: '2016-10-01', end: '2016-10-31', precision: 'MONTH' });
    expect(edges.at(-1)!.sameTimeAsPrevious).toBeNull();
    expect(result.queries).toEqual(['Event by ids', 'event timeline page forward and count']);
  });

  it('reports a day-precise entry after a day-precise one as ordered by date', async () => {
    const result = await api.data(TimelineEntriesDocument, { event: daquq, filter: { from: '2016-10-24' }, first: 100 });
    const dayPrecise = result.timeline!.edges.filter((edge) => edge.when?.precision === 'DAY');
    // Same day: ties, however the keys order them.
    expect(dayPrecise.map(line)).toEqual([
      'tied wnu-editor-iraqis-want-answers',
      'tied wnu-editor-links-denials',
      'tied wnu-editor-on-russian-claims',
      'tied wnu-russia-accuses-us-coalition-2016-10-24',
    ]);
    const actor = await api.data(TimelineEntriesDocument, { actor: gid('Actor', 'igor-konashenkov') });
    expect(actor.timeline!.edges.map(line)).toEqual([
      'after konashenkov-eyewitness-quote',
      'tied konashenkov-mistaken-identity-paraphrase',
      'tied konashenkov-reconnaissance-quote',
      'tied wnu-russia-accuses-us-coalition-2016-10-24',
      'undated rt-coalition-strike-killed-mourners-kirkuk',
    ]);
  });

  it('says whether a page’s first entry ties with the last of the page before, walking either way', async () => {
    const all = (await api.data(TimelineEntriesDocument, { event: daquq, first: 100 })).timeline!.edges;
    const first = (await api.data(TimelineEntriesDocument, { event: daquq, first: 4 })).timeline!;
    const next = (await api.data(TimelineEntriesDocument, { event: daquq, first: 4, after: first.pageInfo.endCursor })).timeline!;
    expect([...first.edges, ...next.edges].map(line)).toEqual(all.slice(0, 8).map(line));
    const back = (await api.data(TimelineEntriesDocument, { event: daquq, last: 4, before: next.pageInfo.endCursor })).timeline!;
    expect(back.edges.map(line)).toEqual(all.slice(3, 7).map(line));
    expect(back.edges[0]!.sameTimeAsPrevious).toBe(true);
  });

  it('filters entries by overlap: the month’s statements may fall on or after the 24th', async () => {
    const result = await api.data(TimelineEntriesDocument, { event: daquq, filter: { from: '2016-10-24' }, first: 100 });
    const found = result.timeline!.edges.map((edge) => edge.node.key);
    expect(found).toContain('mod-accuses-coalition-daquq');
    expect(found).not.toContain('reader-jac-comment');
  });
});

describe('when each side of a claim first spoke', () => {
  it('at month precision: no earliest statement picked by key, and a gap as a range, never a false 0', async () => {
    const contest = (await api.data(ClaimFirstsDocument, { id: whoStruck })).claim!.contest;
    expect(contest).toEqual({
      earliestAssertion: null,
      earliestAssertions: [{ key: 'konashenkov-eyewitness-quote' }, { key: 'konashenkov-mistaken-identity-paraphrase' }, { key: 'mod-accuses-coalition-daquq' }],
      earliestDenial: null,
      // The editor's dispute (the 24th) may have come before a denial dated only to October.
      earliestDenials: [
        { key: 'coalition-denies-bombing-mosque-usa-today' },
        { key: 'coalition-denies-daquq-airstrikes-sputnik' },
        { key: 'us-denies-attacking-mosque-nbc' },
        { key: 'us-denies-coalition-involvement-ibtimes' },
        { key: 'wnu-editor-on-russian-claims' },
      ],
      // The first denial came by the 24th at the latest (the editor's), the first assertion on the 1st at the earliest.
      assertionToDenialDays: { min: -30, max: 23 },
      daysFromAssertionToDenial: null,
    });
  });
});

describe('dates written after the seed', () => {
  afterAll(() => restoreSeed(api.db));
  const source = { id: 'zz-dates-test', title: 'Dated statements for the date tests', recordedAt: '2026-12-07' };
  const claimId = gid('Claim', 'zz-dated-claim');
  const importBundle = async (bundle: Record<string, unknown>) => {
    const result = await api.run(ImportDatedBundleDocument, { bundle: { source, ...bundle } }, { authorization: `Bearer ${editorKey}` });
    expect(result.errors).toBeUndefined();
    expect(result.data!.importBundle.__typename).toBe('ImportSummary');
  };
  const statement = (id: string, value: string, madeAt: string, respondsTo: string[] = []) => ({
    id,
    kind: value === 'ASSERTS' ? 'ACCUSATION' : 'DENIAL',
    text: `Test statement ${id}`,
    quote: 'PARAPHRASE',
    madeAt,
    respondsTo,
    stances: [{ claim: 'zz-dated-claim', value }],
  });
  const firsts = async () => (await api.data(ClaimFirstsDocument, { id: claimId })).claim!.contest;

  it('known to the day: the earliest of each side and an exact gap', async () => {
    await importBundle({
      claims: [{ id: 'zz-dated-claim', proposition: 'A test claim with dated statements.', event: 'daquq-airstrike-2016-10-21' }],
      statements: [statement('zz-assert-21', 'ASSERTS', '2016-10-21'), statement('zz-deny-23', 'DENIES', '2016-10-23')],
    });
    expect(await firsts()).toMatchObject({
      earliestAssertion: { key: 'zz-assert-21' },
      earliestDenial: { key: 'zz-deny-23' },
      assertionToDenialDays: { min: 2, max: 2 },
      daysFromAssertionToDenial: 2,
    });
  });

  it('a denial known only to the month widens the range; once it answers the assertion, it cannot come before it', async () => {
    await importBundle({ statements: [statement('zz-deny-month', 'DENIES', '2016-10')] });
    expect(await firsts()).toMatchObject({
      earliestAssertion: { key: 'zz-assert-21' },
      earliestDenial: null,
      earliestDenials: [{ key: 'zz-deny-month' }, { key: 'zz-deny-23' }],
      // The month's denial may have come as early as the 1st, twenty days before the assertion.
      assertionToDenialDays: { min: -20, max: 2 },
      daysFromAssertionToDenial: null,
    });
    await importBundle({ statements: [statement('zz-deny-month', 'DENIES', '2016-10', ['zz-assert-21'])] });
    expect(await firsts()).toMatchObject({
      earliestDenials: [{ key: 'zz-deny-month' }, { key: 'zz-deny-23' }],
      assertionToDenialDays: { min: 0, max: 2 },
      daysFromAssertionToDenial: null,
    });
  });

  it('a denial that answers an assertion of the same month follows it on the time line', async () => {
    await importBundle({ statements: [statement('zz-assert-month', 'ASSERTS', '2016-10'), statement('zz-answer-month', 'DENIES', '2016-10', ['zz-assert-month'])] });
    const edges = (await api.data(TimelineEntriesDocument, { event: daquq, first: 100 })).timeline!.edges.map((edge) => edge.node.key);
    // By key alone the answer ("zz-answer-…") would come first.
    expect(edges.indexOf('zz-answer-month')).toBeGreaterThan(edges.indexOf('zz-assert-month'));
  });

  it('article filters test overlap too', async () => {
    await importBundle({
      articles: [{ id: 'zz-month-article', outlet: 'rt', title: 'An article dated only to its month', publishedAt: '2016-10' }],
    });
    const articleKeys = async (filter: { from?: string; to?: string }) =>
      (await api.data(DatedArticlesDocument, { filter })).articles!.edges.map((e) => e.node.key);
    expect(await articleKeys({ from: '2016-10-15' })).toContain('zz-month-article');
    expect(await articleKeys({ from: '2016-10-25' })).toEqual(['zz-month-article']);
    expect(await articleKeys({ to: '2016-10-02' })).toEqual(['zz-month-article']);
    expect(await articleKeys({ from: '2016-11' })).toEqual([]);
  });
});
