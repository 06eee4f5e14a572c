import { randomBytes } from 'node:crypto';
import { userInfo } from 'node:os';
import path from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { loadConfig } from '../config.js';
import { connect } from '../db/connect.js';
import type { Database } from '../db/database.js';
import { startLocalNeo4j } from '../db/local-neo4j.js';
import { migrate } from '../db/migrations.js';
import { parseExportArgs, runExport, type ExportSummary } from '../export/export.js';
import { hashKey, Roles, type Role } from '../http/auth.js';
import { readBundle, seed } from '../ingest/bundle.js';
import { eventsTouched, resolveWritten } from '../ingest/resolve-written.js';
import { loadOffline, type OfflineSummary } from '../ingest/offline.js';
import { checkFiles, runImport, type Importer, type ImportOptions, type ImportSummary } from '../ingest/runner.js';
import { importers } from '../ingest/sources/index.js';
import { expandPaths, ImportFileError } from '../ingest/sources/rows.js';
import { writeBundle } from '../ingest/write.js';
import { applyActorCrosswalk } from '../ingest/resolve-actors.js';
import { mergeDuplicateOutlets } from '../modules/outlet/outlet-merge.js';
import { resolveAllEvents, type ResolveSummary } from '../modules/resolution/resolve.js';
import { MAX_NODES } from '../modules/subgraph/subgraph.cypher.js';
import { rewriteSampleOutputs } from './doc-samples-write.js';
import { readmeWithDiagram, writeReadmeDiagram } from './model-diagram.js';
import { progressBar, rate } from './progress.js';
import { optionProblem } from './script-args.js';
import { runCommand, type Log } from './run.js';

type Options = NonNullable<ParseArgsConfig['options']>;

interface Parsed {
  values: Record<string, string | boolean | Array<string | boolean> | undefined>;
  positionals: string[];
  /** The arguments as given, for a command that parses its own. */
  args: string[];
}

interface Command {
  /** How it is called, after `claimgraph`. */
  synopsis: string;
  summary: string;
  /** More to say in its --help: its options, what it writes. */
  details?: string;
  /** The options it takes; `own` when the command parses its arguments itself. */
  options: Options | 'own';
  /** How many positional arguments it takes. */
  positionals: { min: number; max: number };
  run(parsed: Parsed, log: Log): Promise<void>;
}

/** A command line the CLI does not understand: said in one line, before anything is done. */
class UsageError extends Error {
  constructor(
    message: string,
    readonly helpFor = '',
  ) {
    super(message);
  }
}

async function withDatabase(log: Log, work: (db: Database) => Promise<void>) {
  const connection = await connect(loadConfig(), log);
  try {
    await work(connection.db);
  } finally {
    await connection.close();
  }
}

const BATCH_SIZE = 5000;

function batchSize(value: Parsed['values'][string], command: string): number {
  if (value === undefined) return BATCH_SIZE;
  if (typeof value !== 'string' || !/^[1-9]\d*$/.test(value)) {
    throw new UsageError(`--batch must be a whole number of rows, 1 or more; got "${String(value)}"`, command);
  }
  return Number(value);
}

/** The import's batch size and where it keeps rejects and checkpoints, with a progress bar per file. */
function importOptions(log: Log, batch: number): ImportOptions {
  const draw = progressBar(log);
  return {
    batchSize: batch,
    rejectsDir: '.rejects',
    stateDir: '.data/imports',
    progress: ({ file, done, total, rejected, rowsPerSecond, finished, doing }) =>
      draw({ name: path.basename(file), done, total, rowsPerSecond, finished, suffix: `${rate(rejected)} rejected${doing ? `, ${doing}...` : ''}` }),
  };
}

function importCommand(name: string, importer: Importer<unknown>): Command {
  return {
    synopsis: `import ${name} PATH... [--batch N] [--no-resolve] [--offline [--replace]]`,
    summary: importer.description,
    details: [
      'PATH: files, or folders whose files of this kind are all read.',
      `--batch N     rows written per transaction (default ${rate(BATCH_SIZE)})`,
      '--no-resolve  do not match the imported events with the graph\'s (run `claimgraph resolve events` later)',
      '--offline     build a NEW local store (the seed plus these files) with neo4j-admin import instead of transactions,',
      '              for backfiles too large for transactions: the same reading, mapping, validation and rejects, then',
      '              CSV from the write plan, neo4j-admin, the schema and the matching. An option of import rather than a',
      '              db command because it reads the same files the same way and gives the same graph. It needs the local',
      '              Neo4j (NEO4J_URI unset) stopped, Java, and no database in NEO4J_LOCAL_DATA; Community\'s neo4j-admin',
      '              cannot add to a store. See docs/importing.md.',
      '--replace     with --offline: delete the database NEO4J_LOCAL_DATA holds and build it anew',
      '',
      'Rejected rows are kept, with file, line and every reason, in .rejects/FILE.rejects.tsv (rewritten on each run);',
      'checkpoints in .data/imports/ let a rerun resume an interrupted file and skip finished ones.',
      'Every file is checked before anything is written: one that is empty, binary or of another kind stops the import.',
    ].join('\n'),
    options: { batch: { type: 'string' }, 'no-resolve': { type: 'boolean' }, offline: { type: 'boolean' }, replace: { type: 'boolean' } },
    positionals: { min: 1, max: Infinity },
    async run({ values, positionals }, log) {
      const batch = batchSize(values.batch, `import ${name}`);
      if (values.replace && !values.offline) throw new UsageError('--replace goes with --offline', `import ${name}`);
      const files = await expandPaths(positionals, importer.accepts);
      if (files.length === 0) throw new ImportFileError(positionals.join(', '), `holds no file import ${name} reads`);
      if (values.offline) {
        const options = { ...importOptions(log, batch), replace: values.replace === true, resolve: values['no-resolve'] !== true };
        log(describeOffline(await loadOffline(loadConfig().neo4j, importer, files, options, log)));
        return;
      }
      // Before connecting: a bad file costs nothing and says so in one line.
      await checkFiles(importer, files);
      await withDatabase(log, async (db) => {
        await migrate(db, log);
        log(describeSummary(await runImport(db, importer, files, { ...importOptions(log, batch), resolve: values['no-resolve'] !== true })));
      });
    },
  };
}

const commands: Record<string, Command> = {
  'db start': {
    synopsis: 'db start',
    summary: 'run the local Neo4j in the foreground (Ctrl-C stops it)',
    options: {},
    positionals: { min: 0, max: 0 },
    async run(_, log) {
      const local = await startLocalNeo4j(loadConfig().neo4j, log);
      log('press Ctrl-C to stop');
      await new Promise<void>((resolve) => {
        process.once('SIGINT', resolve);
        process.once('SIGTERM', resolve);
      });
      await local.stop();
    },
  },
  'db migrate': {
    synopsis: 'db migrate',
    summary: 'apply constraints and indexes (idempotent)',
    options: {},
    positionals: { min: 0, max: 0 },
    run: (_, log) => withDatabase(log, (db) => migrate(db, log)),
  },
  seed: {
    synopsis: 'seed',
    summary: 'apply migrations, then load every bundle in seeds/ (unchanged ones are skipped)',
    options: {},
    positionals: { min: 0, max: 0 },
    run: (_, log) =>
      withDatabase(log, async (db) => {
        await migrate(db, log);
        await seed(db, log);
      }),
  },
  ...Object.fromEntries(
    Object.entries(importers).map(([name, importer]) => [`import ${name}`, importCommand(name, importer)]),
  ),
  'import bundle': {
    synopsis: 'import bundle FILE...',
    summary: 'validate and load document bundles (YAML or JSON)',
    details: 'Every file is validated before anything is written: a bad bundle is reported with the path of each problem.',
    options: {},
    positionals: { min: 1, max: Infinity },
    async run({ positionals }, log) {
      const bundles = await Promise.all(positionals.map(async (file) => ({ file, bundle: await readBundle(file) })));
      await withDatabase(log, async (db) => {
        await migrate(db, log);
        for (const { file, bundle } of bundles) {
          const summary = await writeBundle(db, bundle, file);
          log(`${file}: ${summary.nodesCreated} nodes and ${summary.relationshipsCreated} relationships created`);
          log(describeResolution(await resolveWritten(db, eventsTouched(bundle.bundle))));
        }
      });
    },
  },
  'resolve outlets': {
    synopsis: 'resolve outlets',
    summary: 'merge outlets that share a registrable domain (www.rt.com and rt.com) into one, audited',
    details: [
      'Of each group, the outlet a bundle or the API wrote is kept before one an importer made, then the first recorded.',
      'Every relationship of the others moves to it, their domains and sources are added to its own, and each merged',
      'outlet leaves an AuditEntry (action MERGE, mergedInto, its properties and relationships) from which it can be',
      'restored. Stored domains are rewritten as registrable domains. Running it again changes nothing.',
    ].join('\n'),
    options: {},
    positionals: { min: 0, max: 0 },
    run: (_, log) =>
      withDatabase(log, async (db) => {
        await migrate(db, log);
        const merges = await mergeDuplicateOutlets(db, `claimgraph resolve outlets (${userInfo().username})`);
        for (const { kept, merged, domains } of merges) {
          log(merged.length ? `merged ${merged.join(', ')} into ${kept} (${domains.join(', ')})` : `${kept}: domains normalised to ${domains.join(', ')}`);
        }
        log(merges.length ? `${merges.length} outlets resolved` : 'no outlets share a domain: nothing to do');
      }),
  },
  'resolve events': {
    synopsis: 'resolve events',
    summary: 'match every event with those near it in place and time, proposing or confirming matches',
    details: [
      'Imports match the events they bring as they go; this runs the same rules over the whole graph, after the rules,',
      'the crosswalk or the data changed. A pair scoring 0.9 or more is confirmed, one from 0.5 a CANDIDATE for review',
      '(Event.matches, confirmMatch, rejectMatch). A pair an editor decided is never changed; a rejected pair is never',
      'proposed again. Every change of status leaves an AuditEntry. Statements imported before their event are attached',
      'to it (audited, STATEMENT_ATTACHED). Running it again changes nothing.',
    ].join('\n'),
    options: {},
    positionals: { min: 0, max: 0 },
    run: (_, log) =>
      withDatabase(log, async (db) => {
        await migrate(db, log);
        const draw = progressBar(log);
        const started = Date.now();
        const summary = await resolveAllEvents(
          db,
          (done, total) => draw({ name: 'events', done, total, rowsPerSecond: done / Math.max((Date.now() - started) / 1000, 0.001), finished: done >= total }),
          (db, ids) => resolveWritten(db, { changed: ids, reported: [] }),
        );
        log(describeResolution(summary));
      }),
  },
  'resolve actors': {
    synopsis: 'resolve actors',
    summary: 'apply the actor crosswalk to what was imported before, merging duplicate actors into the canonical ones, audited',
    details: [
      'Actors an import made for a CAMEO code or an ACLED name that the crosswalk (ACTOR_CROSSWALK extends it) now leads',
      'elsewhere are merged into the canonical actor: their relationships move to it, and each merged actor leaves an',
      'AuditEntry (action MERGE) from which it can be restored. Canonical actors present in the graph get their codes and',
      'their part-of and member-of links. Running it again changes nothing.',
    ].join('\n'),
    options: {},
    positionals: { min: 0, max: 0 },
    run: (_, log) =>
      withDatabase(log, async (db) => {
        await migrate(db, log);
        const { merged, linked } = await applyActorCrosswalk(db, `claimgraph resolve actors (${userInfo().username})`);
        for (const { kept, merged: from } of merged) log(`merged ${from} into ${kept}`);
        log(`${merged.length} actors merged, ${linked} canonical actors given their codes and links`);
      }),
  },
  export: {
    synopsis: 'export (--event KEY [--depth N] | --all | --kinds K1,K2) --format F [--out PATH]',
    summary: 'write an event’s neighbourhood, the whole graph or every record of some kinds',
    details: [
      '--event KEY [--depth N]  the event and what lies within N steps of it',
      '--all                    the whole graph',
      '--kinds K1,K2            every record of those kinds (Event, Statement, ...)',
      '--format F               graphml, cytoscape, jsonl or csv (csv writes nodes.csv and edges.csv in --out)',
      '--out PATH               a file (a folder for csv); standard output when left out',
    ].join('\n'),
    options: 'own',
    positionals: { min: 0, max: 0 },
    async run({ args }, log) {
      const exportOptions = parseExportArgs(args);
      await withDatabase(log, async (db) => {
        const draw = progressBar(log);
        const name = `export ${exportOptions.format}`;
        try {
          const summary = await runExport(db, exportOptions, (report) => draw({ name, ...report }));
          log(describeExport(summary, exportOptions.format));
        } catch (error) {
          // Whoever read standard output (head, say) has stopped reading: that ends the export.
          if ((error as NodeJS.ErrnoException).code !== 'EPIPE') throw error;
          log('standard output was closed, so the export stopped');
        }
      });
    },
  },
  schema: {
    synopsis: 'schema [--check]',
    summary: 'print the schema’s SDL, or check schema/schema.graphql is current',
    details: '--check  exit 1 when schema/schema.graphql differs from what the code declares',
    options: { check: { type: 'boolean' } },
    positionals: { min: 0, max: 0 },
    async run({ values }, log) {
      // Loaded here: building the schema is the slowest import, and no other command needs it.
      const { schemaDrift } = await import('./schema-drift.js');
      const { committed, current } = await schemaDrift();
      if (!values.check) {
        process.stdout.write(current + '\n');
        return;
      }
      if (committed !== current) {
        log('schema/schema.graphql is out of date with the code: run `npm run codegen` and commit the result.');
        process.exitCode = 1;
        return;
      }
      log('schema/schema.graphql matches the code');
    },
  },
  docs: {
    synopsis: 'docs [--write]',
    summary: 'check (or, with --write, regenerate) what the documentation draws from the code: the model diagram and the sample outputs',
    details:
      '--write  rewrite the README\'s model diagram, then run every GraphQL sample of README.md, CONTRIBUTING.md and docs/*.md\n' +
      '         against a freshly seeded test database (tests/docs-samples.test.ts, on the TEST_NEO4J_ variables) and rewrite the\n' +
      '         outputs shown under them; without it, exit 1 when the diagram is out of date (npm test checks the samples)',
    options: { write: { type: 'boolean' } },
    positionals: { min: 0, max: 0 },
    async run({ values }, log) {
      const readme = await readmeWithDiagram();
      if (!readme) throw new UsageError('README.md has no model diagram markers to fill', 'docs');
      if (values.write) {
        log((await writeReadmeDiagram()) ? 'README.md: model diagram rewritten' : 'README.md: model diagram already current');
        log('running every documentation sample against a freshly seeded test database to rewrite its output');
        process.exitCode = await rewriteSampleOutputs();
        return;
      }
      if (readme.updated !== readme.current) {
        log('README.md\'s model diagram is out of date with the record declarations: run `npx claimgraph docs --write` and commit the result.');
        process.exitCode = 1;
        return;
      }
      log('README.md\'s model diagram matches the record declarations');
    },
  },
  'key new': {
    synopsis: 'key new NAME ROLE',
    summary: 'make an API key (ROLE: reader, editor or admin) and its API_KEYS entry',
    details: 'NAME: letters, digits, - and _. The key is printed once and not stored; put the API_KEYS entry in the server’s environment.',
    options: {},
    positionals: { min: 2, max: 2 },
    async run({ positionals: [name, role] }) {
      if (!name || !/^[A-Za-z0-9_-]+$/.test(name) || !Roles.includes(role as Role)) {
        throw new UsageError('key new needs a NAME (letters, digits, - and _) and a ROLE (reader, editor or admin)', 'key new');
      }
      const key = randomBytes(24).toString('base64url');
      process.stdout.write(`key (give it to ${name}; it is not stored): ${key}\n`);
      process.stdout.write(`API_KEYS entry: ${name}:${role}:${hashKey(key).toString('hex')}\n`);
    },
  },
};

/** Commands of two words (`db start`) form groups (`db`), which answer --help with their commands. */
const groups = new Set(Object.keys(commands).filter((name) => name.includes(' ')).map((name) => name.split(' ')[0]!));

const ENVIRONMENT = 'Environment: NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE (unset NEO4J_URI: local Neo4j).';

function commandList(prefix: string): string {
  const listed = Object.entries(commands).filter(([name]) => !prefix || name.startsWith(`${prefix} `));
  return listed.map(([, command]) => `  claimgraph ${command.synopsis}\n      ${command.summary}`).join('\n');
}

/** The usage of a command, of a group of commands, or (no name) of them all. */
function usage(name: string): string {
  const command = commands[name];
  if (command) {
    return [
      `usage: claimgraph ${command.synopsis}`,
      '',
      `${command.summary[0]!.toUpperCase()}${command.summary.slice(1)}.`,
      ...(command.details ? ['', command.details] : []),
    ].join('\n');
  }
  if (groups.has(name)) return [`usage: claimgraph ${name} COMMAND`, '', commandList(name)].join('\n');
  return [
    'usage: claimgraph COMMAND [OPTIONS]',
    '',
    'claimgraph: a knowledge graph of conflict claims over Neo4j',
    '',
    commandList(''),
    '',
    'claimgraph COMMAND --help (or claimgraph help COMMAND) tells more about each.',
    ENVIRONMENT,
  ].join('\n');
}

/** The command the words name: two words, one, or a group's or the whole CLI's help. */
function resolve(words: string[]): { name: string; command?: Command; rest: string[] } {
  const [first = '', second = ''] = words;
  const two = `${first} ${second}`;
  if (commands[two]) return { name: two, command: commands[two], rest: words.slice(2) };
  if (commands[first]) return { name: first, command: commands[first], rest: words.slice(1) };
  return { name: groups.has(first) ? first : '', rest: words.slice(1) };
}

const asksForHelp = (args: string[]) => {
  const end = args.indexOf('--');
  return (end === -1 ? args : args.slice(0, end)).some((arg) => arg === '--help' || arg === '-h');
};

function parse(name: string, command: Command, args: string[]): Parsed {
  if (command.options === 'own') return { values: {}, positionals: [], args };
  let parsed: Omit<Parsed, 'args'>;
  try {
    parsed = parseArgs({ args, options: command.options, strict: true, allowPositionals: command.positionals.max > 0 });
  } catch (error) {
    throw new UsageError(optionProblem(error), name);
  }
  const { min, max } = command.positionals;
  const count = parsed.positionals.length;
  if (count < min || count > max) {
    throw new UsageError(`${name} expects ${command.synopsis.slice(name.length).trim()}, got ${count} argument${count === 1 ? '' : 's'}`, name);
  }
  return { ...parsed, args };
}

const subcommands = (group: string) =>
  Object.keys(commands)
    .filter((name) => name.startsWith(`${group} `))
    .map((name) => name.slice(group.length + 1));

async function main(args: string[], log: Log): Promise<void> {
  if (args[0] === 'help') {
    const { name, command } = resolve(args.slice(1));
    if (args.length > 1 && !command && !name) throw new UsageError(`unknown command "${args.slice(1).join(' ')}"`);
    process.stdout.write(usage(name) + '\n');
    return;
  }
  const { name, command, rest } = resolve(args);
  const [first = '', second = ''] = args;
  if (!command && !name && first && !first.startsWith('-')) throw new UsageError(`unknown command "${first}"`);
  if (!command && name && second && !second.startsWith('-')) throw new UsageError(`unknown command "${name} ${second}"`, name);
  if (asksForHelp(command ? rest : args)) {
    process.stdout.write(usage(name) + '\n');
    return;
  }
  if (!command) {
    if (!first) throw new UsageError('no command given');
    if (name) throw new UsageError(`${name} needs a command: ${subcommands(name).join(', ')}`, name);
    throw new UsageError(`unknown option "${first}"`);
  }
  await command.run(parse(name, command, rest), log);
}

function describeExport(s: ExportSummary, format: string): string {
  return [
    `wrote ${rate(s.nodes)} nodes and ${rate(s.edges)} edges as ${format} to ${s.files.join(' and ') || 'standard output'}` +
      ` in ${s.seconds.toFixed(1)} s (${rate((s.nodes + s.edges) / Math.max(s.seconds, 0.001))} rows/s)`,
    s.truncated ? `the neighbourhood reached the cap of ${MAX_NODES} nodes and was cut; pass a smaller --depth or some --kinds` : '',
  ]
    .filter(Boolean)
    .join('\n  ');
}

function describeResolution(s: ResolveSummary): string {
  return `matching: ${rate(s.compared)} ${s.compared === 1 ? 'pair' : 'pairs'} of events compared, ${rate(s.confirmed)} confirmed as one incident, ${rate(s.candidates)} candidates for review${s.withdrawn ? `, ${rate(s.withdrawn)} proposals withdrawn` : ''}` +
    (s.statementsAttached === 0 ? '' : s.statementsAttached === 1 ? '; 1 statement imported before its event attached to it'
      : `; ${rate(s.statementsAttached)} statements imported before their events attached to them`);
}

const rowsPerSecond = (rows: number, seconds: number) => `${rate(rows / Math.max(seconds, 0.001))} rows/s`;

function describeOffline(s: OfflineSummary): string {
  return [
    `built a new store from ${rate(s.rows)} rows of ${s.files} files (${rate(s.imported)} imported) and the seed in ${s.seconds.toFixed(1)} s` +
      ` (${rowsPerSecond(s.rows, s.seconds)} in all): ${rate(s.nodes)} nodes and ${rate(s.relationships)} relationships`,
    ...s.stages.map((stage) => `${stage.name}: ${stage.seconds.toFixed(1)} s (${rowsPerSecond(s.rows, stage.seconds)})`),
    ...Object.entries(s.skipped).map(([reason, count]) => `${rate(count)} valid rows skipped: ${reason}`),
    s.resolution.compared ? describeResolution(s.resolution) : '',
    s.rejected ? `${rate(s.rejected)} rows rejected, kept with file, line and reasons in ${s.rejectsFiles.join(', ')}` : 'no rows rejected',
  ]
    .filter(Boolean)
    .join('\n  ');
}

function describeSummary(s: ImportSummary): string {
  return [
    `imported ${rate(s.imported)} of ${rate(s.rows)} rows from ${s.files - s.skippedFiles} files in ${s.seconds.toFixed(1)} s` +
      ` (${rate(s.rows / Math.max(s.seconds, 0.001))} rows/s)`,
    `${rate(s.nodesCreated)} nodes and ${rate(s.relationshipsCreated)} relationships created`,
    ...Object.entries(s.skipped).map(([reason, count]) => `${rate(count)} valid rows skipped: ${reason}`),
    s.resolution.compared ? describeResolution(s.resolution) : '',
    s.skippedFiles ? `${s.skippedFiles} files already imported, skipped` : '',
    s.rejected ? `${rate(s.rejected)} rows rejected, kept with file, line and reasons in ${s.rejectsFiles.join(', ')}` : 'no rows rejected',
  ]
    .filter(Boolean)
    .join('\n  ');
}

await runCommand(async (log) => {
  try {
    await main(process.argv.slice(2), log);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    log(`${error.message} (see claimgraph ${error.helpFor ? `${error.helpFor} ` : ''}--help)`);
    process.exitCode = 2;
  }
});
