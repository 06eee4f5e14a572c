import { oneOf, scriptOptions } from '../src/cli/script-args.js';
import { runCommand } from '../src/cli/run.js';
import { loadConfig } from '../src/config.js';
import { Database } from '../src/db/database.js';
import { encodeGlobalID as gid } from '../src/domain/global-id.js';
import { createServer } from '../src/yoga.js';
import { chooseEvents } from './dataset.js';
import { graphql } from './operations.js';

const USAGE = `usage: npx tsx bench/walk-cpu.ts [--uri URI] [--walk large|small] [--requests N] [--warm N] [--seed S]

The API process's CPU per request of one of the benchmark's walks (the large one: its event with
the most statements), N requests one after another through Yoga in this process, after --warm ones:
process.cpuUsage() (user + system) and wall time around them, so the API's own cost is read apart
from Neo4j's, which runs in its own process.

  --uri URI       the benchmark's Neo4j (default bolt://127.0.0.1:7695)
  --walk W        large (default) or small (an event of a typical few statements)
  --requests N    measured requests (default 200)
  --warm N        requests before measuring (default 20)
  --seed S        the generated dataset's seed (default 42)`;
const values = scriptOptions(USAGE, {
  uri: { type: 'string', default: 'bolt://127.0.0.1:7695' },
  walk: { type: 'string', default: 'large' },
  requests: { type: 'string', default: '200' },
  warm: { type: 'string', default: '20' },
  seed: { type: 'string', default: '42' },
});
const walkSize = oneOf('walk', values.walk, ['large', 'small']);

await runCommand(async (log) => {
  const config = loadConfig({ ...process.env, NEO4J_URI: values.uri });
  const db = new Database(values.uri!, config.neo4j);
  const yoga = createServer(db, { config: { ...config, rateLimit: { ...config.rateLimit, perMinute: 1e9, burst: 1e9 } } });
  const events = chooseEvents(Number(values.seed));
  const event = walkSize === 'large' ? events.heavy : events.typical;
  const body = JSON.stringify({ query: graphql.walk, variables: { event: gid('Event', event), stances: null } });
  const walk = async () => {
    const response = await yoga.fetch('http://bench/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    const result = (await response.json()) as { errors?: unknown };
    if (result.errors) throw new Error(JSON.stringify(result.errors));
  };
  try {
    for (let i = 0; i < Number(values.warm); i++) await walk();
    const requests = Number(values.requests);
    const started = process.cpuUsage();
    const wall = performance.now();
    for (let i = 0; i < requests; i++) await walk();
    const cpu = process.cpuUsage(started);
    const elapsed = performance.now() - wall;
    log(
      `walk of ${walkSize === 'large' ? `${events.heavyStatements} statements` : event}, ${requests} requests: API CPU ${((cpu.user + cpu.system) / 1000 / requests).toFixed(1)} ms per request ` +
        `(user ${(cpu.user / 1000 / requests).toFixed(1)}, system ${(cpu.system / 1000 / requests).toFixed(1)}), wall ${(elapsed / requests).toFixed(1)} ms`,
    );
  } finally {
    await db.close();
  }
});
