import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listeningApi } from './helpers/server.js';

let api: Awaited<ReturnType<typeof listeningApi>>;
beforeAll(async () => {
  api = await listeningApi();
});
afterAll(() => api.close());

function run(command: string, args: string[], cwd = process.cwd()) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn(command, args, { cwd, env: process.env });
    let [stdout, stderr] = ['', ''];
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('Relay', () => {
  it('relay-compiler compiles the documents of examples/relay against schema/schema.graphql, and the committed artifacts are current', async () => {
    const compiled = await run('npx', ['relay-compiler', '--validate'], 'examples/relay');
    expect(compiled.stdout + compiled.stderr).not.toMatch(/ERROR/);
    expect(compiled.code).toBe(0);
  });

  it('relay-runtime’s store keeps the event intact after its neighbourhood is written into it, with no duplicate-ID warnings', async () => {
    const relay = await run('npx', ['tsx', 'examples/relay/graph.ts', api.url]);
    expect(relay.stderr.replace(/npm warn.*\n/g, '')).toBe('');
    expect(relay.code).toBe(0);
    expect(relay.stdout).toBe('Airstrike on Daquq, Kirkuk Governorate (AIRSTRIKE): 16 nodes, 15 edges around it\n');
  });
});
