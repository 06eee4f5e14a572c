import path from 'node:path';
import { parseArgs } from 'node:util';
import { runCommand } from '../src/cli/run.js';
import { loadedEvents, loadEvents } from './dataset.js';
import { writeGdeltFiles } from './gdelt-files.js';
import { diskMb, projectRoot, startBenchNeo4j } from './neo4j.js';

/**
 * `npm run bench:data -- --events N --seed S`: loads the generated dataset of N events into the
 * benchmark's Neo4j (port 7695, .data/neo4j-bench), writing only the events it does not hold yet,
 * and reports how long it took and the disk it uses. With --gdelt-mentions N it writes GDELT-format
 * files (N mentions of N/10 strikes) for the import benchmark instead.
 */
const { values } = parseArgs({
  options: {
    events: { type: 'string', default: '10000' },
    seed: { type: 'string', default: '42' },
    'gdelt-mentions': { type: 'string' },
  },
});
const events = Number(values.events);
const seed = Number(values.seed);

await runCommand(async (log) => {
  if (values['gdelt-mentions']) {
    // Only the files: `npm run bench:data -- --gdelt-mentions 100000` (no database needed).
    const mentions = Number(values['gdelt-mentions']);
    const files = await writeGdeltFiles(path.join(projectRoot, '.data', 'bench-gdelt'), { events: Math.ceil(mentions / 10), mentions, seed });
    log(`wrote ${files.exportFile} and ${files.mentionsFile}`);
    return;
  }
  if (!Number.isInteger(events) || events <= 0 || !Number.isInteger(seed)) throw new Error('--events and --seed must be whole numbers');
  const neo4j = await startBenchNeo4j(log);
  try {
    const present = await loadedEvents(neo4j.db);
    if (present >= events) {
      log(`the benchmark graph already holds ${present} events; nothing to write`);
    } else {
      log(`writing events ${present}..${events} (seed ${seed})...`);
      const report = await loadEvents(neo4j.db, { seed, from: present, to: events }, log);
      log(
        `wrote ${report.events} events (${report.nodesCreated} nodes, ${report.relationshipsCreated} relationships) in ${report.seconds.toFixed(1)} s`,
      );
    }
    log(`disk used by ${neo4j.dataDir}: ${diskMb(neo4j.dataDir)} MB`);
  } finally {
    await neo4j.close();
  }
});
