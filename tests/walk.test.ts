import { afterAll, describe, expect, it } from 'vitest';
import { WalkDocument } from './generated/graphql.js';
import { gid, testApi } from './helpers/api.js';

const api = testApi();
afterAll(() => api.close());

const daquq = gid('Event', 'daquq-airstrike-2016-10-21');

describe('the walk from the Daquq airstrike to its outlets', () => {
  it('reaches every outlet that reported or denied the strike, with statements and stances', async () => {
    const result = await api.run(WalkDocument, { event: daquq });
    expect(result.errors).toBeUndefined();
    const coverage = result.data!.event!.coverage;
    const summary = Object.fromEntries(
      coverage.map((c) => [c.outlet.key, { stances: [...c.stances].sort(), statements: c.reports.map((r) => r.statement.key).sort() }]),
    );
    expect(summary).toMatchInlineSnapshot(`
      {
        "hrw": {
          "stances": [
            "ASSERTS",
            "CALLS_TO_VERIFY",
          ],
          "statements": [
            "hrw-calls-for-investigation",
          ],
        },
        "ibtimes": {
          "stances": [
            "ASSERTS",
            "DENIES",
          ],
          "statements": [
            "ibtimes-reports-17-killed",
            "us-denies-coalition-involvement-ibtimes",
          ],
        },
        "nbc-news": {
          "stances": [
            "DENIES",
          ],
          "statements": [
            "us-denies-attacking-mosque-nbc",
          ],
        },
        "rt": {
          "stances": [
            "ASSERTS",
          ],
          "statements": [
            "konashenkov-eyewitness-quote",
            "konashenkov-mistaken-identity-paraphrase",
            "konashenkov-reconnaissance-quote",
            "mod-accuses-coalition-daquq",
          ],
        },
        "sputnik": {
          "stances": [
            "DENIES",
          ],
          "statements": [
            "coalition-denies-daquq-airstrikes-sputnik",
          ],
        },
        "usa-today": {
          "stances": [
            "DENIES",
          ],
          "statements": [
            "coalition-denies-bombing-mosque-usa-today",
          ],
        },
        "war-news-updates": {
          "stances": [
            "ASSERTS",
            "CALLS_TO_VERIFY",
            "DENIES",
            "DISPUTES",
          ],
          "statements": [
            "coalition-denies-bombing-mosque-usa-today",
            "coalition-denies-daquq-airstrikes-sputnik",
            "hrw-calls-for-investigation",
            "ibtimes-reports-17-killed",
            "konashenkov-eyewitness-quote",
            "konashenkov-mistaken-identity-paraphrase",
            "konashenkov-reconnaissance-quote",
            "mod-accuses-coalition-daquq",
            "reader-anonymous-comment",
            "reader-jac-comment",
            "us-denies-attacking-mosque-nbc",
            "us-denies-coalition-involvement-ibtimes",
            "wnu-editor-iraqis-want-answers",
            "wnu-editor-links-denials",
            "wnu-editor-on-russian-claims",
          ],
        },
      }
    `);
  });

  it('filters by stance: only the outlets that carried a denial', async () => {
    const result = await api.run(WalkDocument, { event: daquq, stances: ['DENIES'] });
    const outlets = result.data!.event!.coverage.map((c) => c.outlet.key);
    expect(outlets).toMatchInlineSnapshot(`
      [
        "ibtimes",
        "nbc-news",
        "sputnik",
        "usa-today",
        "war-news-updates",
      ]
    `);
    for (const coverage of result.data!.event!.coverage) {
      for (const report of coverage.reports) expect(report.stances.map((s) => s.value)).toContain('DENIES');
    }
  });

  it('reads the event with its coverage and the speakers in one round trip, whatever the fan-out', async () => {
    const result = await api.run(WalkDocument, { event: daquq });
    expect(result.queries).toEqual(['event with coverage']);
  });

  it('answers the same from event(id:) in one query as from a list one level per query, for every event and stance filter', async () => {
    const coverage = `coverage(stances: $stances) { outlet { key } stances articles { key } reports { article { key } statement { key speaker { key } } stances { value claim { key } } } }`;
    for (const stances of [null, ['DENIES'], ['ASSERTS', 'CALLS_TO_VERIFY']]) {
      const listed = await api.run<any, unknown>(`query ($stances: [StanceValue!]) { events(first: 5) { pageInfo { hasNextPage } edges { node { id key ${coverage} } } } }`, { stances });
      expect(listed.errors).toBeUndefined();
      expect(listed.queries).toEqual(['events page forward', 'event coverage']);
      expect(listed.data.events.pageInfo.hasNextPage).toBe(false);
      const events = listed.data.events.edges.map((e: any) => e.node);
      expect(events.some((e: any) => e.coverage.length === 0)).toBe(true);
      for (const event of events) {
        const one = await api.run<any, unknown>(`query ($id: ID!, $stances: [StanceValue!]) { event(id: $id) { key ${coverage} } }`, { id: event.id, stances });
        expect(one.queries).toEqual(['event with coverage']);
        expect(one.data.event).toEqual({ key: event.key, coverage: event.coverage });
      }
    }
  });

  it('finds the coverage through fragments, leaves out what @skip drops, and still answers NOT_FOUND', async () => {
    const viaFragment = await api.run<any, unknown>(
      `query ($id: ID!) { event(id: $id) { ...Walk } } fragment Walk on Event { ... on Event { coverage(stances: [DENIES]) { outlet { key } } } }`,
      { id: daquq },
    );
    expect(viaFragment.queries).toEqual(['event with coverage']);
    expect(viaFragment.data.event.coverage.map((c: any) => c.outlet.key)).toContain('nbc-news');
    const skipped = await api.run<any, unknown>(`query ($id: ID!, $skip: Boolean!) { event(id: $id) { key coverage @skip(if: $skip) { outlet { key } } } }`, {
      id: daquq,
      skip: true,
    });
    expect(skipped.queries).toEqual(['Event by ids']);
    expect(skipped.data.event).toEqual({ key: 'daquq-airstrike-2016-10-21' });
    const missing = await api.run<any, unknown>(`query ($id: ID!) { event(id: $id) { coverage { outlet { key } } } }`, { id: gid('Event', 'no-such-event') });
    expect(missing.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('reads two differently filtered coverages of one event with the first folded in and the second from its loader', async () => {
    const result = await api.run<any, unknown>(
      `query ($id: ID!) { event(id: $id) { all: coverage { outlet { key } } denials: coverage(stances: [DENIES]) { outlet { key } } } }`,
      { id: daquq },
    );
    expect(result.queries).toEqual(['event with coverage', 'event coverage']);
    expect(result.data.event.denials.length).toBeLessThan(result.data.event.all.length);
  });
});
