import { spawn } from 'node:child_process';
import type { TestProject } from 'vitest/node';
import { Database } from '../../src/db/database.js';
import { startLocalNeo4j, type LocalNeo4j } from '../../src/db/local-neo4j.js';
import { migrate } from '../../src/db/migrations.js';
import { seed } from '../../src/ingest/bundle.js';
import { freePort } from '../helpers/ports.js';
import { claimTestDatabase, testNeo4jConfig } from '../helpers/test-database.js';

declare module 'vitest' {
  export interface ProvidedContext {
    neo4jUri: string;
    /** The test database's connection as the NEO4J_ variables the API reads (see testNeo4jEnv). */
    neo4jEnv: Record<'NEO4J_URI' | 'NEO4J_USER' | 'NEO4J_PASSWORD' | 'NEO4J_DATABASE', string>;
    /** A Redis for the live-update tests across instances; empty when none can be had. */
    redisUrl: string;
  }
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
 * Starts (or reuses) a Neo4j for the tests, separate from the development one, from the
 * TEST_NEO4J_ variables only (see testNeo4jConfig): port 7688 and .data/neo4j-test by default,
 * or TEST_NEO4J_URI. It empties that database first, and refuses to if the tests did not create it.
 */
let local: LocalNeo4j | undefined;
let redis: Awaited<ReturnType<typeof startRedis>>;

export async function setup(project: TestProject) {
  const config = testNeo4jConfig();
  const log = (line: string) => console.error(`[tests] ${line}`);
  if (!config.uri) local = await startLocalNeo4j(config, log);
  const uri = config.uri ?? local!.uri;
  const db = new Database(uri, config);
  try {
    // Claimed before the schema is touched: a database that is not the tests' is left as it was.
    await claimTestDatabase(db, `the test database (${config.uri ? `TEST_NEO4J_URI ${uri}` : `${config.localDataDir} on port ${config.localPort}`}, database ${config.database})`);
    await migrate(db, log);
    await seed(db, log);
  } catch (error) {
    await local?.stop();
    throw error;
  } finally {
    await db.close();
  }
  project.provide('neo4jUri', uri);
  project.provide('neo4jEnv', { NEO4J_URI: uri, NEO4J_USER: config.user, NEO4J_PASSWORD: config.password, NEO4J_DATABASE: config.database });
  redis = await startRedis(log);
  project.provide('redisUrl', redis?.url ?? '');
}

export async function teardown() {
  redis?.stop();
  await local?.stop();
}
