import { rmSync } from 'node:fs';
import path from 'node:path';
import { scriptOptions } from '../src/cli/script-args.js';
import { runCommand, type Log } from '../src/cli/run.js';
import { dumpGraph } from './bulk.js';
import { buildStore, loadedEvents, loadEvents } from './dataset.js';
import { writeGdeltFiles } from './gdelt-files.js';
import { diskMb, projectRoot, startBenchNeo4j } from './neo4j.js';

/**
 * `npm run bench:data -- --events N --seed S`: gives the benchmark's Neo4j (BENCH_NEO4J_PORT,
 * .data/neo4j-bench) the generated dataset of N events and reports how long it took and the disk
 * it uses. A store holding fewer events is rebuilt whole by `neo4j-admin database import` from CSV
 * (bulk.ts; the dataset is deterministic from the seed, so rebuilding equals growing); with
 * --writes the missing events go through the product's write path instead, one bundle per batch.
 * --check loads N events (default 300) both ways into two scratch stores and compares the graphs.
 * With --gdelt-mentions N it writes GDELT-format files (N mentions of N/10 strikes) for the import
 * benchmark instead.
 */
const USAGE = `usage: npm run bench:data -- [--events N] [--seed S] [--writes] [--check] [--gdelt-mentions N]

Gives the benchmark's Neo4j the generated dataset of N events (neo4j-admin import from CSV).

  --events N           events (default 10000; 300 with --check)
  --seed S             the dataset's seed (default 42)
  --writes             send the missing events through the product's write path instead
  --check              load N events both ways into scratch stores and compare the graphs
  --gdelt-mentions N   write GDELT-format files (N mentions of N/10 strikes) instead`;
const values = scriptOptions(USAGE, {
    events: { type: 'string' },
    seed: { type: 'string', default: '42' },
    writes: { type: 'boolean', default: false },
    check: { type: 'boolean', default: false },
    'gdelt-mentions': { type: 'string' },
  });
const events = Number(values.events ?? (values.check ? 300 : 10_000));
const seed = Number(values.seed);

/** The same small dataset through neo4j-admin and through the write path: the two graphs must be equal. */
async function check(log: Log) {
  const dumps: string[][] = [];
  for (const way of ['bulk', 'writes'] as const) {
    const dataDir = path.join('.data', `neo4j-bench-check-${way}`);
    rmSync(path.resolve(projectRoot, dataDir), { recursive: true, force: true });
    log(`loading ${events} events through ${way === 'bulk' ? 'neo4j-admin import' : 'the write path'} into ${dataDir}...`);
    const neo4j = way === 'bulk' ? (await buildStore(dataDir, { seed, events }, log)).neo4j : await startBenchNeo4j(log, { dataDir });
    if (neo4j.reused) throw new Error('a Neo4j already answers on the benchmark port: stop it before --check');
    if (way === 'writes') await loadEvents(neo4j.db, { seed, from: 0, to: events }, log);
    dumps.push(await dumpGraph(neo4j.db));
    await neo4j.close();
    rmSync(neo4j.dataDir, { recursive: true, force: true });
  }
  const [bulk, writes] = dumps as [string[], string[]];
  const [inBulk, inWrites] = [new Set(bulk), new Set(writes)];
  const onlyBulk = bulk.filter((line) => !inWrites.has(line));
  const onlyWrites = writes.filter((line) => !inBulk.has(line));
  if (onlyBulk.length || onlyWrites.length) {
    for (const line of onlyBulk.slice(0, 5)) log(`  only in the bulk store: ${line}`);
    for (const line of onlyWrites.slice(0, 5)) log(`  only in the written store: ${line}`);
    throw new Error(`the graphs differ: ${onlyBulk.length} records only in the bulk store, ${onlyWrites.length} only in the written one`);
  }
  log(`the same graph both ways: ${bulk.length} nodes and relationships, every label, property and type equal`);
}

await runCommand(async (log) => {
  if (values['gdelt-mentions']) {
    // Only the files: `npm run bench:data -- --gdelt-mentions 100000` (no database needed).
    const mentions = Number(values['gdelt-mentions']);
    const files = await writeGdeltFiles(path.join(projectRoot, '.data', 'bench-gdelt'), { events: Math.ceil(mentions / 10), mentions, seed });
    log(`wrote ${files.exportFile} and ${files.mentionsFile}`);
    return;
  }
  if (!Number.isInteger(events) || events <= 0 || !Number.isInteger(seed)) throw new Error('--events and --seed must be whole numbers');
  if (values.check) return check(log);
  let neo4j = await startBenchNeo4j(log);
  try {
    const present = await loadedEvents(neo4j.db);
    if (present >= events) {
      log(`the benchmark graph already holds ${present} events; nothing to write`);
    } else if (values.writes) {
      log(`writing events ${present}..${events} (seed ${seed}) through the write path...`);
      const report = await loadEvents(neo4j.db, { seed, from: present, to: events }, log);
      log(
        `wrote ${report.events} events (${report.nodesCreated} nodes, ${report.relationshipsCreated} relationships) in ${report.seconds.toFixed(1)} s`,
      );
    } else {
      if (neo4j.reused) throw new Error('the benchmark Neo4j is running elsewhere: stop it so its store can be rebuilt');
      log(`the store holds ${present} events: rebuilding it with ${events} events (seed ${seed})...`);
      await neo4j.close();
      rmSync(neo4j.dataDir, { recursive: true, force: true });
      neo4j = (await buildStore(path.relative(projectRoot, neo4j.dataDir), { seed, events }, log)).neo4j;
    }
    log(`disk used by ${neo4j.dataDir}: ${diskMb(neo4j.dataDir)} MB`);
  } finally {
    await neo4j.close();
  }
});
