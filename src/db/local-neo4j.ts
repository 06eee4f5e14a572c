import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Neo4jConfig } from '../config.js';
import { Database, DatabaseSetupError } from './database.js';

/**
 * The default database: Neo4j Community, embedded in a small Java launcher (neo4j/Launcher.java),
 * its jars fetched from Maven Central on first use. Bolt listens on loopback only, without auth.
 */
const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const launcherDir = path.join(projectRoot, 'neo4j');
const libDir = path.join(launcherDir, 'lib');
const classesDir = path.join(launcherDir, 'classes');

export type Log = (line: string) => void;

export interface LocalNeo4j {
  uri: string;
  /** Stops the process this call started; a no-op when an already running one was reused. */
  stop(): Promise<void>;
  /** An already running Neo4j answered on the port (so stop() leaves it running). */
  reused: boolean;
}

function neo4jVersion(): string {
  const pom = readFileSync(path.join(launcherDir, 'pom.xml'), 'utf8');
  return /<neo4j\.version>([^<]+)</.exec(pom)?.[1] ?? 'unknown';
}

function javaCommand(tool: 'java' | 'javac'): string {
  const home = process.env.JAVA_HOME;
  return home ? path.join(home, 'bin', tool) : tool;
}

/** Runs a build tool, passing its output through with a prefix so the terminal is never silent. */
function runTool(command: string, args: string[], cwd: string, log: Log, missingHint: string, env?: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], env: env ?? process.env });
    const relay = (chunk: Buffer) => {
      for (const line of chunk.toString().split('\n')) if (line.trim()) log(`  ${line.trim()}`);
    };
    child.stdout.on('data', relay);
    child.stderr.on('data', relay);
    child.on('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'ENOENT' ? new DatabaseSetupError(missingHint) : error),
    );
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new DatabaseSetupError(`${command} ${args.join(' ')} failed with exit code ${code}.`)),
    );
  });
}

function jarsPresent(version: string): boolean {
  return existsSync(libDir) && readdirSync(libDir).includes(`neo4j-kernel-${version}.jar`);
}

/** Fetches the jars (first run only) and compiles the launcher when its source is newer than its class. */
export async function prepareLocalNeo4j(log: Log): Promise<void> {
  const version = neo4jVersion();
  if (!jarsPresent(version)) {
    log(`fetching Neo4j ${version} jars from Maven Central (first run only, about 120 MB)...`);
    await runTool(
      process.env.MVN ?? 'mvn',
      ['-B', '--no-transfer-progress', 'dependency:copy-dependencies'],
      launcherDir,
      log,
      'Maven is needed to fetch the local Neo4j: install it (apt-get install maven) or set NEO4J_URI to an existing Neo4j.',
    );
  }
  const source = path.join(launcherDir, 'Launcher.java');
  const compiled = path.join(classesDir, 'Launcher.class');
  if (!existsSync(compiled) || statSync(compiled).mtimeMs < statSync(source).mtimeMs) {
    log('compiling the Neo4j launcher (once)...');
    mkdirSync(classesDir, { recursive: true });
    await runTool(
      javaCommand('javac'),
      ['-d', classesDir, '-cp', path.join(libDir, '*'), source],
      launcherDir,
      log,
      'A Java 17+ JDK is needed to run the local Neo4j: install one (apt-get install openjdk-17-jdk-headless) or set NEO4J_URI to an existing Neo4j.',
    );
  }
}

export function portAnswers(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host });
    socket.setTimeout(1000);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(false));
  });
}

async function waitUntilReady(uri: string, config: Neo4jConfig, child: ChildProcess, log: Log): Promise<void> {
  let failure: Error | undefined;
  child.once('error', (error: NodeJS.ErrnoException) => {
    failure =
      error.code === 'ENOENT'
        ? new DatabaseSetupError('Java 17+ is needed to run the local Neo4j: install a JDK or set NEO4J_URI to an existing Neo4j.')
        : error;
  });
  child.once('exit', (code) => {
    failure ??= new DatabaseSetupError(
      `the local Neo4j exited with code ${code} before it was ready; see its log in ${config.localDataDir}/logs.`,
    );
  });
  const database = new Database(uri, config);
  const deadline = Date.now() + 120_000;
  try {
    for (let attempt = 1; ; attempt += 1) {
      if (failure) throw failure;
      try {
        await database.verify();
        return;
      } catch (error) {
        if (Date.now() > deadline) throw error;
        if (attempt % 5 === 0) log('still waiting for Neo4j to accept connections...');
        await new Promise((r) => setTimeout(r, 500));
      }
    }
  } finally {
    await database.close();
  }
}

/**
 * Starts the local Neo4j unless something already answers on its port (a copy started by another
 * command is reused, and left running). Resolves once Bolt accepts connections.
 */
export async function startLocalNeo4j(config: Neo4jConfig, log: Log): Promise<LocalNeo4j> {
  const uri = `bolt://127.0.0.1:${config.localPort}`;
  if (await portAnswers(config.localPort)) {
    log(`reusing the Neo4j already answering on ${uri}`);
    return { uri, stop: async () => {}, reused: true };
  }
  await prepareLocalNeo4j(log);
  const started = Date.now();
  const dataDir = path.resolve(projectRoot, config.localDataDir);
  mkdirSync(dataDir, { recursive: true });
  log(`starting Neo4j ${neo4jVersion()} (heap ${config.localHeap}, page cache ${config.localPageCacheMb} MB, data in ${config.localDataDir})...`);
  const child = spawn(
    javaCommand('java'),
    [
      `-Xms${config.localHeap}`,
      `-Xmx${config.localHeap}`,
      '-XX:+UseG1GC',
      '-cp',
      `${path.join(libDir, '*')}${path.delimiter}${classesDir}`,
      'Launcher',
      dataDir,
      String(config.localPort),
      String(config.localPageCacheMb),
    ],
    { cwd: projectRoot, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  child.stderr?.on('data', (chunk: Buffer) => {
    const text = chunk.toString().trim();
    if (text && !text.startsWith('WARNING')) log(`  ${text}`);
  });
  await waitUntilReady(uri, config, child, log);
  log(`Neo4j ready on ${uri} in ${((Date.now() - started) / 1000).toFixed(1)} s`);

  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  // A crash of the Node side must not leave an orphaned JVM holding the store lock.
  process.once('exit', () => child.kill('SIGTERM'));
  return { uri, stop, reused: false };
}

/** The local Neo4j's data folder (NEO4J_LOCAL_DATA is relative to the project). */
export const localDataPath = (config: Neo4jConfig) => path.resolve(projectRoot, config.localDataDir);

/** Whether the local Neo4j's data folder already holds the configured database. */
export function localStoreExists(config: Neo4jConfig): boolean {
  return existsSync(path.join(localDataPath(config), 'data', 'databases', config.database));
}

/** Refuses, before any work, when no Java runtime can be started (JAVA_HOME, or java on the PATH). */
export function requireJava(): void {
  const result = spawnSync(javaCommand('java'), ['-version'], { stdio: 'ignore' });
  if (result.error || result.status !== 0) {
    throw new DatabaseSetupError(
      `Java 17+ is needed to run neo4j-admin and the local Neo4j, and ${javaCommand('java')} cannot be run: install a JDK (apt-get install openjdk-17-jdk-headless) or set JAVA_HOME.`,
    );
  }
}

/**
 * Builds the local Neo4j's database from CSV files with `neo4j-admin database import full` (its
 * classes ship in the jars the launcher already uses), for bulk loads far faster than transactions.
 * The store must not exist yet and no server may run on it; `importArgs` name the files.
 */
export async function importLocalStore(config: Neo4jConfig, importArgs: string[], log: Log): Promise<void> {
  await prepareLocalNeo4j(log);
  const dataDir = path.resolve(projectRoot, config.localDataDir);
  if (localStoreExists(config)) {
    throw new DatabaseSetupError(`${config.localDataDir} already holds a database: remove it before a bulk import.`);
  }
  // neo4j-admin reads its settings from NEO4J_CONF; defaults place the store where the launcher looks.
  const confDir = path.join(dataDir, 'conf');
  mkdirSync(confDir, { recursive: true });
  writeFileSync(path.join(confDir, 'neo4j.conf'), '');
  await runTool(
    javaCommand('java'),
    [
      `-Xmx${config.localHeap}`,
      '-cp',
      path.join(libDir, '*'),
      'org.neo4j.cli.AdminTool',
      'database',
      'import',
      'full',
      config.database,
      `--max-off-heap-memory=${config.localPageCacheMb}m`,
      `--report-file=${path.join(dataDir, 'logs', 'import.report')}`,
      ...importArgs,
    ],
    projectRoot,
    // Each stage prints rows of dots up to a percentage, every 5 %; every 25 % is progress enough.
    (line) => {
      if (!/^[-.]/.test(line.trim())) return log(line);
      const percent = /(\d+)%/.exec(line)?.[1];
      if (percent !== undefined && Number(percent) % 25 === 0) log(line);
    },
    'A Java 17+ JDK is needed to run neo4j-admin: install one (apt-get install openjdk-17-jdk-headless).',
    { ...process.env, NEO4J_HOME: dataDir, NEO4J_CONF: confDir },
  );
}
