import { afterAll, describe, expect, it } from 'vitest';
import { gid, testApi } from './helpers/api.js';

/**
 * Every node type's fields and relationships, read both ways, against the values in
 * seeds/daquq-2016-10-24-wnu.yaml.
 */

const api = testApi();
afterAll(() => api.close());

/** Runs a query that must succeed and returns its data. */
async function data(query: string, variables: Record<string, unknown> = {}): Promise<any> {
  const result = await api.run<any, Record<string, unknown>>(query, variables);
  expect(result.errors).toBeUndefined();
  expect(result.status).toBe(200);
  return result.data;
}

const keys = (list: Array<{ key: string }>) => list.map((item) => item.key);
const edgeKeys = (connection: { edges: Array<{ node: { key: string } }> }) => connection.edges.map((edge) => edge.node.key);

/** A union member as `Typename:key`, so a wrong type fails as surely as a wrong key. */
const typed = (item: { __typename: string; key: string }) => `${item.__typename}:${item.key}`;

/** Selects `__typename` and `key` on every member of a union. */
const anyKey = '__typename ... on Actor { key } ... on Article { key } ... on Outlet { key } ... on Statement { key } ... on Place { key } ... on Event { key }';

const SOURCE = {
  key: 'wnu-2016-10-24-daquq',
  title: 'Russia Accuses U.S. Coalition Jets Of Killing Civilians Near Kirkuk, Iraq',
};

const DAQUQ_STRIKE = 'daquq-airstrike-2016-10-21';
const MOSUL_OFFENSIVE = 'mosul-offensive-2016';
const CIVILIAN_RETURN = 'village-south-of-mosul-civilian-return-2016-10-21';
const ALEPPO_CAMPAIGN = 'russian-air-campaign-aleppo-2016';
const WNU_ARTICLE = 'wnu-russia-accuses-us-coalition-2016-10-24';
const RT_ARTICLE = 'rt-coalition-strike-killed-mourners-kirkuk';
const PHOTO = 'reuters-photo-civilians-return-2016-10-21';

/** Every statement the seed ties to the Daquq strike (by `about` or a stance on one of its claims), oldest first, undated last. */
const DAQUQ_STATEMENTS = [
  // madeAt "2016-10", by key
  'coalition-denies-bombing-mosque-usa-today',
  'coalition-denies-daquq-airstrikes-sputnik',
  'hrw-calls-for-investigation',
  'ibtimes-reports-17-killed',
  'konashenkov-eyewitness-quote',
  'konashenkov-mistaken-identity-paraphrase',
  'konashenkov-reconnaissance-quote',
  'mod-accuses-coalition-daquq',
  'us-denies-attacking-mosque-nbc',
  'us-denies-coalition-involvement-ibtimes',
  // madeAt "2016-10-24"
  'wnu-editor-iraqis-want-answers',
  'wnu-editor-links-denials',
  'wnu-editor-on-russian-claims',
  // undated
  'reader-anonymous-comment',
  'reader-jac-comment',
];

describe('Event', () => {
  const eventQuery = `query($id: ID!) {
    event(id: $id) {
      id key kind title summary startDate endDate datePrecision
      places { key name }
      partOf { key title }
      parts { key title }
      media { key }
      claims(first: 100) { totalCount edges { node { key } } }
      statements(first: 100) { totalCount edges { node { key } } pageInfo { hasNextPage hasPreviousPage } }
      provenance { recordedAt note sources { key title } }
    }
  }`;

  it('the Daquq airstrike: its fields, place, claims and statements', async () => {
    const { event } = await data(eventQuery, { id: gid('Event', DAQUQ_STRIKE) });
    expect(event).toMatchObject({
      id: gid('Event', DAQUQ_STRIKE),
      key: DAQUQ_STRIKE,
      kind: 'AIRSTRIKE',
      title: 'Airstrike on Daquq, Kirkuk Governorate',
      summary:
        'An airstrike hit Daquq, about 30 km south of Kirkuk, Iraq, killing civilians. Who carried it out, how many died and what was hit are disputed or unconfirmed and are recorded as claims.',
      startDate: '2016-10-21',
      endDate: null,
      datePrecision: 'DAY',
      places: [{ key: 'daquq', name: 'Daquq' }],
      partOf: null,
      parts: [],
      media: [],
    });
    expect(event.claims.totalCount).toBe(10);
    expect(edgeKeys(event.claims)).toEqual([
      'coalition-carried-out-daquq-strike',
      'daquq-strike-hit-mosque',
      'daquq-strike-hit-mourning-procession',
      'daquq-strike-killed-17',
      'daquq-strike-killed-dozens',
      'mosque-strike-same-as-mourners-strike',
      'mourners-mistaken-for-isis',
      'no-isis-fighters-in-daquq',
      'russian-accusation-diverts-from-aleppo',
      'two-jets-struck-daquq',
    ]);
    expect(event.statements.totalCount).toBe(DAQUQ_STATEMENTS.length);
    expect(edgeKeys(event.statements)).toEqual(DAQUQ_STATEMENTS);
    expect(event.statements.pageInfo).toEqual({ hasNextPage: false, hasPreviousPage: false });
    expect(event.provenance.recordedAt).toBe('2026-11-24');
    expect(event.provenance.sources).toEqual([SOURCE]);
    expect(event.provenance.note).toMatch(/^Date: the post of Monday 24 October 2016 reproduces RT saying the strike was "on Friday"/);
  });

  it('statements(kinds:) narrows the event’s statements', async () => {
    const { event } = await data(
      `query($id: ID!) { event(id: $id) { denials: statements(first: 100, kinds: [DENIAL]) { totalCount edges { node { key } } }
         calls: statements(first: 100, kinds: [CALL_FOR_INVESTIGATION, CONFIRMATION]) { edges { node { key } } } } }`,
      { id: gid('Event', DAQUQ_STRIKE) },
    );
    expect(event.denials.totalCount).toBe(4);
    expect(edgeKeys(event.denials)).toEqual([
      'coalition-denies-bombing-mosque-usa-today',
      'coalition-denies-daquq-airstrikes-sputnik',
      'us-denies-attacking-mosque-nbc',
      'us-denies-coalition-involvement-ibtimes',
    ]);
    expect(edgeKeys(event.calls)).toEqual(['hrw-calls-for-investigation']);
  });

  it('the Mosul offensive and the civilian return: partOf and parts, month precision, media', async () => {
    const { offensive, ret } = await data(
      `query($offensive: ID!, $ret: ID!) {
        offensive: event(id: $offensive) {
          key kind title startDate datePrecision places { key } partOf { key } parts { key kind startDate }
          claims { totalCount } statements { totalCount } media { key }
        }
        ret: event(id: $ret) {
          key kind title startDate datePrecision places { key name } partOf { key kind title } parts { key }
          media { key kind }
        }
      }`,
      { offensive: gid('Event', MOSUL_OFFENSIVE), ret: gid('Event', CIVILIAN_RETURN) },
    );
    expect(offensive).toEqual({
      key: MOSUL_OFFENSIVE,
      kind: 'MILITARY_CAMPAIGN',
      title: 'Military operations near Mosul',
      startDate: '2016-10',
      datePrecision: 'MONTH',
      places: [{ key: 'mosul' }],
      partOf: null,
      parts: [{ key: CIVILIAN_RETURN, kind: 'CIVILIAN_RETURN', startDate: '2016-10-21' }],
      claims: { totalCount: 0 },
      statements: { totalCount: 0 },
      media: [],
    });
    expect(ret).toEqual({
      key: CIVILIAN_RETURN,
      kind: 'CIVILIAN_RETURN',
      title: 'Civilians return to a village south of Mosul',
      startDate: '2016-10-21',
      datePrecision: 'DAY',
      places: [{ key: 'village-south-of-mosul', name: 'Unnamed village south of Mosul' }],
      partOf: { key: MOSUL_OFFENSIVE, kind: 'MILITARY_CAMPAIGN', title: 'Military operations near Mosul' },
      parts: [],
      media: [{ key: PHOTO, kind: 'PHOTO' }],
    });
  });

  it('the Aleppo campaign: year precision, in Syria', async () => {
    const { event } = await data(
      'query($id: ID!) { event(id: $id) { key kind startDate endDate datePrecision summary places { key parent { key } } } }',
      { id: gid('Event', ALEPPO_CAMPAIGN) },
    );
    expect(event).toEqual({
      key: ALEPPO_CAMPAIGN,
      kind: 'AIR_CAMPAIGN',
      startDate: '2016',
      endDate: null,
      datePrecision: 'YEAR',
      summary: "Russia's bombing campaign in Aleppo, Syria, referred to as ongoing in October 2016.",
      places: [{ key: 'aleppo', parent: { key: 'syria' } }],
    });
  });
});

describe('Place', () => {
  const placeQuery = `query($id: ID!) {
    place(id: $id) {
      id key name kind countryCode location { latitude longitude }
      parent { key name kind }
      children { key name }
      near { place { key name } distanceKm direction note }
      neighbours { place { key name } distanceKm direction note }
      events(first: 100) { totalCount edges { node { key } } }
      provenance { recordedAt note sources { key title } }
    }
  }`;

  it('Daquq: kind, country, location, parent, near Kirkuk (30 km, S), its event', async () => {
    const { place } = await data(placeQuery, { id: gid('Place', 'daquq') });
    expect(place).toMatchObject({
      id: gid('Place', 'daquq'),
      key: 'daquq',
      name: 'Daquq',
      kind: 'CITY',
      countryCode: 'IQ',
      location: { latitude: 35.1387, longitude: 44.4469 },
      parent: { key: 'kirkuk-governorate', name: 'Kirkuk Governorate', kind: 'PROVINCE' },
      children: [],
      near: [
        {
          place: { key: 'kirkuk', name: 'Kirkuk' },
          distanceKm: 30,
          direction: 'S',
          note: 'From Konashenkov\'s quote "Daquq, located 30 kilometers to the south of Kirkuk" (RT\'s headline also says "30km from Kirkuk").',
        },
      ],
      neighbours: [],
      events: { totalCount: 1, edges: [{ node: { key: DAQUQ_STRIKE } }] },
    });
    expect(place.provenance.recordedAt).toBe('2026-11-24');
    expect(place.provenance.sources).toEqual([SOURCE]);
    expect(place.provenance.note).toBe(
      'RT calls it "the Iraqi city of Daquq", hence CITY; by general knowledge it is a small town. Coordinates and the governorate are from general knowledge, not the document.',
    );
  });

  it('Kirkuk: Daquq is its neighbour, the same proximity seen from the other end', async () => {
    const { place } = await data(placeQuery, { id: gid('Place', 'kirkuk') });
    expect(place).toMatchObject({
      key: 'kirkuk',
      kind: 'CITY',
      location: { latitude: 35.4681, longitude: 44.3922 },
      parent: { key: 'kirkuk-governorate' },
      children: [],
      near: [],
      neighbours: [{ place: { key: 'daquq', name: 'Daquq' }, distanceKm: 30, direction: 'S' }],
      // Nothing happened in Kirkuk itself: the strike was in Daquq, beside it, not within it.
      events: { totalCount: 0, edges: [] },
    });
  });

  it('Kirkuk Governorate: its children include Daquq, its parent is Iraq, its events include the strike', async () => {
    const { place } = await data(placeQuery, { id: gid('Place', 'kirkuk-governorate') });
    expect(place).toMatchObject({
      key: 'kirkuk-governorate',
      name: 'Kirkuk Governorate',
      kind: 'PROVINCE',
      countryCode: 'IQ',
      location: null,
      parent: { key: 'iraq', name: 'Iraq', kind: 'COUNTRY' },
      near: [],
      neighbours: [],
      events: { totalCount: 1, edges: [{ node: { key: DAQUQ_STRIKE } }] },
    });
    expect(place.children).toEqual([
      { key: 'daquq', name: 'Daquq' },
      { key: 'kirkuk', name: 'Kirkuk' },
    ]);
  });

  it('Iraq: the top of the hierarchy; its events are those anywhere within it', async () => {
    const { place } = await data(placeQuery, { id: gid('Place', 'iraq') });
    expect(place).toMatchObject({ key: 'iraq', name: 'Iraq', kind: 'COUNTRY', countryCode: 'IQ', location: null, parent: null });
    expect(place.children).toEqual([
      { key: 'kirkuk-governorate', name: 'Kirkuk Governorate' },
      { key: 'nineveh-governorate', name: 'Nineveh Governorate' },
      { key: 'village-south-of-mosul', name: 'Unnamed village south of Mosul' },
    ]);
    expect(place.events.totalCount).toBe(3);
    // Oldest first: "2016-10" (the offensive) before the two events of 2016-10-21, ties by key.
    expect(edgeKeys(place.events)).toEqual([MOSUL_OFFENSIVE, DAQUQ_STRIKE, CIVILIAN_RETURN]);
  });

  it('the unnamed village south of Mosul: near Mosul with a direction but no distance', async () => {
    const { place } = await data(placeQuery, { id: gid('Place', 'village-south-of-mosul') });
    expect(place).toMatchObject({
      key: 'village-south-of-mosul',
      kind: 'VILLAGE',
      location: null,
      parent: { key: 'iraq' },
      near: [{ place: { key: 'mosul', name: 'Mosul' }, distanceKm: null, direction: 'S', note: 'Caption says only "south of Mosul, Iraq"; no distance given.' }],
      events: { totalCount: 1, edges: [{ node: { key: CIVILIAN_RETURN } }] },
    });
    const { mosul } = await data('query($id: ID!) { mosul: place(id: $id) { neighbours { place { key } direction distanceKm } parent { key } events { edges { node { key } } } } }', {
      id: gid('Place', 'mosul'),
    });
    expect(mosul).toEqual({
      neighbours: [{ place: { key: 'village-south-of-mosul' }, direction: 'S', distanceKm: null }],
      parent: { key: 'nineveh-governorate' },
      events: { edges: [{ node: { key: MOSUL_OFFENSIVE } }] },
    });
  });

  it('Syria and Aleppo; Europe, a region with no country and no parent', async () => {
    const result = await data(`query($syria: ID!, $aleppo: ID!, $europe: ID!) {
      syria: place(id: $syria) { kind countryCode parent { key } children { key } events { edges { node { key } } } }
      aleppo: place(id: $aleppo) { kind countryCode location { latitude longitude } parent { key } }
      europe: place(id: $europe) { name kind countryCode location { latitude } parent { key } children { key } events { totalCount } }
    }`, { syria: gid('Place', 'syria'), aleppo: gid('Place', 'aleppo'), europe: gid('Place', 'europe') });
    expect(result).toEqual({
      syria: { kind: 'COUNTRY', countryCode: 'SY', parent: null, children: [{ key: 'aleppo' }], events: { edges: [{ node: { key: ALEPPO_CAMPAIGN } }] } },
      aleppo: { kind: 'CITY', countryCode: 'SY', location: { latitude: 36.2021, longitude: 37.1343 }, parent: { key: 'syria' } },
      europe: { name: 'Europe', kind: 'REGION', countryCode: null, location: null, parent: null, children: [], events: { totalCount: 0 } },
    });
  });
});

describe('Actor', () => {
  const role = 'title note holder { key name } organization { __typename ... on Actor { key name } ... on Outlet { key name } }';
  const actorQuery = `query($id: ID!) {
    actor(id: $id) {
      id key name kind countryCode aliases
      roles { ${role} }
      members { ${role} }
      outlets { key name }
      attributions { role claim { key } actor { key } }
      statements(first: 100) { totalCount edges { node { key } } }
      statementsOnBehalf(first: 100) { totalCount edges { node { key } } }
      provenance { recordedAt note sources { key title } }
    }
  }`;

  it('Igor Konashenkov: spokesperson of the Russian Ministry of Defence, and his statements', async () => {
    const { actor } = await data(actorQuery, { id: gid('Actor', 'igor-konashenkov') });
    expect(actor).toEqual({
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
    const { actor } = await data(actorQuery, { id: gid('Actor', 'russian-ministry-of-defence') });
    expect(actor).toMatchObject({
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
    const { konashenkov, ministry } = await data(
      `query($k: ID!, $m: ID!) {
        konashenkov: actor(id: $k) { accusations: statements(kinds: [ACCUSATION]) { edges { node { key kind } } } denials: statements(kinds: [DENIAL]) { totalCount } }
        ministry: actor(id: $m) { statementsOnBehalf(kinds: [CLAIM]) { totalCount edges { node { key kind } } } }
      }`,
      { k: gid('Actor', 'igor-konashenkov'), m: gid('Actor', 'russian-ministry-of-defence') },
    );
    expect(konashenkov.accusations.edges).toEqual([{ node: { key: 'konashenkov-eyewitness-quote', kind: 'ACCUSATION' } }]);
    expect(konashenkov.denials.totalCount).toBe(0);
    expect(ministry.statementsOnBehalf).toEqual({
      totalCount: 2,
      edges: [
        { node: { key: 'konashenkov-mistaken-identity-paraphrase', kind: 'CLAIM' } },
        { node: { key: 'konashenkov-reconnaissance-quote', kind: 'CLAIM' } },
      ],
    });
  });

  it('Russia operates RT and Sputnik; Human Rights Watch operates its own outlet', async () => {
    const { russia, hrw } = await data(
      `query($russia: ID!, $hrw: ID!) {
        russia: actor(id: $russia) { name kind countryCode outlets { key name } statements { totalCount } }
        hrw: actor(id: $hrw) { name kind countryCode outlets { key name kind } statements { edges { node { key } } } }
      }`,
      { russia: gid('Actor', 'russia'), hrw: gid('Actor', 'human-rights-watch') },
    );
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
    const { editor, photographer } = await data(
      `query($editor: ID!, $photographer: ID!) {
        editor: actor(id: $editor) { kind countryCode roles { ${role} } statements { edges { node { key } } } }
        photographer: actor(id: $photographer) { roles { ${role} } }
      }`,
      { editor: gid('Actor', 'wnu-editor'), photographer: gid('Actor', 'thaier-al-sudaini') },
    );
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
    expect(photographer.roles).toEqual([
      {
        title: 'photographer',
        note: null,
        holder: { key: 'thaier-al-sudaini', name: 'Thaier Al-Sudaini' },
        organization: { __typename: 'Outlet', key: 'reuters', name: 'Reuters' },
      },
    ]);
  });

  it('the US-led coalition: the claims attributing the strike to it, and its denials', async () => {
    const { actor } = await data(actorQuery, { id: gid('Actor', 'us-led-coalition') });
    expect(actor).toMatchObject({
      name: 'US-led coalition',
      kind: 'COALITION',
      countryCode: null,
      aliases: ['U.S.-led coalition', 'US-led coalition', 'U.S. Coalition', 'coalition'],
      statements: {
        totalCount: 2,
        edges: [{ node: { key: 'coalition-denies-bombing-mosque-usa-today' } }, { node: { key: 'coalition-denies-daquq-airstrikes-sputnik' } }],
      },
    });
    expect(actor.attributions).toEqual([
      { role: 'PERPETRATOR', claim: { key: 'coalition-carried-out-daquq-strike' }, actor: { key: 'us-led-coalition' } },
      { role: 'PERPETRATOR', claim: { key: 'mourners-mistaken-for-isis' }, actor: { key: 'us-led-coalition' } },
    ]);
  });

  it('Iraq the state and Iraq the place: the same key, two records with different IDs', async () => {
    const { state, country } = await data(
      `query($state: ID!, $country: ID!) {
        state: actor(id: $state) { id key name kind countryCode }
        country: place(id: $country) { id key name kind }
      }`,
      { state: gid('Actor', 'iraq'), country: gid('Place', 'iraq') },
    );
    expect(state).toEqual({ id: gid('Actor', 'iraq'), key: 'iraq', name: 'Iraq', kind: 'STATE', countryCode: 'IQ' });
    expect(country).toEqual({ id: gid('Place', 'iraq'), key: 'iraq', name: 'Iraq', kind: 'COUNTRY' });
    expect(state.id).not.toBe(country.id);
  });
});

describe('Outlet', () => {
  const outletQuery = `query($id: ID!) {
    outlet(id: $id) {
      id key name kind domains country stateAffiliation
      operators { key name }
      staff { title holder { key } organization { __typename ... on Outlet { key } ... on Actor { key } } }
      articles(first: 100) { totalCount edges { node { key } } }
      provenance { recordedAt note sources { key title } }
    }
  }`;

  it('RT: state media of Russia, operated by Russia, with its article', async () => {
    const { outlet } = await data(outletQuery, { id: gid('Outlet', 'rt') });
    expect(outlet).toEqual({
      id: gid('Outlet', 'rt'),
      key: 'rt',
      name: 'RT',
      kind: 'STATE_MEDIA',
      domains: ['rt.com'],
      country: 'RU',
      stateAffiliation: 'RU',
      operators: [{ key: 'russia', name: 'Russia' }],
      staff: [],
      articles: { totalCount: 1, edges: [{ node: { key: RT_ARTICLE } }] },
      provenance: {
        recordedAt: '2026-11-24',
        note: 'Named as "RT:" before the reproduced article. Domain, country and state affiliation are from general knowledge.',
        sources: [SOURCE],
      },
    });
  });

  it('War News Updates: a blog with no state affiliation, its editor on staff, its post', async () => {
    const { outlet } = await data(outletQuery, { id: gid('Outlet', 'war-news-updates') });
    expect(outlet).toMatchObject({
      name: 'War News Updates',
      kind: 'BLOG',
      domains: ['warnewsupdates.blogspot.com'],
      country: 'US',
      stateAffiliation: null,
      operators: [],
      staff: [{ title: 'editor', holder: { key: 'wnu-editor' }, organization: { __typename: 'Outlet', key: 'war-news-updates' } }],
      articles: { totalCount: 1, edges: [{ node: { key: WNU_ARTICLE } }] },
    });
  });

  it('Reuters, Sputnik, IBTimes and HRW: staff, operators, empty domains, no articles', async () => {
    const result = await data(
      `query($reuters: ID!, $sputnik: ID!, $ibtimes: ID!, $hrw: ID!) {
        reuters: outlet(id: $reuters) { kind domains country stateAffiliation staff { title holder { key } } articles { totalCount edges { node { key } } } }
        sputnik: outlet(id: $sputnik) { kind country stateAffiliation operators { key } articles { edges { node { key } } } }
        ibtimes: outlet(id: $ibtimes) { name kind domains country operators { key } articles { edges { node { key } } } }
        hrw: outlet(id: $hrw) { name kind domains operators { key kind } articles { edges { node { key } } } }
      }`,
      { reuters: gid('Outlet', 'reuters'), sputnik: gid('Outlet', 'sputnik'), ibtimes: gid('Outlet', 'ibtimes'), hrw: gid('Outlet', 'hrw') },
    );
    expect(result).toEqual({
      reuters: {
        kind: 'WIRE',
        domains: ['reuters.com'],
        country: null,
        stateAffiliation: null,
        staff: [{ title: 'photographer', holder: { key: 'thaier-al-sudaini' } }],
        articles: { totalCount: 0, edges: [] },
      },
      sputnik: {
        kind: 'STATE_MEDIA',
        country: 'RU',
        stateAffiliation: 'RU',
        operators: [{ key: 'russia' }],
        articles: { edges: [{ node: { key: 'sputnik-coalition-denies-daquq-airstrikes' } }] },
      },
      ibtimes: {
        name: 'International Business Times',
        kind: 'DIGITAL',
        domains: [],
        country: null,
        operators: [],
        articles: { edges: [{ node: { key: 'ibtimes-us-denies-coalition-involvement-mosque' } }] },
      },
      hrw: {
        name: 'Human Rights Watch',
        kind: 'NGO',
        domains: ['hrw.org'],
        operators: [{ key: 'human-rights-watch', kind: 'NGO' }],
        articles: { edges: [{ node: { key: 'hrw-investigate-mosque-strike' } }] },
      },
    });
  });
});

describe('Article', () => {
  const citedKey = '__typename ... on Actor { key } ... on Article { key } ... on Outlet { key } ... on Statement { key }';
  const articleQuery = `query($id: ID!) {
    article(id: $id) {
      id key title url publishedAt publishedAtPrecision language
      outlet { key name }
      cites { via note target { ${citedKey} } }
      citedBy { key }
      media { key kind }
      statements(first: 100) { totalCount edges { node { key } } }
      provenance { recordedAt note sources { key title } }
    }
  }`;

  const MORE_NEWS = 'More News On U.S. Denials That They Bombed A Mosque In Iraq';

  it('the WNU post: its outlet, what it cites and how, its photo, every statement it carries', async () => {
    const { article } = await data(articleQuery, { id: gid('Article', WNU_ARTICLE) });
    expect(article).toMatchObject({
      id: gid('Article', WNU_ARTICLE),
      key: WNU_ARTICLE,
      title: 'Russia Accuses U.S. Coalition Jets Of Killing Civilians Near Kirkuk, Iraq',
      url: null,
      publishedAt: '2016-10-24',
      publishedAtPrecision: 'DAY',
      language: 'en',
      outlet: { key: 'war-news-updates', name: 'War News Updates' },
      citedBy: [],
      media: [{ key: PHOTO, kind: 'PHOTO' }],
      provenance: {
        recordedAt: '2026-11-24',
        note: 'The source document itself; dated "Monday, October 24, 2016" at its top.',
        sources: [SOURCE],
      },
    });
    const cites = [...article.cites].sort((a: any, b: any) => (typed(a.target) < typed(b.target) ? -1 : 1));
    expect(cites).toEqual([
      {
        target: { __typename: 'Article', key: 'hrw-investigate-mosque-strike' },
        via: "editor's comment",
        note: 'Cited in the WNU Editor\'s comment as "Iraq: Investigate Mosque Strike That Killed Civilians (Human Rights Watch)".',
      },
      { target: { __typename: 'Article', key: 'ibtimes-us-denies-coalition-involvement-mosque' }, via: MORE_NEWS, note: 'Listed as "-- IBTimes".' },
      { target: { __typename: 'Article', key: 'nbc-us-denies-attacking-mosque-daquq' }, via: MORE_NEWS, note: 'Listed as "-- NBC".' },
      {
        target: { __typename: 'Article', key: RT_ARTICLE },
        via: 'Read more ....',
        note: 'The post reproduces RT\'s text under the heading "RT:" and links to it with "Read more ....".',
      },
      { target: { __typename: 'Article', key: 'sputnik-coalition-denies-daquq-airstrikes' }, via: MORE_NEWS, note: 'Listed as "-- Sputnik".' },
      { target: { __typename: 'Article', key: 'usa-today-coalition-denies-bombing-mosque' }, via: MORE_NEWS, note: 'Listed as "-- USA Today".' },
      {
        target: { __typename: 'Outlet', key: 'reuters' },
        via: 'photo credit',
        note: 'The header photo is credited "© 2016 Reuters/Thaier Al-Sudaini".',
      },
    ]);
    // Every statement in the seed appears in (or first appeared in) the post: dated ones oldest first, undated last.
    expect(article.statements.totalCount).toBe(16);
    expect(edgeKeys(article.statements)).toEqual([
      ...DAQUQ_STATEMENTS.slice(0, 13),
      'macarthur-too-late',
      'reader-anonymous-comment',
      'reader-jac-comment',
    ]);
  });

  it('the RT article: undated, cited by the WNU post, citing the ministry, carrying the ministry’s statements', async () => {
    const { article } = await data(articleQuery, { id: gid('Article', RT_ARTICLE) });
    expect(article).toMatchObject({
      key: RT_ARTICLE,
      title: 'US-led coalition strike killed dozens of civilian mourners 30km from Kirkuk – Russian MoD',
      url: null,
      publishedAt: null,
      publishedAtPrecision: null,
      language: 'en',
      outlet: { key: 'rt', name: 'RT' },
      cites: [
        { target: { __typename: 'Actor', key: 'russian-ministry-of-defence' }, via: 'statement by spokesperson Igor Konashenkov', note: null },
      ],
      citedBy: [{ key: WNU_ARTICLE }],
      media: [],
      statements: {
        totalCount: 4,
        edges: [
          { node: { key: 'konashenkov-eyewitness-quote' } },
          { node: { key: 'konashenkov-mistaken-identity-paraphrase' } },
          { node: { key: 'konashenkov-reconnaissance-quote' } },
          { node: { key: 'mod-accuses-coalition-daquq' } },
        ],
      },
    });
  });

  it('the headline-only articles: cited by the post, each carrying its statements', async () => {
    const result = await data(
      `query($hrw: ID!, $ibtimes: ID!) {
        hrw: article(id: $hrw) { title outlet { key } cites { via } citedBy { key } statements { edges { node { key } } } }
        ibtimes: article(id: $ibtimes) { title outlet { key } citedBy { key } statements(kinds: [DENIAL]) { edges { node { key } } } all: statements { totalCount } }
      }`,
      { hrw: gid('Article', 'hrw-investigate-mosque-strike'), ibtimes: gid('Article', 'ibtimes-us-denies-coalition-involvement-mosque') },
    );
    expect(result).toEqual({
      hrw: {
        title: 'Iraq: Investigate Mosque Strike That Killed Civilians',
        outlet: { key: 'hrw' },
        cites: [],
        citedBy: [{ key: WNU_ARTICLE }],
        statements: { edges: [{ node: { key: 'hrw-calls-for-investigation' } }] },
      },
      ibtimes: {
        title: 'US denies coalition involvement in airstrike on Iraqi mosque that killed 17',
        outlet: { key: 'ibtimes' },
        citedBy: [{ key: WNU_ARTICLE }],
        statements: { edges: [{ node: { key: 'us-denies-coalition-involvement-ibtimes' } }] },
        all: { totalCount: 2 },
      },
    });
  });
});

describe('Statement', () => {
  const citedKey = '__typename ... on Actor { key } ... on Article { key } ... on Outlet { key } ... on Statement { key }';
  const mentionedKey = '__typename ... on Actor { key } ... on Event { key } ... on Outlet { key } ... on Place { key }';
  const statementQuery = `query($id: ID!) {
    statement(id: $id) {
      id key kind text quote venue madeAt madeAtPrecision
      speaker { key name }
      onBehalfOf { key name }
      addressedTo { key name }
      firstAppearedIn { key }
      reportedIn(first: 100) { totalCount edges { node { key } } }
      stances { value note claim { key } statement { key } }
      events { key }
      respondsTo { key }
      responses { key }
      cites { via note target { ${citedKey} } }
      citedBy { key }
      mentions { ${mentionedKey} }
      provenance { recordedAt note sources { key title } }
    }
  }`;

  const statement = async (key: string) => (await data(statementQuery, { id: gid('Statement', key) })).statement;
  const byClaim = (stances: Array<{ claim: { key: string } }>) => [...stances].sort((a, b) => (a.claim.key < b.claim.key ? -1 : 1));
  const sortedKeys = (list: Array<{ key: string }>) => keys(list).sort();
  const sortedTyped = (list: Array<{ __typename: string; key: string }>) => list.map(typed).sort();

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
    expect(byClaim(accusation.stances).map((st: any) => [st.claim.key, st.value])).toEqual([
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
    expect(byClaim(comment.stances).map((st: any) => [st.claim.key, st.value, st.note])).toEqual([
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
    expect(byClaim(s.stances).map((st: any) => [st.claim.key, st.value, st.note])).toEqual([
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
    expect(byClaim(s.stances).map((st: any) => [st.claim.key, st.value])).toEqual([
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

describe('Claim', () => {
  const claimQuery = `query($id: ID!) {
    claim(id: $id) {
      id key proposition casualtiesMin casualtiesMax casualtiesText
      event { key }
      attributions { role actor { key name } claim { key } }
      assertedBy { key }
      deniedBy { key }
      statements(first: 100) { totalCount edges { node { key } } }
      provenance { recordedAt note sources { key title } }
    }
  }`;

  const claim = async (key: string) => (await data(claimQuery, { id: gid('Claim', key) })).claim;
  const sortedKeys = (list: Array<{ key: string }>) => keys(list).sort();

  it('who carried out the strike: attributed to the coalition, asserted by the ministry, denied by the US and the coalition', async () => {
    const c = await claim('coalition-carried-out-daquq-strike');
    expect(c).toMatchObject({
      id: gid('Claim', 'coalition-carried-out-daquq-strike'),
      key: 'coalition-carried-out-daquq-strike',
      proposition: 'The US-led coalition carried out the airstrike on Daquq.',
      casualtiesMin: null,
      casualtiesMax: null,
      casualtiesText: null,
      event: { key: DAQUQ_STRIKE },
      attributions: [
        { role: 'PERPETRATOR', actor: { key: 'us-led-coalition', name: 'US-led coalition' }, claim: { key: 'coalition-carried-out-daquq-strike' } },
      ],
      provenance: { recordedAt: '2026-11-24', note: null, sources: [SOURCE] },
    });
    // Speakers and the bodies they spoke for.
    expect(sortedKeys(c.assertedBy)).toEqual(['igor-konashenkov', 'russian-ministry-of-defence']);
    expect(sortedKeys(c.deniedBy)).toEqual(['united-states', 'us-led-coalition']);
    expect(c.statements.totalCount).toBe(9);
    expect(edgeKeys(c.statements)).toEqual([
      'coalition-denies-bombing-mosque-usa-today',
      'coalition-denies-daquq-airstrikes-sputnik',
      'hrw-calls-for-investigation',
      'konashenkov-eyewitness-quote',
      'konashenkov-mistaken-identity-paraphrase',
      'mod-accuses-coalition-daquq',
      'us-denies-attacking-mosque-nbc',
      'us-denies-coalition-involvement-ibtimes',
      'wnu-editor-on-russian-claims',
    ]);
  });

  it('statements(stances:) keeps only the statements taking those positions', async () => {
    const { claim: c } = await data(
      `query($id: ID!) { claim(id: $id) {
        denies: statements(stances: [DENIES]) { totalCount edges { node { key } } }
        disputes: statements(stances: [DISPUTES]) { totalCount edges { node { key } } }
        supports: statements(stances: [ASSERTS, CALLS_TO_VERIFY]) { totalCount edges { node { key } } }
      } }`,
      { id: gid('Claim', 'coalition-carried-out-daquq-strike') },
    );
    expect(c.denies.totalCount).toBe(4);
    expect(edgeKeys(c.denies)).toEqual([
      'coalition-denies-bombing-mosque-usa-today',
      'coalition-denies-daquq-airstrikes-sputnik',
      'us-denies-attacking-mosque-nbc',
      'us-denies-coalition-involvement-ibtimes',
    ]);
    expect(c.disputes).toEqual({ totalCount: 1, edges: [{ node: { key: 'wnu-editor-on-russian-claims' } }] });
    expect(c.supports.totalCount).toBe(4);
    expect(edgeKeys(c.supports)).toEqual([
      'hrw-calls-for-investigation',
      'konashenkov-eyewitness-quote',
      'konashenkov-mistaken-identity-paraphrase',
      'mod-accuses-coalition-daquq',
    ]);
  });

  it('the death tolls: "dozens" (at least 24) and exactly 17', async () => {
    const dozens = await claim('daquq-strike-killed-dozens');
    expect(dozens).toMatchObject({
      proposition: 'Dozens of civilians, including women and children, were killed.',
      casualtiesMin: 24,
      casualtiesMax: null,
      casualtiesText: 'dozens',
      event: { key: DAQUQ_STRIKE },
      attributions: [],
      deniedBy: [],
      statements: { totalCount: 2, edges: [{ node: { key: 'konashenkov-eyewitness-quote' } }, { node: { key: 'mod-accuses-coalition-daquq' } }] },
    });
    expect(sortedKeys(dozens.assertedBy)).toEqual(['igor-konashenkov', 'russian-ministry-of-defence']);
    const seventeen = await claim('daquq-strike-killed-17');
    expect(seventeen).toMatchObject({
      proposition: 'Seventeen people were killed in the airstrike.',
      casualtiesMin: 17,
      casualtiesMax: 17,
      casualtiesText: '17',
      // Asserted only by IBTimes' own reporting, which has no speaker.
      assertedBy: [],
      deniedBy: [],
      statements: { totalCount: 1, edges: [{ node: { key: 'ibtimes-reports-17-killed' } }] },
    });
  });

  it('the other claims: their attributions and who asserts them', async () => {
    const mistaken = await claim('mourners-mistaken-for-isis');
    expect(mistaken.attributions).toEqual([
      { role: 'PERPETRATOR', actor: { key: 'us-led-coalition', name: 'US-led coalition' }, claim: { key: 'mourners-mistaken-for-isis' } },
    ]);
    expect(sortedKeys(mistaken.assertedBy)).toEqual(['igor-konashenkov', 'russian-ministry-of-defence']);
    const same = await claim('mosque-strike-same-as-mourners-strike');
    expect(same).toMatchObject({
      proposition: 'The mosque strike the US denied is the strike on mourners the Russian MoD described.',
      assertedBy: [{ key: 'wnu-editor' }],
      deniedBy: [],
      attributions: [],
    });
    const mosque = await claim('daquq-strike-hit-mosque');
    expect(mosque.assertedBy).toEqual([{ key: 'human-rights-watch' }]);
    const aleppo = await claim('russian-accusation-diverts-from-aleppo');
    expect(aleppo.proposition).toBe(
      "The Russian MoD's accusation aims to divert media attention from Russia's bombing campaign in Aleppo.",
    );
    expect(aleppo.event).toEqual({ key: DAQUQ_STRIKE });
  });
});

describe('MediaItem', () => {
  const mediaFields = `
    id key kind caption credit
    creditedTo { key name }
    distributedBy { key name }
    depicts { verified note target { __typename ... on Event { key } ... on Place { key } } }
    embeddedIn { key }
    provenance { recordedAt note sources { key title } }`;

  const expected = {
    id: gid('MediaItem', PHOTO),
    key: PHOTO,
    kind: 'PHOTO',
    caption: 'Civilians return to their village after it was retaken by anti-ISIS forces, south of Mosul, Iraq, October 21, 2016.',
    credit: '© 2016 Reuters/Thaier Al-Sudaini',
    creditedTo: [{ key: 'thaier-al-sudaini', name: 'Thaier Al-Sudaini' }],
    distributedBy: { key: 'reuters', name: 'Reuters' },
    embeddedIn: [{ key: WNU_ARTICLE }],
    provenance: {
      recordedAt: '2026-11-24',
      note: 'The photo illustrates the post but depicts a different place and event (a civilian return south of Mosul) than the Daquq strike.',
      sources: [SOURCE],
    },
  };
  const depictions = [
    { target: { __typename: 'Event', key: CIVILIAN_RETURN }, verified: true, note: 'Per caption.' },
    { target: { __typename: 'Place', key: 'village-south-of-mosul' }, verified: true, note: 'Per caption; the village is not named.' },
  ];
  const byTarget = (list: Array<{ target: { __typename: string; key: string } }>) =>
    [...list].sort((a, b) => (typed(a.target) < typed(b.target) ? -1 : 1));

  it('the Reuters photo, reached from the article that embeds it: credit, distributor, verified depictions', async () => {
    const { article } = await data(`query($id: ID!) { article(id: $id) { media { ${mediaFields} } } }`, { id: gid('Article', WNU_ARTICLE) });
    expect(article.media).toHaveLength(1);
    const [photo] = article.media;
    expect(photo).toMatchObject(expected);
    expect(byTarget(photo.depicts)).toEqual(depictions);
  });

  it('the same photo by node(id) and from the event it depicts', async () => {
    const { node, event } = await data(
      `query($photo: ID!, $event: ID!) {
        node(id: $photo) { __typename ... on MediaItem { ${mediaFields} } }
        event(id: $event) { media { key embeddedIn { key } } }
      }`,
      { photo: gid('MediaItem', PHOTO), event: gid('Event', CIVILIAN_RETURN) },
    );
    expect(node).toMatchObject({ __typename: 'MediaItem', ...expected });
    expect(byTarget(node.depicts)).toEqual(depictions);
    expect(event.media).toEqual([{ key: PHOTO, embeddedIn: [{ key: WNU_ARTICLE }] }]);
  });
});

describe('Source, via provenance', () => {
  const FULL_SOURCE = {
    ...SOURCE,
    id: gid('Source', SOURCE.key),
    uri: 'source-documents/2016-10-24-daquq-strike-wnu.txt',
    publishedAt: '2016-10-24',
    recordedAt: '2026-11-24',
    note: 'Plain-text copy of a War News Updates blog post dated Monday, October 24, 2016, including the two reader comments below it. Links in the original post are not preserved in the copy, so no URLs are recorded.',
  };
  const sourceFields = 'id key title uri publishedAt recordedAt note';

  it('every kind of record names the bundle it was read from', async () => {
    const result = await data(
      `query($event: ID!, $place: ID!, $actor: ID!, $outlet: ID!, $article: ID!, $statement: ID!, $claim: ID!, $media: ID!) {
        event(id: $event) { provenance { recordedAt sources { ${sourceFields} } } }
        place(id: $place) { provenance { recordedAt sources { ${sourceFields} } } }
        actor(id: $actor) { provenance { recordedAt sources { ${sourceFields} } } }
        outlet(id: $outlet) { provenance { recordedAt sources { ${sourceFields} } } }
        article(id: $article) { provenance { recordedAt sources { ${sourceFields} } } }
        statement(id: $statement) { provenance { recordedAt sources { ${sourceFields} } } }
        claim(id: $claim) { provenance { recordedAt sources { ${sourceFields} } } }
        node(id: $media) { ... on MediaItem { provenance { recordedAt sources { ${sourceFields} } } } }
      }`,
      {
        event: gid('Event', MOSUL_OFFENSIVE),
        place: gid('Place', 'europe'),
        actor: gid('Actor', 'jac'),
        outlet: gid('Outlet', 'usa-today'),
        article: gid('Article', 'usa-today-coalition-denies-bombing-mosque'),
        statement: gid('Statement', 'macarthur-too-late'),
        claim: gid('Claim', 'two-jets-struck-daquq'),
        media: gid('MediaItem', PHOTO),
      },
    );
    expect(Object.keys(result)).toHaveLength(8);
    for (const [field, record] of Object.entries<any>(result)) {
      expect(record.provenance, field).toEqual({ recordedAt: '2026-11-24', sources: [FULL_SOURCE] });
    }
  });

  it('the source itself by node(id), with the same ID as in provenance', async () => {
    const { node, claim } = await data(
      `query($id: ID!, $claim: ID!) {
        node(id: $id) { __typename ... on Source { ${sourceFields} } }
        claim(id: $claim) { provenance { sources { id } } }
      }`,
      { id: gid('Source', SOURCE.key), claim: gid('Claim', 'no-isis-fighters-in-daquq') },
    );
    expect(node).toEqual({ __typename: 'Source', ...FULL_SOURCE });
    expect(claim.provenance.sources).toEqual([{ id: node.id }]);
  });
});
