import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { runImport } from '../src/ingest/runner.js';
import { acledImporter } from '../src/ingest/sources/acled.js';
import { expandPaths } from '../src/ingest/sources/rows.js';
import { gid, testApi } from './helpers/api.js';
import { restoreSeed, snapshot } from './helpers/graph.js';

const api = testApi();
beforeEach(() => restoreSeed(api.db));
afterAll(async () => {
  await restoreSeed(api.db);
  await api.close();
});

const folder = path.join(import.meta.dirname, 'fixtures', 'acled');

async function run() {
  const dir = await mkdtemp(path.join(tmpdir(), 'claimgraph-acled-'));
  const options = { batchSize: 2, rejectsDir: path.join(dir, 'rejects'), stateDir: path.join(dir, 'state'), progress: () => {} };
  const files = await expandPaths([folder], acledImporter.accepts);
  return { options, summary: await runImport(api.db, acledImporter, files, options) };
}

describe('ACLED import', () => {
  it('maps an airstrike with its place hierarchy, actors, sources and fatalities as ACLED’s claim', async () => {
    const { summary } = await run();
    expect(summary).toMatchObject({ files: 2, rows: 6, imported: 3, rejected: 3 });
    const result = await api.run<any, any>(
      `query($id: ID!) {
        event(id: $id) {
          kind title startDate datePrecision summary
          places { name kind location { latitude longitude } parent { name parent { name parent { name kind } } } }
          casualties: claims { edges { node { key casualtiesMin casualtiesMax attributions { actor { name kind } role } } } }
          statements(sameIncident: false) { edges { node { speaker { key } cites { via target { ... on Outlet { name } } } } } }
        }
      }`,
      { id: gid('Event', 'acled-irq12345') },
    );
    expect(result.errors).toBeUndefined();
    const event = result.data.event;
    expect(event).toMatchObject({ kind: 'AIRSTRIKE', title: 'Air/drone strike in Daquq', startDate: '2016-10-21', datePrecision: 'DAY' });
    expect(event.places).toEqual([
      {
        name: 'Daquq',
        kind: 'TOWN',
        location: { latitude: 35.1387, longitude: 44.4469 },
        parent: { name: 'Daquq', parent: { name: 'Kirkuk', parent: { name: 'Iraq', kind: 'COUNTRY' } } },
      },
    ]);
    const claims = Object.fromEntries(event.casualties.edges.map((e: any) => [e.node.key, e.node]));
    expect(claims['acled-irq12345-fatalities']).toMatchObject({ casualtiesMin: 17, casualtiesMax: 17 });
    // Each actor is its own structured claim, through the crosswalk: against civilians, the civilians were harmed and the other side acted.
    expect(claims['acled-irq12345-victim-iraqi-civilians'].attributions).toEqual([{ actor: { name: 'Civilians (Iraq)', kind: 'GROUP_OF_PEOPLE' }, role: 'VICTIM' }]);
    expect(claims['acled-irq12345-perpetrator-unidentified-military-forces'].attributions).toEqual([
      { actor: { name: 'Unidentified military forces', kind: 'MILITARY' }, role: 'PERPETRATOR' },
    ]);
    const [record] = event.statements.edges;
    expect(record.node.speaker).toEqual({ key: 'acled' });
    expect(record.node.cites.map((c: any) => c.target.name).sort()).toEqual(['Reuters', 'Rudaw']);
  });

  it('reads the older layout by header name, and a month-precise date as a month', async () => {
    await run();
    const result = await api.run<any, any>('query($id: ID!) { event(id: $id) { kind startDate datePrecision } }', {
      id: gid('Event', 'acled-irq12350'),
    });
    expect(result.data.event).toEqual({ kind: 'SHELLING', startDate: '2016-10', datePrecision: 'MONTH' });
  });

  it('keeps malformed rows with file, line and reason', async () => {
    const { options } = await run();
    const rejects = (await readFile(path.join(options.rejectsDir, 'iraq-2016-10.csv.rejects.tsv'), 'utf8'))
      .trim()
      .split('\n')
      .map((line) => line.split('\t').slice(1, 3))
      .sort();
    expect(rejects).toEqual([
      ['4', 'event_date "32 October 2016" is not a date'],
      ['5', 'latitude "136.34" is not between -90 and 90'],
      ['6', '6 columns, the header has 31'],
    ]);
  });

  it('changes nothing on a re-import', async () => {
    await run();
    const before = await snapshot(api.db);
    const again = await run();
    expect(again.summary).toMatchObject({ nodesCreated: 0, relationshipsCreated: 0 });
    expect(await snapshot(api.db)).toEqual(before);
  });
});
