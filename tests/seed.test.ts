import { copyFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readBundle, seed, SEEDS_DIR } from '../src/ingest/bundle.js';
import { BundleError } from '../src/ingest/validate.js';
import { importBundle, writeBundle } from '../src/ingest/write.js';
import { testApi } from './helpers/api.js';
import { snapshot } from './helpers/graph.js';
import { TEST_DATABASE_MARKER } from './helpers/test-database.js';

const api = testApi();
afterAll(() => api.close());

const fixture = (name: string) => path.join(import.meta.dirname, 'fixtures', name);

async function bundleError(promise: Promise<unknown>): Promise<BundleError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(BundleError);
  return error as BundleError;
}

describe('seeding', () => {
  it('is idempotent: loading the seed again changes nothing', async () => {
    const before = await snapshot(api.db);
    expect(before.length).toBeGreaterThan(200);
    const bundle = await readBundle(path.join(SEEDS_DIR, 'daquq-2016-10-24-wnu.yaml'));
    const summary = await writeBundle(api.db, bundle);
    expect(summary).toMatchObject({ nodesCreated: 0, relationshipsCreated: 0 });
    expect(await snapshot(api.db)).toEqual(before);
  });

  it('keeps the provenance of every record: its source and when it was recorded', async () => {
    const result = await api.db.read({
      name: 'test: provenance',
      cypher: `MATCH (n) WHERE NOT n:Source AND NOT n:${TEST_DATABASE_MARKER} AND (n.recordedAt IS NULL OR NOT 'wnu-2016-10-24-daquq' IN n.sources) RETURN collect(labels(n)[0] + ' ' + coalesce(n.id, '')) AS missing`,
    });
    expect(result.records[0]!.get('missing')).toEqual([]);
  });
});

describe('bad bundles', () => {
  it('reports every problem with the path of the bad value', async () => {
    const error = await bundleError(readBundle(fixture('bad-bundle.yaml')));
    expect(error.problems).toEqual(
      expect.arrayContaining([
        { path: 'places[0].kind', message: expect.stringMatching(/^"PLANET" is not one of COUNTRY, /) },
        { path: 'places[0].location.latitude', message: 'must be a number from -90 to 90' },
        { path: 'events[0].startDate', message: '"2016-02-30" is not a date written YYYY, YYYY-MM or YYYY-MM-DD' },
        
        { path: 'events[1].id', message: '"an-event" is used twice in events' },
        { path: 'statements[0].text', message: 'is required' },
        { path: 'statements[0].stances[0].value', message: expect.stringMatching(/^"MAYBE" is not one of ASSERTS, /) },
        
        { path: 'statements[0].colour', message: expect.stringMatching(/^is not a known field/) },
      ]),
    );
    expect(error.problems).toHaveLength(7);
    expect(error.message).toContain('bad-bundle.yaml: 7 problems');
  });

  it('accepts references to records already in the graph, and reports those in neither', async () => {
    const before = await snapshot(api.db);
    const error = await bundleError(
      importBundle(api.db, {
        source: { id: 'zz-reference-test', title: 'references', recordedAt: '2026-11-24' },
        events: [{ id: 'zz-event', kind: 'AIRSTRIKE', title: 'A strike', startDate: '2016-10-22', places: ['daquq', 'atlantis'] }],
        statements: [{ id: 'zz-statement', kind: 'COMMENT', text: 'x', quote: 'VERBATIM', stances: [{ claim: 'no-claim', value: 'ASSERTS' }] }],
      }),
    );
    expect(error.problems).toEqual([
      {
        path: 'events[0].places[1]',
        message: '"atlantis" is neither one of the bundle\'s places nor in the graph',
        missing: { kind: 'places', id: 'atlantis' },
      },
      {
        path: 'statements[0].stances[0].claim',
        message: '"no-claim" is neither one of the bundle\'s claims nor in the graph',
        missing: { kind: 'claims', id: 'no-claim' },
      },
    ]);
    expect(await snapshot(api.db)).toEqual(before);
  });

  it('reports YAML syntax errors with their line', async () => {
    const error = await bundleError(readBundle(fixture('unparsable-bundle.yaml')));
    expect(error.problems[0]!.path).toMatch(/^line \d+, column \d+$/);
  });

  it('writes nothing when any bundle of a seed folder is bad', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'claimgraph-seeds-'));
    await copyFile(fixture('bad-bundle.yaml'), path.join(dir, 'b-bad.yaml'));
    await copyFile(path.join(SEEDS_DIR, 'daquq-2016-10-24-wnu.yaml'), path.join(dir, 'a-good.yaml'));
    const before = await snapshot(api.db);
    await bundleError(seed(api.db, () => {}, dir));
    expect(await snapshot(api.db)).toEqual(before);
  });

  it('writes nothing of a bundle that fails in the database (all or nothing)', async () => {
    const before = await snapshot(api.db);
    const write = importBundle(api.db, {
      source: { id: 'zz-conflict-test', title: 'conflict', recordedAt: '2026-11-24' },
      outlets: [{ id: 'zz-outlet', name: 'Test outlet', kind: 'BLOG' }],
      articles: [
        { id: 'zz-article-1', outlet: 'zz-outlet', title: 'One', url: 'https://example.org/same' },
        { id: 'zz-article-2', outlet: 'zz-outlet', title: 'Two', url: 'https://example.org/same' },
      ],
    });
    await expect(write).rejects.toMatchObject({ extensions: { code: 'CONFLICT' } });
    expect(await snapshot(api.db)).toEqual(before);
  });
});
