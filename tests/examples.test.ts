import { spawn } from 'node:child_process';
import { createServer as createHttpServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fences, outputMatches, readDoc } from '../src/cli/doc-samples.js';
import { createServer } from '../src/yoga.js';
import { testApi, testConfig } from './helpers/api.js';

const api = testApi();
let http: Server;
let url: string;
/** A server as production runs it: only the persisted operations, by ID. */
let persistedOnly: Server;
let persistedOnlyUrl: string;

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
}

beforeAll(async () => {
  http = createHttpServer(createServer(api.db));
  url = await listen(http);
  persistedOnly = createHttpServer(createServer(api.db, { config: testConfig({ PERSISTED_OPERATIONS_ONLY: 'true' }) }));
  persistedOnlyUrl = await listen(persistedOnly);
});

afterAll(async () => {
  await new Promise((resolve) => http.close(resolve));
  await new Promise((resolve) => persistedOnly.close(resolve));
  await api.close();
});

function run(command: string, args: string[]) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn(command, args, { env: process.env });
    let [stdout, stderr] = ['', ''];
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** The seed's 16 statements by kind, as both scripts print them after paging through them. */
const STATEMENTS_SUMMARY = [
  'Statements: 16 of 16, read in 2 pages of 10',
  '  ACCUSATION: 2',
  '  CALL_FOR_INVESTIGATION: 1',
  '  CLAIM: 3',
  '  COMMENT: 6',
  '  DENIAL: 4',
];

describe('the researchers’ example scripts', () => {
  let typescript: Awaited<ReturnType<typeof run>>;
  beforeAll(async () => {
    typescript = await run('npx', ['tsx', 'examples/walk.ts', url]);
  });

  it('examples/walk.ts pages through the statements and runs the walk with the generated typed documents', () => {
    expect(typescript.stderr.replace(/npm warn.*\n/g, '')).toBe('');
    expect(typescript.code).toBe(0);
    const lines = typescript.stdout.split('\n');
    expect(lines.slice(0, STATEMENTS_SUMMARY.length)).toEqual(STATEMENTS_SUMMARY);
    expect(lines).toContain('Walk from "Airstrike on Daquq, Kirkuk Governorate" (2016-10-21): 7 outlets');
    expect(lines).toContain('  RT (state-affiliated: RU): 4 statements, ASSERTS');
    expect(lines).toContain('  NBC News: 1 statements, DENIES');
    expect(lines).toContain('    DENIAL by United States: DENIES coalition-carried-out-daquq-strike');
  });

  it('prints what docs/queries.md shows it printing', async () => {
    const docs = await readDoc('docs/queries.md');
    const shown = fences(docs).find((fence) => fence.attributes['script-output'] === true);
    expect(shown).toBeDefined();
    expect(outputMatches(shown!.body.replace(/\n$/, '').split('\n'), typescript.stdout)).toBeUndefined();
  });

  it('examples/walk.py, standard library only, prints the same', async () => {
    const python = await run('python3', ['examples/walk.py', url]);
    expect(python.stderr).toBe('');
    expect(python.code).toBe(0);
    expect(python.stdout).toBe(typescript.stdout);
  });

  it('with --persisted, both send the operations’ IDs and print the same from a PERSISTED_OPERATIONS_ONLY server', async () => {
    for (const [command, args] of [
      ['npx', ['tsx', 'examples/walk.ts', '--persisted', persistedOnlyUrl]],
      ['python3', ['examples/walk.py', '--persisted', persistedOnlyUrl]],
    ] as const) {
      const result = await run(command, [...args]);
      expect(result.stderr.replace(/npm warn.*\n/g, '')).toBe('');
      expect(result.code).toBe(0);
      expect(result.stdout).toBe(typescript.stdout);
    }
  });

  it('without --persisted, both stop at a PERSISTED_OPERATIONS_ONLY server’s refusal of their text, as docs/operations.md says', async () => {
    for (const [command, args] of [
      ['npx', ['tsx', 'examples/walk.ts', persistedOnlyUrl]],
      ['python3', ['examples/walk.py', persistedOnlyUrl]],
    ] as const) {
      const result = await run(command, [...args]);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('This server runs only persisted operations: send extensions.persistedQuery.sha256Hash.');
    }
  });

  it('both say what went wrong when the API refuses the request', async () => {
    for (const [command, args] of [
      ['npx', ['tsx', 'examples/walk.ts', url, 'not-an-id']],
      ['python3', ['examples/walk.py', url, 'not-an-id']],
    ] as const) {
      const result = await run(command, [...args]);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('"not-an-id" is not a claimgraph ID.');
    }
  });
});
