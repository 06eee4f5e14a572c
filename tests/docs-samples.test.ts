import { execFile } from 'node:child_process';
import { mkdtemp, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  consoleSteps,
  differences,
  documentationFiles,
  fences,
  formatJson,
  outputMatches,
  readDoc,
  replaceFences,
  ROOT,
  samplesIn,
  shownAs,
  type Fence,
  type Sample,
} from '../src/cli/doc-samples.js';
import { hashKey, parseApiKeys } from '../src/http/auth.js';
import { testApi, testConfig, testNeo4jEnv } from './helpers/api.js';
import { restoreSeed } from './helpers/graph.js';

/**
 * Every sample of the documentation, run against the freshly seeded test database: each GraphQL
 * block through the real server, compared with the output shown under it, and each
 * ```console runnable``` block's commands, compared with the lines shown after them. With
 * CLAIMGRAPH_DOCS_WRITE=1 (what `npx claimgraph docs --write` sets) the GraphQL outputs are
 * rewritten from the real ones instead of compared.
 */

const writing = process.env.CLAIMGRAPH_DOCS_WRITE === '1';
const files = await documentationFiles();
const texts = new Map(await Promise.all(files.map(async (file) => [file, await readDoc(file)] as const)));
const parsed = files.map((file) => ({ file, ...samplesIn(file, texts.get(file)!) }));

/** Every Bearer key the samples send is valid, with the role its headers block names (editor if none). */
const bearerKeys = files.flatMap((file) =>
  fences(texts.get(file)!)
    .filter((fence) => fence.lang === 'json' && typeof fence.attributes.headers === 'string')
    .flatMap((fence) => {
      const bearer = /Bearer (\S+?)"/.exec(fence.body)?.[1];
      return bearer ? [{ key: bearer, role: typeof fence.attributes.role === 'string' ? fence.attributes.role : 'editor' }] : [];
    }),
);
const apiKeys = parseApiKeys(bearerKeys.map(({ key, role }, index) => `docs-${index}:${role}:${hashKey(key).toString('hex')}`).join(','));
const api = testApi({ apiKeys });
/** Servers with the settings some samples name (LIMIT_COST=1), one per distinct setting. */
const configured = new Map<string, ReturnType<typeof testApi>>();
function serverFor(env: Record<string, string>) {
  const id = JSON.stringify(env);
  if (id === '{}') return api;
  if (!configured.has(id)) configured.set(id, testApi({ apiKeys, config: testConfig(env) }));
  return configured.get(id)!;
}

const rewrites = new Map<string, Array<{ fence: Fence; body: string; info?: string }>>();
afterAll(async () => {
  if (writing) {
    for (const [file, replacements] of rewrites) await writeFile(path.join(ROOT, file), replaceFences(texts.get(file)!, replacements));
  }
  await restoreSeed(api.db);
  await Promise.all([api, ...configured.values()].map((server) => server.close()));
});

async function run(sample: Sample) {
  const result = await serverFor(sample.env).run(sample.query, sample.variables, sample.headers);
  const { queries: _queries, status, ...body } = result;
  if (/^\s*mutation\b/.test(sample.query)) await restoreSeed(api.db);
  return { body, status };
}

describe('the documentation’s GraphQL samples', () => {
  it('are all marked, each with a unique name, and each output names a sample', () => {
    expect(parsed.flatMap(({ problems }) => problems)).toEqual([]);
    expect(parsed.flatMap(({ samples }) => samples).length).toBeGreaterThan(10);
  });

  it('that say they are a copy of another (copy-of=FILE:NAME) are the same operation', () => {
    const all = parsed.flatMap(({ samples }) => samples);
    const copies = files.flatMap((file) =>
      fences(texts.get(file)!)
        .filter((fence) => fence.lang === 'graphql' && typeof fence.attributes['copy-of'] === 'string')
        .map((fence) => ({ file, name: fence.attributes.sample, of: String(fence.attributes['copy-of']), query: fence.body })),
    );
    expect(copies.length).toBeGreaterThan(0);
    for (const copy of copies) {
      const [file, name] = copy.of.split(':');
      const original = all.find((sample) => sample.file === file && sample.name === name);
      expect(original?.query, `${copy.file}'s ${String(copy.name)} is a copy of ${copy.of}`).toBe(copy.query);
    }
  });

  for (const { file, samples } of parsed.filter(({ samples }) => samples.length > 0)) {
    describe(file, () => {
      for (const sample of samples) {
        it(`${sample.name} (line ${sample.line}) answers as shown`, async () => {
          const { body, status } = await run(sample);
          const output = sample.output;
          if (!output) {
            // Shown without an output: it must at least run cleanly.
            expect(body.errors).toBeUndefined();
            return;
          }
          const trimmed = output.attributes.trimmed === true;
          if (writing) {
            const shown = JSON.parse(output.body) as unknown;
            const info = Object.entries<string | true>({ ...output.attributes, ...(output.attributes.status || status !== 200 ? { status: String(status) } : {}) })
              .map(([name, value]) => (value === true ? name : `${name}=${value}`))
              .join(' ');
            const replacements = rewrites.get(file) ?? [];
            replacements.push({ fence: output, body: formatJson(shownAs(body, shown, trimmed)), info: `json ${info}` });
            rewrites.set(file, replacements);
            return;
          }
          expect(differences(JSON.parse(output.body), body, trimmed), `npx claimgraph docs --write rewrites ${file}'s outputs`).toEqual([]);
          if (typeof output.attributes.status === 'string') expect(status).toBe(Number(output.attributes.status));
        });
      }
    });
  }
});

/** A command of the documentation as a reader runs it, on the test database, in a scratch folder. */
async function shell(command: string, cwd: string) {
  const env = {
    ...process.env,
    ...testNeo4jEnv(),
    // Were a command to start a local Neo4j, it would be its own, here, not anyone's.
    NEO4J_LOCAL_PORT: '7798',
    NEO4J_LOCAL_DATA: path.join(cwd, 'neo4j'),
  };
  return new Promise<{ code: number; output: string }>((resolve) => {
    execFile('bash', ['-c', command], { cwd, env, timeout: 120_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, output: [stderr, stdout].filter(Boolean).join('\n') });
    });
  });
}

/** A scratch folder where `npx claimgraph` is this checkout's CLI and tests/, seeds/ and examples/ are at hand. */
async function scratch() {
  const dir = await mkdtemp(path.join(tmpdir(), 'claimgraph-docs-'));
  for (const folder of ['tests', 'seeds', 'examples']) await symlink(path.join(ROOT, folder), path.join(dir, folder));
  return dir;
}

describe('the documentation’s runnable commands', () => {
  const blocks = files.flatMap((file) =>
    fences(texts.get(file)!)
      .filter((fence) => fence.attributes.runnable === true)
      .map((fence) => ({ file, fence })),
  );

  it('exist', () => {
    expect(blocks.length).toBeGreaterThan(2);
  });

  for (const { file, fence } of blocks) {
    it(`${file}:${fence.line} prints what it shows`, async () => {
      const dir = await scratch();
      try {
        for (const { command, expected } of consoleSteps(fence.body)) {
          // `npx claimgraph` is this checkout's CLI, as it is in a clone (npx finds the package's own bin).
          const { code, output } = await shell(command.replaceAll(/\bnpx claimgraph\b/g, `node ${path.join(ROOT, 'bin/claimgraph.mjs')}`), dir);
          const mismatch = outputMatches(expected, output);
          expect(mismatch, `${command} (exit ${code})`).toBeUndefined();
        }
      } finally {
        if (/\b(import|resolve|seed)\b/.test(fence.body)) await restoreSeed(api.db);
      }
    }, 180_000);
  }
});

describe('how a shown output is compared with the real one', () => {
  const real = { data: { search: { totalCount: 2, edges: [{ score: 4.5, name: 'Daquq' }, { score: 3.2, name: 'Kirkuk' }] }, audit: { action: 'DELETE', id: 'a1', at: '2026-12-07' } } };

  it('finds a changed value, a missing or extra field and a list of another length', () => {
    expect(differences({ data: { search: { totalCount: 3 } } }, real, true)).toEqual(['.data.search.totalCount: shown 3, real 2']);
    expect(differences({ data: { search: { count: 2 } } }, real, true)).toEqual(['.data.search.count: shown, but not in the real output']);
    expect(differences({ data: { search: { totalCount: 2, edges: [] } } }, { data: real.data }, false)).toContain('.data.search.edges: shown 0 items, real 2');
    expect(differences({ data: { search: { edges: [{ score: 3.2, name: 'Kirkuk' }] } } }, real, true)).toEqual(['.data.search.edges[0].score: shown 3.2, real 4.5 (more than 10% apart)', '.data.search.edges[0].name: shown "Kirkuk", real "Daquq"']);
  });

  it('allows scores within the tolerance, list prefixes when trimmed, "…" and the volatile fields of an audit entry', () => {
    expect(differences({ data: { search: { edges: [{ score: 4.3 }] }, audit: { action: 'DELETE', id: 'other', at: '…' } } }, real, true)).toEqual([]);
    expect(differences({ data: { search: { edges: [{ score: 4.3 }] } } }, real, false)).not.toEqual([]);
  });

  it('rewrites a trimmed output with the real values in the shape shown, and fills an empty {} whole', () => {
    expect(shownAs(real, { data: { search: { edges: [{ name: 'old' }] }, audit: {} } }, true)).toEqual({
      data: { search: { edges: [{ name: 'Daquq' }] }, audit: { action: 'DELETE', id: '…', at: '…' } },
    });
    expect(formatJson({ data: { a: 1 } })).toBe('{"data": {"a": 1}}');
  });

  it('matches a command’s output line by line, with ... for any lines and … for any text', () => {
    expect(outputMatches(['a', '...', 'd … f'], 'a\nb\nc\nd e f\n')).toBeUndefined();
    expect(outputMatches(['a', 'c'], 'a\nb\nc\n')).toContain('expected "c" next');
  });

  it('reads fences as CommonMark does: a backtick in the info string makes inline code, not a fence', () => {
    expect(fences('```` ```json output=x ```` inline\n```json output=y trimmed\n{}\n```\n').map((fence) => [fence.lang, fence.attributes])).toEqual([
      ['json', { output: 'y', trimmed: true }],
    ]);
  });
});
