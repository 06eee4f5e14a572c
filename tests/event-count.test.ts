import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { cypher } from '../src/db/database.js';
import { migrate } from '../src/db/migrations.js';
import { Label } from '../src/domain/graph.js';
import { importBundle, upsertRecord } from '../src/ingest/write.js';
import { PLACE_COUNT } from '../src/modules/event/place-count.js';
import { mergeRecord } from '../src/modules/write/merge.cypher.js';
import { apiKeysOf, gid, testApi } from './helpers/api.js';
import { restoreSeed } from './helpers/graph.js';

/**
 * The count of the events within a place adds the degrees of the places below it and takes off the
 * repeats of the events in several of them (event.cypher.ts, place-count.ts): it must equal the
 * events the list itself gives, one per event, through every write that changes an event's places.
 */
const api = testApi({ apiKeys: apiKeysOf('admin-key', 'admin', 'admin-secret') });
const db = api.db;
const source = { id: 'zz-count-source', title: 'Event counts', recordedAt: '2026-12-08' };
beforeEach(() => restoreSeed(db));
afterAll(async () => {
  await restoreSeed(db);
  await api.close();
});

const place = (id: string, within?: string) => ({ id, name: id, kind: 'TOWN', ...(within ? { within } : {}) });
const event = (id: string, places: string[], kind = 'AIRSTRIKE') => ({ id, kind, title: id, startDate: '2019-05-01', places });

/** Region R holds A and B (B holds B1); O is outside it. */
const bundle = {
  source,
  places: [{ id: 'zz-count-r', name: 'R', kind: 'REGION' }, place('zz-count-a', 'zz-count-r'), place('zz-count-b', 'zz-count-r'), place('zz-count-b1', 'zz-count-b'), place('zz-count-o')],
  events: [
    event('zz-count-1', ['zz-count-a']),
    event('zz-count-2', ['zz-count-a', 'zz-count-b', 'zz-count-b1']),
    event('zz-count-3', ['zz-count-a', 'zz-count-o'], 'SHELLING'),
    event('zz-count-4', ['zz-count-o']),
    event('zz-count-5', []),
  ],
};

/** The count and the keys the list gives for a filter, read in one request. */
async function countAndList(filter: string) {
  const { data, errors } = await api.run<any, any>(`{ events(filter: ${filter}, first: 100) { totalCount edges { node { key } } } }`);
  expect(errors).toBeUndefined();
  return { total: data.events.totalCount as number, keys: (data.events.edges as Array<{ node: { key: string } }>).map((edge) => edge.node.key).filter((key) => key.startsWith('zz-count-')).sort() };
}

/**
 * The count alone (its own query, as a client asking only for it gets it), with the list, and the
 * place's own `events` count and list: all agree with `keys`.
 */
async function expectCount(within: string, keys: string[]) {
  const { data, errors } = await api.run<any, any>(`{ events(filter: { within: "${gid('Place', within)}" }) { totalCount } }`);
  expect(errors).toBeUndefined();
  const listed = await countAndList(`{ within: "${gid('Place', within)}" }`);
  const place = await api.run<any, any>(`{ node(id: "${gid('Place', within)}") { ... on Place { events(first: 100) { totalCount edges { node { key } } } } } }`);
  expect(place.errors).toBeUndefined();
  const ofPlace = { total: place.data.node.events.totalCount, keys: place.data.node.events.edges.map((edge: { node: { key: string } }) => edge.node.key).sort() };
  expect({ alone: data.events.totalCount, ...listed, ofPlace }).toEqual({ alone: keys.length, total: keys.length, keys, ofPlace: { total: keys.length, keys } });
}

const placeCountsOf = cypher('test: place counts', `MATCH (n:${Label.Event}) WHERE n.id STARTS WITH 'zz-count-' RETURN n.id AS id, n.${PLACE_COUNT} AS count ORDER BY id`);
const placeCounts = async () => Object.fromEntries((await db.read(placeCountsOf)).records.filter((record) => record.get('count') !== null).map((record) => [record.get('id'), Number(record.get('count'))]));

describe('the count of the events within a place', () => {
  it('counts each event once, however many of its places lie within, and agrees with the list', async () => {
    await importBundle(db, bundle);
    expect(await placeCounts()).toEqual({ 'zz-count-2': 3, 'zz-count-3': 2 });
    await expectCount('zz-count-r', ['zz-count-1', 'zz-count-2', 'zz-count-3']);
    await expectCount('zz-count-b', ['zz-count-2']);
    await expectCount('zz-count-o', ['zz-count-3', 'zz-count-4']);
    // A place the graph does not hold holds no events.
    expect(await countAndList(`{ within: "${gid('Place', 'zz-count-nowhere')}" }`)).toEqual({ total: 0, keys: [] });
    // With a kind or a date the events are walked instead: the same answers.
    const shelling = await countAndList(`{ within: "${gid('Place', 'zz-count-r')}", kinds: [SHELLING] }`);
    expect(shelling).toEqual({ total: 1, keys: ['zz-count-3'] });
    // All events: the count store, the same number the list walks to.
    const all = await api.run<any, any>('{ events(first: 100) { totalCount edges { node { key } } } }');
    expect(all.data.events.totalCount).toBe(all.data.events.edges.length);
    expect(all.data.events.edges.map((edge: { node: { key: string } }) => edge.node.key)).toContain('zz-count-5');
  });

  it('follows an event\'s new places, a place deleted and a place merged into another', async () => {
    await importBundle(db, bundle);
    await upsertRecord(db, 'events', { id: 'zz-count-4', places: ['zz-count-o', 'zz-count-b1'] }, source);
    await expectCount('zz-count-r', ['zz-count-1', 'zz-count-2', 'zz-count-3', 'zz-count-4']);
    // A list given in an update adds to the stored one; null clears it.
    await upsertRecord(db, 'events', { id: 'zz-count-2', places: null }, source);
    await upsertRecord(db, 'events', { id: 'zz-count-2', places: ['zz-count-b1'] }, source);
    expect(await placeCounts()).toEqual({ 'zz-count-3': 2, 'zz-count-4': 2 });
    await expectCount('zz-count-r', ['zz-count-1', 'zz-count-2', 'zz-count-3', 'zz-count-4']);

    const deleted = await api.run<any, any>(`mutation($id: ID!) { deleteRecord(id: $id) { __typename } }`, { id: gid('Place', 'zz-count-o') }, { authorization: 'Bearer admin-secret' });
    expect(deleted.errors).toBeUndefined();
    expect(await placeCounts()).toEqual({});
    await expectCount('zz-count-r', ['zz-count-1', 'zz-count-2', 'zz-count-3', 'zz-count-4']);

    // zz-count-3 was at A and O, and is now at A alone; put it at a duplicate of A too, then merge that into A.
    await importBundle(db, { source, places: [place('zz-count-a-again')] });
    await upsertRecord(db, 'events', { id: 'zz-count-3', places: ['zz-count-a-again'] }, source);
    expect(await placeCounts()).toEqual({ 'zz-count-3': 2 });
    await expectCount('zz-count-a-again', ['zz-count-3']);
    await db.writeTransaction((tx) => mergeRecord(tx, Label.Place, 'zz-count-a', 'zz-count-a-again', 'test', null));
    expect(await placeCounts()).toEqual({});
    await expectCount('zz-count-r', ['zz-count-1', 'zz-count-2', 'zz-count-3', 'zz-count-4']);
    await expectCount('zz-count-a', ['zz-count-1', 'zz-count-3']);
  });

  it('is backfilled by migrate() on a store written without it, whose index is then created', async () => {
    await importBundle(db, bundle);
    await db.write(cypher('test: drop the place count index', 'DROP INDEX event_placecount IF EXISTS'));
    await db.write(cypher('test: drop place counts', `MATCH (n:${Label.Event}) REMOVE n.${PLACE_COUNT}`));
    const lines: string[] = [];
    await migrate(db, (line) => lines.push(line));
    expect(lines).toContain(`events in more than one place marked with their count (Event.${PLACE_COUNT})`);
    expect(await placeCounts()).toEqual({ 'zz-count-2': 3, 'zz-count-3': 2 });
    await expectCount('zz-count-r', ['zz-count-1', 'zz-count-2', 'zz-count-3']);
  });
});
