import { execFileSync, spawn } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { scriptOptions } from '../src/cli/script-args.js';
import { progressBar, rate } from '../src/cli/progress.js';
import { runCommand, type Log } from '../src/cli/run.js';
import { neo4jConfig, type Neo4jConfig } from '../src/config.js';
import { cypher, Database } from '../src/db/database.js';
import { startLocalNeo4j, type LocalNeo4j } from '../src/db/local-neo4j.js';
import { migrate } from '../src/db/migrations.js';
import type { Progress } from '../src/ingest/runner.js';
import { freePort } from '../tests/helpers/ports.js';
import { headline, renderReport } from './resolution-report.js';
import { readPredictions, scoreResolution } from './resolution-score.js';
import { DEFAULT_SET_DIR, importLabelledSet, LabelledSetError, loadLabelledSet, type LabelledSet } from './resolution-set.js';

const projectRoot = path.resolve(import.meta.dirname, '..');
const DEFAULT_REPORT = path.join(projectRoot, 'docs', 'resolution.md');

const USAGE = `usage: npm run eval:resolution -- [--out FILE] [--set DIR] [--import-only]

Scores event, statement, outlet and actor resolution on the labelled set (issue 14, item 6) and
writes the report. It imports the set into a Neo4j of its own, emptied first, through the real
GDELT and ACLED importers (matching runs inside each import), runs \`claimgraph resolve events\`
over it when the CLI has that command, reads the MATCHES links, statements, outlets and actors,
and compares them with the labels.

  --out FILE     where the report goes (default docs/resolution.md)
  --set DIR      the labelled set: gdelt/, acled/ and labels.yaml (default eval/resolution)
  --import-only  score what matching inside the imports made, without \`claimgraph resolve events\`

It never touches the database the API and the CLI use. Unset EVAL_NEO4J_URI: a local Neo4j on a
free port with its data in .data/neo4j-eval (EVAL_NEO4J_LOCAL_PORT, EVAL_NEO4J_LOCAL_DATA change
that), stopped at the end. EVAL_NEO4J_URI (with EVAL_NEO4J_USER, EVAL_NEO4J_PASSWORD,
EVAL_NEO4J_DATABASE): a Neo4j of yours, which must be empty or one an earlier evaluation used,
since it is emptied.

Exit status: 0 when the report is written, whether or not the targets are met (the report says);
1 on an error; 2 on a bad command line.`;

/** A problem the person running the evaluation must fix, said in plain sentences. */
class EvaluationError extends Error {}

/** The label of the one node that says an evaluation made this database its own and may empty it. */
const EVAL_DATABASE_MARKER = 'ClaimgraphEvalDatabase';
const inspect = cypher('eval: whose database', `RETURN EXISTS { MATCH (:${EVAL_DATABASE_MARKER}) } AS marked, COUNT { MATCH (n) } AS nodes`);
const mark = cypher('eval: mark the database', `MERGE (:${EVAL_DATABASE_MARKER})`);
const wipe = cypher('eval: wipe', `MATCH (n) WHERE NOT n:${EVAL_DATABASE_MARKER} CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS`);

/**
 * Makes the database the evaluation's and empties it, unless it holds data an evaluation did not
 * put there: a mistyped EVAL_NEO4J_URI or port must not cost anyone their graph.
 */
async function claimEvalDatabase(db: Database, where: string): Promise<void> {
  const record = (await db.read(inspect)).records[0]!;
  const nodes = Number(record.get('nodes'));
  if (record.get('marked') !== true && nodes > 0) {
    throw new EvaluationError(
      `${where} holds ${rate(nodes)} nodes and no (:${EVAL_DATABASE_MARKER}) marker, so no evaluation made it and it will not be emptied. ` +
        'Point EVAL_NEO4J_URI at an empty database, or unset it to let the evaluation start its own.',
    );
  }
  await db.write(mark);
  // CALL ... IN TRANSACTIONS needs an implicit transaction, which the Database's read/write do not open.
  const session = db.driver.session({ database: db.name });
  try {
    await session.run(wipe.cypher);
  } finally {
    await session.close();
  }
}

async function evalNeo4jConfig(): Promise<Neo4jConfig> {
  const defaults = {
    EVAL_NEO4J_LOCAL_PORT: process.env.EVAL_NEO4J_LOCAL_PORT ?? String(await freePort()),
    EVAL_NEO4J_LOCAL_DATA: '.data/neo4j-eval',
    EVAL_NEO4J_LOCAL_HEAP: '768m',
    EVAL_NEO4J_LOCAL_PAGECACHE_MB: '256',
  };
  return neo4jConfig({ ...defaults, ...process.env }, 'EVAL_');
}

/** The CLI, run as a child on the evaluation's database only: its NEO4J_ settings are the evaluation's. */
function claimgraph(args: string[], uri: string, config: Neo4jConfig, log: Log): Promise<{ code: number | null; stdout: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(projectRoot, 'src', 'cli', 'main.ts'), ...args], {
      cwd: projectRoot,
      env: { ...process.env, NEO4J_URI: uri, NEO4J_USER: config.user, NEO4J_PASSWORD: config.password, NEO4J_DATABASE: config.database },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => {
      for (const line of chunk.toString().split('\n')) if (line.trim()) log(`  ${line.trim()}`);
    });
    child.once('error', reject);
    child.once('exit', (code) => resolve({ code, stdout }));
  });
}

/** Runs `claimgraph resolve events` over the whole graph when the CLI has it; says what happened. */
async function resolveEvents(uri: string, config: Neo4jConfig, log: Log): Promise<string> {
  const help = await claimgraph(['resolve', 'events', '--help'], uri, config, () => {});
  if (help.code !== 0 || !help.stdout.startsWith('usage: claimgraph resolve events')) {
    log('claimgraph has no `resolve events` command yet: scoring what matching inside the imports made');
    return 'not run, the CLI has no such command yet (only matching inside the imports counted)';
  }
  log('running claimgraph resolve events over the evaluation database...');
  const run = await claimgraph(['resolve', 'events'], uri, config, log);
  if (run.code !== 0) throw new EvaluationError(`claimgraph resolve events failed with exit code ${run.code}; its output is above`);
  return 'run over the whole graph after the imports';
}

function gitCommit(): string | undefined {
  try {
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: projectRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'src', 'eval'], { cwd: projectRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    return dirty ? `${commit} (with uncommitted changes in src/ or eval/)` : commit;
  } catch {
    return undefined;
  }
}

async function rejectedRows(files: string[]): Promise<string[]> {
  const lines = await Promise.all(files.map(async (file) => (await readFile(file, 'utf8')).split('\n').filter(Boolean)));
  return lines.flat().map((line) => {
    const [file = '', row = '', reason = ''] = line.split('\t');
    return `${path.relative(projectRoot, file)}:${row}: ${reason}`;
  });
}

/** One progress bar per source over all its files: the set has dozens of small GDELT files. */
function importProgress(set: LabelledSet, log: Log): (report: Progress) => void {
  const draw = progressBar(log);
  const started = new Map<boolean, number>();
  const reports = new Map<string, Progress>();
  return (report) => {
    reports.set(report.file, report);
    const acled = set.acledFiles.includes(report.file);
    if (!started.has(acled)) started.set(acled, Date.now());
    const files = acled ? set.acledFiles : set.gdeltFiles;
    const seen = files.flatMap((file) => reports.get(file) ?? []);
    const sum = (count: (progress: Progress) => number) => seen.reduce((total, progress) => total + count(progress), 0);
    const done = sum((progress) => progress.done);
    draw({
      name: `${acled ? 'ACLED' : 'GDELT'} (${seen.filter((progress) => progress.finished).length}/${files.length} files)`,
      done,
      total: acled ? set.counts.acledRows : set.counts.gdeltEventRows + set.counts.gdeltSpeechRows + set.counts.mentionRows,
      rowsPerSecond: done / Math.max((Date.now() - started.get(acled)!) / 1000, 0.001),
      finished: report.finished && report.file === files.at(-1),
      suffix: `${sum((progress) => progress.rejected)} rejected`,
    });
  };
}

async function evaluate(args: string[], log: Log): Promise<void> {
  const values = scriptOptions(USAGE, { out: { type: 'string' }, set: { type: 'string' }, 'import-only': { type: 'boolean' } }, args);
  const set = loadLabelledSet(values.set ? path.resolve(values.set) : DEFAULT_SET_DIR);
  const reportFile = values.out ? path.resolve(values.out) : DEFAULT_REPORT;
  log(`labelled set: ${set.incidents.length} incidents, ${set.incidentOf.size} armed-event rows, ${set.statements.size} statement rows, ${set.mentions.length} mention URLs`);

  const config = await evalNeo4jConfig();
  let local: LocalNeo4j | undefined;
  if (!config.uri) local = await startLocalNeo4j(config, log);
  const uri = config.uri ?? local!.uri;
  const db = new Database(uri, config);
  const workDir = await mkdtemp(path.join(tmpdir(), 'claimgraph-eval-'));
  try {
    await db.verify();
    await claimEvalDatabase(db, config.uri ? `EVAL_NEO4J_URI ${uri}` : `${config.localDataDir} on port ${config.localPort}`);
    log(`emptied the evaluation database at ${uri}`);
    await migrate(db, log);
    const imports = await importLabelledSet(db, set, workDir, importProgress(set, log));
    const rejects = await rejectedRows([...imports.gdelt.rejectsFiles, ...imports.acled.rejectsFiles]);
    log(`imported ${imports.gdelt.imported + imports.acled.imported} rows; ${rejects.length} rejected`);
    const resolved = values['import-only'] ? 'not run (--import-only)' : await resolveEvents(uri, config, log);

    const scores = scoreResolution(set, await readPredictions(db, set));
    await mkdir(path.dirname(reportFile), { recursive: true });
    await writeFile(reportFile, renderReport(set, scores, { commit: gitCommit(), imports, rejects, resolveEvents: resolved }));
    for (const [measure, target, result, met] of headline(scores).rows) {
      process.stdout.write(`${measure}: ${result} (target ${target})${met ? `, ${met.replace(/\*/g, '')}` : ''}\n`);
    }
    process.stdout.write(`report written to ${path.relative(process.cwd(), reportFile) || reportFile}\n`);
  } finally {
    await db.close();
    await local?.stop();
    await rm(workDir, { recursive: true, force: true });
  }
}

await runCommand(async (log) => {
  try {
    await evaluate(process.argv.slice(2), log);
  } catch (error) {
    if (error instanceof LabelledSetError || error instanceof EvaluationError) {
      log(error.message);
      process.exitCode = 1;
    } else {
      throw error;
    }
  }
});
