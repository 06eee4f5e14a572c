import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { cypher } from '../src/db/database.js';
import { runImport, type ImportOptions } from '../src/ingest/runner.js';
import { importers } from '../src/ingest/sources/index.js';
import { expandPaths, ImportFileError } from '../src/ingest/sources/rows.js';
import { testApi } from './helpers/api.js';
import { restoreSeed, snapshot } from './helpers/graph.js';

/** Files as people really get them: cut off, binary, empty, of another dataset, or not the archive they claim to be. */

const api = testApi();
beforeEach(() => restoreSeed(api.db));
afterAll(async () => {
  await restoreSeed(api.db);
  await api.close();
});

const fixtures = path.join(import.meta.dirname, 'fixtures');
const acledLines = (await readFile(path.join(fixtures, 'acled', 'iraq-2016-10.csv'), 'utf8')).split('\n');
const [acledHeader, daquq, bartella] = acledLines as [string, string, string];
const gdeltExport = (await readFile(path.join(fixtures, 'gdelt', '20161024000000.export.CSV'), 'utf8')).split('\n');

async function scratch() {
  const dir = await mkdtemp(path.join(tmpdir(), 'claimgraph-faults-'));
  const options: ImportOptions = {
    batchSize: 2,
    rejectsDir: path.join(dir, 'rejects'),
    stateDir: path.join(dir, 'state'),
    progress: () => {},
  };
  const file = async (name: string, content: string | Buffer) => {
    await writeFile(path.join(dir, name), content);
    return path.join(dir, name);
  };
  return { dir, options, file };
}

async function rejectsOf(options: ImportOptions, file: string) {
  const text = await readFile(path.join(options.rejectsDir, `${path.basename(file)}.rejects.tsv`), 'utf8');
  return text.split('\n').filter(Boolean).map((line) => line.split('\t'));
}

const sourceCount = cypher('test: sources of imports', "MATCH (s:Source) WHERE s.id STARTS WITH 'acled' OR s.id STARTS WITH 'gdelt' RETURN count(s) AS n");
const sources = async () => Number((await api.db.read(sourceCount)).records[0]!.get('n'));
const eventExists = cypher('test: event exists', 'MATCH (e:Event {id: $id}) RETURN count(e) AS n');
const hasEvent = async (id: string) => Number((await api.db.read(eventExists, { id })).records[0]!.get('n')) === 1;

/** A copy of the Daquq row with another id, its notes cut off after "Daquq,\nkilling" inside the quotes. */
const cutRow = daquq.replace('IRQ12345', 'IRQ12399').replace(', killing 17', ',\nkilling 17').split(' civilians')[0]!;

describe('a truncated ACLED file', () => {
  for (const batchSize of [1, 2, 5000]) {
    it(`imports every complete row, rejects the cut one with its line, and finishes its checkpoint (batch ${batchSize})`, async () => {
      const { options, file } = await scratch();
      const cut = await file('cut.csv', [acledHeader, daquq, bartella, cutRow].join('\n'));
      const summary = await runImport(api.db, importers.acled, [cut], { ...options, batchSize });
      expect(summary).toMatchObject({ rows: 3, imported: 2, rejected: 1 });
      expect(await hasEvent('acled-irq12345')).toBe(true);
      expect(await hasEvent('acled-irq12346')).toBe(true);
      const [reject, ...more] = await rejectsOf(options, cut);
      expect(more).toEqual([]);
      expect(reject!.slice(0, 2)).toEqual([cut, '4']);
      expect(reject![2]).toMatch(/ends inside a quoted field/);
      expect(reject![3]).toBe(cutRow.replace('\n', '\\n'));
      // A second run finds the file done instead of failing on it again.
      const again = await runImport(api.db, importers.acled, [cut], options);
      expect(again).toMatchObject({ skippedFiles: 1, rows: 0 });
    });
  }

  it('rejects a row with a broken quote in the middle of a file and goes on with the next line', async () => {
    const { options, file } = await scratch();
    const broken = daquq.replace('IRQ12345', 'IRQ12398').replace('"On 21', '"On" 21');
    const name = await file('broken-quote.csv', [acledHeader, '', broken, bartella].join('\n') + '\n');
    const summary = await runImport(api.db, importers.acled, [name], options);
    expect(summary).toMatchObject({ rows: 2, imported: 1, rejected: 1 });
    expect(await hasEvent('acled-irq12346')).toBe(true);
    const [reject] = await rejectsOf(options, name);
    expect(reject!.slice(0, 2)).toEqual([name, '3']);
    expect(reject![2]).toMatch(/^not valid CSV: Invalid Closing Quote/);
    expect(reject![3]).toBe(broken);
  });
});

describe('rejected rows', () => {
  it('are listed once per run: the rejects file is rewritten, its lines matching the summary', async () => {
    const first = await scratch();
    const second = await scratch();
    const files = await expandPaths([path.join(fixtures, 'acled')], importers.acled.accepts);
    const options = { ...second.options, rejectsDir: first.options.rejectsDir };
    await runImport(api.db, importers.acled, files, first.options);
    const summary = await runImport(api.db, importers.acled, files, options);
    expect(summary.rejected).toBe(3);
    expect(await rejectsOf(options, 'iraq-2016-10.csv')).toHaveLength(3);
  });

  it('of two files with one name, from two folders, are kept apart', async () => {
    const { dir, options } = await scratch();
    const bad = daquq.replace('21 October 2016', '32 October 2016');
    for (const folder of ['a', 'b']) {
      await mkdir(path.join(dir, folder));
      await writeFile(path.join(dir, folder, 'iraq.csv'), [acledHeader, bad, bartella].join('\n'));
    }
    const files = await expandPaths([path.join(dir, 'a'), path.join(dir, 'b')], importers.acled.accepts);
    const summary = await runImport(api.db, importers.acled, files, options);
    expect(summary.rejected).toBe(2);
    expect((await rejectsOf(options, 'iraq.csv')).map((reject) => reject[0])).toEqual([files[0]]);
    expect((await rejectsOf(options, 'iraq.csv.2')).map((reject) => reject[0])).toEqual([files[1]]);
  });

  it('name every problem of an ACLED row, not only the first', async () => {
    const { options, file } = await scratch();
    const bad = daquq.replace('21 October 2016', '32 October 2016').replace('35.1387', '135.1387').replace(',17,,', ',-3,,');
    const name = await file('bad.csv', [acledHeader, bad].join('\n'));
    await runImport(api.db, importers.acled, [name], options);
    const [reject] = await rejectsOf(options, name);
    expect(reject![2]).toBe(
      'event_date "32 October 2016" is not a date; latitude "135.1387" is not between -90 and 90; fatalities "-3" is not a whole number',
    );
  });

  it('name every problem of a GDELT row too', async () => {
    const { options, file } = await scratch();
    const bad = gdeltExport[0]!.replace('\t20161021\t', '\t20161341\t').replace('\t35.1387\t', '\t95.5\t');
    const name = await file('20161021000000.export.CSV', [gdeltExport[1], bad].join('\n'));
    await runImport(api.db, importers.gdelt, [name], options);
    const [reject] = await rejectsOf(options, name);
    expect(reject![2]).toBe('SQLDATE "20161341" is not a date YYYYMMDD; ActionGeo coordinates (95.5, 44.4469) are out of range');
  });

  it('leave no Source node behind when no row of a file is accepted', async () => {
    const { options, file } = await scratch();
    const bad = daquq.replace('21 October 2016', '32 October 2016');
    const name = await file('all-rejected.csv', [acledHeader, bad].join('\n'));
    const summary = await runImport(api.db, importers.acled, [name], options);
    expect(summary).toMatchObject({ rows: 1, imported: 0, rejected: 1 });
    expect(await sources()).toBe(0);
  });
});

describe('GDELT FeatureIDs', () => {
  it('keep their sign, so -3079418 and 3079418 are two places', async () => {
    const { options, file } = await scratch();
    const positive = gdeltExport[0]!.replace(/^599000001/, '599000091').replace('\t-3079418\t', '\t3079418\t').replace('Daquq', 'Elsewhere');
    const name = await file('20161021000000.export.CSV', [gdeltExport[0], positive].join('\n'));
    await runImport(api.db, importers.gdelt, [name], options);
    const places = await api.db.read(
      cypher('test: gdelt places', "MATCH (p:Place) WHERE p.id STARTS WITH 'gdelt-place' RETURN p.id AS id, p.name AS name ORDER BY id"),
    );
    expect(places.records.map((r) => [r.get('id'), r.get('name')])).toEqual([
      ['gdelt-place--3079418', 'Daquq'],
      ['gdelt-place-3079418', 'Elsewhere'],
    ]);
  });
});

describe('a zipped GDELT file', () => {
  it('imports as the plain file does, its rows named archive.zip:entry', async () => {
    const plain = await scratch();
    const zipped = await scratch();
    const expected = await runImport(api.db, importers.gdelt, [path.join(fixtures, 'gdelt/20161024000000.export.CSV')], plain.options);
    await restoreSeed(api.db);
    const archive = path.join(fixtures, 'gdelt-zipped/20161024000000.export.CSV.zip');
    const summary = await runImport(api.db, importers.gdelt, [archive], zipped.options);
    expect(summary).toMatchObject({ rows: expected.rows, imported: expected.imported, rejected: expected.rejected, skipped: expected.skipped });
    expect(await hasEvent('gdelt-195-20161021--3079418')).toBe(true);
    const [reject] = await rejectsOf(zipped.options, archive);
    expect(reject!.slice(0, 2)).toEqual([`${archive}:20161024000000.export.CSV`, '5']);
  });

  it('whose compressed data is damaged is refused in one sentence, nothing written', async () => {
    const { options } = await scratch();
    const damaged = path.join(fixtures, 'gdelt-damaged/20161024000000.export.CSV.zip');
    const before = await snapshot(api.db);
    const failure = await runImport(api.db, importers.gdelt, [damaged], options).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ImportFileError);
    expect((failure as Error).message).toMatch(/^\S+20161024000000.export.CSV.zip:20161024000000.export.CSV could not be read: /);
    expect(await snapshot(api.db)).toEqual(before);
  });
});

describe('a file that cannot be imported', () => {
  const binary = Buffer.from([0x50, 0x4b, 0x00, 0x00, 0xff, 0xfe, 0x00, 0x01, 0x0a, 0x00, 0x13]);
  const cases: Array<{ name: string; importer: keyof typeof importers; file: string; content: string | Buffer; message: RegExp }> = [
    { name: 'a binary file', importer: 'acled', file: 'binary.csv', content: binary, message: /is not a text file/ },
    { name: 'a binary GDELT file', importer: 'gdelt', file: 'binary.export.CSV', content: binary, message: /is not a text file/ },
    { name: 'an empty file', importer: 'acled', file: 'empty.csv', content: '', message: /is empty/ },
    { name: 'an empty GDELT file', importer: 'gdelt', file: 'empty.export.CSV', content: '\n\n', message: /is empty/ },
    { name: 'an ACLED header with no rows', importer: 'acled', file: 'header.csv', content: acledHeader + '\n', message: /has no rows/ },
    { name: 'a GDELT file given to acled', importer: 'acled', file: 'gdelt.csv', content: gdeltExport.join('\n'), message: /is not an ACLED export/ },
    { name: 'an ACLED file given to gdelt', importer: 'gdelt', file: 'acled.export.CSV', content: acledLines.join('\n'), message: /is not a GDELT 2.0 Events file/ },
    { name: 'a GDELT 1.0 file', importer: 'gdelt', file: 'old.export.CSV', content: gdeltExport[4]!, message: /58 columns.*GDELT 1.0/ },
    { name: 'a fake zip', importer: 'gdelt', file: 'fake.export.CSV.zip', content: 'this is not a zip archive\n', message: /is not a readable zip archive/ },
    { name: 'a zip cut short', importer: 'gdelt', file: 'short.export.CSV.zip', content: binary.subarray(0, 4), message: /is not a readable zip archive/ },
  ];
  for (const { name, importer, file, content, message } of cases) {
    it(`${name}: one clear sentence, nothing written`, async () => {
      const { options, file: write } = await scratch();
      const bad = await write(file, content);
      const good = path.join(fixtures, importer === 'acled' ? 'acled/iraq-2016-10.csv' : 'gdelt/20161024000000.export.CSV');
      const before = await snapshot(api.db);
      // The good file comes first: every file is checked before any is written.
      const failure = await runImport(api.db, importers[importer], [good, bad], options).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(ImportFileError);
      expect((failure as Error).message).toMatch(message);
      expect((failure as Error).message).toContain(bad);
      expect((failure as Error).message).not.toContain('\n');
      expect(await snapshot(api.db)).toEqual(before);
    });
  }

  it('a file named on the command line that the importer does not read is refused, not skipped', async () => {
    const { file } = await scratch();
    const zip = await file('export.zip', 'PK');
    await expect(expandPaths([zip], importers.acled.accepts)).rejects.toThrow(/is not a file this importer reads/);
  });
});

describe('checkpoints', () => {
  it('a damaged checkpoint means starting the file again, not failing', async () => {
    const { options, file } = await scratch();
    const name = await file('ok.csv', [acledHeader, daquq].join('\n'));
    await runImport(api.db, importers.acled, [name], options);
    for (const checkpoint of await readdir(options.stateDir)) await writeFile(path.join(options.stateDir, checkpoint), '{"rows": 1, "compl');
    const again = await runImport(api.db, importers.acled, [name], options);
    expect(again).toMatchObject({ rows: 1, imported: 1, nodesCreated: 0 });
  });
});
