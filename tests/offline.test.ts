import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { Database } from '../src/db/database.js';
import { startLocalNeo4j } from '../src/db/local-neo4j.js';
import { loadOffline, type OfflineSummary } from '../src/ingest/offline.js';
import { runImport } from '../src/ingest/runner.js';
import { gdeltImporter } from '../src/ingest/sources/gdelt.js';
import { expandPaths } from '../src/ingest/sources/rows.js';
import { testApi } from './helpers/api.js';
import { restoreSeed, snapshot } from './helpers/graph.js';
import { freePort } from './helpers/ports.js';

/**
 * `claimgraph import gdelt --offline`: a scratch store (its own port and data folder under .data/,
 * removed after) built by neo4j-admin from the GDELT fixture must hold the graph the transactional
 * import of the same files gives the test database: every node and relationship with every
 * property, as `npm run bench:data -- --check` compares its two stores, but through the tests'
 * snapshot, which leaves out the times of writing and the random ids of the matching's audit entries.
 */

const api = testApi();
const root = path.resolve(import.meta.dirname, '..');
const folder = path.join(root, 'tests', 'fixtures', 'gdelt');
const dataDir = path.join('.data', `offline-test-${process.pid}`);
let port: number;

const scratchConfig = () =>
  loadConfig({
    ...process.env,
    NEO4J_URI: '',
    NEO4J_LOCAL_PORT: String(port),
    NEO4J_LOCAL_DATA: dataDir,
    NEO4J_LOCAL_HEAP: '512m',
    NEO4J_LOCAL_PAGECACHE_MB: '256',
    NEO4J_TX_TIMEOUT_MS: process.env.TEST_NEO4J_TX_TIMEOUT_MS ?? '120000',
  }).neo4j;

beforeAll(async () => {
  port = await freePort();
});

afterAll(async () => {
  await restoreSeed(api.db);
  await api.close();
  await rm(path.join(root, dataDir), { recursive: true, force: true });
});

interface Outcome {
  code: number | null;
  stderr: string;
}

/** The command as a person types it, for the refusals: their message and exit code. */
function claimgraph(args: string[], env: Record<string, string>): Promise<Outcome> {
  const tsx = path.join(root, 'node_modules/tsx/dist/cli.mjs');
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [tsx, path.join(root, 'src/cli/main.ts'), ...args],
      { cwd: root, env: { ...process.env, NEO4J_URI: '', NEO4J_LOCAL_PORT: String(port), NEO4J_LOCAL_DATA: dataDir, ...env }, timeout: 120_000 },
      (error, _stdout, stderr) => resolve({ code: error ? ((error as { code?: number }).code ?? null) : 0, stderr }),
    );
  });
}

describe('the offline load (import --offline)', () => {
  it('builds a new store holding the graph the transactional import gives', { timeout: 1_200_000 }, async () => {
    const files = await expandPaths([folder], gdeltImporter.accepts);
    const rejectsDir = await mkdtemp(path.join(tmpdir(), 'claimgraph-offline-'));
    const options = { batchSize: 5000, rejectsDir, progress: () => {} };
    const summary: OfflineSummary = await loadOffline(scratchConfig(), gdeltImporter, files, { ...options, replace: false, resolve: true }, () => {});
    expect(summary).toMatchObject({ files: 2, rows: 18, imported: 12, rejected: 4 });
    expect(summary.stages.map((stage) => stage.name)).toContain('neo4j-admin database import');

    const store = await startLocalNeo4j(scratchConfig(), () => {});
    const db = new Database(store.uri, scratchConfig());
    let offline: unknown[];
    try {
      offline = await snapshot(db);
    } finally {
      await db.close();
      await store.stop();
    }

    await restoreSeed(api.db);
    const stateDir = await mkdtemp(path.join(tmpdir(), 'claimgraph-offline-state-'));
    await runImport(api.db, gdeltImporter, files, { ...options, stateDir });
    // The test database's marker node, which has no id (so no key), is all it holds besides.
    const transactional = (await snapshot(api.db)).filter((row) => (row as { key: string | null }).key !== null);

    expect(offline.filter((row) => (row as { key: string }).key.startsWith('Event:gdelt-')).length).toBeGreaterThan(0);
    expect(offline).toEqual(transactional);
  });

  it('refuses a store that already holds a database, unless --replace', { timeout: 120_000 }, async () => {
    // The store the previous test built is there, and stopped.
    const outcome = await claimgraph(['import', 'gdelt', folder, '--offline'], {});
    expect(outcome.code).toBe(1);
    expect(outcome.stderr).toMatch(/already holds a database.*--replace/);
    expect(outcome.stderr).not.toMatch(/\n\s+at /);
  });

  it('refuses an external server, a running local Neo4j and a missing Java, before anything is written', { timeout: 120_000 }, async () => {
    const external = await claimgraph(['import', 'gdelt', folder, '--offline'], { NEO4J_URI: 'bolt://127.0.0.1:1' });
    expect(external.code).toBe(1);
    expect(external.stderr).toMatch(/NEO4J_URI points to a server \(bolt:\/\/127\.0\.0\.1:1\)/);

    const running = await claimgraph(['import', 'gdelt', folder, '--offline', '--replace'], { NEO4J_LOCAL_PORT: new URL(inject('neo4jUri')).port });
    expect(running.code).toBe(1);
    expect(running.stderr).toMatch(/a Neo4j answers on port \d+: neo4j-admin needs the local store stopped/);

    const noJava = await claimgraph(['import', 'gdelt', folder, '--offline'], { JAVA_HOME: '/nonexistent-java' });
    expect(noJava.code).toBe(1);
    expect(noJava.stderr).toMatch(/Java 17\+ is needed/);

    const replaceAlone = await claimgraph(['import', 'gdelt', folder, '--replace'], {});
    expect(replaceAlone.code).toBe(2);
    expect(replaceAlone.stderr).toMatch(/--replace goes with --offline/);

    for (const outcome of [external, running, noJava, replaceAlone]) expect(outcome.stderr).not.toMatch(/\n\s+at /);
  });
});
