import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../src/config.js';
import { Database } from '../src/db/database.js';
import { startLocalNeo4j, type Log } from '../src/db/local-neo4j.js';
import { migrate } from '../src/db/migrations.js';

export const benchRoot = path.dirname(fileURLToPath(import.meta.url));
export const projectRoot = path.resolve(benchRoot, '..');

/**
 * The benchmark's own Neo4j: its own port and data folder (never the ones of `npm start` or the
 * tests), a bigger heap and page cache; each can be overridden through the usual variables.
 */
export function benchConfig(dataDir = process.env.BENCH_NEO4J_DATA ?? '.data/neo4j-bench') {
  return loadConfig({
    ...process.env,
    NEO4J_URI: '',
    NEO4J_LOCAL_PORT: process.env.BENCH_NEO4J_PORT ?? '7695',
    NEO4J_LOCAL_DATA: dataDir,
    NEO4J_LOCAL_HEAP: process.env.NEO4J_LOCAL_HEAP ?? '4g',
    NEO4J_LOCAL_PAGECACHE_MB: process.env.NEO4J_LOCAL_PAGECACHE_MB ?? '4096',
    NEO4J_TX_TIMEOUT_MS: '600000',
  });
}

export interface BenchNeo4j {
  db: Database;
  uri: string;
  dataDir: string;
  reused: boolean;
  close(): Promise<void>;
}

/**
 * Starts (or reuses) the benchmark's Neo4j and applies the schema; `awaitSeconds` bounds the wait
 * for its indexes (long after a bulk import). `reused` says it was already running.
 */
export async function startBenchNeo4j(log: Log, options: { dataDir?: string; awaitSeconds?: number } = {}): Promise<BenchNeo4j> {
  const config = benchConfig(options.dataDir);
  const local = await startLocalNeo4j(config.neo4j, log);
  const db = new Database(local.uri, config.neo4j);
  await migrate(db, log, options.awaitSeconds);
  return {
    db,
    uri: local.uri,
    dataDir: path.resolve(projectRoot, config.neo4j.localDataDir),
    reused: local.reused,
    close: async () => {
      await db.close();
      await local.stop();
    },
  };
}

/** Disk used by a folder, in MB (du). */
export function diskMb(dir: string): number {
  return Math.round(Number(execFileSync('du', ['-sk', dir]).toString().split('\t')[0]) / 1024);
}
