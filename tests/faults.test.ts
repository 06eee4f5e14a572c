import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { cypher, Database, readInParts } from '../src/db/database.js';
import { portAnswers, startLocalNeo4j, type LocalNeo4j } from '../src/db/local-neo4j.js';
import { createServer } from '../src/yoga.js';
import { freePort } from './helpers/ports.js';

/**
 * A database outage for real: a Neo4j of this file's own (a free port, .data/neo4j-fault) is
 * stopped under a running API and started again. The bounds below are "it does not hang" bounds,
 * far above the expected times, not speed targets. The user's own NEO4J_ settings never reach it.
 */
const withoutNeo4jSettings = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('NEO4J_')));
const log = (line: string) => console.error(`[faults] ${line}`);

let config: ReturnType<typeof loadConfig>;
let neo4j: LocalNeo4j;
let db: Database;
let yoga: ReturnType<typeof createServer>;

beforeAll(async () => {
  config = loadConfig({
    ...withoutNeo4jSettings,
    NEO4J_LOCAL_PORT: String(await freePort()),
    NEO4J_LOCAL_DATA: '.data/neo4j-fault',
    NEO4J_LOCAL_HEAP: '256m',
    NEO4J_LOCAL_PAGECACHE_MB: '32',
    NEO4J_RETRY_TIMEOUT_MS: '2000',
  });
  // A Neo4j left over on this port would be reused, and stopping it would then do nothing.
  expect(await portAnswers(config.neo4j.localPort), 'the port must be free').toBe(false);
  neo4j = await startLocalNeo4j(config.neo4j, log);
  db = new Database(neo4j.uri, config.neo4j);
  yoga = createServer(db, { config });
});

afterAll(async () => {
  await db?.close();
  await neo4j?.stop();
});

const countEvents = '{ events(first: 1) { totalCount } }';

/** A GraphQL request, with how long it took. */
async function timed(query: string) {
  const started = performance.now();
  const response = await yoga.fetch('http://test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
    body: JSON.stringify({ query }),
  });
  const body = (await response.json()) as { data?: any; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> };
  return { body, seconds: (performance.now() - started) / 1000 };
}

const status = async (path: string) => (await yoga.fetch(`http://test${path}`)).status;

describe('a Neo4j outage', () => {
  it(
    'answers SERVICE_UNAVAILABLE while Neo4j is down, keeps /health up, and recovers by itself',
    async () => {
      expect(await status('/health')).toBe(200);
      expect(await status('/ready')).toBe(200);
      expect((await timed(countEvents)).body.errors).toBeUndefined();

      await neo4j.stop();

      // The first request meets the lost connection and gives up after the retry time (2 s here).
      const first = await timed(countEvents);
      expect(first.body.errors?.map((e) => e.extensions?.code)).toEqual(['SERVICE_UNAVAILABLE']);
      expect(first.body.errors?.[0]?.message).toBe('The graph database is unavailable; try again shortly.');
      expect(first.body.data).toEqual({ events: null });
      expect(first.seconds).toBeLessThan(20);
      // Later ones fail on one connection attempt, without retrying: each returns well within the
      // retry time.
      for (let i = 0; i < 3; i += 1) {
        const next = await timed(countEvents);
        expect(next.body.errors?.map((e) => e.extensions?.code)).toEqual(['SERVICE_UNAVAILABLE']);
        expect(next.seconds).toBeLessThan(2);
      }
      expect(await status('/ready')).toBe(503);
      expect(await status('/health')).toBe(200);

      neo4j = await startLocalNeo4j(config.neo4j, log);

      // The same server, untouched, answers again: its first request after the restart succeeds.
      expect(await status('/ready')).toBe(200);
      const recovered = await timed(countEvents);
      expect(recovered.body.errors).toBeUndefined();
      expect(recovered.body.data.events.totalCount).toBeGreaterThanOrEqual(0);
    },
    240_000,
  );
});

describe('a read that asks more memory than Neo4j allows its transactions', () => {
  // Every item holds a thousand strings until the end of the aggregation: 6,000 items ask far more
  // than this Neo4j's transaction memory (70 % of its 256 MB heap), a few hundred do not.
  const heavy = cypher('heavy read', `UNWIND $items AS item UNWIND range(1, 1000) AS x
     WITH item, collect(item + toString(x)) AS held RETURN item, size(held) AS held`);
  const items = Array.from({ length: 6_000 }, (_, i) => `item-${i}`);

  it(
    'is stopped with LIMIT_EXCEEDED and a sentence saying why, and readInParts reads it in halves, every item once, in order',
    async () => {
      const whole = await db.read(heavy, { items }).then(
        () => null,
        (error: unknown) => error as { message: string; extensions?: Record<string, unknown> },
      );
      expect(whole?.extensions?.code).toBe('LIMIT_EXCEEDED');
      expect(whole?.message).toMatch(/more memory than the graph database allows a transaction/);

      const records = await readInParts(db, heavy, 'items', items);
      expect(records.map((record) => record.get('item'))).toEqual(items);
      expect(new Set(records.map((record) => Number(record.get('held'))))).toEqual(new Set([1000]));
    },
    120_000,
  );
});
