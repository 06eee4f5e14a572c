import { rm } from 'node:fs/promises';
import path from 'node:path';
import type { Neo4jConfig } from '../config.js';
import { Database, DatabaseSetupError } from '../db/database.js';
import { importLocalStore, localDataPath, localStoreExists, portAnswers, requireJava, startLocalNeo4j, type Log } from '../db/local-neo4j.js';
import { migrate } from '../db/migrations.js';
import { addResolved, nothingResolved, type ResolveSummary } from '../modules/resolution/resolve.js';
import { BulkCsv, confirmBulkLoad } from './bulk-csv.js';
import { readSeedBundles, seed } from './bundle.js';
import { eventsTouched, resolveWritten, type EventsTouched } from './resolve-written.js';
import { checkFiles, runImport, type Importer, type ImportOptions } from './runner.js';
import { writeBundle, type WriteSummary } from './write.js';

/**
 * The offline load: a NEW local store holding the seed and the files, built by `neo4j-admin
 * database import` from CSV instead of one transaction per batch. The files go through the
 * transactional import's own reading, mapping and validation (runImport), and each batch's bundle
 * through the write path's plan into CSV (BulkCsv). Mapping reads the graph (a mention finds its
 * event, a domain its outlet), so it runs against a staging store beside the new one: the seed,
 * plus the files whose batches depend on earlier ones (GDELT Events files), written there by
 * transactions; the files whose batches are independent (GDELT Mentions, the bulk of the rows)
 * are only read against it. The new store is then opened, given its schema, the seed written
 * again (it must create nothing), and the imported events matched as the transactional import
 * matches them, batch by batch.
 */

export interface OfflineOptions extends Pick<ImportOptions, 'batchSize' | 'rejectsDir' | 'progress'> {
  /** Remove a local store already there instead of refusing. */
  replace: boolean;
  /** Match the imported events with the graph's, as the transactional import does. */
  resolve: boolean;
}

export interface OfflineStage {
  name: string;
  seconds: number;
}

export interface OfflineSummary {
  files: number;
  rows: number;
  imported: number;
  rejected: number;
  skipped: Record<string, number>;
  rejectsFiles: string[];
  nodes: number;
  relationships: number;
  resolution: ResolveSummary;
  stages: OfflineStage[];
  seconds: number;
}

/** Why the offline load will not run: said in one line, before anything is written. */
export class OfflineLoadRefused extends DatabaseSetupError {
  override name = 'OfflineLoadRefused';
}

/** Every reason the configured store cannot be built offline, checked before any file is read. */
async function refusals(config: Neo4jConfig, replace: boolean): Promise<void> {
  if (config.uri) {
    throw new OfflineLoadRefused(
      `--offline builds a new local store with neo4j-admin, and NEO4J_URI points to a server (${config.uri}): unset NEO4J_URI to build the local store, or import into that server without --offline.`,
    );
  }
  requireJava();
  if (await portAnswers(config.localPort)) {
    throw new OfflineLoadRefused(
      `a Neo4j answers on port ${config.localPort}: neo4j-admin needs the local store stopped; stop that server (or set NEO4J_LOCAL_PORT and NEO4J_LOCAL_DATA to another store) and run again.`,
    );
  }
  if (localStoreExists(config) && !replace) {
    throw new OfflineLoadRefused(
      `${config.localDataDir} already holds a database, and neo4j-admin import builds new stores only: pass --replace to delete it and build it anew, or import into it without --offline.`,
    );
  }
}

const NOTHING_WRITTEN: WriteSummary = { nodesCreated: 0, relationshipsCreated: 0, relationshipsDeleted: 0, propertiesSet: 0 };

export async function loadOffline<Fields>(
  config: Neo4jConfig,
  importer: Importer<Fields>,
  files: string[],
  options: OfflineOptions,
  log: Log,
): Promise<OfflineSummary> {
  await refusals(config, options.replace);
  await checkFiles(importer, files);
  const started = Date.now();
  const stages: OfflineStage[] = [];
  let stageStarted = started;
  const stage = (name: string) => {
    stages.push({ name, seconds: (Date.now() - stageStarted) / 1000 });
    stageStarted = Date.now();
  };
  const dataDir = localDataPath(config);
  if (options.replace) await rm(dataDir, { recursive: true, force: true });
  const staging: Neo4jConfig = { ...config, localDataDir: `${config.localDataDir}-staging` };
  const csvDir = `${dataDir}-csv`;
  await rm(localDataPath(staging), { recursive: true, force: true });
  await rm(csvDir, { recursive: true, force: true });

  const seeds = await readSeedBundles();
  const csv = new BulkCsv(csvDir, { repeats: true });
  for (const { bundle } of seeds) csv.add(bundle.bundle);
  /** The events each batch touched, in order: matched batch by batch once the store is open. */
  const touched: EventsTouched[] = [];

  log(`reading ${files.length} files into CSV, against a staging store in ${staging.localDataDir}...`);
  const local = await startLocalNeo4j(staging, log);
  const stagingDb = new Database(local.uri, staging);
  let importSummary;
  try {
    await migrate(stagingDb);
    await seed(stagingDb, () => {});
    importSummary = await runImport(stagingDb, importer, files, {
      ...options,
      stateDir: path.join(localDataPath(staging), 'imports'),
      resolve: false,
      writer: async (db, valid, file) => {
        csv.add(valid.bundle);
        touched.push(eventsTouched(valid.bundle));
        // Batches of one file that read what the earlier ones wrote need them in the staging store.
        return importer.independentBatches?.(file) ? NOTHING_WRITTEN : writeBundle(db, valid, file);
      },
    });
  } finally {
    await stagingDb.close();
    await local.stop();
  }
  await rm(localDataPath(staging), { recursive: true, force: true });
  const importArgs = csv.close();
  log(`${csv.nodeRows} nodes and ${csv.relationshipRows} relationships written as CSV; importing with neo4j-admin...`);
  stage('read, map and validate the files, write CSV');

  try {
    await importLocalStore(config, importArgs, log);
  } finally {
    await rm(csvDir, { recursive: true, force: true });
  }
  stage('neo4j-admin database import');

  const store = await startLocalNeo4j(config, log);
  const db = new Database(store.uri, config);
  const resolution = nothingResolved();
  try {
    log('creating constraints and indexes...');
    await migrate(db, log, 3600);
    stage('start Neo4j, constraints and indexes');
    await confirmBulkLoad(db, seeds.map(({ name, bundle }) => ({ file: name, bundle: bundle.bundle })));
    await seed(db, log);
    stage('seed written again (creates nothing)');
    if (options.resolve) {
      log(`matching the events of ${touched.length} batches...`);
      for (const [index, keys] of touched.entries()) {
        const batchStarted = Date.now();
        const matched = await resolveWritten(db, keys);
        addResolved(resolution, matched);
        log(
          `matched batch ${index + 1} of ${touched.length} (${keys.changed.length + keys.reported.length} events) in ${((Date.now() - batchStarted) / 1000).toFixed(1)} s:` +
            ` ${matched.compared} pairs compared, ${matched.confirmed} confirmed, ${matched.candidates} candidates`,
        );
      }
      stage('matching (resolution)');
    }
  } finally {
    await db.close();
    await store.stop();
  }
  return {
    files: files.length,
    rows: importSummary.rows,
    imported: importSummary.imported,
    rejected: importSummary.rejected,
    skipped: importSummary.skipped,
    rejectsFiles: importSummary.rejectsFiles,
    nodes: csv.nodeRows,
    relationships: csv.relationshipRows,
    resolution,
    stages,
    seconds: (Date.now() - started) / 1000,
  };
}
