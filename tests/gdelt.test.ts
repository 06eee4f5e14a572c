import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { cypher } from '../src/db/database.js';
import { runImport, type ImportOptions, type Progress } from '../src/ingest/runner.js';
import { gdeltImporter } from '../src/ingest/sources/gdelt.js';
import { expandPaths } from '../src/ingest/sources/rows.js';
import { gid, testApi } from './helpers/api.js';
import { restoreSeed, snapshot } from './helpers/graph.js';

const api = testApi();
beforeEach(() => restoreSeed(api.db));
afterAll(async () => {
  await restoreSeed(api.db);
  await api.close();
});

const folder = path.join(import.meta.dirname, 'fixtures', 'gdelt');

async function run(extra: Partial<ImportOptions> = {}) {
  const dir = await mkdtemp(path.join(tmpdir(), 'claimgraph-gdelt-'));
  const options: ImportOptions = {
    batchSize: 3,
    rejectsDir: path.join(dir, 'rejects'),
    stateDir: path.join(dir, 'state'),
    progress: () => {},
    ...extra,
  };
  const files = await expandPaths([folder], gdeltImporter.accepts);
  return { options, summary: await runImport(api.db, gdeltImporter, files, options) };
}

describe('GDELT 2.0 import', () => {
  it('turns aerial strikes into one event per place and day, keeping every GLOBALEVENTID', async () => {
    const reports: Progress[] = [];
    const { summary } = await run({ progress: (report) => reports.push(report) });
    // While a batch is written and its events matched, the progress says so.
    const doing = new Set(reports.map((report) => report.doing?.replace(/\d+/, 'N')));
    expect(doing).toEqual(new Set([undefined, 'writing N rows', 'matching N events']));
    expect(summary).toMatchObject({ files: 2, rows: 18, imported: 12, rejected: 4 });
    // The meeting (CAMEO 040) and the mention of an event claimgraph does not hold are valid rows, skipped with their reasons.
    expect(Object.values(summary.skipped)).toEqual([1, 1]);
    expect(Object.keys(summary.skipped).join(' ')).toMatch(/CAMEO event code claimgraph does not keep.*mentions an event claimgraph does not hold/);
    const strike = await api.run<any, any>(
      `query($id: ID!) { event(id: $id) { kind startDate places { name countryCode location { latitude } }
          claims { edges { node { key attributions { actor { key } role } } } } } }`,
      { id: gid('Event', 'gdelt-195-20161021--3079418') },
    );
    expect(strike.data.event).toMatchObject({
      kind: 'AIRSTRIKE',
      startDate: '2016-10-21',
      places: [{ name: 'Daquq', countryCode: 'IQ', location: { latitude: 35.1387 } }],
    });
    const external = await api.db.read(
      cypher('test: external ids', "MATCH (x:ExternalRecord)-[:IDENTIFIES]->(:Event {id: 'gdelt-195-20161021--3079418'}) RETURN collect(x.id) AS ids"),
    );
    expect((external.records[0]!.get('ids') as string[]).sort()).toEqual(['gdelt:599000001', 'gdelt:599000002']);
  });

  it('turns accusations and denials into statements with stances on one structured claim about the one event they describe', async () => {
    await run();
    const claim = await api.run<any, any>(
      `query($id: ID!) { claim(id: $id) { proposition event { key } attributions { actor { key } role } assertedBy { key } deniedBy { key } contested } }`,
      { id: gid('Claim', 'gdelt-195-20161021--3079418-perpetrator-united-states') },
    );
    expect(claim.data.claim).toEqual({
      proposition: 'United States carried out the aerial strike in Daquq, Kirkuk, Iraq (2016-10-21).',
      event: { key: 'gdelt-195-20161021--3079418' },
      attributions: [{ actor: { key: 'united-states' }, role: 'PERPETRATOR' }],
      assertedBy: [{ key: 'russian-armed-forces' }],
      deniedBy: [{ key: 'united-states' }],
      contested: true,
    });
  });

  it('links mentions to the outlets that own their domains, and the walk reaches them', async () => {
    await run();
    const walk = await api.run<any, any>(
      `query($id: ID!) { event(id: $id) { coverage(sameIncident: false) { outlet { key domains } reports { statement { kind } } } } }`,
      { id: gid('Event', 'gdelt-195-20161021--3079418') },
    );
    // reuters.com, rt.com and amp.rt.com are the seed's Reuters and RT; BBC is new (bbc.co.uk and bbc.com, one outlet).
    expect(walk.data.event.coverage.map((c: any) => c.outlet.key).sort()).toEqual([
      'gdelt-outlet-bbc-co-uk',
      'nbc-news',
      'reuters',
      'rt',
      'sputnik',
      'usa-today',
    ]);
  });

  it('keeps every malformed row in a rejects file with its file, line and reason', async () => {
    const { options } = await run();
    const exportRejects = await readFile(path.join(options.rejectsDir, '20161024000000.export.CSV.rejects.tsv'), 'utf8');
    const rows = exportRejects.trim().split('\n').map((line) => line.split('\t').slice(0, 3));
    expect(rows).toEqual([
      [path.join(folder, '20161024000000.export.CSV'), '5', '58 columns, expected 61 (a GDELT 1.0 file?)'],
      [path.join(folder, '20161024000000.export.CSV'), '6', 'SQLDATE "20161332" is not a date YYYYMMDD'],
      [path.join(folder, '20161024000000.export.CSV'), '7', 'ActionGeo coordinates (95.5, 44.4469) are out of range'],
    ]);
    const mentionRejects = await readFile(path.join(options.rejectsDir, '20161024000000.mentions.CSV.rejects.tsv'), 'utf8');
    expect(mentionRejects).not.toContain('\t123\t');
    expect(mentionRejects).toContain('12 columns, expected 16');
  });

  it('changes nothing when the same files are imported again', async () => {
    await run();
    const before = await snapshot(api.db);
    const again = await run();
    expect(again.summary).toMatchObject({ nodesCreated: 0, relationshipsCreated: 0 });
    expect(await snapshot(api.db)).toEqual(before);
  });

  it('resumes an import killed halfway and ends with the same graph as one clean run', async () => {
    await run();
    const clean = await snapshot(api.db);
    await restoreSeed(api.db);
    const dir = await mkdtemp(path.join(tmpdir(), 'claimgraph-gdelt-resume-'));
    const shared = { rejectsDir: path.join(dir, 'rejects'), stateDir: path.join(dir, 'state') };
    const killed = await run({ ...shared, stopAfterRows: 4 });
    expect(killed.summary.rows).toBe(4);
    const resumed = await run(shared);
    expect(resumed.summary.rows).toBe(18 - 3);
    expect(await snapshot(api.db)).toEqual(clean);
  });
});
