import { afterAll, describe, expect, it } from 'vitest';
import { ArticleDocument, HeadlineOnlyArticlesDocument } from '../generated/graphql.js';
import { gid, testApi } from '../helpers/api.js';
import { byTarget, DAQUQ_STATEMENTS, edgeKeys, PHOTO, RT_ARTICLE, SOURCE, WNU_ARTICLE } from '../helpers/seed.js';

/** The type Article: its fields and relationships, read both ways, against the values in seeds/daquq-2016-10-24-wnu.yaml. */

const api = testApi();
afterAll(() => api.close());

describe('Article', () => {
  const article = async (key: string) => (await api.data(ArticleDocument, { id: gid('Article', key) })).article!;

  const MORE_NEWS = 'More News On U.S. Denials That They Bombed A Mosque In Iraq';

  it('the WNU post: its outlet, what it cites and how, its photo, every statement it carries', async () => {
    const post = await article(WNU_ARTICLE);
    expect(post).toMatchObject({
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
    expect(byTarget(post.cites)).toEqual([
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
    expect(post.statements.totalCount).toBe(16);
    expect(edgeKeys(post.statements)).toEqual([
      ...DAQUQ_STATEMENTS.slice(0, 13),
      'macarthur-too-late',
      'reader-anonymous-comment',
      'reader-jac-comment',
    ]);
  });

  it('the RT article: undated, cited by the WNU post, citing the ministry, carrying the ministry’s statements', async () => {
    expect(await article(RT_ARTICLE)).toMatchObject({
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
    const result = await api.data(HeadlineOnlyArticlesDocument, {
      hrw: gid('Article', 'hrw-investigate-mosque-strike'),
      ibtimes: gid('Article', 'ibtimes-us-denies-coalition-involvement-mosque'),
    });
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
