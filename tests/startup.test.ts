import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { testNeo4jEnv } from './helpers/api.js';
import { freePort } from './helpers/ports.js';

/**
 * `npm start` (src/server.ts) in a child process. Every setting it could take from this shell is
 * left out, so only what each test passes counts; the local Neo4j it might start (were a check
 * missing) gets a port and a folder of its own, never the development one.
 */
const scratch = mkdtempSync(path.join(os.tmpdir(), 'claimgraph-startup-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(NEO4J_|TEST_NEO4J_|PORT$|HOST$|NODE_ENV$)/.test(name)));

interface Run {
  code: number | null;
  lines: string[];
}

/**
 * Runs the server until it exits, or until a line matches `until` (then stops it as a deployment
 * would, with SIGTERM). Its own process group, so nothing it started outlives the test.
 */
async function server(env: Record<string, string>, until?: RegExp): Promise<Run> {
  const localPort = String(await freePort());
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    env: { ...inherited, NEO4J_LOCAL_PORT: localPort, NEO4J_LOCAL_DATA: path.join(scratch, localPort), HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  let stopping = false;
  const lines = () => output.split('\n').filter((line) => line.trim() !== '');
  const onOutput = (chunk: Buffer) => {
    output += chunk;
    if (until && !stopping && lines().some((line) => until.test(line))) {
      stopping = true;
      process.kill(-child.pid!, 'SIGTERM');
    }
  };
  child.stdout.on('data', onOutput);
  child.stderr.on('data', onOutput);
  const deadline = setTimeout(() => process.kill(-child.pid!, 'SIGKILL'), 60_000);
  const code = await new Promise<number | null>((resolve) => child.once('close', resolve));
  clearTimeout(deadline);
  return { code, lines: lines() };
}

/** Bolt on a port nothing answers: a server that reached the database would fail differently. */
const unreachableNeo4j = async () => ({ NEO4J_URI: `bolt://127.0.0.1:${await freePort()}` });

describe('npm start', () => {
  it('refuses to start in production without NEO4J_URI, in one line, instead of serving an embedded demo database', async () => {
    const run = await server({ NODE_ENV: 'production', PORT: String(await freePort()) });
    expect(run.code).not.toBe(0);
    expect(run.lines).toHaveLength(1);
    expect(run.lines[0]).toMatch(/NEO4J_URI/);
    expect(run.lines[0]).toMatch(/production/);
  }, 90_000);

  it('says in one sentence that its port is in use, before it touches the database', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const { port } = blocker.address() as net.AddressInfo;
    try {
      for (const nodeEnv of ['development', 'production']) {
        const run = await server({ NODE_ENV: nodeEnv, PORT: String(port), ...(await unreachableNeo4j()) });
        expect(run.code).not.toBe(0);
        expect(run.lines).toEqual([`[claimgraph] port ${port} is already in use; set PORT to another.`]);
      }
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  }, 90_000);

  it('does not seed in production (that is `claimgraph seed`), and seeds in development', async () => {
    const ready = /claimgraph API on http:/;
    const production = await server({ ...testNeo4jEnv(), NODE_ENV: 'production', PORT: String(await freePort()) }, ready);
    expect(production.lines.some((line) => ready.test(line))).toBe(true);
    expect(production.lines.filter((line) => /seed/i.test(line))).toEqual([]);
    const development = await server({ ...testNeo4jEnv(), NODE_ENV: 'development', PORT: String(await freePort()) }, ready);
    expect(development.lines.some((line) => ready.test(line))).toBe(true);
    expect(development.lines.some((line) => /\[claimgraph\] seed /.test(line))).toBe(true);
  }, 120_000);
});
