import { randomBytes } from 'node:crypto';
import { hashKey, Roles, type Role } from '../http/auth.js';
import path from 'node:path';
import { loadConfig } from '../config.js';
import { checkFiles, runImport, type ImportOptions, type ImportSummary } from '../ingest/runner.js';
import { importers, isImporterName } from '../ingest/sources/index.js';
import { expandPaths } from '../ingest/sources/rows.js';
import { connect } from '../db/connect.js';
import { migrate } from '../db/migrations.js';
import { startLocalNeo4j } from '../db/local-neo4j.js';
import { readBundle, seed } from '../ingest/bundle.js';
import { writeBundle } from '../ingest/write.js';
import { parseExportArgs, runExport, type ExportSummary } from '../export/export.js';
import { MAX_NODES } from '../modules/subgraph/subgraph.cypher.js';
import { progressBar, rate } from './progress.js';
import { runCommand, type Log } from './run.js';
import { schemaDrift } from './schema-drift.js';

const usage = `claimgraph: a knowledge graph of conflict claims over Neo4j

  claimgraph db start            run the local Neo4j in the foreground (Ctrl-C stops it)
  claimgraph db migrate          apply constraints and indexes (idempotent)
  claimgraph seed                apply migrations, then load every bundle in seeds/
  claimgraph import gdelt PATH... [--batch=N]
                                 GDELT 2.0 Events exports and Mentions (plain or zipped, files or folders)
  claimgraph import acled PATH... [--batch=N]
                                 ACLED CSV exports (current or older layouts)
  claimgraph import bundle FILE...
                                 validate and load document bundles (YAML or JSON)
  claimgraph export (--event KEY [--depth N] | --all | --kinds K1,K2) --format F [--out PATH]
                                 write an event's neighbourhood, the whole graph or every record of some
                                 kinds as graphml, cytoscape, jsonl or csv (nodes.csv, edges.csv in PATH)
  claimgraph schema [--check]    print the schema's SDL, or check schema/schema.graphql is current
  claimgraph key new NAME ROLE   make an API key (ROLE: reader, editor or admin) and its API_KEYS entry

Environment: NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE (unset NEO4J_URI: local Neo4j).`;

async function withDatabase(log: Log, work: (db: Awaited<ReturnType<typeof connect>>['db']) => Promise<void>) {
  const connection = await connect(loadConfig(), log);
  try {
    await work(connection.db);
  } finally {
    await connection.close();
  }
}

async function main(args: string[], log: Log): Promise<void> {
  const [command, sub, ...given] = args;
  let rest = given;
  const options = rest.filter((arg) => arg.startsWith('--'));
  rest = rest.filter((arg) => !arg.startsWith('--'));
  switch (`${command ?? ''} ${command === 'db' || command === 'import' || command === 'key' ? (sub ?? '') : ''}`.trim()) {
    case 'key new': {
      const [name, role] = rest;
      if (!name || !/^[A-Za-z0-9_-]+$/.test(name) || !Roles.includes(role as Role)) {
        throw new UsageError('key new needs a NAME (letters, digits, - and _) and a ROLE (reader, editor or admin)');
      }
      const key = randomBytes(24).toString('base64url');
      process.stdout.write(`key (give it to ${name}; it is not stored): ${key}\n`);
      process.stdout.write(`API_KEYS entry: ${name}:${role}:${hashKey(key).toString('hex')}\n`);
      return;
    }
    case 'db start': {
      const local = await startLocalNeo4j(loadConfig().neo4j, log);
      log('press Ctrl-C to stop');
      await new Promise<void>((resolve) => {
        process.once('SIGINT', resolve);
        process.once('SIGTERM', resolve);
      });
      await local.stop();
      return;
    }
    case 'db migrate':
      return withDatabase(log, (db) => migrate(db, log));
    case 'seed':
      return withDatabase(log, async (db) => {
        await migrate(db, log);
        await seed(db, log);
      });
    case `import ${isImporterName(sub ?? '') ? sub : ''}`: {
      const importer = importers[sub as keyof typeof importers];
      if (rest.length === 0) throw new UsageError(`import ${sub} needs at least one PATH (files or folders)`);
      const files = await expandPaths(rest, importer.accepts);
      // Before connecting: a bad file costs nothing and says so in one line.
      await checkFiles(importer, files);
      return withDatabase(log, async (db) => {
        await migrate(db, log);
        const summary = await runImport(db, importer, files, importOptions(log, options));
        log(describeSummary(summary));
      });
    }
    case 'import bundle': {
      if (rest.length === 0) throw new UsageError('import bundle needs at least one FILE');
      // Validate every file before touching the database: a bad bundle costs nothing.
      const bundles = await Promise.all(rest.map(async (file) => ({ file, bundle: await readBundle(file) })));
      return withDatabase(log, async (db) => {
        await migrate(db, log);
        for (const { file, bundle } of bundles) {
          const summary = await writeBundle(db, bundle, file);
          log(`${file}: ${summary.nodesCreated} nodes and ${summary.relationshipsCreated} relationships created`);
        }
      });
    }
    case 'export': {
      const exportOptions = parseExportArgs(args.slice(1));
      return withDatabase(log, async (db) => {
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
    }
    case 'schema': {
      const { committed, current } = await schemaDrift();
      if (sub !== '--check') {
        process.stdout.write(current + '\n');
        return;
      }
      if (committed !== current) {
        log('schema/schema.graphql is out of date with the code: run `npm run codegen` and commit the result.');
        process.exitCode = 1;
        return;
      }
      log('schema/schema.graphql matches the code');
      return;
    }
    default:
      throw new UsageError(command ? `unknown command "${args.join(' ')}"` : 'no command given');
  }
}

class UsageError extends Error {}

/** The import's batch size and where it keeps rejects and checkpoints, with a progress bar per file. */
function importOptions(log: Log, args: string[]): ImportOptions {
  const batch = args.find((arg) => arg.startsWith('--batch='));
  const draw = progressBar(log);
  return {
    batchSize: batch ? Number(batch.slice('--batch='.length)) : 5000,
    rejectsDir: '.rejects',
    stateDir: '.data/imports',
    progress: ({ file, done, total, rejected, rowsPerSecond, finished }) =>
      draw({ name: path.basename(file), done, total, rowsPerSecond, finished, suffix: `${rate(rejected)} rejected` }),
  };
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

function describeSummary(s: ImportSummary): string {
  return [
    `imported ${rate(s.imported)} of ${rate(s.rows)} rows from ${s.files - s.skippedFiles} files in ${s.seconds.toFixed(1)} s` +
      ` (${rate(s.rows / Math.max(s.seconds, 0.001))} rows/s)`,
    `${rate(s.nodesCreated)} nodes and ${rate(s.relationshipsCreated)} relationships created`,
    s.ignored ? `${rate(s.ignored)} rows of kinds claimgraph does not keep, ignored` : '',
    s.skippedFiles ? `${s.skippedFiles} files already imported, skipped` : '',
    s.rejected ? `${rate(s.rejected)} rows rejected, kept with file, line and reason in ${s.rejectsFiles.join(', ')}` : 'no rows rejected',
  ]
    .filter(Boolean)
    .join('\n  ');
}

await runCommand(async (log) => {
  try {
    await main(process.argv.slice(2), log);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    log(`${error.message}\n\n${usage}`);
    process.exitCode = 2;
  }
});
