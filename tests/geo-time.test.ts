import { afterAll, describe, expect, it } from 'vitest';
import {
  EventsInBoxDocument,
  EventsNearMosulDocument,
  EventsNearPlaceDocument,
  TimelineEntriesDocument,
  type TimelineEntriesQuery,
} from './generated/graphql.js';
import { codes, gid, testApi, type Result } from './helpers/api.js';

const api = testApi();
afterAll(() => api.close());

const kirkuk = gid('Place', 'kirkuk');
/** The keys of a connection's records, in order. */
const keys = (connection: { edges: Array<{ node: { key: string } }> } | null | undefined) => connection!.edges.map((e) => e.node.key);

describe('events near a point or a place', () => {
  it('within 50 km of Kirkuk: the Daquq strike (Daquq lies about 39 km away); within 10 km: nothing', async () => {
    const near = EventsNearPlaceDocument;
    const wide = await api.run(near, { place: kirkuk, radiusKm: 50 });
    expect(wide.errors).toBeUndefined();
    expect(keys(wide.data?.eventsNear)).toEqual(['daquq-airstrike-2016-10-21']);
    expect(wide.data!.eventsNear!.totalCount).toBe(1);
    const narrow = await api.run(near, { place: kirkuk, radiusKm: 10 });
    expect(keys(narrow.data?.eventsNear)).toEqual([]);
    expect(wide.queries).toEqual(['Place by ids', 'events near page forward and count']);
  });

  it('around a point, with the events filters: Mosul within 20 km, by kind and period', async () => {
    const query = EventsNearMosulDocument;
    expect(keys((await api.run(query, {})).data?.eventsNear)).toEqual(['mosul-offensive-2016']);
    expect(keys((await api.run(query, { filter: { kinds: ['AIRSTRIKE'] } })).data?.eventsNear)).toEqual([]);
    expect(keys((await api.run(query, { filter: { from: '2017' } })).data?.eventsNear)).toEqual([]);
  });

  it('refuses invalid coordinates and radii, both or neither centre, unknown places and places without coordinates', async () => {
    const cases: Array<[string, string]> = [
      ['center: { latitude: 91, longitude: 0 }, radiusKm: 5', 'VALIDATION'],
      ['center: { latitude: 0, longitude: -180.5 }, radiusKm: 5', 'VALIDATION'],
      ['center: { latitude: 0, longitude: 0 }, radiusKm: 0', 'VALIDATION'],
      ['center: { latitude: 0, longitude: 0 }, radiusKm: -3', 'VALIDATION'],
      ['center: { latitude: 0, longitude: 0 }, radiusKm: 50000', 'VALIDATION'],
      ['radiusKm: 5', 'VALIDATION'],
      [`center: { latitude: 0, longitude: 0 }, place: "${kirkuk}", radiusKm: 5`, 'VALIDATION'],
      [`place: "${gid('Place', 'atlantis')}", radiusKm: 5`, 'NOT_FOUND'],
      [`place: "${gid('Place', 'village-south-of-mosul')}", radiusKm: 5`, 'VALIDATION'],
      [`place: "${gid('Actor', 'russia')}", radiusKm: 5`, 'VALIDATION'],
    ];
    for (const [args, code] of cases) {
      const result = await api.run(`{ eventsNear(${args}) { totalCount } }`);
      expect(codes(result), args).toEqual([code]);
    }
  });
});

describe('events in a bounding box', () => {
  const inBox = EventsInBoxDocument;

  it('Iraq’s box holds the Mosul and Daquq events, oldest first; widened west to Aleppo and filtered by kind, the air campaign', async () => {
    const iraq = await api.run(inBox, { sw: { latitude: 29, longitude: 38.8 }, ne: { latitude: 37.4, longitude: 48.6 } });
    expect(iraq.errors).toBeUndefined();
    expect(keys(iraq.data?.eventsInBox)).toEqual(['mosul-offensive-2016', 'daquq-airstrike-2016-10-21']);
    const wider = await api.run(inBox, {
      sw: { latitude: 29, longitude: 30 },
      ne: { latitude: 37.4, longitude: 48.6 },
      filter: { kinds: ['AIR_CAMPAIGN'] },
    });
    expect(keys(wider.data?.eventsInBox)).toEqual(['russian-air-campaign-aleppo-2016']);
  });

  it('refuses a box upside down or off the globe', async () => {
    const flipped = await api.run(inBox, { sw: { latitude: 40, longitude: 30 }, ne: { latitude: 30, longitude: 40 } });
    expect(codes(flipped)).toEqual(['VALIDATION']);
    const off = await api.run(inBox, { sw: { latitude: 0, longitude: 30 }, ne: { latitude: 30, longitude: 400 } });
    expect(codes(off)).toEqual(['VALIDATION']);
  });
});

describe('timeline', () => {
  const timeline = TimelineEntriesDocument;
  const entries = (result: Result<TimelineEntriesQuery>) =>
    result.data!.timeline!.edges.map(({ node }) => `${(node.__typename === 'Statement' ? node.madeAt : node.publishedAt) ?? 'undated'} ${node.__typename} ${node.key}`);

  it('an actor: Konashenkov’s statements (October 2016), then the articles that carried them, undated last', async () => {
    const result = await api.run(timeline, { actor: gid('Actor', 'igor-konashenkov') });
    expect(result.errors).toBeUndefined();
    expect(entries(result)).toEqual([
      '2016-10 Statement konashenkov-eyewitness-quote',
      '2016-10 Statement konashenkov-mistaken-identity-paraphrase',
      '2016-10 Statement konashenkov-reconnaissance-quote',
      '2016-10-24 Article wnu-russia-accuses-us-coalition-2016-10-24',
      'undated Article rt-coalition-strike-killed-mourners-kirkuk',
    ]);
    expect(result.queries).toEqual(['Actor by ids', 'actor timeline page forward and count']);
  });

  it('an event, from a date: only what may be dated on or after it', async () => {
    const result = await api.run(timeline, { event: gid('Event', 'daquq-airstrike-2016-10-21'), filter: { from: '2016-10-24' } });
    // Statements known only to October may have been made on the 24th or later; undated ones are left out.
    expect(entries(result).filter((line) => line.startsWith('2016-10-24'))).toEqual([
      // Same day: ties go by key, except that the post comes after the comments it carries.
      '2016-10-24 Statement wnu-editor-iraqis-want-answers',
      '2016-10-24 Statement wnu-editor-links-denials',
      '2016-10-24 Statement wnu-editor-on-russian-claims',
      '2016-10-24 Article wnu-russia-accuses-us-coalition-2016-10-24',
    ]);
    expect(entries(result)).toContain('2016-10 Statement mod-accuses-coalition-daquq');
    expect(entries(result).some((line) => line.startsWith('undated'))).toBe(false);
  });

  it('a place takes in what happened within it, and pages in date order', async () => {
    const all = await api.run(timeline, { place: gid('Place', 'kirkuk-governorate'), first: 100 });
    const total = all.data!.timeline!.totalCount;
    expect(total).toBe(all.data!.timeline!.edges.length);
    expect(entries(all)).toContain('2016-10 Statement mod-accuses-coalition-daquq');
    const dates = entries(all).map((line) => line.split(' ')[0]).filter((d) => d !== 'undated');
    expect(dates).toEqual([...dates].sort());
    const first = await api.run(timeline, { place: gid('Place', 'kirkuk-governorate'), first: 5 });
    const next = await api.run(timeline, { place: gid('Place', 'kirkuk-governorate'), first: 5, after: first.data!.timeline!.pageInfo.endCursor });
    expect([...entries(first), ...entries(next)]).toEqual(entries(all).slice(0, 10));
  });

  it('refuses no anchor or several, unknown anchors and reversed periods', async () => {
    expect(codes(await api.run(timeline, {}))).toEqual(['VALIDATION']);
    expect(codes(await api.run(timeline, { event: gid('Event', 'daquq-airstrike-2016-10-21'), actor: gid('Actor', 'russia') }))).toEqual(['VALIDATION']);
    expect(codes(await api.run(timeline, { actor: gid('Actor', 'nobody') }))).toEqual(['NOT_FOUND']);
    expect(codes(await api.run(timeline, { actor: gid('Place', 'daquq') }))).toEqual(['VALIDATION']);
    expect(codes(await api.run(timeline, { actor: gid('Actor', 'russia'), filter: { from: '2017', to: '2016' } }))).toEqual(['VALIDATION']);
  });
});
