import { afterAll, describe, expect, it } from 'vitest';
import { PlaceDocument, PlaceNeighboursDocument, SyriaAleppoEuropeDocument } from '../generated/graphql.js';
import { gid, testApi } from '../helpers/api.js';
import { ALEPPO_CAMPAIGN, CIVILIAN_RETURN, DAQUQ_STRIKE, edgeKeys, MOSUL_OFFENSIVE, SOURCE } from '../helpers/seed.js';

/** The type Place: its fields and relationships, read both ways, against the values in seeds/daquq-2016-10-24-wnu.yaml. */

const api = testApi();
afterAll(() => api.close());

describe('Place', () => {
  const place = async (key: string) => (await api.data(PlaceDocument, { id: gid('Place', key) })).place!;

  it('Daquq: kind, country, location, parent, near Kirkuk (30 km, S), its event', async () => {
    const daquq = await place('daquq');
    expect(daquq).toMatchObject({
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
    expect(daquq.provenance.recordedAt).toBe('2026-11-24');
    expect(daquq.provenance.sources).toEqual([SOURCE]);
    expect(daquq.provenance.note).toBe(
      'RT calls it "the Iraqi city of Daquq", hence CITY; by general knowledge it is a small town. Coordinates and the governorate are from general knowledge, not the document.',
    );
  });

  it('Kirkuk: Daquq is its neighbour, the same proximity seen from the other end', async () => {
    expect(await place('kirkuk')).toMatchObject({
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
    const governorate = await place('kirkuk-governorate');
    expect(governorate).toMatchObject({
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
    expect(governorate.children).toEqual([
      { key: 'daquq', name: 'Daquq' },
      { key: 'kirkuk', name: 'Kirkuk' },
    ]);
  });

  it('Iraq: the top of the hierarchy; its events are those anywhere within it', async () => {
    const iraq = await place('iraq');
    expect(iraq).toMatchObject({ key: 'iraq', name: 'Iraq', kind: 'COUNTRY', countryCode: 'IQ', location: null, parent: null });
    expect(iraq.children).toEqual([
      { key: 'kirkuk-governorate', name: 'Kirkuk Governorate' },
      { key: 'nineveh-governorate', name: 'Nineveh Governorate' },
      { key: 'village-south-of-mosul', name: 'Unnamed village south of Mosul' },
    ]);
    expect(iraq.events.totalCount).toBe(3);
    // Oldest first: "2016-10" (the offensive) before the two events of 2016-10-21, ties by key.
    expect(edgeKeys(iraq.events)).toEqual([MOSUL_OFFENSIVE, DAQUQ_STRIKE, CIVILIAN_RETURN]);
  });

  it('the unnamed village south of Mosul: near Mosul with a direction but no distance', async () => {
    expect(await place('village-south-of-mosul')).toMatchObject({
      key: 'village-south-of-mosul',
      kind: 'VILLAGE',
      location: null,
      parent: { key: 'iraq' },
      near: [{ place: { key: 'mosul', name: 'Mosul' }, distanceKm: null, direction: 'S', note: 'Caption says only "south of Mosul, Iraq"; no distance given.' }],
      events: { totalCount: 1, edges: [{ node: { key: CIVILIAN_RETURN } }] },
    });
    const { mosul } = await api.data(PlaceNeighboursDocument, { id: gid('Place', 'mosul') });
    expect(mosul).toEqual({
      neighbours: [{ place: { key: 'village-south-of-mosul' }, direction: 'S', distanceKm: null }],
      parent: { key: 'nineveh-governorate' },
      events: { edges: [{ node: { key: MOSUL_OFFENSIVE } }] },
    });
  });

  it('Syria and Aleppo; Europe, a region with no country and no parent', async () => {
    const result = await api.data(SyriaAleppoEuropeDocument, { syria: gid('Place', 'syria'), aleppo: gid('Place', 'aleppo'), europe: gid('Place', 'europe') });
    expect(result).toEqual({
      syria: { kind: 'COUNTRY', countryCode: 'SY', parent: null, children: [{ key: 'aleppo' }], events: { edges: [{ node: { key: ALEPPO_CAMPAIGN } }] } },
      aleppo: { kind: 'CITY', countryCode: 'SY', location: { latitude: 36.2021, longitude: 37.1343 }, parent: { key: 'syria' } },
      europe: { name: 'Europe', kind: 'REGION', countryCode: null, location: null, parent: null, children: [], events: { totalCount: 0 } },
    });
  });
});
