import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { cypher } from '../src/db/database.js';
import { graphCounts } from '../src/db/graph-counts.js';
import { migrate } from '../src/db/migrations.js';
import { importBundle, upsertRecord } from '../src/ingest/write.js';
import { MATCH_CELL, MATCH_FROM, MATCH_WINDOW_CLASS } from '../src/modules/resolution/match-cell.js';
import { resolveEvents } from '../src/modules/resolution/resolve.js';
import { SPEAKER_KEY } from '../src/modules/statement/speaker-key.js';
import { mergeRecord } from '../src/modules/write/merge.cypher.js';
import { Label } from '../src/domain/graph.js';
import { createServer } from '../src/yoga.js';
import { gid, testConfig, testNeo4jEnv } from './helpers/api.js';
import { restoreSeed } from './helpers/graph.js';
import { DAQUQ_STRIKE } from './helpers/seed.js';
import { ProfilingDatabase, totalDbHits } from './helpers/plans.js';

/**
 * Plans whose cost must not grow with the graph, read from PROFILE: the operators Neo4j runs and
 * the database hits they make are deterministic where timings are not.
 */
const config = testConfig();
const db = new ProfilingDatabase(testNeo4jEnv().NEO4J_URI, config.neo4j);
const yoga = createServer(db, { config });
afterAll(async () => {
  await restoreSeed(db);
  await db.close();
});

async function run(query: string) {
  db.plans.clear();
  const response = await yoga.fetch('http://test/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
  const body = (await response.json()) as { errors?: unknown };
  expect(body.errors).toBeUndefined();
}

describe('plans', () => {
  it('reads the cost model\'s record counts from the count store, one hit per kind, not by scanning every node', async () => {
    await graphCounts(db);
    const plan = db.plans.get('graph counts')!;
    expect(plan.map((operator) => operator.type)).toContain('NodeCountFromCountStore');
    expect(plan.map((operator) => operator.type)).not.toContain('NodeByLabelScan');
    expect(totalDbHits(plan)).toBe(plan.filter((operator) => operator.type === 'NodeCountFromCountStore').length);
  });

  it('counts an actor\'s statements from its degree, expanding no relationship, unless a kind filter applies', async () => {
    const actor = gid('Actor', 'russian-ministry-of-defence');
    const expanded = (name: string) => db.plans.get(name)!.filter((operator) => operator.type.startsWith('Expand')).reduce((sum, operator) => sum + operator.dbHits, 0);
    await run(`{ node(id: "${actor}") { ... on Actor { statements { totalCount } } } }`);
    expect(expanded('actor statements count')).toBe(0);
    await run(`{ node(id: "${actor}") { ... on Actor { statements(kinds: [DENIAL, CLAIM, ACCUSATION]) { totalCount } } } }`);
    expect(expanded('actor statements count')).toBeGreaterThan(0);
  });

  it('pages events from a date by seeking the (start date, key) index from it and the long events by their span: the events before it, and those after the page on its day, are not read', async () => {
    const page1 = '{ events(filter: { from: "2016-10-20" }, first: 2) { edges { cursor node { key } } } }';
    const hits = async (query: string) => {
      await run(query);
      const plan = db.plans.get('events page forward')!;
      expect(plan.map((operator) => operator.type)).not.toContain('NodeByLabelScan');
      const seeks = plan.filter((operator) => operator.type.startsWith('NodeIndexSeek')).map((operator) => operator.details);
      expect(seeks.some((details) => details.includes('n:Event(spanEnd) WHERE spanEnd >='))).toBe(true);
      expect(seeks.some((details) => details.includes('n:Event(startDate, id) WHERE startDate >='))).toBe(true);
      // The index gives the order: no sort of a whole day's events to break ties by key.
      expect(plan.map((operator) => operator.type)).not.toContain('PartialTop');
      return totalDbHits(plan);
    };
    /** The index entries the page's walk read. */
    const entriesRead = async (query: string) => {
      await hits(query);
      return db.plans.get('events page forward')!.find((operator) => operator.details.includes('n:Event(startDate, id)'))!.dbHits;
    };
    const cursor = async () => {
      const response = await yoga.fetch('http://test/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: page1 }) });
      return ((await response.json()) as { data: { events: { edges: Array<{ cursor: string }> } } }).data.events.edges[1]!.cursor;
    };
    const pageAfter = async () => `{ events(filter: { from: "2016-10-20" }, first: 2, after: "${await cursor()}") { edges { node { key } } } }`;
    const before = { page1: await hits(page1), page2: await hits(await pageAfter()) };
    // Forty events of a day each, all before the range: none overlaps it.
    await importBundle(db, {
      source: { id: 'zz-plan-source', title: 'Events before the range', recordedAt: '2026-12-07' },
      events: Array.from({ length: 40 }, (_, i) => ({ id: `zz-plan-early-${i}`, kind: 'AIRSTRIKE', title: `Early ${i}`, startDate: `2016-0${1 + (i % 9)}-1${i % 10}` })),
    });
    expect({ page1: await hits(page1), page2: await hits(await pageAfter()) }).toEqual(before);
    // A day of many events where page 1 ends: the walk stops after the page's rows, whatever the
    // day holds (sorting the day to break ties by key would read all of it).
    const sameDay = (from: number, to: number) =>
      importBundle(db, {
        source: { id: 'zz-plan-source', title: 'Events of one day', recordedAt: '2026-12-08' },
        events: Array.from({ length: to - from }, (_, i) => ({ id: `zz-plan-same-day-${from + i}`, kind: 'AIRSTRIKE', title: `Same day ${from + i}`, startDate: '2016-10-22' })),
      });
    await sameDay(0, 40);
    const entries = await entriesRead(page1);
    await sameDay(40, 80);
    expect(await entriesRead(page1)).toBe(entries);
  });
});

describe('counting events', () => {
  afterAll(() => restoreSeed(db));

  it('counts the events within a place (the list\'s filter and the place\'s own events) from its places\' degrees, reading no event: forty more at a busy place cost nothing more', async () => {
    const hits = async (query: string) => {
      await run(query);
      const plan = db.plans.get('events count')!;
      // The branch for a count with a kind or a date scans, and is not run here.
      expect(plan.filter((operator) => operator.type === 'NodeByLabelScan').map((operator) => operator.dbHits)).toEqual([0]);
      return totalDbHits(plan);
    };
    const withinIraq = `{ events(filter: { within: "${gid('Place', 'iraq')}" }) { totalCount } }`;
    const all = '{ events { totalCount } }';
    const iraqsEvents = async () => {
      await run(`{ node(id: "${gid('Place', 'iraq')}") { ... on Place { events { totalCount } } } }`);
      return totalDbHits(db.plans.get('place events count')!);
    };
    const strikesAtDaquq = (from: number, to: number) =>
      importBundle(db, {
        source: { id: 'zz-plan-source', title: 'Events at Daquq', recordedAt: '2026-12-08' },
        events: Array.from({ length: to - from }, (_, i) => ({ id: `zz-plan-daquq-${from + i}`, kind: 'AIRSTRIKE', title: `Daquq ${from + i}`, startDate: '2017-01-01', places: ['daquq'] })),
      });
    // Neo4j keeps a place's degrees by type once it has 50 relationships (a dense node), which
    // every place with many events is; below that it counts the few it has.
    await strikesAtDaquq(0, 60);
    const before = { within: await hits(withinIraq), all: await hits(all), place: await iraqsEvents() };
    await strikesAtDaquq(60, 100);
    expect({ within: await hits(withinIraq), all: await hits(all), place: await iraqsEvents() }).toEqual(before);
  });
});

describe('resolution candidates', () => {
  afterAll(() => restoreSeed(db));

  it('are sought in the few cells around the event within its dates: events there in other years are not read', async () => {
    const hits = async () => {
      await resolveEvents(db, [DAQUQ_STRIKE]);
      const plan = db.plans.get('resolution candidates')!;
      expect(plan.map((operator) => operator.type)).not.toContain('NodeByLabelScan');
      const seeks = plan.filter((operator) => operator.type.startsWith('NodeIndexSeek')).map((operator) => operator.details);
      // The window is a range within the seek (not a filter after it), whatever order the planner prints it in.
      expect(seeks).toEqual(expect.arrayContaining([
        expect.stringMatching(new RegExp(`o:Event\\(${MATCH_CELL}, ${MATCH_WINDOW_CLASS}, ${MATCH_FROM}\\) WHERE (?=.*${MATCH_WINDOW_CLASS} = windowClass)(?=.*${MATCH_FROM} >= )(?=.*${MATCH_FROM} <= )`)),
        expect.stringMatching(new RegExp(`o:Event\\(${MATCH_CELL}, spanEnd\\) WHERE (?=.*spanEnd >= )`)),
      ]));
      return totalDbHits(plan);
    };
    const before = await hits();
    // Forty strikes in Daquq in other years, the kind of history a town of a long war holds.
    await importBundle(db, {
      source: { id: 'zz-plan-source', title: 'Strikes in other years', recordedAt: '2026-12-07' },
      events: Array.from({ length: 40 }, (_, i) => ({
        id: `zz-plan-daquq-${i}`, kind: 'AIRSTRIKE', title: `Strike ${i}`, startDate: `${2012 + (i % 4)}-0${1 + (i % 9)}-1${i % 10}`, places: ['daquq'],
      })),
    });
    expect(await hits()).toBe(before);
  });
});

describe('an actor\'s statements, read from the statement side', () => {
  const actor = gid('Actor', 'russian-ministry-of-defence');
  const operators = (name: string) => db.plans.get(name)!.map((operator) => operator.type);
  // The count's branch for a kind filter is in the plan too, and expands nothing while no filter applies.
  const expandedOrSorted = (name: string) =>
    db.plans.get(name)!.filter((operator) => (operator.type.startsWith('Expand') && operator.dbHits > 0) || operator.type.includes('Sort') || operator.type.includes('Top'));

  it.each([
    ['actor(id:), page and count in one query', `{ actor(id: "${actor}") { statements(first: 2) { totalCount edges { node { id } } } } }`, 'Actor with actor statements'],
    ['actor(id:), the last page', `{ actor(id: "${actor}") { statements(last: 2) { edges { node { id } } } } }`, 'Actor with actor statements'],
    ['a kind filter', `{ actor(id: "${actor}") { statements(first: 2, kinds: [DENIAL, CLAIM]) { edges { node { id } } } } }`, 'Actor with actor statements'],
    ['the batched page (node(id:))', `{ node(id: "${actor}") { ... on Actor { statements(first: 2) { edges { node { id } } } } } }`, 'actor statements page forward'],
  ])('%s: an ordered seek of the speaker key index, no MADE relationship expanded', async (_, query, name) => {
    await run(query);
    expect(operators(name)).toContain('NodeIndexSeekByRange');
    expect(expandedOrSorted(name)).toEqual([]);
  });
});

describe('the speaker key', () => {
  beforeEach(() => restoreSeed(db));
  afterAll(() => restoreSeed(db));
  const source = { id: 'zz-speaker-source', title: 'Speaker keys', recordedAt: '2026-12-07' };
  const keysOf = cypher('test: speaker keys', `MATCH (n:${Label.Statement}) WHERE n.id STARTS WITH 'zz-speaker-' RETURN n.id AS id, n.${SPEAKER_KEY} AS key ORDER BY id`);
  const keys = async () => Object.fromEntries((await db.read(keysOf)).records.map((record) => [record.get('id'), record.get('key')]));
  const pageOf = async (key: string) => {
    const response = await yoga.fetch('http://test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ actor(key: "${key}") { statements(first: 10) { totalCount edges { node { id } } } } }` }),
    });
    const { data } = (await response.json()) as { data: { actor: { statements: { totalCount: number; edges: Array<{ node: { id: string } }> } } } };
    return { total: data.actor.statements.totalCount, ids: data.actor.statements.edges.map((edge) => edge.node.id) };
  };
  const statement = (id: string, speaker: string, madeAt: string | null) => ({ id, kind: 'COMMENT', text: id, quote: 'VERBATIM', speaker, madeAt });
  const bundle = {
    source,
    actors: [
      { id: 'zz-speaker-kept', name: 'Kept speaker', kind: 'PERSON' },
      { id: 'zz-speaker-merged', name: 'Merged speaker', kind: 'PERSON' },
    ],
    statements: [statement('zz-speaker-1', 'zz-speaker-kept', '2020-01-02'), statement('zz-speaker-2', 'zz-speaker-merged', '2019'), statement('zz-speaker-3', 'zz-speaker-merged', null)],
  };

  it('follows a merge of the statement\'s speaker into another actor, and its undo', async () => {
    await importBundle(db, bundle);
    expect(await keys()).toEqual({
      'zz-speaker-1': 'zz-speaker-kept\u00012020-01-02\u0001zz-speaker-1',
      'zz-speaker-2': 'zz-speaker-merged\u00012019-01-01\u0001zz-speaker-2',
      'zz-speaker-3': 'zz-speaker-merged\u0001~\u0001zz-speaker-3',
    });
    await db.writeTransaction((tx) => mergeRecord(tx, Label.Actor, 'zz-speaker-kept', 'zz-speaker-merged', 'test', null));
    expect(Object.values(await keys()).every((key) => (key as string).startsWith('zz-speaker-kept\u0001'))).toBe(true);
    expect(await pageOf('zz-speaker-kept')).toEqual({ total: 3, ids: ['zz-speaker-2', 'zz-speaker-1', 'zz-speaker-3'].map((id) => gid('Statement', id)) });
    // Undone as the audit entry allows: the merged actor written again, its statements given back.
    await importBundle(db, { ...bundle, statements: bundle.statements.slice(1) });
    expect((await keys())['zz-speaker-2']).toBe('zz-speaker-merged\u00012019-01-01\u0001zz-speaker-2');
    expect(await pageOf('zz-speaker-kept')).toEqual({ total: 1, ids: [gid('Statement', 'zz-speaker-1')] });
    expect(await pageOf('zz-speaker-merged')).toEqual({ total: 2, ids: ['zz-speaker-2', 'zz-speaker-3'].map((id) => gid('Statement', id)) });
  });

  it('follows a statement\'s new date and its speaker\'s removal', async () => {
    await importBundle(db, bundle);
    await upsertRecord(db, 'statements', { id: 'zz-speaker-3', madeAt: '2018-05' }, source);
    expect((await keys())['zz-speaker-3']).toBe('zz-speaker-merged\u00012018-05-01\u0001zz-speaker-3');
    await upsertRecord(db, 'statements', { id: 'zz-speaker-3', speaker: null }, source);
    expect((await keys())['zz-speaker-3']).toBeNull();
  });

  it('is backfilled by migrate() on a store written without it, whose index is then created', async () => {
    await importBundle(db, bundle);
    const before = await keys();
    await db.write(cypher('test: drop the speaker key index', `DROP INDEX statement_speakerkey IF EXISTS`));
    await db.write(cypher('test: drop speaker keys', `MATCH (n:${Label.Statement}) WHERE n.id IN ['zz-speaker-1', 'zz-speaker-3'] REMOVE n.${SPEAKER_KEY}`));
    expect((await keys())['zz-speaker-1']).toBeNull();
    const lines: string[] = [];
    await migrate(db, (line) => lines.push(line));
    expect(await keys()).toEqual(before);
    expect(lines).toContain('statements keyed by their speaker (Statement.speakerKey)');
    lines.length = 0;
    await migrate(db, (line) => lines.push(line));
    expect(lines).not.toContain('statements keyed by their speaker (Statement.speakerKey)');
  });
});
