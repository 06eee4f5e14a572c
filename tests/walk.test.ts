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
});
