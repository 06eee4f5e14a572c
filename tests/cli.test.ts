import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Neo4jError } from 'neo4j-driver';
import { afterAll, describe, expect, inject, it, vi } from 'vitest';
import { runCommand } from '../src/cli/run.js';
import { cypher, mapDriverError } from '../src/db/database.js';
import { testApi } from './helpers/api.js';
import { restoreSeed, snapshot } from './helpers/graph.js';

/**
 * The `claimgraph` command as a person types it, run as a child process against the test database,
 * from a scratch folder (where it keeps its rejects and checkpoints).
 */

const api = testApi();
afterAll(async () => {
  await restoreSeed(api.db);
  await api.close();
});

const root = path.resolve(import.meta.dirname, '..');
const tsx = path.join(root, 'node_modules/tsx/dist/cli.mjs');
const main = path.join(root, 'src/cli/main.ts');
const fixtures = path.join(root, 'tests/fixtures');

interface Outcome {
  code: number | null;
  stdout: string;
  stderr: string;
}

async function claimgraph(args: string[], cwd?: string, extraEnv: Record<string, string> = {}): Promise<Outcome> {
  const dir = cwd ?? (await mkdtemp(path.join(tmpdir(), 'claimgraph-cli-')));
  const env = {
    ...process.env,
    NEO4J_URI: inject('neo4jUri'),
    // Were `db start` to run, it would start a Neo4j of its own here, not touch anyone's.
    NEO4J_LOCAL_PORT: '7799',
    NEO4J_LOCAL_DATA: path.join(dir, 'neo4j'),
    ...extraEnv,
  };
  return new Promise((resolve) => {
    execFile(process.execPath, [tsx, main, ...args], { cwd: dir, env, timeout: 60_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? ((error as { code?: number }).code ?? null) : 0, stdout, stderr });
    });
  });
}

/** Runs the cases a few at a time: each is a Node process loading the CLI. */
async function all<T, R>(items: T[], work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]!);
    }
  };
  await Promise.all([worker(), worker(), worker()]);
  return results;
}

const oneLine = (text: string) => text.trim().split('\n');

describe('claimgraph --help', () => {
  it(
    'answers every command and subcommand with its usage, exit 0, and does nothing else',
    async () => {
      const asks = [
        ['help'], ['--help'], ['-h'], ['help', 'import'],
        ['db', '--help'], ['db', 'start', '--help'], ['db', 'migrate', '--help'], ['db', 'migrate', '-h'],
        ['seed', '--help'],
        ['import', '--help'], ['import', 'acled', '--help'], ['import', 'gdelt', '-h'], ['import', 'bundle', '--help'],
        ['import', 'acled', path.join(fixtures, 'acled'), '--help'],
        ['export', '--help'], ['export', '--all', '--help'],
        ['schema', '--help'], ['schema', '--check', '--help'],
        ['key', '--help'], ['key', 'new', '--help'],
      ];
      const before = await snapshot(api.db);
      const outcomes = await all(asks, (args) => claimgraph(args));
      for (const [index, outcome] of outcomes.entries()) {
        const args = asks[index]!.join(' ');
        expect(outcome.code, args).toBe(0);
        expect(outcome.stderr, args).toBe('');
        expect(outcome.stdout, args).toMatch(/^usage: claimgraph/m);
        expect(outcome.stdout, args).not.toContain('type Query');
        expect(outcome.stdout, args).not.toMatch(/^key \(give it to/m);
      }
      // Each answers about its own command.
      expect(outcomes[5]!.stdout).toContain('claimgraph db start');
      expect(outcomes[10]!.stdout).toContain('--batch');
      expect(outcomes[14]!.stdout).toContain('--format');
      expect(await snapshot(api.db)).toEqual(before);
    },
    240_000,
  );
});

describe('the scripts beside the CLI (benchmark, data generator, profilers, load check, evaluation)', () => {
  const scripts = ['bench/run.ts', 'bench/generate.ts', 'bench/profile.ts', 'bench/walk-cpu.ts', 'bench/loadtest.ts', 'eval/resolution.ts'];
  const run = (script: string, args: string[]) =>
    new Promise<Outcome>((resolve) => {
      // No database is named: a script that went past its options would fail to reach one, not use someone's.
      const env = { ...process.env, BENCH_NEO4J_PORT: '7798', EVAL_NEO4J_LOCAL_PORT: '7797', NEO4J_URI: 'bolt://127.0.0.1:7796' };
      execFile(process.execPath, [tsx, path.join(root, script), ...args], { cwd: root, env, timeout: 60_000 }, (error, stdout, stderr) => {
        resolve({ code: error ? ((error as { code?: number }).code ?? null) : 0, stdout, stderr });
      });
    });

  it(
    'answer --help with their usage and exit 0, and refuse an unknown option in one line with exit 2, starting nothing',
    async () => {
      const helps = await all(scripts, (script) => run(script, ['--help']));
      const refusals = await all(scripts, (script) => run(script, ['--bogus']));
      for (const [index, script] of scripts.entries()) {
        expect(helps[index]!.code, script).toBe(0);
        expect(helps[index]!.stdout, script).toMatch(/^usage: /);
        expect(helps[index]!.stderr, script).toBe('');
        expect(refusals[index]!.code, script).toBe(2);
        expect(oneLine(refusals[index]!.stderr), script).toEqual(["Unknown option '--bogus' (see --help)"]);
      }
    },
    240_000,
  );
});

describe('what the CLI does not understand', () => {
  it(
    'is refused in one line with a non-zero exit, before connecting, migrating or writing',
    async () => {
      const dir = await mkdtemp(path.join(tmpdir(), 'claimgraph-cli-'));
      const bundle = path.join(fixtures, 'bad-bundle.yaml');
      const wrong = [
        ['frobnicate'],
        ['seed', '--bogus'],
        ['seed', 'extra'],
        ['db'],
        ['db', 'stop'],
        ['db', 'migrate', '--force'],
        ['import'],
        ['import', 'csv', dir],
        ['import', 'acled'],
        ['import', 'acled', '--batch=0', path.join(fixtures, 'acled')],
        ['import', 'acled', '--batch', 'many', path.join(fixtures, 'acled')],
        ['import', 'acled', '--bogus', path.join(fixtures, 'acled')],
        ['import', 'bundle', '--force', bundle],
        ['key', 'new', 'alice', 'reader', 'extra'],
        ['key', 'old'],
        ['schema', '--chek'],
        ['export', '--all', '--format', 'jsonl', '--bogus'],
      ];
      const before = await snapshot(api.db);
      const outcomes = await all(wrong, (args) => claimgraph(args));
      for (const [index, outcome] of outcomes.entries()) {
        const args = wrong[index]!.join(' ');
        expect(outcome.code, args).not.toBe(0);
        expect(oneLine(outcome.stderr), args).toHaveLength(1);
        expect(outcome.stderr, args).not.toMatch(/\n\s+at |schema up to date/);
        expect(outcome.stdout, args).toBe('');
      }
      expect(outcomes[0]!.stderr).toContain('frobnicate');
      expect(outcomes[1]!.stderr).toContain('--bogus');
      expect(outcomes[9]!.stderr).toContain('--batch');
      expect(await snapshot(api.db)).toEqual(before);
    },
    240_000,
  );
});

describe('claimgraph import', () => {
  it('imports a truncated ACLED file up to the cut, without a stack trace, and a rerun finds it done, unless the graph has lost it since', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'claimgraph-cli-'));
    const [header, daquq, bartella] = (await readFile(path.join(fixtures, 'acled/iraq-2016-10.csv'), 'utf8')).split('\n');
    const file = path.join(dir, 'cut.csv');
    await writeFile(file, [header, daquq, bartella, daquq!.replace('IRQ12345', 'IRQ12399').split(' killing')[0]].join('\n'));
    const first = await claimgraph(['import', 'acled', '--batch=1', file], dir);
    expect(first.code).toBe(0);
    expect(first.stderr).not.toMatch(/CsvError|\n\s+at /);
    expect(first.stderr).toContain('imported 2 of 3 rows');
    expect(first.stderr).toContain('1 rows rejected');
    const again = await claimgraph(['import', 'acled', file], dir);
    expect(again.code).toBe(0);
    expect(again.stderr).toContain('1 files already imported, skipped');
    // The graph emptied since (the seed written anew): the checkpoint no longer speaks for it.
    await restoreSeed(api.db);
    const afterWipe = await claimgraph(['import', 'acled', file], dir);
    expect(afterWipe.code).toBe(0);
    expect(afterWipe.stderr).toContain('imported 2 of 3 rows');
  });

  it('refuses a fake zip, a binary file and a file of another kind in one line each, writing nothing', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'claimgraph-cli-'));
    const fake = path.join(dir, '20161024000000.export.CSV.zip');
    const binary = path.join(dir, 'binary.csv');
    await writeFile(fake, 'not a zip\n');
    await writeFile(binary, Buffer.from([0, 1, 2, 3, 255, 0, 10]));
    const before = await snapshot(api.db);
    const cases = [
      { args: ['import', 'gdelt', fake], says: 'is not a readable zip archive' },
      { args: ['import', 'acled', binary], says: 'is not a text file' },
      { args: ['import', 'acled', path.join(fixtures, 'gdelt/20161024000000.export.CSV')], says: 'is not an ACLED export' },
      { args: ['import', 'gdelt', path.join(fixtures, 'acled/iraq-2016-10.csv')], says: 'is not a file this importer reads' },
      { args: ['import', 'acled', path.join(dir, 'missing.csv')], says: 'missing.csv does not exist' },
      { args: ['import', 'bundle', path.join(dir, 'missing.yaml')], says: "no such file or directory, open '" },
    ];
    for (const { args, says } of cases) {
      const outcome = await claimgraph(args, dir);
      expect(outcome.code, args.join(' ')).toBe(1);
      expect(oneLine(outcome.stderr), args.join(' ')).toEqual([expect.stringContaining(says)]);
    }
    expect(await snapshot(api.db)).toEqual(before);
  }, 120_000);
});

describe('claimgraph resolve outlets', () => {
  const rtSources = cypher('test: rt sources', "MATCH (o:Outlet {id: 'rt'}) RETURN o.sources AS sources");
  const duplicate = cypher(
    'test: duplicate rt for the cli',
    `MATCH (rt:Outlet {id: 'rt'})
     CREATE (:Outlet {id: 'gdelt-outlet-www-rt-com', name: 'www.rt.com', kind: 'DIGITAL', domains: ['www.rt.com'], sources: rt.sources, recordedAt: rt.recordedAt})
            -[:PUBLISHED]->(:Article {id: 'zz-cli-rt-article', title: 'An RT article', url: 'https://www.rt.com/zz-cli'})`,
  );
  const cleanUp = cypher('test: remove cli merge records', "MATCH (n) WHERE n.id IN ['zz-cli-rt-article', 'gdelt-outlet-www-rt-com'] OR (n:AuditEntry AND n.key = 'gdelt-outlet-www-rt-com') DETACH DELETE n");
  afterAll(() => api.db.write(cleanUp));

  it('merges an outlet that shares RT’s domain into RT, says so, and finds nothing to do the second time', async () => {
    const before = (await api.db.read(rtSources)).records[0]!.get('sources');
    await api.db.write(duplicate);
    const first = await claimgraph(['resolve', 'outlets']);
    expect(first.code).toBe(0);
    expect(first.stderr).toContain('merged gdelt-outlet-www-rt-com into rt (rt.com)');
    const again = await claimgraph(['resolve', 'outlets']);
    expect(again.stderr).toContain('no outlets share a domain: nothing to do');
    expect((await api.db.read(rtSources)).records[0]!.get('sources')).toEqual(before);
  });

  it('refuses a bad outlet registry in one line before importing anything', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'claimgraph-cli-'));
    await writeFile(path.join(dir, 'outlets.yaml'), 'outlets:\n  - { domains: [rt.com], name: RT }\n');
    const outcome = await claimgraph(['import', 'gdelt', path.join(fixtures, 'gdelt')], dir, { OUTLET_REGISTRY: path.join(dir, 'outlets.yaml') });
    expect(outcome.code).toBe(1);
    expect(oneLine(outcome.stderr)).toEqual([`[claimgraph] ${path.join(dir, 'outlets.yaml')} is not a valid outlet registry: outlets[0].kind: is required`]);
  });
});

describe('failures of the database on the command line', () => {
  /** What runCommand prints for a task that fails with `error`, and the exit code it sets. */
  async function printed(error: unknown) {
    const lines: string[] = [];
    const spy = vi.spyOn(console, 'error').mockImplementation((line: string) => void lines.push(line));
    const exitCode = process.exitCode;
    try {
      await runCommand(async () => {
        throw error;
      });
      return { lines, code: process.exitCode };
    } finally {
      spy.mockRestore();
      process.exitCode = exitCode;
    }
  }

  const newError = (message: string, code: string) => new Neo4jError(message, code, '50N42', 'error: general processing exception');

  it('say what happened and what to do, in a sentence, never as a stack trace', async () => {
    const timedOut = mapDriverError(newError('stopped', 'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration'));
    expect(await printed(timedOut)).toEqual({
      lines: ['[claimgraph] The query took too long and was stopped. Neo4j stops a transaction after NEO4J_TX_TIMEOUT_MS (30 s unless set): raise it, or give an import a smaller --batch.'],
      code: 1,
    });
    const overMemory = mapDriverError(newError('The allocation of an extra 2.0 MiB would use more than the limit', 'Neo.TransientError.General.MemoryPoolOutOfMemoryError'));
    expect((await printed(overMemory)).lines).toEqual([expect.stringMatching(/^\[claimgraph\] The query needed more memory than the graph database allows a transaction/)]);
    const heapFull = mapDriverError(newError('Java heap space', 'Neo.DatabaseError.Statement.ExecutionFailed'));
    expect((await printed(heapFull)).lines).toEqual([expect.stringMatching(/^\[claimgraph\] The query needed more memory/)]);
    const unreachable = mapDriverError(newError('no connection', 'ServiceUnavailable'));
    expect((await printed(unreachable)).lines).toEqual([expect.stringMatching(/^\[claimgraph\] Cannot reach Neo4j/)]);
  });
});
