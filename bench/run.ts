import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { scriptOptions } from '../src/cli/script-args.js';
import { autocannon } from './load-generator.js';
import { runCommand, type Log } from '../src/cli/run.js';
import { decodeKeysetCursor } from '../src/db/cursor.js';
import { cypher, type Database } from '../src/db/database.js';
import { FULLTEXT_INDEX } from '../src/db/migrations.js';
import { encodeGlobalID as gid } from '../src/domain/global-id.js';
import { Label } from '../src/domain/graph.js';
import { runImport } from '../src/ingest/runner.js';
import { gdeltImporter } from '../src/ingest/sources/gdelt.js';
import { parseTerms, TOTAL_COUNT_CAP, toLucene } from '../src/modules/search/search.cypher.js';
import { buildStore, chooseEvents, eventId, loadedEvents, personId, provinceId, REGION, storeLoad, type StoreLoad } from './dataset.js';
import { writeGdeltFiles } from './gdelt-files.js';
import { NEO4J_GRAPHQL_PATH, neo4jGraphql, neo4jGraphqlEventsCursors } from './neo4j-graphql/operations.js';
import { diskMb, projectRoot, startBenchNeo4j, type BenchNeo4j } from './neo4j.js';
import { graphql, raw, type Case } from './operations.js';
import { IMPLEMENTATIONS, provenance, resolutionShare, writeReport, type ImportResult, type Impl, type ResolutionImportResult, type LoadResult, type Measurement, type Run, type Single } from './report.js';

/**
 * `npm run bench` (sizes 10k, 100k, 1M events) and `npm run bench -- --quick` (1.5k and 3k): starts
 * the benchmark's Neo4j, grows the generated dataset size by size, serves claimgraph, the raw floor
 * and `@neo4j/graphql` from one child process, checks that all three return the same data, then
 * measures each operation with autocannon at fixed concurrency, the three implementations
 * interleaved, and ends with the GDELT mention import. Writes docs/benchmarks.md and docs/benchmarks.svg.
 */
const USAGE = `usage: npm run bench -- [--quick] [--sizes N,N] [--seed S] [--connections N] [--seconds N] [--rounds N] [--stores-only]
       npm run bench -- --resolution-only [--sizes N] [--resolution-events N]

Measures claimgraph against the hand-written Cypher floor and @neo4j/graphql on generated graphs,
then the GDELT import with resolution; rewrites docs/benchmarks.md and docs/benchmarks.svg.

  --quick           1,500 and 3,000 events, short windows (a few minutes)
  --sizes N,N       the dataset sizes in events (default 10000,100000,1000000: over an hour)
  --seed S          the generated dataset's seed (default 42)
  --connections N   concurrent connections under load (default 8)
  --seconds N       each measured window (default 10; 3 with --quick)
  --rounds N        interleaved rounds per operation (default 3; 1 with --quick)
  --stores-only     build the stores of these sizes (the 1M one takes half an hour) and stop,
                    so the measuring run can start later on a quiet machine
  --resolution-only the GDELT import without and with matching, into the largest store only;
                    prints its rows/s and share, leaves the report as it is
  --resolution-events N  strikes in that import, each with two mentions (default 100000; 2000 with --quick)

Its Neo4j: BENCH_NEO4J_PORT (7695), NEO4J_LOCAL_HEAP, NEO4J_LOCAL_PAGECACHE_MB.`;
const values = scriptOptions(USAGE, {
    quick: { type: 'boolean', default: false },
    sizes: { type: 'string' },
    seed: { type: 'string', default: '42' },
    connections: { type: 'string', default: '8' },
    // A shorter full run, for when the machine cannot be had for an hour: the report states them.
    seconds: { type: 'string' },
    rounds: { type: 'string' },
    'stores-only': { type: 'boolean', default: false },
    'resolution-only': { type: 'boolean', default: false },
    'resolution-events': { type: 'string' },
  });
const quick = values.quick!;
const seed = Number(values.seed);
const sizes = values.sizes ? values.sizes.split(',').map(Number) : quick ? [1500, 3000] : [10_000, 100_000, 1_000_000];
const settings = {
  quick,
  seed,
  connections: Number(values.connections),
  warmupSeconds: quick ? 1 : 3,
  seconds: values.seconds ? Number(values.seconds) : quick ? 3 : 10,
  rounds: values.rounds ? Number(values.rounds) : quick ? 1 : 3,
  gdeltMentions: quick ? 10_000 : 200_000,
  resolutionEvents: values['resolution-events'] ? Number(values['resolution-events']) : quick ? 2_000 : 100_000,
};


/** Where `npm run build` compiles claimgraph, the build `npm start` runs in production. */
const PRODUCT_DIR = path.join(projectRoot, 'dist');

function buildProduct(log: Log): void {
  log('compiling claimgraph as production runs it (npm run build)...');
  execFileSync(process.execPath, [path.join('scripts', 'build.mjs'), '--no-check'], { cwd: projectRoot, stdio: 'inherit' });
}

function startServers(uri: string, log: Log): Promise<{ child: ChildProcess; base: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join('bench', 'serve.ts')], {
    cwd: projectRoot,
    // Production mode, as deployed: graphql-js skips its development-only checks (instanceOf per
    // value). The request log is off, as in the load check: the other two implementations log nothing.
    env: { ...process.env, NODE_ENV: 'production', LOG_LEVEL: 'warn', BENCH_NEO4J_URI: uri, BENCH_PRODUCT_DIR: PRODUCT_DIR },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the benchmark server exited with code ${code}`)));
    child.stdout!.on('data', (chunk: Buffer) => {
      const port = /listening (\d+)/.exec(chunk.toString())?.[1];
      if (port) {
        log(`servers up on port ${port} (claimgraph at /graphql, raw floor at /raw/*, @neo4j/graphql at ${NEO4J_GRAPHQL_PATH})`);
        resolve({ child, base: `http://127.0.0.1:${port}` });
      }
    });
  });
}

interface Target {
  url: string;
  body: string;
}

const targets: Record<Impl, (base: string, c: Case) => Target> = {
  claimgraph: (base, c) => ({ url: `${base}/graphql`, body: JSON.stringify({ query: c.query, variables: c.variables }) }),
  raw: (base, c) => ({ url: `${base}/raw/${c.raw}`, body: JSON.stringify(c.params) }),
  neo4jGraphql: (base, c) => ({ url: `${base}${NEO4J_GRAPHQL_PATH}`, body: JSON.stringify({ query: neo4jGraphql[c.raw]!.query, variables: c.neo4jGraphql }) }),
};

/**
 * The longest one request may take outside the measured windows (answers, cursors, requests
 * alone): on the largest graphs some of `@neo4j/graphql`'s operations take minutes each.
 */
const REQUEST_BUDGET_MS = 20_000;
const runningQueries = cypher(
  'bench: transactions still running',
  "SHOW TRANSACTIONS YIELD transactionId, currentQuery WHERE NOT currentQuery CONTAINS 'SHOW TRANSACTIONS' RETURN collect(transactionId) AS ids",
);
const endQueries = cypher('bench: end transactions still running', 'TERMINATE TRANSACTIONS $ids YIELD transactionId RETURN count(*) AS ended');

/**
 * Ends the transactions still running in Neo4j and waits until they are gone: a request given up
 * on (over the budget, or past autocannon's timeout at the end of a window) goes on in Neo4j, and
 * would weigh on whatever is measured next.
 */
async function settle(db: Database): Promise<void> {
  const running = async () => (await db.read(runningQueries)).records[0]!.get('ids') as string[];
  let ids = await running();
  while (ids.length > 0) {
    await db.write(endQueries, { ids });
    // Terminated transactions stop at their next check, then leave the list.
    await new Promise((resolve) => setTimeout(resolve, 100));
    ids = await running();
  }
}

type Answer = { data?: unknown; errors?: unknown; overBudget?: true };

async function post(db: Database, target: Target): Promise<Answer> {
  try {
    const response = await fetch(target.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: target.body,
      signal: AbortSignal.timeout(REQUEST_BUDGET_MS),
    });
    return (await response.json()) as Answer;
  } catch (error) {
    if ((error as Error).name !== 'TimeoutError') throw error;
    await settle(db);
    return { overBudget: true };
  }
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

interface Stats {
  cpu: NodeJS.CpuUsage;
  queries: string[];
  neo4jGraphqlRoundTrips: number;
}

async function stats(base: string): Promise<Stats> {
  return (await (await fetch(`${base}/stats`)).json()) as Stats;
}

/**
 * Median time of nine requests one after another: the latency without load. A slow operation
 * stops early, once the requests have taken the budget of one.
 */
async function single(db: Database, target: Target): Promise<number> {
  const times: number[] = [];
  const started = performance.now();
  while (times.length < 9 && performance.now() - started < REQUEST_BUDGET_MS) {
    const sent = performance.now();
    await post(db, target);
    times.push(performance.now() - sent);
  }
  return times.sort((a, b) => a - b)[Math.floor((times.length - 1) / 2)]!;
}

/**
 * CPU time Neo4j's JVM has used, in ms: the OperatingSystem MXBean's ProcessCpuTime (the same
 * figure as user + system in /proc/<pid>/stat), asked of the server itself, so it needs no process
 * ID and works for a reused or remote server too.
 */
const neo4jCpuQuery = cypher(
  'bench: Neo4j process CPU',
  "CALL dbms.queryJmx('java.lang:type=OperatingSystem') YIELD attributes RETURN attributes.ProcessCpuTime.value AS nanoseconds",
);

async function neo4jCpuMs(db: Database): Promise<number> {
  return Number((await db.read(neo4jCpuQuery)).records[0]!.get('nanoseconds')) / 1e6;
}

async function measure(db: Database, base: string, target: Target, seconds: number) {
  const options = { url: target.url, method: 'POST', headers: { 'content-type': 'application/json' }, body: target.body, connections: settings.connections };
  await autocannon({ ...options, duration: settings.warmupSeconds });
  const before = await stats(base);
  const neo4jBefore = await neo4jCpuMs(db);
  const result = await autocannon({ ...options, duration: seconds });
  const neo4jAfter = await neo4jCpuMs(db);
  const after = await stats(base);
  await settle(db);
  const cpuMicros = after.cpu.user + after.cpu.system - before.cpu.user - before.cpu.system;
  // No request finished within the window: its latency is unknown, not 0.
  const done = result.requests.total > 0;
  return {
    p50: done ? result.latency.p50 : NaN,
    p99: done ? result.latency.p99 : NaN,
    rps: result.requests.average,
    cpuMsPerRequest: result.requests.total ? cpuMicros / 1000 / result.requests.total : 0,
    neo4jCpuMsPerRequest: result.requests.total ? (neo4jAfter - neo4jBefore) / result.requests.total : 0,
    failures: result.errors + result.non2xx,
  };
}

/**
 * The cursor of each event of the filtered list, up to the 990th (pages 10 and 100 of 10 start
 * after the 90th and the 990th), paging through one API's list 100 at a time.
 */
async function eventCursors(db: Database, url: string, query: string, variables: Record<string, unknown>, list: (data: never) => { edges: Array<{ cursor: string }> }): Promise<string[]> {
  const cursors: string[] = [];
  let after: string | null = null;
  while (cursors.length < 990) {
    const result = await post(db, { url, body: JSON.stringify({ query, variables: { ...variables, after } }) });
    // Too slow or refused (a transaction timeout): the pages past what was read are not measured.
    if (!result.data) break;
    const edges = list(result.data as never).edges;
    if (edges.length === 0) break;
    cursors.push(...edges.map((e) => e.cursor));
    after = edges.at(-1)!.cursor;
  }
  return cursors;
}

const FROM = '2016-01-01';

/** The cursors of the filtered event list in claimgraph and in `@neo4j/graphql`. */
async function listCursors(db: Database, base: string): Promise<{ claimgraph: string[]; neo4jGraphql: string[] }> {
  return {
    claimgraph: await eventCursors(db, `${base}/graphql`, graphql.eventsCursors, { within: gid('Place', REGION), from: FROM }, (data: { events: { edges: Array<{ cursor: string }> } }) => data.events),
    neo4jGraphql: await eventCursors(
      db,
      `${base}${NEO4J_GRAPHQL_PATH}`,
      neo4jGraphqlEventsCursors,
      { within: REGION, from: FROM },
      (data: { eventsConnection: { edges: Array<{ cursor: string }> } }) => data.eventsConnection,
    ),
  };
}

function cases(events: ReturnType<typeof chooseEvents>, cursors: Awaited<ReturnType<typeof listCursors>>): Case[] {
  const eventsCase = (page: number, after: number | undefined): Case => {
    const cursor = after === undefined ? undefined : cursors.claimgraph[after];
    const { key: cursorDate, id: cursorId } = cursor ? decodeKeysetCursor(cursor, 'date', 'after') : { key: '0001-01-01', id: '' };
    return {
      name: `events, page ${page}`,
      raw: 'events',
      query: graphql.events,
      variables: { within: gid('Place', REGION), from: FROM, after: cursor ?? null },
      params: { within: REGION, from: FROM, cursorDate, cursorId },
      neo4jGraphql: { within: REGION, from: FROM, after: after === undefined ? null : cursors.neo4jGraphql[after] },
    };
  };
  const byId = (id: string) => ({ params: { id }, neo4jGraphql: { id } });
  // A word the graph knows, so the API reads it precisely, as this hand-written query does.
  const lucene = parseTerms('airstrike').map((term) => toLucene(term).precise).join(' ');
  const list = [
    { name: 'walk (event with 3 statements)', raw: 'walk', query: graphql.walk, variables: { event: gid('Event', events.typical), stances: null }, ...byId(events.typical) },
    { name: `walk (event with ${events.heavyStatements} statements)`, raw: 'walk', query: graphql.walk, variables: { event: gid('Event', events.heavy), stances: null }, ...byId(events.heavy) },
    { name: 'event page', raw: 'eventPage', query: graphql.eventPage, variables: { id: gid('Event', events.typical) }, ...byId(events.typical) },
    eventsCase(1, undefined),
    ...(cursors.claimgraph.length >= 90 ? [eventsCase(10, 89)] : []),
    ...(cursors.claimgraph.length >= 990 ? [eventsCase(100, 989)] : []),
    { name: "an actor's statements", raw: 'actorStatements', query: graphql.actorStatements, variables: { id: gid('Actor', personId(0)) }, ...byId(personId(0)) },
    { name: 'search', raw: 'search', query: graphql.search, variables: { query: 'airstrike' }, params: { index: FULLTEXT_INDEX, lucene, scan: TOTAL_COUNT_CAP }, neo4jGraphql: { phrase: lucene } },
    { name: 'neighborhood, depth 2', raw: 'neighborhood', query: graphql.neighborhood, variables: { id: gid('Event', events.typical) }, ...byId(events.typical) },
    {
      name: 'totalCount alone',
      raw: 'totalCount',
      query: graphql.totalCount,
      variables: { within: gid('Place', provinceId(0)) },
      params: { within: provinceId(0) },
      neo4jGraphql: { within: provinceId(0) },
    },
  ] satisfies Case[];
  return list;
}

// In slices: deleting a whole import in one transaction outgrows Neo4j's transaction memory limit.
// Label by label, so each slice is a prefix seek of the key's index, not a scan of every node
// (at 1M events, 22 M nodes a slice: ten minutes to remove one import).
const removeGdeltSlices = [
  ...Object.values(Label).map((label) =>
    cypher(`bench: remove gdelt ${label}`, `MATCH (n:${label}) WHERE n.id STARTS WITH 'gdelt' WITH n LIMIT 20000 DETACH DELETE n RETURN count(*) AS deleted`),
  ),
  cypher('bench: remove external records', `MATCH (n:${Label.ExternalRecord}) WITH n LIMIT 20000 DETACH DELETE n RETURN count(*) AS deleted`),
  cypher(
    'bench: remove match audit entries',
    `MATCH (n:${Label.AuditEntry}) WHERE n.action STARTS WITH 'MATCH_' WITH n LIMIT 20000 DETACH DELETE n RETURN count(*) AS deleted`,
  ),
];

async function removeGdelt(neo4j: BenchNeo4j): Promise<void> {
  for (const slice of removeGdeltSlices) while (Number((await neo4j.db.write(slice)).records[0]!.get('deleted')) > 0);
}

async function importBenchmark(neo4j: BenchNeo4j, log: Log): Promise<ImportResult> {
  await removeGdelt(neo4j);
  const mentions = settings.gdeltMentions;
  const events = Math.ceil(mentions / 10);
  const dir = await mkdtemp(path.join(os.tmpdir(), 'claimgraph-bench-gdelt-'));
  const files = await writeGdeltFiles(path.join(dir, 'files'), { events, mentions, seed });
  const options = (label: string) => {
    let shown = 0;
    return {
      // The CLI's default batch (`claimgraph import --batch`): rows per transaction weigh on the rate.
      batchSize: 5000,
      // The write path alone: matching is measured by resolutionImportBenchmark (see the report).
      resolve: false,
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
  const exported = await runImport(neo4j.db, gdeltImporter, [files.exportFile], options('events'));
  const mentioned = await runImport(neo4j.db, gdeltImporter, [files.mentionsFile], options('mentions'));
  rmSync(dir, { recursive: true, force: true });
  await removeGdelt(neo4j);
  return {
    eventRows: exported.rows,
    eventRowsPerSecond: exported.rows / exported.seconds,
    mentionRows: mentioned.rows,
    mentionsImported: mentioned.imported,
    mentionRowsPerSecond: mentioned.rows / mentioned.seconds,
  };
}

/**
 * The same files imported into the largest graph without matching, with it, then without it again;
 * the records are removed after each, so every pass starts from the same graph. The first pass is
 * not counted: it warms the JIT and the page cache (the same keys and index pages), which would
 * otherwise favour whichever pass came second (a warm pass imports mentions twice as fast).
 */
async function resolutionImportBenchmark(neo4j: BenchNeo4j, log: Log, graphEvents: number): Promise<ResolutionImportResult> {
  await removeGdelt(neo4j);
  const events = settings.resolutionEvents;
  const dir = await mkdtemp(path.join(os.tmpdir(), 'claimgraph-bench-resolution-'));
  const files = await writeGdeltFiles(path.join(dir, 'files'), { events, mentions: events * 2, seed, spread: true });
  let passes = 0;
  const pass = async (resolve: boolean) => {
    let shown = 0;
    // Each pass its own checkpoints: a pass must not find the files done by an earlier one.
    passes += 1;
    const options = {
      batchSize: 5000,
      rejectsDir: path.join(dir, `rejects-${passes}`),
      stateDir: path.join(dir, `state-${passes}`),
      resolve,
      progress: (p: { done: number; total: number; rowsPerSecond: number; finished: boolean }) => {
        if (p.finished || Date.now() - shown > 5000) {
          shown = Date.now();
          log(`  ${resolve ? 'with' : 'without'} resolution: ${p.done}/${p.total} rows, ${Math.round(p.rowsPerSecond)} rows/s`);
        }
      },
    };
    const exported = await runImport(neo4j.db, gdeltImporter, [files.exportFile], options);
    const mentioned = await runImport(neo4j.db, gdeltImporter, [files.mentionsFile], options);
    await removeGdelt(neo4j);
    return {
      rows: exported.rows + mentioned.rows,
      seconds: exported.seconds + mentioned.seconds,
      confirmed: exported.resolution.confirmed + mentioned.resolution.confirmed,
      candidates: exported.resolution.candidates + mentioned.resolution.candidates,
    };
  };
  log(`GDELT import into ${graphEvents} events, without resolution (to warm up, not counted), with it, then without: ${events} strikes and ${events * 2} mentions...`);
  await pass(false);
  const withResolution = await pass(true);
  const without = await pass(false);
  rmSync(dir, { recursive: true, force: true });
  return {
    graphEvents,
    rowsWithout: without.rows,
    rowsWith: withResolution.rows,
    secondsWithout: without.seconds,
    secondsWith: withResolution.seconds,
    confirmed: withResolution.confirmed,
    candidates: withResolution.candidates,
  };
}

/**
 * The store of one size: `.data/neo4j-bench-<size>`, reused when an earlier run built it from the
 * same seed (its load record says how long that took), else built anew with neo4j-admin import.
 */
async function storeOfSize(size: number, log: Log): Promise<{ neo4j: BenchNeo4j; load: LoadResult }> {
  const dataDir = path.join('.data', `neo4j-bench-${size}`);
  const earlier = storeLoad(path.resolve(projectRoot, dataDir), seed, size);
  let neo4j: BenchNeo4j;
  let built: StoreLoad;
  if (earlier) {
    log(`${size} events: reusing the store built on ${earlier.date.slice(0, 16)} in ${dataDir}`);
    neo4j = await startBenchNeo4j(log, { dataDir });
    built = earlier;
  } else {
    log(`${size} events: building the store in ${dataDir}...`);
    rmSync(path.resolve(projectRoot, dataDir), { recursive: true, force: true });
    ({ neo4j, load: built } = await buildStore(dataDir, { seed, events: size }, log));
  }
  if ((await loadedEvents(neo4j.db)) !== size) throw new Error(`the store in ${dataDir} does not hold exactly ${size} events`);
  return { neo4j, load: { size, reused: !!earlier, ...built, diskMb: diskMb(neo4j.dataDir) } };
}

await runCommand(async (log) => {
  const started = Date.now();
  const events = chooseEvents(seed);
  const run: Omit<Run, 'machine' | 'commit' | 'date'> = {
    settings,
    sizes,
    loads: [] as LoadResult[],
    measurements: [] as Measurement[],
    singles: [] as Single[],
    disagreements: [] as string[],
    unmeasured: [] as Run['unmeasured'],
    import: undefined,
    resolutionImport: undefined,
    seconds: 0,
  };
  if (values['stores-only']) {
    for (const size of sizes) {
      const { neo4j, load } = await storeOfSize(size, log);
      await neo4j.close();
      log(`${size} events: store ready (${load.nodes} nodes, ${load.diskMb} MB)`);
    }
    return;
  }
  if (values['resolution-only']) {
    const size = sizes.at(-1)!;
    const { neo4j } = await storeOfSize(size, log);
    try {
      const r = await resolutionImportBenchmark(neo4j, log, size);
      const rate = (rows: number, seconds: number) => Math.round(rows / seconds);
      log(`without resolution: ${rate(r.rowsWithout, r.secondsWithout)} rows/s; with: ${rate(r.rowsWith, r.secondsWith)} rows/s; matching ${(resolutionShare(r) * 100).toFixed(1)} % of the time; ${r.confirmed} confirmed, ${r.candidates} candidates`);
    } finally {
      await neo4j.close();
    }
    return;
  }
  let measuredOn: Awaited<ReturnType<typeof provenance>> | undefined;
  buildProduct(log);
  for (const size of sizes) {
    const { neo4j, load } = await storeOfSize(size, log);
    run.loads.push(load);
    measuredOn ??= await provenance(neo4j.db);
    const { child, base } = await startServers(neo4j.uri, log);
    try {
      const cursors = await listCursors(neo4j.db, base);
      for (const c of cases(events, cursors)) {
        const op = raw[c.raw]!;
        // `@neo4j/graphql` may have no answer: its page cursors or its request over the budget.
        const missingCursor = c.name.startsWith('events, page') && c.neo4jGraphql.after === undefined;
        const unaskable = (impl: Impl) => impl === 'neo4jGraphql' && missingCursor;
        const ask = async (impl: Impl): Promise<Answer> => {
          if (unaskable(impl)) return { overBudget: true };
          const answer = await post(neo4j.db, targets[impl](base, c));
          // The library's answer in claimgraph's shape (see neo4j-graphql/operations.ts).
          return impl === 'neo4jGraphql' && answer.data ? { data: neo4jGraphql[c.raw]!.reshape(answer.data as never) } : answer;
        };
        // One after another: the library's slowest queries would otherwise slow the other two's.
        const answers: Answer[] = [];
        for (const impl of IMPLEMENTATIONS) answers.push(await ask(impl));
        // The first to ask reads the pages from disk that the others then find in Neo4j's page
        // cache (at 1M events, an actor's 488,390 statements): one past the budget asks again.
        for (const [i, impl] of IMPLEMENTATIONS.entries()) {
          if (!answers[i]!.overBudget || unaskable(impl)) continue;
          log(`  ${size} events, ${c.name}: ${impl} had no answer within ${REQUEST_BUDGET_MS / 1000} s; asking once more, warm`);
          answers[i] = await ask(impl);
        }
        const library = answers[IMPLEMENTATIONS.indexOf('neo4jGraphql')]!;
        const measured = IMPLEMENTATIONS.filter((impl) => impl !== 'neo4jGraphql' || !(library.overBudget || library.errors));
        if (!measured.includes('neo4jGraphql')) {
          const reason = library.overBudget ? `no answer within ${REQUEST_BUDGET_MS / 1000} s` : `error: ${JSON.stringify(library.errors).slice(0, 200)}`;
          log(`  ${size} events, ${c.name}: @neo4j/graphql not measured (${reason})`);
          run.unmeasured.push({ size, operation: c.name, reason });
        }
        const expected = canonical(answers[0]!.data, !!op.unordered);
        const agree = measured.every((impl) => {
          const answer = answers[IMPLEMENTATIONS.indexOf(impl)]!;
          return !answer.errors && !answer.overBudget && canonical(answer.data, !!op.unordered) === expected;
        });
        if (!agree) {
          const detail = `${size} events, ${c.name}: ${IMPLEMENTATIONS.map((impl, i) => `${impl} ${JSON.stringify(answers[i]!.errors ?? answers[i]!.data ?? 'no answer').slice(0, 300)}`).join(' / ')}`;
          log(`DISAGREE ${detail}`);
          run.disagreements.push(detail);
          continue;
        }
        const alone: Partial<Record<Impl, number>> = {};
        for (const impl of measured) alone[impl] = await single(neo4j.db, targets[impl](base, c));
        run.singles.push({ size, operation: c.name, ...alone });
        // After warm requests: the library's first request also asks Neo4j for its version.
        const last = await stats(base);
        const roundTrips: Record<Impl, number> = { claimgraph: last.queries.length, raw: 1, neo4jGraphql: last.neo4jGraphqlRoundTrips };
        // A request alone longer than the window: under load none would finish in it, and those still
        // running after it would weigh on the next implementation's window.
        const loaded = measured.filter((impl) => alone[impl]! < (settings.seconds * 1000) / 2);
        for (const impl of measured.filter((x) => !loaded.includes(x))) {
          log(`  ${size} events, ${c.name}, ${impl}: ${Math.round(alone[impl]!)} ms alone, longer than half the window: not measured under load`);
        }
        for (let round = 0; round < settings.rounds; round++) {
          // Interleaved, the order rotating every round, so drift on a shared machine hits all three.
          const order = loaded.map((_, i) => loaded[(i + round) % loaded.length]!);
          for (const impl of order) {
            const result = await measure(neo4j.db, base, targets[impl](base, c), settings.seconds);
            run.measurements.push({ size, operation: c.name, impl, round, roundTrips: roundTrips[impl], ...result });
            log(`  ${size} events, ${c.name}, ${impl}: p50 ${result.p50} ms, p99 ${result.p99} ms, ${Math.round(result.rps)} req/s`);
          }
        }
      }
      // Into the smallest graph (its indexes fit the page cache in every run), removed again afterwards.
      if (size === sizes[0]) run.import = await importBenchmark(neo4j, log);
      // Matching's cost grows with what is near the new events: measured where the most is.
      if (size === sizes.at(-1)) run.resolutionImport = await resolutionImportBenchmark(neo4j, log, size);
    } finally {
      child.kill('SIGTERM');
      await neo4j.close();
    }
  }
  run.seconds = (Date.now() - started) / 1000;
  const written = await writeReport({ ...run, ...measuredOn! });
  log(`wrote ${written.join(' and ')} in ${Math.round(run.seconds)} s`);
});
