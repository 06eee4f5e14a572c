import { afterAll, describe, expect, it } from 'vitest';
import { FourOutletsDocument, OutletDocument } from '../generated/graphql.js';
import { gid, testApi } from '../helpers/api.js';
import { RT_ARTICLE, SOURCE, WNU_ARTICLE } from '../helpers/seed.js';

/** The type Outlet: its fields and relationships, read both ways, against the values in seeds/daquq-2016-10-24-wnu.yaml. */

const api = testApi();
afterAll(() => api.close());

describe('Outlet', () => {
  const outlet = async (key: string) => (await api.data(OutletDocument, { id: gid('Outlet', key) })).outlet;

  it('RT: state media of Russia, operated by Russia, with its article', async () => {
    expect(await outlet('rt')).toEqual({
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
    expect(await outlet('war-news-updates')).toMatchObject({
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
    const result = await api.data(FourOutletsDocument, {
      reuters: gid('Outlet', 'reuters'),
      sputnik: gid('Outlet', 'sputnik'),
      ibtimes: gid('Outlet', 'ibtimes'),
      hrw: gid('Outlet', 'hrw'),
    });
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
