import type { ProfiledPlan } from 'neo4j-driver';
import { parseArgs } from 'node:util';
import { runCommand } from '../src/cli/run.js';
import { loadConfig } from '../src/config.js';
import { Database, type NamedQuery, type Params, type QueryObserver } from '../src/db/database.js';
import { encodeGlobalID as gid } from '../src/domain/global-id.js';
import { createServer } from '../src/yoga.js';
import { eventId, personId, REGION } from './dataset.js';
import { graphql } from './operations.js';

/**
 * `npx tsx bench/profile.ts [--uri bolt://127.0.0.1:7695] [--event KEY (default: the 4th event)]`: runs the benchmark's
 * operations once through claimgraph against the benchmark graph with every Cypher query PROFILEd,
 * and prints each query's database hits and the plan's operators (deterministic, unlike timings on
 * a shared machine). Evidence for docs/benchmarks-analysis.md.
 */
const { values } = parseArgs({ options: { uri: { type: 'string', default: 'bolt://127.0.0.1:7695' }, event: { type: 'string' } } });

const totalHits = (plan: ProfiledPlan): number => plan.dbHits + plan.children.reduce((sum, child) => sum + totalHits(child), 0);
const operators = (plan: ProfiledPlan): string[] => [
  `${plan.operatorType}(${plan.dbHits})`,
  ...plan.children.flatMap(operators),
];

class ProfilingDatabase extends Database {
  profiles: Array<{ name: string; hits: number; operators: string[] }> = [];
  override async read(query: NamedQuery, params: Params = {}, observe?: QueryObserver) {
    const result = await super.read({ name: query.name, cypher: `PROFILE ${query.cypher}` }, params, observe);
    const plan = result.summary.profile;
    if (plan) this.profiles.push({ name: query.name, hits: totalHits(plan), operators: operators(plan) });
    return result;
  }
}

await runCommand(async (log) => {
  const config = loadConfig({ ...process.env, NEO4J_URI: values.uri });
  const db = new ProfilingDatabase(values.uri!, config.neo4j);
  const yoga = createServer(db, { config: { ...config, rateLimit: { ...config.rateLimit, perMinute: 1e9, burst: 1e9 } } });
  const operations: Array<[string, string, Record<string, unknown>]> = [
    ['event page', graphql.eventPage, { id: gid('Event', values.event ?? eventId(3)) }],
    ['events, page 1', graphql.events, { within: gid('Place', REGION), from: '2016-01-01' }],
    ["an actor's statements", graphql.actorStatements, { id: gid('Actor', personId(0)) }],
    ['totalCount alone', graphql.totalCount, { within: gid('Place', REGION) }],
  ];
  try {
    for (const [name, query, variables] of operations) {
      db.profiles = [];
      const response = await yoga.fetch('http://bench/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
      const body = (await response.json()) as { errors?: unknown };
      if (body.errors) throw new Error(`${name}: ${JSON.stringify(body.errors)}`);
      log(`${name}: ${db.profiles.length} quer${db.profiles.length === 1 ? 'y' : 'ies'}, ${db.profiles.reduce((sum, p) => sum + p.hits, 0)} db hits`);
      for (const profile of db.profiles) log(`  ${profile.name}: ${profile.hits} db hits; ${profile.operators.join(' < ')}`);
    }
  } finally {
    await db.close();
  }
});
