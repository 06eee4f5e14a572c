import { scriptOptions } from '../src/cli/script-args.js';
import { runCommand } from '../src/cli/run.js';
import { loadConfig } from '../src/config.js';
import { encodeGlobalID as gid } from '../src/domain/global-id.js';
import { createServer } from '../src/yoga.js';
import { ProfilingDatabase, totalDbHits } from '../tests/helpers/plans.js';
import { eventId, personId, REGION } from './dataset.js';
import { graphql } from './operations.js';

/**
 * `npx tsx bench/profile.ts [--uri bolt://127.0.0.1:7695] [--event KEY]`: runs the benchmark's
 * operations through claimgraph against the benchmark graph with every Cypher query PROFILEd, and
 * prints each query's database hits and the plan's operators (deterministic, unlike timings on a
 * shared machine). The event page reads --event, by default the benchmark's 4th event.
 */
const USAGE = `usage: npx tsx bench/profile.ts [--uri URI] [--event KEY]

Runs the benchmark's operations through claimgraph against the benchmark graph with every Cypher
query PROFILEd, and prints each query's database hits and the plan's operators.

  --uri URI     the benchmark's Neo4j (default bolt://127.0.0.1:7695)
  --event KEY   the event of the event page (default the benchmark's 4th event)`;
const values = scriptOptions(USAGE, { uri: { type: 'string', default: 'bolt://127.0.0.1:7695' }, event: { type: 'string' } });

await runCommand(async (log) => {
  const config = loadConfig({ ...process.env, NEO4J_URI: values.uri });
  const db = new ProfilingDatabase(values.uri!, config.neo4j);
  const yoga = createServer(db, { config: { ...config, rateLimit: { ...config.rateLimit, perMinute: 1e9, burst: 1e9 } } });
  const post = async (query: string, variables: Record<string, unknown>) => {
    const response = await yoga.fetch('http://bench/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
    return (await response.json()) as { data?: Record<string, never>; errors?: unknown };
  };
  const listed = { within: gid('Place', REGION), from: '2016-01-01' };
  // Page 10 of 10 starts after the 90th event of the list, as in the benchmark (bench/run.ts).
  const cursors = (await post(graphql.eventsCursors, listed)).data as { events: { edges: Array<{ cursor: string }> } } | undefined;
  const operations: Array<[string, string, Record<string, unknown>]> = [
    ['event page', graphql.eventPage, { id: gid('Event', values.event ?? eventId(3)) }],
    ['events, page 1', graphql.events, listed],
    ['events, page 10', graphql.events, { ...listed, after: cursors?.events.edges[89]?.cursor ?? null }],
    ["an actor's statements", graphql.actorStatements, { id: gid('Actor', personId(0)) }],
    ['totalCount alone', graphql.totalCount, { within: gid('Place', REGION) }],
  ];
  try {
    for (const [name, query, variables] of operations) {
      // Twice, the second profiled: the first also fills the cost model's counts and the plan cache.
      for (let run = 0; run < 2; run++) {
        db.plans.clear();
        const body = await post(query, variables);
        if (body.errors) throw new Error(`${name}: ${JSON.stringify(body.errors)}`);
      }
      const plans = [...db.plans];
      log(`${name}: ${plans.length} quer${plans.length === 1 ? 'y' : 'ies'}, ${plans.reduce((sum, [, plan]) => sum + totalDbHits(plan), 0)} db hits`);
      for (const [query, plan] of plans) log(`  ${query}: ${totalDbHits(plan)} db hits; ${plan.map((o) => `${o.type}(${o.dbHits})`).join(' < ')}`);
    }
  } finally {
    await db.close();
  }
});
