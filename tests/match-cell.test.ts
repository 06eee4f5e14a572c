import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { cypher } from '../src/db/database.js';
import { migrate } from '../src/db/migrations.js';
import { Label } from '../src/domain/graph.js';
import { importBundle, upsertRecord } from '../src/ingest/write.js';
import { cellsAround, MATCH_CELL, MATCH_FROM, MATCH_TO, MATCH_WINDOW_CLASS } from '../src/modules/resolution/match-cell.js';
import { coarsePlaceKinds, distanceKm } from '../src/modules/resolution/match-rules.js';
import { eventsNearProbe } from '../src/modules/resolution/resolution.cypher.js';
import { periodOf, shiftDays } from '../src/domain/partial-date.js';
import { resolveEvents } from '../src/modules/resolution/resolve.js';
import { apiKeysOf, gid, testApi } from './helpers/api.js';
import { restoreSeed } from './helpers/graph.js';

/**
 * Events are filed in grid cells by their place's point (match-cell.ts), which matching seeks
 * instead of every event ever at the places nearby: the cells must follow every write that moves
 * an event or its place, and a probe's cells must hold every place within its reach.
 */
const api = testApi({ apiKeys: apiKeysOf('admin-key', 'admin', 'admin-secret') });
const db = api.db;
const source = { id: 'zz-cell-source', title: 'Match cells', recordedAt: '2026-12-07' };
beforeEach(() => restoreSeed(db));
afterAll(async () => {
  await restoreSeed(db);
  await api.close();
});

const cellsOf = cypher(
  'test: match cells',
  `MATCH (n:${Label.Event}|${Label.Place}) WHERE n.id STARTS WITH 'zz-cell-' RETURN n.id AS id, n.${MATCH_CELL} AS cell ORDER BY id`,
);
const cells = async () => Object.fromEntries((await db.read(cellsOf)).records.map((record) => [record.get('id'), record.get('cell')]));
const windowsOf = cypher(
  'test: match windows',
  `MATCH (n:${Label.Event}) WHERE n.id STARTS WITH 'zz-cell-' RETURN n.id AS id, toString(n.${MATCH_FROM}) + '/' + toString(n.${MATCH_TO}) + ' ' + coalesce(toString(n.${MATCH_WINDOW_CLASS}), '-') AS window ORDER BY id`,
);
const windows = async () => Object.fromEntries((await db.read(windowsOf)).records.map((record) => [record.get('id'), record.get('window')]));

const town = (id: string, latitude: number, longitude: number) => ({ id, name: id, kind: 'TOWN', location: { latitude, longitude } });
const strike = (id: string, place: string, startDate = '2016-10-21') => ({ id, kind: 'AIRSTRIKE', title: id, startDate, places: [place] });

describe('an event\'s match cell', () => {
  it('follows its place\'s point and kind, its places, and the deletion of its place', async () => {
    await importBundle(db, { source, places: [town('zz-cell-town', 35.1, 44.4)], events: [strike('zz-cell-strike', 'zz-cell-town')] });
    expect(await cells()).toEqual({ 'zz-cell-strike': 'f:70:88', 'zz-cell-town': 'f:70:88' });
    await upsertRecord(db, 'places', { id: 'zz-cell-town', location: { latitude: -33.9, longitude: -70.7 } }, source);
    expect((await cells())['zz-cell-strike']).toBe('f:-68:-142');
    // A province's centroid is filed in the coarse grid, where wide searches look.
    await upsertRecord(db, 'places', { id: 'zz-cell-town', kind: 'PROVINCE' }, source);
    expect((await cells())['zz-cell-strike']).toBe('c:-9:-18');
    await importBundle(db, { source, places: [town('zz-cell-a-village', 36.3, 43.1)] });
    await upsertRecord(db, 'events', { id: 'zz-cell-strike', places: ['zz-cell-a-village'] }, source);
    // The first located place by key is the one matching reads.
    expect((await cells())['zz-cell-strike']).toBe('f:72:86');
    const deleted = await api.run<any, any>(`mutation($id: ID!) { deleteRecord(id: $id) { __typename ... on AuditEntry { action } } }`, { id: gid('Place', 'zz-cell-a-village') }, { authorization: 'Bearer admin-secret' });
    expect(deleted.errors).toBeUndefined();
    expect((await cells())['zz-cell-strike']).toBe('c:-9:-18');
    await upsertRecord(db, 'events', { id: 'zz-cell-strike', places: null }, source);
    expect((await cells())['zz-cell-strike']).toBeNull();
  });

  it('lets matching find an event where its place was moved to', async () => {
    await importBundle(db, {
      source,
      places: [town('zz-cell-here', 35.1, 44.4), town('zz-cell-there', 30.2, 47.8)],
      events: [strike('zz-cell-1', 'zz-cell-here'), strike('zz-cell-2', 'zz-cell-there')],
    });
    expect((await resolveEvents(db, ['zz-cell-1'])).confirmed).toBe(0);
    await upsertRecord(db, 'places', { id: 'zz-cell-there', location: { latitude: 35.1005, longitude: 44.4005 } }, source);
    expect((await resolveEvents(db, ['zz-cell-1'])).confirmed).toBe(1);
  });

  it('is backfilled by migrate() on a store written without it, whose index is then created', async () => {
    await importBundle(db, {
      source,
      places: [town('zz-cell-town', 35.1, 44.4)],
      events: [
        strike('zz-cell-strike', 'zz-cell-town'),
        { ...strike('zz-cell-reported', 'zz-cell-town'), dateUncertaintyDays: 2 },
        { ...strike('zz-cell-weekly', 'zz-cell-town'), dateUncertaintyDays: 6 },
        { ...strike('zz-cell-uncertain', 'zz-cell-town', '2016-10'), dateUncertaintyDays: 3 },
      ],
    });
    const before = await cells();
    const written = await windows();
    // The window the write derives (the period widened by the uncertainty) and the class of its
    // length: an exact day, a few days, up to a fortnight; a month's is longer than every class.
    expect(written).toEqual({
      'zz-cell-strike': '2016-10-21/2016-10-21 0',
      'zz-cell-reported': '2016-10-19/2016-10-23 4',
      'zz-cell-weekly': '2016-10-15/2016-10-27 14',
      'zz-cell-uncertain': '2016-09-28/2016-11-03 -',
    });
    await db.write(cypher('test: drop the match cell index', `DROP INDEX event_matchcell_${MATCH_WINDOW_CLASS.toLowerCase()}_${MATCH_FROM.toLowerCase()} IF EXISTS`));
    await db.write(cypher('test: drop match cells', `MATCH (n:${Label.Event}|${Label.Place}) WHERE n.id STARTS WITH 'zz-cell-' REMOVE n.${MATCH_CELL}, n.${MATCH_FROM}, n.${MATCH_TO}, n.${MATCH_WINDOW_CLASS}`));
    expect((await cells())['zz-cell-strike']).toBeNull();
    const lines: string[] = [];
    await migrate(db, (line) => lines.push(line));
    expect(await cells()).toEqual(before);
    expect(await windows()).toEqual(written);
    expect(lines).toContain(`events filed in the cells matching seeks (Event.${MATCH_CELL})`);
    lines.length = 0;
    await migrate(db, (line) => lines.push(line));
    expect(lines.join('\n')).not.toContain('events filed in the cells');
  });
});

describe('an event\'s match window', () => {
  it('is found by the seeks of its class for every probe whose days it meets, and never otherwise', async () => {
    const day = (offset: number) => shiftDays('2016-10-21', offset);
    const events = [
      ...[0, 1, 2, 3, 5, 7].flatMap((uncertainty) =>
        Array.from({ length: 13 }, (_, i) => ({ ...strike(`zz-cell-u${uncertainty}-${i}`, 'zz-cell-town', day(3 * i - 18)), dateUncertaintyDays: uncertainty })),
      ),
      strike('zz-cell-month', 'zz-cell-town', '2016-10'),
      { ...strike('zz-cell-weeks', 'zz-cell-town', '2016-09-25'), endDate: '2016-10-30' },
      { ...strike('zz-cell-three-days', 'zz-cell-town', '2016-10-10'), endDate: '2016-10-12', dateUncertaintyDays: 1 },
    ];
    await importBundle(db, { source, places: [town('zz-cell-town', 12.3, -1.5)], events });
    const windowOf = (event: { startDate: string; endDate?: string; dateUncertaintyDays?: number }) => {
      const margin = event.dateUncertaintyDays ?? 0;
      return { from: shiftDays(periodOf(event.startDate)!.first, -margin), to: shiftDays(periodOf(event.endDate ?? event.startDate)!.last, margin) };
    };
    for (const [first, last] of [[day(0), day(0)], [day(-2), day(2)], [day(-14), day(0)], [day(-30), day(-20)], [day(9), day(9)]] as const) {
      const probe = { key: 'probe', latitude: 12.3, longitude: -1.5, nearMeters: 12_000, cells: cellsAround(12.3, -1.5, 12_000, 150_000), kinds: ['AIRSTRIKE'], first, last };
      const result = await db.read(eventsNearProbe, { probes: [probe], farMeters: 150_000, coarseKinds: coarsePlaceKinds });
      const found = ((result.records[0]?.get('events') ?? []) as Array<{ event: { id: string } }>).map(({ event }) => event.id).sort();
      const meeting = events.filter((event) => { const { from, to } = windowOf(event); return from <= last && to >= first; }).map((event) => event.id).sort();
      expect(found, `${first}..${last}`).toEqual(meeting);
    }
  });
});

describe('the indexes events were sought by before their window, then its class, were stored, and by kind', () => {
  it.each([
    [[MATCH_CELL, 'kind', 'startDate']],
    [[MATCH_CELL, 'kind', MATCH_FROM, MATCH_TO]],
    [[MATCH_CELL, 'kind', MATCH_WINDOW_CLASS, MATCH_FROM]],
  ])('(%j) is dropped by migrate() on a store that still has it: nothing reads it, every write pays for it', async (properties) => {
    const index = ['event', ...properties].join('_').toLowerCase();
    const exists = cypher('test: retired index exists', 'SHOW RANGE INDEXES YIELD name WHERE name = $name RETURN name');
    await db.write(cypher('test: an index of an earlier version', `CREATE RANGE INDEX ${index} IF NOT EXISTS FOR (n:${Label.Event}) ON (${properties.map((property) => `n.${property}`).join(', ')})`));
    expect((await db.read(exists, { name: index })).records).toHaveLength(1);
    const lines: string[] = [];
    await migrate(db, (line) => lines.push(line));
    expect((await db.read(exists, { name: index })).records).toHaveLength(0);
    expect(lines).toContain(`dropped the index ${index}, which nothing reads any more`);
  });
});

describe('a probe\'s cells', () => {
  // Deterministic points over the globe, poles and the antimeridian included.
  let state = 7;
  const random = () => ((state = (state * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
  const centres = [
    ...Array.from({ length: 60 }, () => ({ latitude: -89 + random() * 178, longitude: -180 + random() * 360 })),
    { latitude: 89.9, longitude: 10 },
    { latitude: -89.95, longitude: -100 },
    { latitude: 10, longitude: 179.95 },
    { latitude: -20, longitude: -179.99 },
  ];
  const offset = (centre: { latitude: number; longitude: number }, km: number, bearing: number) => {
    const rad = Math.PI / 180;
    const d = km / 6371;
    const lat1 = centre.latitude * rad;
    const lat2 = Math.asin(Math.sin(lat1) * Math.cos(d) + Math.cos(lat1) * Math.sin(d) * Math.cos(bearing));
    const lon2 = centre.longitude * rad + Math.atan2(Math.sin(bearing) * Math.sin(d) * Math.cos(lat1), Math.cos(d) - Math.sin(lat1) * Math.sin(lat2));
    return { latitude: lat2 / rad, longitude: ((((lon2 / rad + 540) % 360) + 360) % 360) - 180 };
  };

  it('hold the cell the database files every place within reach in, fine or coarse', async () => {
    const near = 45_000;
    const far = 150_000;
    const places = centres.flatMap((centre, c) =>
      [0, 1, 2, 3, 4, 5].map((b) => {
        const coarse = b % 2 === 1;
        const point = offset(centre, (coarse ? far : near) / 1000 * (0.5 + random() * 0.49), b * 1.1 + random());
        return { id: `zz-cell-p${c}-${b}`, name: 'p', kind: coarse ? 'PROVINCE' : 'VILLAGE', location: point, centre: c };
      }),
    );
    await importBundle(db, { source, places: places.map(({ centre: _, ...place }) => place) });
    const filed = await cells();
    for (const place of places) {
      const centre = centres[place.centre]!;
      expect(distanceKm(centre, place.location)).toBeLessThanOrEqual((place.kind === 'PROVINCE' ? far : near) / 1000);
      expect(cellsAround(centre.latitude, centre.longitude, near, far), `${place.id} from ${JSON.stringify(centre)}`).toContain(filed[place.id]);
    }
  });

  it('are few for a town\'s reach: a handful of fine cells and of coarse ones', () => {
    const around = cellsAround(35.1387, 44.4469, 45_000, 150_000);
    expect(around.filter((cell) => cell.startsWith('f:')).length).toBeLessThanOrEqual(9);
    expect(around.filter((cell) => cell.startsWith('c:')).length).toBeLessThanOrEqual(9);
  });
});
