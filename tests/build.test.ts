import { execFile, spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testNeo4jEnv } from './helpers/api.js';
import { freePort } from './helpers/ports.js';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '..');

/**
 * A checkout of its own for the build, so the test never writes the project's dist/: every entry of
 * the project linked, except dist/ (built here) and bin/ (copied, since Node runs a linked script
 * from where the link points, and bin/ must find this dist/).
 */
const checkout = mkdtempSync(path.join(os.tmpdir(), 'claimgraph-build-'));
const unbuilt = mkdtempSync(path.join(os.tmpdir(), 'claimgraph-unbuilt-'));
afterAll(() => {
  rmSync(checkout, { recursive: true, force: true });
  rmSync(unbuilt, { recursive: true, force: true });
});

function linkProject(into: string) {
  for (const entry of readdirSync(root)) {
    if (entry === 'dist' || entry === 'bin' || entry === '.git') continue;
    symlinkSync(path.join(root, entry), path.join(into, entry));
  }
  cpSync(path.join(root, 'bin'), path.join(into, 'bin'), { recursive: true });
}

/** The environment of a deployment on the test database, none of this shell's settings. */
const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(NEO4J_|TEST_NEO4J_|PORT$|HOST$|NODE_ENV$)/.test(name)));
const production = () => ({ ...inherited, ...testNeo4jEnv(), NODE_ENV: 'production', HOST: '127.0.0.1' });

beforeAll(async () => {
  linkProject(checkout);
  linkProject(unbuilt);
  // Emit only: `npm run typecheck` checks the types, and the test stays quick.
  await run(process.execPath, [path.join(checkout, 'scripts', 'build.mjs'), '--out', path.join(checkout, 'dist'), '--no-check']);
}, 180_000);

describe('npm run build', () => {
  it('compiles the server, which then starts in production from plain JavaScript and answers from the database', async () => {
    const port = await freePort();
    const child = spawn(process.execPath, [path.join(checkout, 'bin', 'server.mjs')], {
      env: { ...production(), PORT: String(port) },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    try {
      let output = '';
      const listening = new Promise<void>((resolve, reject) => {
        const onOutput = (chunk: Buffer) => {
          output += chunk;
          if (/claimgraph API on/.test(output)) resolve();
        };
        child.stdout.on('data', onOutput);
        child.stderr.on('data', onOutput);
        child.once('exit', (code) => reject(new Error(`the built server exited with code ${code}:\n${output}`)));
      });
      await listening;
      const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ event(key: "daquq-airstrike-2016-10-21") { title startDate } }' }),
      });
      expect(await response.json()).toEqual({ data: { event: { title: 'Airstrike on Daquq, Kirkuk Governorate', startDate: '2016-10-21' } } });
    } finally {
      process.kill(-child.pid!, 'SIGTERM');
      await new Promise((resolve) => child.once('close', resolve));
    }
  }, 90_000);

  it('lets the claimgraph command run from the build in production', async () => {
    const { stdout } = await run(process.execPath, [path.join(checkout, 'bin', 'claimgraph.mjs'), 'schema'], { env: production() });
    expect(stdout.trim()).toBe(readFileSync(path.join(root, 'schema', 'schema.graphql'), 'utf8').trim());
  }, 60_000);

  it('refuses, in one sentence, to start in production with no build', async () => {
    const failed = await run(process.execPath, [path.join(unbuilt, 'bin', 'server.mjs')], { env: { ...production(), PORT: String(await freePort()) } }).then(
      () => undefined,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failed?.code).toBe(1);
    expect(failed?.stderr.trim()).toBe('[claimgraph] NODE_ENV is production but there is no build in dist/: run `npm run build` first.');
  });
});
