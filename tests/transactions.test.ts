import { GraphQLError } from 'graphql';
import { afterAll, describe, expect, it } from 'vitest';
import { cypher } from '../src/db/database.js';
import { createLive } from '../src/http/live.js';
import { apiKeysOf, codes, gid, testApi } from './helpers/api.js';

/**
 * The transaction settings of the one choke point, src/db/database.ts, against the real Neo4j: the
 * per-transaction timeout stops slow work in the database, and a write the driver retries after a
 * transient error (a real deadlock, provoked below) lands once.
 */
const editorKey = 'editor-secret-tx';
const apiKeys = apiKeysOf('tx-editor', 'editor', editorKey);
const asEditor = { authorization: `Bearer ${editorKey}` };
const live = createLive();
const api = testApi({ apiKeys, live });
const TIMEOUT_MS = 1000;
const impatient = testApi({ apiKeys }, { NEO4J_TX_TIMEOUT_MS: String(TIMEOUT_MS) });

afterAll(async () => {
  await api.db.write(cypher('test: remove tx records', "MATCH (n) WHERE n.id STARTS WITH 'zz-tx-' OR n.id = 'api-tx-editor' DETACH DELETE n"));
  await Promise.all([api.close(), impatient.close()]);
});

/** Transactions running a statement whose text contains `marker`, by status ("Running", "Blocked by: ..."). */
const transactionsRunning = cypher(
  'test: transactions running a statement',
  `SHOW TRANSACTIONS YIELD currentQuery, status WHERE currentQuery CONTAINS $marker RETURN collect(status) AS statuses`,
);
async function statusesOf(marker: string): Promise<string[]> {
  return (await api.db.read(transactionsRunning, { marker })).records[0]!.get('statuses') as string[];
}

/** A transaction of the test's own, outside the API, holding write locks until it is rolled back. */
function lockHolder() {
  const session = api.db.driver.session({ database: api.db.name });
  const tx = session.beginTransaction();
  return {
    lock: (label: string, id: string) => tx.run(`MATCH (n:${label} {id: $id}) SET n.zzLocked = true RETURN count(n) AS n`, { id }),
    lockMany: (label: string) => tx.run(`MATCH (n:${label}) SET n.zzLocked = true RETURN count(n) AS n`),
    release: async () => {
      await tx.rollback();
      await session.close();
    },
  };
}

const upsertEvent = `mutation($input: EventInput!) { upsertEvent(input: $input) { __typename ... on Event { key title } } }`;
const importBundle = `mutation($bundle: JSON!) { importBundle(bundle: $bundle) { __typename
  ... on ImportSummary { nodesCreated relationshipsCreated propertiesSet } } }`;
const event = { key: 'zz-tx-event', kind: 'AIRSTRIKE', title: 'A strike the tests lock', startDate: '2016-10-22', places: ['kirkuk'] };

describe('the transaction timeout (NEO4J_TX_TIMEOUT_MS)', () => {
  // Every node against every other, four times over: hours of work on the test graph.
  const slowRead = cypher('test: slow read zz-tx-slow', 'MATCH (a), (b), (c), (d) WHERE a.id < b.id AND c.id < d.id RETURN count(*) AS n');

  it('stops a slow read in the database and answers SERVICE_UNAVAILABLE', async () => {
    const started = performance.now();
    const error = await impatient.db.read(slowRead).then(
      () => undefined,
      (failure: unknown) => failure,
    );
    const elapsed = performance.now() - started;
    expect(error).toBeInstanceOf(GraphQLError);
    expect((error as GraphQLError).message).toBe('The query took too long and was stopped.');
    expect((error as GraphQLError).extensions).toEqual({
      code: 'SERVICE_UNAVAILABLE',
      cause: 'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration',
    });
    expect(elapsed).toBeGreaterThanOrEqual(TIMEOUT_MS * 0.9);
    expect(elapsed).toBeLessThan(TIMEOUT_MS + 10_000);
    // Stopped in the database, not only given up on by the driver.
    await expect.poll(() => statusesOf('zz-tx-slow'), { timeout: 5000 }).toEqual([]);
  });

  it('stops a write waiting on a lock, through the API, and the write does not land', async () => {
    await api.run(upsertEvent, { input: event }, asEditor);
    const holder = lockHolder();
    try {
      await holder.lock('Event', event.key);
      const started = performance.now();
      const result = await impatient.run<any, any>(upsertEvent, { input: { ...event, title: 'Never written' } }, asEditor);
      expect(performance.now() - started).toBeLessThan(TIMEOUT_MS + 10_000);
      expect(codes(result)).toEqual(['SERVICE_UNAVAILABLE']);
      expect(result.errors![0]!.message).toBe('The query took too long and was stopped.');
      expect(result.data).toBeNull();
    } finally {
      await holder.release();
    }
    const read = await api.run<any, any>('query($id: ID!) { event(id: $id) { title } }', { id: gid('Event', event.key) });
    expect(read.data.event.title).toBe(event.title);
  });
});

describe('a write the driver retries after a transient error', () => {
  /**
   * A real deadlock: the test's own transaction holds the event and many other nodes; the import
   * takes its (existing) Source node, then waits for the event; the test's transaction then asks
   * for that Source. Neo4j breaks the cycle by failing the transaction holding fewer locks (the
   * import's) with Neo.TransientError.Transaction.DeadlockDetected, and the driver runs its work
   * again.
   */
  it('lands once: the same summary as without the deadlock, one node each, one live update', async () => {
    await api.run(upsertEvent, { input: event }, asEditor);
    const source = { id: 'zz-tx-source', title: 'A bundle the tests deadlock', recordedAt: '2026-12-02' };
    const bundle = {
      source,
      events: [{ id: event.key, kind: event.kind, title: 'Written after the deadlock', startDate: event.startDate, places: event.places }],
      statements: [{ id: 'zz-tx-statement', kind: 'CLAIM', text: 'Said once.', quote: 'PARAPHRASE', about: [event.key] }],
    };
    // Committed beforehand: a node only the import's open transaction has created, no other can lock.
    const writeSource = cypher('test: write source', 'MERGE (s:Source {id: $id}) SET s.title = $title');
    await api.db.write(writeSource, source);
    const updates: unknown[] = [];
    const subscription = live.pubsub.subscribe('event-updated', event.key);
    void (async () => {
      for await (const update of subscription) updates.push(update);
    })();

    const holder = lockHolder();
    let imported: Promise<any>;
    try {
      await holder.lock('Event', event.key);
      // More locks than the import will hold, so that the import is the one Neo4j fails.
      for (const label of ['Place', 'Actor']) {
        expect(((await holder.lockMany(label)).records[0]!.get('n') as { toNumber(): number }).toNumber()).toBeGreaterThan(5);
      }
      imported = api.run<any, any>(importBundle, { bundle }, asEditor);
      // The import holds its Source once it is writing the event, and waits there for the lock.
      await expect
        .poll(() => statusesOf('// upsert Event'), { timeout: 10_000 })
        .toEqual([expect.stringMatching(/^Blocked by/)]);
      // Granted only once Neo4j has failed the import's transaction, releasing the Source.
      const taken = await holder.lock('Source', source.id);
      expect((taken.records[0]!.get('n') as { toNumber(): number }).toNumber()).toBe(1);
    } finally {
      await holder.release();
    }
    const result = await imported!;
    expect(result.errors).toBeUndefined();
    const retried = result.data.importBundle;
    expect(retried.__typename).toBe('ImportSummary');

    const count = cypher('test: count tx records', "MATCH (n) WHERE n.id IN ['zz-tx-source', 'zz-tx-statement', 'zz-tx-event'] RETURN n.id AS id, count(*) AS n ORDER BY id");
    const counts = async () => (await api.db.read(count)).records.map((r) => [r.get('id'), (r.get('n') as { toNumber(): number }).toNumber()]);
    expect(await counts()).toEqual([['zz-tx-event', 1], ['zz-tx-source', 1], ['zz-tx-statement', 1]]);
    const title = await api.run<any, any>('query($id: ID!) { event(id: $id) { title } }', { id: gid('Event', event.key) });
    expect(title.data.event.title).toBe('Written after the deadlock');
    await expect.poll(() => updates.length).toBe(1);

    // The same import without the deadlock, from the same starting graph, reports the same changes:
    // nothing counted by the failed attempt survives into the retried one's summary.
    await api.db.write(cypher('test: undo the import', "MATCH (n) WHERE n.id IN ['zz-tx-source', 'zz-tx-statement'] DETACH DELETE n"));
    // The event keeps the import's source in its list; the write path only adds a missing source.
    await api.db.write(
      cypher('test: forget the source', "MATCH (e:Event {id: $id}) SET e.sources = [s IN e.sources WHERE s <> 'zz-tx-source']"),
      { id: event.key },
    );
    await api.db.write(writeSource, source);
    await api.run(upsertEvent, { input: event }, asEditor);
    const alone = await api.run<any, any>(importBundle, { bundle }, asEditor);
    expect(retried).toEqual(alone.data.importBundle);
    expect(retried.nodesCreated).toBe(1);
    // The upsert and the second import announced themselves after the retried import: a late
    // duplicate of its announcement would show here.
    await expect.poll(() => updates.length).toBe(3);
    await subscription.return?.();
  });
});
