import { spawn } from 'node:child_process';
import net from 'node:net';
import type { TestProject } from 'vitest/node';
import { loadConfig } from '../../src/config.js';
import { Database } from '../../src/db/database.js';
import { startLocalNeo4j, type LocalNeo4j } from '../../src/db/local-neo4j.js';
import { migrate } from '../../src/db/migrations.js';
import { seed } from '../../src/ingest/bundle.js';
import { wipe } from '../helpers/graph.js';

declare module 'vitest' {
  export interface ProvidedContext {
    neo4jUri: string;
    /** A Redis for the live-update tests across instances; empty when none can be had. */
    redisUrl: string;
  }
}

/** A port nothing listens on now, so parallel runs in other checkouts do not collide. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Starts a throwaway Redis on loopback when REDIS_URL is unset and redis-server is installed. */
async function startRedis(log: (line: string) => void): Promise<{ url: string; stop(): void } | undefined> {
  if (process.env.REDIS_URL) return { url: process.env.REDIS_URL, stop: () => {} };
  const port = await freePort();
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
    stdio: 'ignore',
  });
  const started = await new Promise<boolean>((resolve) => {
    child.once('error', () => resolve(false));
    setTimeout(() => resolve(child.exitCode === null), 500);
  });
  if (!started) {
    log('redis-server could not be started (is it installed?): the test of live updates across instances will be skipped');
    return undefined;
  }
  log(`Redis on 127.0.0.1:${port} for the live-update tests`);
  return { url: `redis://127.0.0.1:${port}`, stop: () => child.kill() };
}

/**
 * Starts (or reuses) a Neo4j for the tests, separate from the development one: port 7688 and
 * .data/neo4j-test by default, so `npm test` never touches the data `npm start` serves. With
 * NEO4J_URI set, the tests use that database instead, and empty it first.
 */
let local: LocalNeo4j | undefined;
let redis: Awaited<ReturnType<typeof startRedis>>;

export async function setup(project: TestProject) {
  const env = {
    NEO4J_LOCAL_PORT: '7688',
    NEO4J_LOCAL_DATA: '.data/neo4j-test',
    NEO4J_LOCAL_HEAP: '768m',
    NEO4J_LOCAL_PAGECACHE_MB: '256',
    ...process.env,
  };
  const config = loadConfig(env);
  const log = (line: string) => console.error(`[tests] ${line}`);
  if (!config.neo4j.uri) local = await startLocalNeo4j(config.neo4j, log);
  const uri = config.neo4j.uri ?? local!.uri;
  const db = new Database(uri, config.neo4j);
  try {
    await migrate(db, log);
    await wipe(db);
    await seed(db, log);
  } finally {
    await db.close();
  }
  project.provide('neo4jUri', uri);
  redis = await startRedis(log);
  project.provide('redisUrl', redis?.url ?? '');
}

export async function teardown() {
  redis?.stop();
  await local?.stop();
}
