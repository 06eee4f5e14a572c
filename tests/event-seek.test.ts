import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cypher } from '../src/db/database.js';
import { migrate } from '../src/db/migrations.js';
import { importBundle } from '../src/ingest/write.js';
import { gid, testApi } from './helpers/api.js';
import { restoreSeed } from './helpers/graph.js';

/**
 * Event lists from a date read the events starting on or after it and, separately, the long ones
 * that started before it and run past it (Event.spanEnd): both must come back in one order.
 */
const api = testApi();
const region = 'zz-seek-region';
const events = [
  // Runs from June 2015 to the end of March 2016: overlaps every range below up to 2016-03-31.
  { id: 'zz-seek-campaign', startDate: '2015-06', endDate: '2016-03' },
  // All of 2015: ends before 2016.
  { id: 'zz-seek-year-2015', startDate: '2015' },
  // All of 2016.
  { id: 'zz-seek-year-2016', startDate: '2016' },
  { id: 'zz-seek-day-b', startDate: '2015-12-31' },
  { id: 'zz-seek-day-c', startDate: '2016-02-01' },
  { id: 'zz-seek-day-a', startDate: '2016-02-01' },
  { id: 'zz-seek-month', startDate: '2016-02' },
  { id: 'zz-seek-day-d', startDate: '2016-04-10' },
];

beforeAll(async () => {
  await importBundle(api.db, {
    source: { id: 'zz-seek-source', title: 'Events for the seek tests', recordedAt: '2026-12-07' },
    places: [{ id: region, name: 'Seek test region', kind: 'REGION' }],
    events: events.map((event) => ({ ...event, kind: 'AIRSTRIKE', title: `Seek test ${event.id}`, places: [region] })),
  });
});
afterAll(async () => {
  await restoreSeed(api.db);
  await api.close();
});

const page = `query Page($filter: EventFilter, $first: Int, $after: String, $last: Int, $before: String) {
  events(filter: $filter, first: $first, after: $after, last: $last, before: $before) {
    totalCount
    edges { node { key } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}`;
interface Page {
  events: { totalCount: number; edges: Array<{ node: { key: string } }>; pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string; endCursor: string } };
}

async function walk(filter: Record<string, unknown>, size: number, forward = true): Promise<string[][]> {
  const pages: string[][] = [];
  let cursor: string | null = null;
  for (;;) {
    const args: Record<string, unknown> = forward ? { first: size, after: cursor } : { last: size, before: cursor };
    const result = await api.run<Page, unknown>(page, { filter: { within: gid('Place', region), ...filter }, ...args });
    expect(result.errors).toBeUndefined();
    const { edges, pageInfo }: Page['events'] = result.data!.events;
    pages.push(edges.map((edge) => edge.node.key.replace('zz-seek-', '')));
    if (!(forward ? pageInfo.hasNextPage : pageInfo.hasPreviousPage)) return pages;
    cursor = forward ? pageInfo.endCursor : pageInfo.startCursor;
  }
}

describe('events from a date', () => {
  it('puts a long event that started before `from` first on page 1, and the ones starting after it in date and key order', async () => {
    expect(await walk({ from: '2016-02-01' }, 20)).toEqual([['campaign', 'year-2016', 'day-a', 'day-c', 'month', 'day-d']]);
    expect(await walk({ from: '2016-01-01' }, 20)).toEqual([['campaign', 'year-2016', 'day-a', 'day-c', 'month', 'day-d']]);
    expect(await walk({ from: '2015-12-31' }, 20)).toEqual([['year-2015', 'campaign', 'day-b', 'year-2016', 'day-a', 'day-c', 'month', 'day-d']]);
    // Past the campaign's end and the month's, only the year and the later day remain.
    expect(await walk({ from: '2016-04-01' }, 20)).toEqual([['year-2016', 'day-d']]);
  });

  it('pages the same list with cursors, both ways, and with `to`', async () => {
    expect(await walk({ from: '2016-02-01' }, 2)).toEqual([['campaign', 'year-2016'], ['day-a', 'day-c'], ['month', 'day-d']]);
    expect(await walk({ from: '2016-02-01' }, 1)).toEqual([['campaign'], ['year-2016'], ['day-a'], ['day-c'], ['month'], ['day-d']]);
    expect(await walk({ from: '2016-02-01' }, 4, false)).toEqual([['day-a', 'day-c', 'month', 'day-d'], ['campaign', 'year-2016']]);
    expect(await walk({ from: '2016-02-01', to: '2016-02-01' }, 2)).toEqual([['campaign', 'year-2016'], ['day-a', 'day-c'], ['month']]);
  });

  it('counts what it pages', async () => {
    const result = await api.run<Page, unknown>(page, { filter: { within: gid('Place', region), from: '2016-02-01' }, first: 1 });
    expect(result.data!.events.totalCount).toBe(6);
  });
});

describe('Event.spanEnd', () => {
  const spans = async () =>
    Object.fromEntries(
      (await api.db.read(cypher('test: spans', 'MATCH (n:Event) WHERE n.id STARTS WITH $prefix RETURN n.id AS id, toString(n.spanEnd) AS spanEnd'), { prefix: 'zz-seek-' })).records.map(
        (record) => [(record.get('id') as string).replace('zz-seek-', ''), record.get('spanEnd') as string | null],
      ),
    );
  const expected = {
    campaign: '2016-03-31',
    'year-2015': '2015-12-31',
    'year-2016': '2016-12-31',
    'day-a': null,
    'day-b': null,
    'day-c': null,
    'day-d': null,
    month: '2016-02-29',
  };

  it('is written for the events longer than a day, and cleared when an event becomes one day long', async () => {
    expect(await spans()).toEqual(expected);
    await importBundle(api.db, {
      source: { id: 'zz-seek-source', title: 'Events for the seek tests', recordedAt: '2026-12-07' },
      events: [{ id: 'zz-seek-month', kind: 'AIRSTRIKE', title: 'Seek test zz-seek-month', startDate: '2016-02-14' }],
    });
    expect((await spans()).month).toBeNull();
    await importBundle(api.db, {
      source: { id: 'zz-seek-source', title: 'Events for the seek tests', recordedAt: '2026-12-07' },
      events: [{ id: 'zz-seek-month', kind: 'AIRSTRIKE', title: 'Seek test zz-seek-month', startDate: '2016-02' }],
    });
    expect(await spans()).toEqual(expected);
  });

  it('is backfilled by migrate() on a store written before it, whose index is then created', async () => {
    await api.db.write(cypher('test: drop the span index', 'DROP INDEX event_spanend IF EXISTS'));
    await api.db.write(cypher('test: a store without spans', 'MATCH (n:Event) REMOVE n.spanEnd'));
    expect(Object.values(await spans()).every((span) => span === null)).toBe(true);
    const lines: string[] = [];
    await migrate(api.db, (line) => lines.push(line));
    expect(lines).toContain('events longer than a day marked with their span (Event.spanEnd)');
    expect(await spans()).toEqual(expected);
    lines.length = 0;
    await migrate(api.db, (line) => lines.push(line));
    expect(lines).not.toContain('events longer than a day marked with their span (Event.spanEnd)');
    expect(await walk({ from: '2016-02-01' }, 2)).toEqual([['campaign', 'year-2016'], ['day-a', 'day-c'], ['month', 'day-d']]);
  });
});
