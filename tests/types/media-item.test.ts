import { afterAll, describe, expect, it } from 'vitest';
import { ArticleMediaDocument, MediaItemAndEventMediaDocument } from '../generated/graphql.js';
import { gid, ofType, testApi } from '../helpers/api.js';
import { byTarget, CIVILIAN_RETURN, PHOTO, SOURCE, WNU_ARTICLE } from '../helpers/seed.js';

/** The type MediaItem: its fields and relationships, read both ways, against the values in seeds/daquq-2016-10-24-wnu.yaml. */

const api = testApi();
afterAll(() => api.close());

describe('MediaItem', () => {
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
    // A caption is not a check: both depictions are unverified (null), not verified.
    { target: { __typename: 'Event', key: CIVILIAN_RETURN }, verified: null, note: 'Per caption only; nobody has checked the image against it, so the depiction is left unverified.' },
    { target: { __typename: 'Place', key: 'village-south-of-mosul' }, verified: null, note: 'Per caption only (not checked); the village is not named.' },
  ];

  it('the Reuters photo, reached from the article that embeds it: credit, distributor, verified depictions', async () => {
    const { article } = await api.data(ArticleMediaDocument, { id: gid('Article', WNU_ARTICLE) });
    expect(article!.media).toHaveLength(1);
    const [photo] = article!.media;
    expect(photo).toMatchObject(expected);
    expect(byTarget(photo!.depicts)).toEqual(depictions);
  });

  it('the same photo by node(id) and from the event it depicts', async () => {
    const { node, event } = await api.data(MediaItemAndEventMediaDocument, { photo: gid('MediaItem', PHOTO), event: gid('Event', CIVILIAN_RETURN) });
    expect(node).toMatchObject({ __typename: 'MediaItem', ...expected });
    expect(byTarget(ofType(node, 'MediaItem').depicts)).toEqual(depictions);
    expect(event!.media).toEqual([{ key: PHOTO, embeddedIn: [{ key: WNU_ARTICLE }] }]);
  });
});
