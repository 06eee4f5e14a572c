import autocannon from 'autocannon';
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { runCommand, type Log } from '../src/cli/run.js';
import { cypher } from '../src/db/database.js';
import { FULLTEXT_INDEX } from '../src/db/migrations.js';
import { encodeGlobalID as gid } from '../src/global-id.js';
import { runImport } from '../src/ingest/runner.js';
import { gdeltImporter } from '../src/ingest/sources/gdelt.js';
import { countLines } from '../src/ingest/sources/rows.js';
import { parseTerms, toLucene } from '../src/modules/search/search.cypher.js';
import { eventId, eventRecords, loadedEvents, loadEvents, personId, provinceId, REGION, type EventRecords } from './dataset.js';
import { writeGdeltFiles } from './gdelt-files.js';
import { diskMb, projectRoot, startBenchNeo4j, type BenchNeo4j } from './neo4j.js';
import { graphql, raw, type Case } from './operations.js';
import { writeReport, type ImportResult, type LoadResult, type Measurement, type Run, type Single } from './report.js';

/**
 * `npm run bench` (sizes 10k, 100k, 1M events) and `npm run bench -- --quick` (1.5k and 3k): starts
 * the benchmark's Neo4j, grows the generated dataset size by size, serves claimgraph and the raw
 * floor from one child process, checks that both return the same data, then measures each
 * operation with autocannon at fixed concurrency, the two implementations interleaved, and ends
 * with the GDELT mention import. Writes docs/benchmarks.md and docs/benchmarks.svg.
 */
const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    sizes: { type: 'string' },
    seed: { type: 'string', default: '42' },
    connections: { type: 'string', default: '8' },
  },
});
const quick = values.quick!;
const seed = Number(values.seed);
const sizes = values.sizes ? values.sizes.split(',').map(Number) : quick ? [1500, 3000] : [10_000, 100_000, 1_000_000];
const settings = {
  quick,
  seed,
  connections: Number(values.connections),
  warmupSeconds: quick ? 1 : 3,
  seconds: quick ? 3 : 10,
  rounds: quick ? 1 : 3,
  gdeltMentions: quick ? 10_000 : 200_000,
};

/** The event with the most statements among the first 1,000 (in every size), and a typical one (3). */
function chooseEvents(): { heavy: string; heavyStatements: number; typical: string } {
  let heavy = { i: 0, statements: -1 };
  let typical = -1;
  for (let i = 0; i < 1000; i++) {
    const records: EventRecords = { events: [], claims: [], articles: [], statements: [] };
    eventRecords(seed, i, records);
    if (records.statements.length > heavy.statements) heavy = { i, statements: records.statements.length };
    if (typical < 0 && records.statements.length === 3) typical = i;
  }
  return { heavy: eventId(heavy.i), heavyStatements: heavy.statements, typical: eventId(typical) };
}

function startServers(uri: string, log: Log): Promise<{ child: ChildProcess; base: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join('bench', 'serve.ts')], {
    cwd: projectRoot,
    env: { ...process.env, BENCH_NEO4J_URI: uri },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the benchmark server exited with code ${code}`)));
    child.stdout!.on('data', (chunk: Buffer) => {
      const port = /listening (\d+)/.exec(chunk.toString())?.[1];
      if (port) {
        log(`servers up on port ${port} (claimgraph at /graphql, raw floor at /raw/*)`);
        resolve({ child, base: `http://127.0.0.1:${port}` });
      }
    });
  });
}

interface Target {
  url: string;
  body: string;
}

const graphqlTarget = (base: string, c: Case): Target => ({ url: `${base}/graphql`, body: JSON.stringify({ query: c.query, variables: c.variables }) });
const rawTarget = (base: string, c: Case): Target => ({ url: `${base}/raw/${c.raw}`, body: JSON.stringify(c.params) });

async function post(target: Target): Promise<{ data?: unknown; errors?: unknown }> {
  const response = await fetch(target.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: target.body });
  return (await response.json()) as { data?: unknown; errors?: unknown };
}

/** JSON with keys sorted, and (for unordered results) every list sorted, so equal data compares equal. */
function canonical(value: unknown, unordered: boolean): string {
  const walk = (v: unknown): unknown => {
    if (Array.isArray(v)) {
      const items = v.map(walk);
      return unordered ? items.map((x) => JSON.stringify(x)).sort().map((x) => JSON.parse(x) as unknown) : items;
    }
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)).map(([k, x]) => [k, walk(x)]));
    return v;
  };
  return JSON.stringify(walk(value));
}

async function stats(base: string): Promise<{ cpu: NodeJS.CpuUsage; queries: string[] }> {
  return (await (await fetch(`${base}/stats`)).json()) as { cpu: NodeJS.CpuUsage; queries: string[] };
}

/** Median time of three requests one after another: the latency without load. */
async function single(target: Target): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < 3; i++) {
    const started = performance.now();
    await post(target);
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b)[1]!;
}

async function measure(base: string, target: Target, seconds: number) {
  const options = { url: target.url, method: 'POST', headers: { 'content-type': 'application/json' }, body: target.body, connections: settings.connections };
  await autocannon({ ...options, duration: settings.warmupSeconds });
  const before = await stats(base);
  const result = await autocannon({ ...options, duration: seconds });
  const after = await stats(base);
  const cpuMicros = after.cpu.user + after.cpu.system - before.cpu.user - before.cpu.system;
  // No request finished within the window: its latency is unknown, not 0.
  const done = result.requests.total > 0;
  return {
    p50: done ? result.latency.p50 : NaN,
    p99: done ? result.latency.p99 : NaN,
    rps: result.requests.average,
    cpuMsPerRequest: result.requests.total ? cpuMicros / 1000 / result.requests.total : 0,
    failures: result.errors + result.non2xx,
  };
}

/** Cursors after the 90th and 990th event of the filtered list (pages 10 and 100 of 10). */
async function eventCursors(base: string, within: string, from: string): Promise<string[]> {
  const cursors: string[] = [];
  let after: string | null = null;
  while (cursors.length < 990) {
    const result = (await post({ url: `${base}/graphql`, body: JSON.stringify({ query: graphql.eventsCursors, variables: { within, from, after } }) })) as {
      data: { events: { edges: Array<{ cursor: string }> } };
    };
    const edges = result.data.events.edges;
    if (edges.length === 0) break;
    cursors.push(...edges.map((e) => e.cursor));
    after = edges.at(-1)!.cursor;
  }
  return cursors;
}

function cases(events: ReturnType<typeof chooseEvents>, cursors: string[]): Case[] {
  const from = '2016-01-01';
  const eventsCase = (page: number, cursor: string | undefined): Case => {
    const [cursorDate, cursorId] = cursor ? (JSON.parse(Buffer.from(cursor, 'base64url').toString()) as [string, string]) : ['0001-01-01', ''];
    return {
      name: `events, page ${page}`,
      raw: 'events',
      query: graphql.events,
      variables: { within: gid('Place', REGION), from, after: cursor ?? null },
      params: { within: REGION, from, cursorDate, cursorId },
    };
  };
  const list = [
    { name: 'walk (event with 3 statements)', raw: 'walk', query: graphql.walk, variables: { event: gid('Event', events.typical), stances: null }, params: { id: events.typical } },
    { name: `walk (event with ${events.heavyStatements} statements)`, raw: 'walk', query: graphql.walk, variables: { event: gid('Event', events.heavy), stances: null }, params: { id: events.heavy } },
    { name: 'event page', raw: 'eventPage', query: graphql.eventPage, variables: { id: gid('Event', events.typical) }, params: { id: events.typical } },
    eventsCase(1, undefined),
    ...(cursors.length >= 90 ? [eventsCase(10, cursors[89])] : []),
    ...(cursors.length >= 990 ? [eventsCase(100, cursors[989])] : []),
    { name: "an actor's statements", raw: 'actorStatements', query: graphql.actorStatements, variables: { id: gid('Actor', personId(0)) }, params: { id: personId(0) } },
    { name: 'search', raw: 'search', query: graphql.search, variables: { query: 'airstrike' }, params: { index: FULLTEXT_INDEX, lucene: toLucene(parseTerms('airstrike')) } },
    { name: 'neighborhood, depth 2', raw: 'neighborhood', query: graphql.neighborhood, variables: { id: gid('Event', events.typical) }, params: { id: events.typical } },
    { name: 'totalCount alone', raw: 'totalCount', query: graphql.totalCount, variables: { within: gid('Place', provinceId(0)) }, params: { within: provinceId(0) } },
  ] satisfies Case[];
  return list;
}

const removeGdelt = cypher('bench: remove gdelt records', "MATCH (n) WHERE n.id STARTS WITH 'gdelt' OR n:ExternalRecord DETACH DELETE n");
const neo4jVersion = cypher('bench: neo4j version', 'CALL dbms.components() YIELD versions RETURN versions[0] AS version');

async function importBenchmark(neo4j: BenchNeo4j, log: Log): Promise<ImportResult> {
  await neo4j.db.write(removeGdelt);
  const mentions = settings.gdeltMentions;
  const events = Math.ceil(mentions / 10);
  const dir = await mkdtemp(path.join(os.tmpdir(), 'claimgraph-bench-gdelt-'));
  const files = await writeGdeltFiles(path.join(dir, 'files'), { events, mentions, seed });
  const options = (label: string) => {
    let shown = 0;
    return {
      // The CLI's default batch (`claimgraph import --batch`): rows per transaction weigh on the rate.
      batchSize: 5000,
      rejectsDir: path.join(dir, 'rejects'),
      stateDir: path.join(dir, 'state'),
      progress: (p: { done: number; total: number; rowsPerSecond: number; finished: boolean }) => {
        if (p.finished || Date.now() - shown > 2000) {
          shown = Date.now();
          log(`  ${label}: ${p.done}/${p.total} rows, ${Math.round(p.rowsPerSecond)} rows/s`);
        }
      },
    };
  };
  log(`GDELT import: ${events} strikes, then ${mentions} mentions of them...`);
  const exported = await runImport(neo4j.db, gdeltImporter, [files.exportFile], options('events'), countLines);
  const mentioned = await runImport(neo4j.db, gdeltImporter, [files.mentionsFile], options('mentions'), countLines);
  rmSync(dir, { recursive: true, force: true });
  await neo4j.db.write(removeGdelt);
  return {
    eventRows: exported.rows,
    eventRowsPerSecond: exported.rows / exported.seconds,
    mentionRows: mentioned.rows,
    mentionsImported: mentioned.imported,
    mentionRowsPerSecond: mentioned.rows / mentioned.seconds,
  };
}

await runCommand(async (log) => {
  const started = Date.now();
  let neo4j = await startBenchNeo4j(log);
  if ((await loadedEvents(neo4j.db)) > sizes[0]!) {
    log(`the benchmark store holds more than ${sizes[0]} events: starting again from an empty one`);
    await neo4j.close();
    rmSync(neo4j.dataDir, { recursive: true, force: true });
    neo4j = await startBenchNeo4j(log);
  }
  const { child, base } = await startServers(neo4j.uri, log);
  const version = (await neo4j.db.read(neo4jVersion)).records[0]!.get('version') as string;
  const events = chooseEvents();
  const run: Run = {
    settings,
    sizes,
    machine: {
      cpus: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'unknown'}`,
      memoryGiB: Math.round(os.totalmem() / 2 ** 30),
      node: process.version,
      neo4j: version,
      os: `${os.type()} ${os.release()}`,
    },
    commit: execFileSync('git', ['describe', '--always', '--dirty'], { cwd: projectRoot }).toString().trim(),
    date: new Date().toISOString(),
    loads: [] as LoadResult[],
    measurements: [] as Measurement[],
    singles: [] as Single[],
    disagreements: [] as string[],
    import: undefined,
    seconds: 0,
  };
  try {
    for (const size of sizes) {
      const present = await loadedEvents(neo4j.db);
      if (present < size) {
        log(`loading events ${present}..${size}...`);
        const loaded = await loadEvents(neo4j.db, { seed, from: present, to: size }, log);
        run.loads.push({ size, from: present, seconds: loaded.seconds, nodes: loaded.nodesCreated, relationships: loaded.relationshipsCreated, diskMb: diskMb(neo4j.dataDir) });
      } else {
        run.loads.push({ size, from: size, seconds: 0, nodes: 0, relationships: 0, diskMb: diskMb(neo4j.dataDir) });
      }
      const cursors = await eventCursors(base, gid('Place', REGION), '2016-01-01');
      for (const c of cases(events, cursors)) {
        const op = raw[c.raw]!;
        const [api, floor] = await Promise.all([post(graphqlTarget(base, c)), post(rawTarget(base, c))]);
        const roundTrips = (await stats(base)).queries.length;
        if (api.errors || floor.errors || canonical(api.data, !!op.unordered) !== canonical(floor.data, !!op.unordered)) {
          const detail = `${size} events, ${c.name}: claimgraph ${JSON.stringify(api.errors ?? api.data).slice(0, 300)} / raw ${JSON.stringify(floor.errors ?? floor.data).slice(0, 300)}`;
          log(`DISAGREE ${detail}`);
          run.disagreements.push(detail);
          continue;
        }
        run.singles.push({ size, operation: c.name, claimgraph: await single(graphqlTarget(base, c)), raw: await single(rawTarget(base, c)) });
        for (let round = 0; round < settings.rounds; round++) {
          // Interleaved, the order flipping every round, so drift on a shared machine hits both.
          const order = round % 2 === 0 ? (['claimgraph', 'raw'] as const) : (['raw', 'claimgraph'] as const);
          for (const impl of order) {
            const result = await measure(base, impl === 'claimgraph' ? graphqlTarget(base, c) : rawTarget(base, c), settings.seconds);
            run.measurements.push({ size, operation: c.name, impl, round, roundTrips: impl === 'claimgraph' ? roundTrips : 1, ...result });
            log(`  ${size} events, ${c.name}, ${impl}: p50 ${result.p50} ms, p99 ${result.p99} ms, ${Math.round(result.rps)} req/s`);
          }
        }
      }
    }
    run.import = await importBenchmark(neo4j, log);
  } finally {
    child.kill('SIGTERM');
    await neo4j.close();
  }
  run.seconds = (Date.now() - started) / 1000;
  const written = await writeReport(run);
  log(`wrote ${written.join(' and ')} in ${Math.round(run.seconds)} s`);
});
