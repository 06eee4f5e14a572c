import { afterAll, describe, expect, it } from 'vitest';
import { ActorAndPlaceDocument, ActorDocument, ActorOutletsDocument, ActorStatementsByKindDocument, RolesInOutletsDocument } from '../generated/graphql.js';
import { gid, testApi } from '../helpers/api.js';
import { SOURCE } from '../helpers/seed.js';

/** The type Actor: its fields and relationships, read both ways, against the values in seeds/daquq-2016-10-24-wnu.yaml. */

const api = testApi();
afterAll(() => api.close());

describe('Actor', () => {
  const actor = async (key: string) => (await api.data(ActorDocument, { id: gid('Actor', key) })).actor!;

  it('Igor Konashenkov: spokesperson of the Russian Ministry of Defence, and his statements', async () => {
    expect(await actor('igor-konashenkov')).toEqual({
      id: gid('Actor', 'igor-konashenkov'),
      key: 'igor-konashenkov',
      name: 'Igor Konashenkov',
      kind: 'PERSON',
      countryCode: 'RU',
      aliases: ['General Igor Konashenkov', 'Konashenkov'],
      roles: [
        {
          title: 'spokesperson',
          note: 'RT calls him "General Igor Konashenkov, spokesperson for the Russian Defense Ministry".',
          holder: { key: 'igor-konashenkov', name: 'Igor Konashenkov' },
          organization: { __typename: 'Actor', key: 'russian-ministry-of-defence', name: 'Russian Ministry of Defence' },
        },
      ],
      members: [],
      outlets: [],
      attributions: [],
      statements: {
        totalCount: 3,
        edges: [
          { node: { key: 'konashenkov-eyewitness-quote' } },
          { node: { key: 'konashenkov-mistaken-identity-paraphrase' } },
          { node: { key: 'konashenkov-reconnaissance-quote' } },
        ],
      },
      statementsOnBehalf: { totalCount: 0, edges: [] },
      provenance: { recordedAt: '2026-11-24', note: null, sources: [SOURCE] },
    });
  });

  it('the Russian Ministry of Defence: its members, its own statement and those made on its behalf', async () => {
    expect(await actor('russian-ministry-of-defence')).toMatchObject({
      key: 'russian-ministry-of-defence',
      name: 'Russian Ministry of Defence',
      kind: 'GOVERNMENT_BODY',
      countryCode: 'RU',
      aliases: ['Russian Ministry of Defense', 'Russian MoD', 'Russian Defense Ministry', 'Russian Ministry Defense'],
      roles: [],
      members: [
        {
          title: 'spokesperson',
          holder: { key: 'igor-konashenkov', name: 'Igor Konashenkov' },
          organization: { __typename: 'Actor', key: 'russian-ministry-of-defence', name: 'Russian Ministry of Defence' },
        },
      ],
      outlets: [],
      statements: { totalCount: 1, edges: [{ node: { key: 'mod-accuses-coalition-daquq' } }] },
      statementsOnBehalf: {
        totalCount: 3,
        edges: [
          { node: { key: 'konashenkov-eyewitness-quote' } },
          { node: { key: 'konashenkov-mistaken-identity-paraphrase' } },
          { node: { key: 'konashenkov-reconnaissance-quote' } },
        ],
      },
    });
  });

  it('statements(kinds:) and statementsOnBehalf(kinds:) narrow by kind', async () => {
    const { konashenkov, ministry } = await api.data(ActorStatementsByKindDocument, {
      k: gid('Actor', 'igor-konashenkov'),
      m: gid('Actor', 'russian-ministry-of-defence'),
    });
    expect(konashenkov!.accusations.edges).toEqual([{ node: { key: 'konashenkov-eyewitness-quote', kind: 'ACCUSATION' } }]);
    expect(konashenkov!.denials.totalCount).toBe(0);
    expect(ministry!.statementsOnBehalf).toEqual({
      totalCount: 2,
      edges: [
        { node: { key: 'konashenkov-mistaken-identity-paraphrase', kind: 'CLAIM' } },
        { node: { key: 'konashenkov-reconnaissance-quote', kind: 'CLAIM' } },
      ],
    });
  });

  it('Russia operates RT and Sputnik; Human Rights Watch operates its own outlet', async () => {
    const { russia, hrw } = await api.data(ActorOutletsDocument, { russia: gid('Actor', 'russia'), hrw: gid('Actor', 'human-rights-watch') });
    expect(russia).toEqual({
      name: 'Russia',
      kind: 'STATE',
      countryCode: 'RU',
      outlets: [
        { key: 'rt', name: 'RT' },
        { key: 'sputnik', name: 'Sputnik' },
      ],
      statements: { totalCount: 0 },
    });
    expect(hrw).toEqual({
      name: 'Human Rights Watch',
      kind: 'NGO',
      countryCode: null,
      outlets: [{ key: 'hrw', name: 'Human Rights Watch', kind: 'NGO' }],
      statements: { edges: [{ node: { key: 'hrw-calls-for-investigation' } }] },
    });
  });

  it('roles in outlets: the WNU editor and the Reuters photographer', async () => {
    const { editor, photographer } = await api.data(RolesInOutletsDocument, {
      editor: gid('Actor', 'wnu-editor'),
      photographer: gid('Actor', 'thaier-al-sudaini'),
    });
    expect(editor).toEqual({
      kind: 'PERSON',
      countryCode: null,
      roles: [
        {
          title: 'editor',
          note: null,
          holder: { key: 'wnu-editor', name: 'WNU Editor' },
          organization: { __typename: 'Outlet', key: 'war-news-updates', name: 'War News Updates' },
        },
      ],
      statements: {
        edges: [
          { node: { key: 'wnu-editor-iraqis-want-answers' } },
          { node: { key: 'wnu-editor-links-denials' } },
          { node: { key: 'wnu-editor-on-russian-claims' } },
        ],
      },
    });
    expect(photographer!.roles).toEqual([
      {
        title: 'photographer',
        note: null,
        holder: { key: 'thaier-al-sudaini', name: 'Thaier Al-Sudaini' },
        organization: { __typename: 'Outlet', key: 'reuters', name: 'Reuters' },
      },
    ]);
  });

  it('the US-led coalition: the claims attributing the strike to it, and its denials', async () => {
    const coalition = await actor('us-led-coalition');
    expect(coalition).toMatchObject({
      name: 'US-led coalition',
      kind: 'COALITION',
      countryCode: null,
      aliases: ['U.S.-led coalition', 'US-led coalition', 'U.S. Coalition', 'coalition'],
      statements: {
        totalCount: 2,
        edges: [{ node: { key: 'coalition-denies-bombing-mosque-usa-today' } }, { node: { key: 'coalition-denies-daquq-airstrikes-sputnik' } }],
      },
    });
    expect(coalition.attributions).toEqual([
      { role: 'PERPETRATOR', claim: { key: 'coalition-carried-out-daquq-strike' }, actor: { key: 'us-led-coalition' } },
      { role: 'PERPETRATOR', claim: { key: 'mourners-mistaken-for-isis' }, actor: { key: 'us-led-coalition' } },
    ]);
  });

  it('Iraq the state and Iraq the place: the same key, two records with different IDs', async () => {
    const { state, country } = await api.data(ActorAndPlaceDocument, { state: gid('Actor', 'iraq'), country: gid('Place', 'iraq') });
    expect(state).toEqual({ id: gid('Actor', 'iraq'), key: 'iraq', name: 'Iraq', kind: 'STATE', countryCode: 'IQ' });
    expect(country).toEqual({ id: gid('Place', 'iraq'), key: 'iraq', name: 'Iraq', kind: 'COUNTRY' });
    expect(state!.id).not.toBe(country!.id);
  });
});
