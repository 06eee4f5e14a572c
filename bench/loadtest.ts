import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { scriptOptions } from '../src/cli/script-args.js';
import { autocannon } from './load-generator.js';
import { runCommand, type Log } from '../src/cli/run.js';
import { encodeGlobalID as gid } from '../src/domain/global-id.js';
import { eventId, loadedEvents, loadEvents, REGION } from './dataset.js';
import { projectRoot, startBenchNeo4j } from './neo4j.js';
import { graphql } from './operations.js';
import { provenance, type Run } from './report.js';

/**
 * `npm run loadtest`: the claimgraph API as it runs in production (`src/server.ts`, which migrates
 * and loads the seed itself) in a child process on loopback, over the benchmark's Neo4j holding
 * the generated graph too. A fixed mix of the walk, the event list and search runs at each
 * concurrency for a fixed time; requests/s, latency, errors and the API process's peak memory
 * go to docs/loadtest.md. Not part of `npm test`.
 */
const USAGE = `usage: npm run loadtest -- [--events N] [--seconds N] [--connections N,N] [--port P] [--seed S]

Runs the API as in production over the benchmark's Neo4j with a fixed mix of the walk, the event
list and search at each concurrency; writes docs/loadtest.md.

  --events N          generated events besides the seed (default 2000)
  --seconds N         measured seconds per concurrency (default 10)
  --connections N,N   the concurrencies (default 1,4,16,32)
  --port P            the API's port (default LOADTEST_PORT or 4100)
  --seed S            the dataset's seed (default 42)`;
const values = scriptOptions(USAGE, {
    events: { type: 'string', default: '2000' },
    seconds: { type: 'string', default: '10' },
    connections: { type: 'string', default: '1,4,16,32' },
    port: { type: 'string', default: process.env.LOADTEST_PORT ?? '4100' },
    seed: { type: 'string', default: '42' },
  });
const settings = {
  events: Number(values.events),
  seconds: Number(values.seconds),
  warmupSeconds: 2,
  connections: values.connections!.split(',').map(Number),
  port: Number(values.port),
  seed: Number(values.seed),
};
for (const [name, value] of Object.entries(settings)) {
  const numbers = Array.isArray(value) ? value : [value];
  if (!numbers.every((n) => Number.isInteger(n) && n > 0)) throw new Error(`--${name} must be positive whole numbers`);
}

/** The seed's walk, the walk of a generated event, the first page of the region's events, a search. */
const mix = [
  { name: 'walk (seed: the Daquq airstrike)', query: graphql.walk, variables: { event: gid('Event', 'daquq-airstrike-2016-10-21'), stances: null } },
  { name: 'walk (a generated event)', query: graphql.walk, variables: { event: gid('Event', eventId(1)), stances: null } },
  { name: 'events list (first page of the region)', query: graphql.events, variables: { within: gid('Place', REGION), from: '2016-01-01', after: null } },
  { name: 'search "airstrike"', query: graphql.search, variables: { query: 'airstrike' } },
];
const headers = { 'content-type': 'application/json', accept: 'application/json' };

/** The API's memory from /proc: resident now, and the peak since the last reset. */
function memory(pid: number): { rssMb: number; peakMb: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rssMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024 };
}

/** Starts the peak (VmHWM) again from the current size, so each level reports its own. */
function resetPeak(pid: number): void {
  writeFileSync(`/proc/${pid}/clear_refs`, '5');
}

/** `npm start`'s server with the bench database, on loopback; resolves once /ready answers 200. */
async function startApi(uri: string, log: Log): Promise<{ child: ChildProcess; base: string }> {
  const base = `http://127.0.0.1:${settings.port}`;
  const child = spawn(process.execPath, ['--import', 'tsx', path.join('src', 'server.ts')], {
    cwd: projectRoot,
    env: {
      ...process.env,
      NEO4J_URI: uri,
      HOST: '127.0.0.1',
      PORT: String(settings.port),
      // The load generator is one client at one address: the limit would measure only itself.
      RATE_LIMIT_PER_MINUTE: '100000000',
      RATE_LIMIT_BURST: '100000000',
      // One log line per request would measure the terminal as much as the API.
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  let exited: number | null | undefined;
  child.once('exit', (code) => (exited = code));
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (exited !== undefined) throw new Error(`the API exited with code ${exited} before it was ready`);
    if (Date.now() > deadline) throw new Error('the API was not ready within 3 minutes');
    const ready = await fetch(`${base}/ready`).then((r) => r.ok, () => false);
    if (ready) break;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  log(`API up on ${base} (pid ${child.pid})`);
  return { child, base };
}

/** Each operation once, so the load never measures a mix that fails. */
async function checkMix(base: string): Promise<void> {
  for (const operation of mix) {
    const { query, variables } = operation;
    const response = await fetch(`${base}/graphql`, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
    const body = (await response.json()) as { data?: Record<string, unknown>; errors?: unknown };
    if (!response.ok || body.errors || !body.data || Object.values(body.data).includes(null)) {
      throw new Error(`${operation.name} does not answer: ${response.status} ${JSON.stringify(body).slice(0, 300)}`);
    }
  }
}

interface Level {
  connections: number;
  requests: number;
  rps: number;
  p50: number;
  p99: number;
  non2xx: number;
  graphqlErrors: number;
  socketErrors: number;
  timeouts: number;
  peakMb: number;
  /** The machine's one-minute load average at the end: how much else was running. */
  loadAverage: number;
}

async function runLevel(base: string, pid: number, connections: number, seconds: number, log: Log): Promise<Level> {
  let answered = 0;
  let graphqlErrors = 0;
  const requests = mix.map(({ query, variables }) => ({
    method: 'POST',
    path: '/graphql',
    headers,
    body: JSON.stringify({ query, variables }),
    onResponse: (_status: number, body: string) => {
      answered += 1;
      if (body.includes('"errors"')) graphqlErrors += 1;
    },
  }));
  resetPeak(pid);
  const started = Date.now();
  const progress = setInterval(() => {
    const { rssMb } = memory(pid);
    log(`  ${connections} connections: ${Math.round((Date.now() - started) / 1000)}/${seconds} s, ${answered} answered, API RSS ${Math.round(rssMb)} MB`);
  }, 5000);
  try {
    const result = await autocannon({ url: base, connections, duration: seconds, timeout: 10, requests });
    const done = result.requests.total > 0;
    return {
      connections,
      requests: result.requests.total,
      rps: result.requests.average,
      p50: done ? result.latency.p50 : NaN,
      p99: done ? result.latency.p99 : NaN,
      non2xx: result.non2xx,
      graphqlErrors,
      socketErrors: result.errors - result.timeouts,
      timeouts: result.timeouts,
      peakMb: memory(pid).peakMb,
      loadAverage: os.loadavg()[0]!,
    };
  } finally {
    clearInterval(progress);
  }
}

const fmt = (x: number, digits = 0) => (Number.isFinite(x) ? x.toFixed(digits) : '–');

function report(run: Pick<Run, 'machine' | 'commit' | 'date'> & { graph: { events: number }; idleMb: number; peakMb: number; levels: Level[]; seconds: number }): string {
  const args = `--events ${settings.events} --seconds ${settings.seconds} --connections ${settings.connections.join(',')}`;
  return [
    '# Load check',
    '',
    `Generated by \`npm run loadtest -- ${args}\` on ${run.date.slice(0, 16).replace('T', ' ')} UTC at commit \`${run.commit}\`, in ${Math.round(run.seconds)} s. Do not edit: rerun the command.`,
    '',
    'The API runs as `npm start` runs it (`src/server.ts`: migrations, the seed, then the HTTP server) in a child process on 127.0.0.1, over the benchmark\'s Neo4j.',
    `autocannon sends a fixed mix, each connection in turn, round and round, for ${settings.seconds} s at each concurrency (after a ${settings.warmupSeconds} s warm-up):`,
    '',
    ...mix.map((operation) => `- ${operation.name}`),
    '',
    `The graph: the seed plus ${run.graph.events} generated events (seed ${settings.seed}, see bench/dataset.ts). The rate limit is raised for the run (the load generator is one client) and the request log is off (\`LOG_LEVEL=warn\`).`,
    '',
    '## Machine',
    '',
    `- CPU: ${run.machine.cpus}, shared with other work and with the load generator itself: read the trend, not the absolute numbers`,
    `- Memory: ${run.machine.memoryGiB} GiB; ${run.machine.os}`,
    `- Node ${run.machine.node}; Neo4j ${run.machine.neo4j} Community (embedded launcher)`,
    '',
    '## Results',
    '',
    'Errors: responses other than 2xx, 2xx responses carrying GraphQL `errors`, and connection errors and timeouts (10 s). Peak memory is the API process\'s VmHWM during that level (its peak resident set, from /proc, reset before each level). The load average (one minute, at the end of the level) says how busy the machine was with everything else as well: on a machine this size, anything above its CPU count means the API waited for a core.',
    '',
    '| connections | requests/s | p50 (ms) | p99 (ms) | requests | non-2xx | GraphQL errors | connection errors | timeouts | peak memory (MB) | load average |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...run.levels.map(
      (l) =>
        `| ${l.connections} | ${fmt(l.rps, 1)} | ${fmt(l.p50)} | ${fmt(l.p99)} | ${l.requests} | ${l.non2xx} | ${l.graphqlErrors} | ${l.socketErrors} | ${l.timeouts} | ${fmt(l.peakMb)} | ${fmt(l.loadAverage, 1)} |`,
    ),
    '',
    `The API process used ${fmt(run.idleMb)} MB resident when it was ready, before any load, and ${fmt(run.peakMb)} MB at its peak under load.`,
    '',
  ].join('\n');
}

await runCommand(async (log) => {
  const started = Date.now();
  const neo4j = await startBenchNeo4j(log);
  let api: { child: ChildProcess; base: string } | undefined;
  try {
    const present = await loadedEvents(neo4j.db);
    if (present < settings.events) {
      log(`loading generated events ${present}..${settings.events}...`);
      await loadEvents(neo4j.db, { seed: settings.seed, from: present, to: settings.events }, log);
    }
    const graph = { events: await loadedEvents(neo4j.db) };
    api = await startApi(neo4j.uri, log);
    const pid = api.child.pid!;
    await checkMix(api.base);
    const idleMb = memory(pid).rssMb;
    log(`warming up for ${settings.warmupSeconds} s...`);
    await runLevel(api.base, pid, settings.connections[0]!, settings.warmupSeconds, log);
    const levels: Level[] = [];
    for (const connections of settings.connections) {
      log(`${connections} connections for ${settings.seconds} s...`);
      const level = await runLevel(api.base, pid, connections, settings.seconds, log);
      levels.push(level);
      log(
        `  ${connections} connections: ${fmt(level.rps, 1)} req/s, p50 ${fmt(level.p50)} ms, p99 ${fmt(level.p99)} ms, ` +
          `${level.non2xx + level.graphqlErrors + level.socketErrors + level.timeouts} errors, peak ${fmt(level.peakMb)} MB`,
      );
    }
    // VmHWM was reset per level; the peak under load is the largest of theirs.
    const peakMb = Math.max(...levels.map((l) => l.peakMb));
    const text = report({ ...(await provenance(neo4j.db)), graph, idleMb, peakMb, levels, seconds: (Date.now() - started) / 1000 });
    const out = path.join(projectRoot, 'docs', 'loadtest.md');
    writeFileSync(out, text);
    log(`wrote ${path.relative(projectRoot, out)}`);
  } finally {
    api?.child.kill('SIGTERM');
    await neo4j.close();
  }
});
