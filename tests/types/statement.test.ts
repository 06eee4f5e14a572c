import { afterAll, describe, expect, it } from 'vitest';
import { StatementDocument } from '../generated/graphql.js';
import { gid, testApi } from '../helpers/api.js';
import { DAQUQ_STRIKE, RT_ARTICLE, SOURCE, sortedKeys, sortedTyped, WNU_ARTICLE } from '../helpers/seed.js';

/** The type Statement: its fields and relationships, read both ways, against the values in seeds/daquq-2016-10-24-wnu.yaml. */

const api = testApi();
afterAll(() => api.close());

describe('Statement', () => {
  const statement = async (key: string) => (await api.data(StatementDocument, { id: gid('Statement', key) })).statement!;
  const byClaim = <T extends { claim: { key: string } }>(stances: T[]) => [...stances].sort((a, b) => (a.claim.key < b.claim.key ? -1 : 1));

  it('Konashenkov’s reconnaissance quote: every field and relationship', async () => {
    const s = await statement('konashenkov-reconnaissance-quote');
    expect(s).toMatchObject({
      id: gid('Statement', 'konashenkov-reconnaissance-quote'),
      key: 'konashenkov-reconnaissance-quote',
      kind: 'CLAIM',
      text: 'Russian reconnaissance pinpointed two jets conducting airstrikes on Daquq, located 30 kilometers to the south of Kirkuk, where, according to our data, there are no ISIS fighters.',
      quote: 'VERBATIM',
      venue: 'OFFICIAL',
      madeAt: '2016-10',
      madeAtPrecision: 'MONTH',
      speaker: { key: 'igor-konashenkov', name: 'Igor Konashenkov' },
      onBehalfOf: { key: 'russian-ministry-of-defence', name: 'Russian Ministry of Defence' },
      addressedTo: [],
      firstAppearedIn: { key: RT_ARTICLE },
      // The article it first appeared in carries it too; the dated WNU post comes before the undated RT article.
      reportedIn: { totalCount: 2, edges: [{ node: { key: WNU_ARTICLE } }, { node: { key: RT_ARTICLE } }] },
      events: [{ key: DAQUQ_STRIKE }],
      respondsTo: [],
      responses: [],
      cites: [{ target: { __typename: 'Actor', key: 'russian-reconnaissance' }, via: 'Russian reconnaissance', note: null }],
      citedBy: [],
      provenance: {
        recordedAt: '2026-11-24',
        note: 'Verbatim in RT\'s English translation ("he added"). The document\'s text ends in a comma before "he added"; a full stop is used here.',
        sources: [SOURCE],
      },
    });
    expect(byClaim(s.stances)).toEqual([
      { value: 'ASSERTS', note: null, claim: { key: 'no-isis-fighters-in-daquq' }, statement: { key: 'konashenkov-reconnaissance-quote' } },
      { value: 'ASSERTS', note: null, claim: { key: 'two-jets-struck-daquq' }, statement: { key: 'konashenkov-reconnaissance-quote' } },
    ]);
    expect(sortedTyped(s.mentions)).toEqual(['Actor:islamic-state', 'Place:daquq', 'Place:kirkuk']);
  });

  it('the ministry’s accusation and the statements responding to it', async () => {
    const accusation = await statement('mod-accuses-coalition-daquq');
    expect(accusation).toMatchObject({
      kind: 'ACCUSATION',
      quote: 'PARAPHRASE',
      venue: 'OFFICIAL',
      speaker: { key: 'russian-ministry-of-defence' },
      onBehalfOf: null,
      firstAppearedIn: { key: RT_ARTICLE },
      respondsTo: [],
      events: [{ key: DAQUQ_STRIKE }],
      cites: [],
    });
    expect(sortedKeys(accusation.responses)).toEqual(['coalition-denies-daquq-airstrikes-sputnik', 'wnu-editor-on-russian-claims']);
    expect(byClaim(accusation.stances).map((st) => [st.claim.key, st.value])).toEqual([
      ['coalition-carried-out-daquq-strike', 'ASSERTS'],
      ['daquq-strike-hit-mourning-procession', 'ASSERTS'],
      ['daquq-strike-killed-dozens', 'ASSERTS'],
    ]);
    expect(sortedTyped(accusation.mentions)).toEqual(['Place:daquq']);

    const denial = await statement('coalition-denies-daquq-airstrikes-sputnik');
    expect(denial).toMatchObject({
      kind: 'DENIAL',
      quote: 'HEADLINE',
      text: 'US-Led Coalition Denies Involvement in Daquq Airstrikes Against Civilians',
      speaker: { key: 'us-led-coalition', name: 'US-led coalition' },
      onBehalfOf: null,
      firstAppearedIn: { key: 'sputnik-coalition-denies-daquq-airstrikes' },
      reportedIn: { totalCount: 2, edges: [{ node: { key: WNU_ARTICLE } }, { node: { key: 'sputnik-coalition-denies-daquq-airstrikes' } }] },
      respondsTo: [{ key: 'mod-accuses-coalition-daquq' }],
      responses: [],
      stances: [{ value: 'DENIES', note: null, claim: { key: 'coalition-carried-out-daquq-strike' } }],
    });

    const comment = await statement('wnu-editor-on-russian-claims');
    expect(comment).toMatchObject({
      kind: 'COMMENT',
      venue: 'EDITORIAL',
      madeAt: '2016-10-24',
      madeAtPrecision: 'DAY',
      speaker: { key: 'wnu-editor' },
      respondsTo: [{ key: 'mod-accuses-coalition-daquq' }],
      events: [{ key: DAQUQ_STRIKE }],
    });
    expect(byClaim(comment.stances).map((st) => [st.claim.key, st.value, st.note])).toEqual([
      ['coalition-carried-out-daquq-strike', 'DISPUTES', "Questions the accusers' motive rather than denying the claim outright."],
      ['russian-accusation-diverts-from-aleppo', 'ASSERTS', 'Hedged ("I can only assume").'],
    ]);
    expect(sortedTyped(comment.mentions)).toEqual(['Actor:russian-ministry-of-defence', 'Event:russian-air-campaign-aleppo-2016', 'Place:aleppo']);
  });

  it('Human Rights Watch’s call: addressed to Iraq, no venue, cited by the WNU editor', async () => {
    const s = await statement('hrw-calls-for-investigation');
    expect(s).toMatchObject({
      kind: 'CALL_FOR_INVESTIGATION',
      text: 'Iraq: Investigate Mosque Strike That Killed Civilians',
      quote: 'HEADLINE',
      venue: null,
      madeAt: '2016-10',
      speaker: { key: 'human-rights-watch', name: 'Human Rights Watch' },
      onBehalfOf: null,
      addressedTo: [{ key: 'iraq', name: 'Iraq' }],
      firstAppearedIn: { key: 'hrw-investigate-mosque-strike' },
      citedBy: [{ key: 'wnu-editor-iraqis-want-answers' }],
      cites: [],
      mentions: [],
    });
    expect(byClaim(s.stances).map((st) => [st.claim.key, st.value, st.note])).toEqual([
      ['coalition-carried-out-daquq-strike', 'CALLS_TO_VERIFY', 'The headline asks for an investigation; who struck is what is to be established.'],
      [
        'daquq-strike-hit-mosque',
        'ASSERTS',
        'The headline presents a "Mosque Strike That Killed Civilians" as fact; it is tied to Daquq only through the WNU post\'s context.',
      ],
    ]);
  });

  it('the WNU editor’s comment: about the strike directly, citing a statement, mentioning every kind of record', async () => {
    const s = await statement('wnu-editor-iraqis-want-answers');
    expect(s).toMatchObject({
      speaker: { key: 'wnu-editor' },
      firstAppearedIn: { key: WNU_ARTICLE },
      reportedIn: { totalCount: 1, edges: [{ node: { key: WNU_ARTICLE } }] },
      stances: [],
      events: [{ key: DAQUQ_STRIKE }],
      cites: [
        {
          target: { __typename: 'Statement', key: 'hrw-calls-for-investigation' },
          via: 'Iraq: Investigate Mosque Strike That Killed Civilians (Human Rights Watch)',
          note: null,
        },
      ],
    });
    expect(sortedTyped(s.mentions)).toEqual(['Actor:human-rights-watch', 'Actor:iraq', 'Event:mosul-offensive-2016', 'Place:mosul']);
  });

  it('IBTimes’ own reporting: no speaker, REPORTING venue', async () => {
    const s = await statement('ibtimes-reports-17-killed');
    expect(s).toMatchObject({
      kind: 'CLAIM',
      text: 'airstrike on Iraqi mosque that killed 17',
      venue: 'REPORTING',
      speaker: null,
      onBehalfOf: null,
      firstAppearedIn: { key: 'ibtimes-us-denies-coalition-involvement-mosque' },
    });
    expect(byClaim(s.stances).map((st) => [st.claim.key, st.value])).toEqual([
      ['daquq-strike-hit-mosque', 'ASSERTS'],
      ['daquq-strike-killed-17', 'ASSERTS'],
    ]);
  });

  it('the reader comments and the MacArthur quote: undated, citing and cited', async () => {
    const jac = await statement('reader-jac-comment');
    expect(jac).toMatchObject({
      kind: 'COMMENT',
      text: 'It was just expected. Sorry to say, again, that\'s the consequences of the failed Obama policy.As general Mac Arthur said "defeat is often defined by two words: too late".',
      venue: 'READER_COMMENT',
      madeAt: null,
      madeAtPrecision: null,
      speaker: { key: 'jac', name: 'Jac' },
      events: [{ key: DAQUQ_STRIKE }],
      cites: [{ target: { __typename: 'Statement', key: 'macarthur-too-late' }, via: 'as general Mac Arthur said', note: null }],
      mentions: [{ __typename: 'Actor', key: 'barack-obama' }],
    });
    const macarthur = await statement('macarthur-too-late');
    expect(macarthur).toMatchObject({
      text: 'defeat is often defined by two words: too late',
      quote: 'PARAPHRASE',
      venue: null,
      madeAt: null,
      speaker: { key: 'douglas-macarthur', name: 'General Douglas MacArthur' },
      firstAppearedIn: null,
      reportedIn: { totalCount: 1, edges: [{ node: { key: WNU_ARTICLE } }] },
      events: [],
      stances: [],
      citedBy: [{ key: 'reader-jac-comment' }],
    });
    const anonymous = await statement('reader-anonymous-comment');
    expect(anonymous.speaker).toEqual({ key: 'anonymous-commenter', name: 'Anonymous' });
    expect(sortedTyped(anonymous.mentions)).toEqual(['Actor:iran', 'Actor:russia', 'Actor:united-states', 'Place:europe']);
  });

  it('the eyewitness quote cites the eyewitnesses; the denials heading mentions the US and Iraq the place', async () => {
    const quote = await statement('konashenkov-eyewitness-quote');
    expect(quote.cites).toEqual([{ target: { __typename: 'Actor', key: 'eyewitnesses-daquq' }, via: 'eyewitness accounts', note: null }]);
    expect(quote.stances).toHaveLength(4);
    const heading = await statement('wnu-editor-links-denials');
    expect(sortedTyped(heading.mentions)).toEqual(['Actor:united-states', 'Place:iraq']);
    expect(heading.stances).toEqual([
      {
        value: 'ASSERTS',
        note: 'Implied by placing the mosque denials under the Russian accusation; not stated.',
        claim: { key: 'mosque-strike-same-as-mourners-strike' },
        statement: { key: 'wnu-editor-links-denials' },
      },
    ]);
  });
});
