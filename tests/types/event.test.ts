import { afterAll, describe, expect, it } from 'vitest';
import { EventAndPartDocument, EventDatesAndPlacesDocument, EventDocument, EventStatementsByKindDocument } from '../generated/graphql.js';
import { gid, testApi } from '../helpers/api.js';
import { ALEPPO_CAMPAIGN, CIVILIAN_RETURN, DAQUQ_STATEMENTS, DAQUQ_STRIKE, edgeKeys, MOSUL_OFFENSIVE, PHOTO, SOURCE } from '../helpers/seed.js';

/** The type Event: its fields and relationships, read both ways, against the values in seeds/daquq-2016-10-24-wnu.yaml. */

const api = testApi();
afterAll(() => api.close());

describe('Event', () => {
  it('the Daquq airstrike: its fields, place, claims and statements', async () => {
    const { event } = await api.data(EventDocument, { id: gid('Event', DAQUQ_STRIKE) });
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
    expect(event!.claims.totalCount).toBe(10);
    expect(edgeKeys(event!.claims)).toEqual([
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
    expect(event!.statements.totalCount).toBe(DAQUQ_STATEMENTS.length);
    expect(edgeKeys(event!.statements)).toEqual(DAQUQ_STATEMENTS);
    expect(event!.statements.pageInfo).toEqual({ hasNextPage: false, hasPreviousPage: false });
    expect(event!.provenance.recordedAt).toBe('2026-11-24');
    expect(event!.provenance.sources).toEqual([SOURCE]);
    expect(event!.provenance.note).toMatch(/^Date: the post of Monday 24 October 2016 reproduces RT saying the strike was "on Friday"/);
  });

  it('statements(kinds:) narrows the event’s statements', async () => {
    const { event } = await api.data(EventStatementsByKindDocument, { id: gid('Event', DAQUQ_STRIKE) });
    expect(event!.denials.totalCount).toBe(4);
    expect(edgeKeys(event!.denials)).toEqual([
      'coalition-denies-bombing-mosque-usa-today',
      'coalition-denies-daquq-airstrikes-sputnik',
      'us-denies-attacking-mosque-nbc',
      'us-denies-coalition-involvement-ibtimes',
    ]);
    expect(edgeKeys(event!.calls)).toEqual(['hrw-calls-for-investigation']);
  });

  it('the Mosul offensive and the civilian return: partOf and parts, month precision, media', async () => {
    const { offensive, ret } = await api.data(EventAndPartDocument, { offensive: gid('Event', MOSUL_OFFENSIVE), ret: gid('Event', CIVILIAN_RETURN) });
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
    const { event } = await api.data(EventDatesAndPlacesDocument, { id: gid('Event', ALEPPO_CAMPAIGN) });
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
