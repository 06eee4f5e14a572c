import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { cypher } from '../src/db/database.js';
import { resolveWritten } from '../src/ingest/resolve-written.js';
import { importBundle } from '../src/ingest/write.js';
import { resolveAllEvents } from '../src/modules/resolution/resolve.js';
import { runImport, type ImportOptions, type ImportSummary } from '../src/ingest/runner.js';
import { acledImporter } from '../src/ingest/sources/acled.js';
import { gdeltImporter } from '../src/ingest/sources/gdelt.js';
import { testApi } from './helpers/api.js';
import { restoreSeed } from './helpers/graph.js';

/**
 * A statement imported before the event it is about (an accusation coded on a day whose strike
 * row is in a later GDELT file, or an ACLED export loaded after the GDELT files) meets that event
 * when it comes, whichever source brings it, as if it had been there first.
 */

const api = testApi();
const fixtures = path.join(import.meta.dirname, 'fixtures');

/** Hit, Anbar: far from every place of the seed, so only what a test imports can fit. */
const HIT = { name: 'Hit, Al Anbar, Iraq', lat: '33.6416', long: '42.8251', feature: '-3091234' };
const PLACE_KEY = `gdelt-place-${HIT.feature}`;

let template: string[][];

/** A GDELT Events row from the fixture's strike or accusation row, moved to Hit on `day` (YYYYMMDD). */
function gdeltRow(like: 'strike' | 'accusation' | 'shelling', id: string, day: string, actors: { actor1?: string; actor2?: string } = {}) {
  const fields = [...template[like === 'accusation' ? 2 : 1]!];
  fields[0] = id;
  fields[1] = day;
  fields[2] = day.slice(0, 6);
  fields[52] = HIT.name;
  fields[56] = HIT.lat;
  fields[57] = HIT.long;
  fields[58] = HIT.feature;
  fields[59] = `${day}120000`;
  fields[60] = `https://example.org/${id}`;
  if (like === 'shelling') [fields[26], fields[27]] = ['194', '194'];
  if ('actor1' in actors) [fields[5], fields[6], fields[7]] = actors.actor1 ? [actors.actor1, actors.actor1, actors.actor1] : ['', '', ''];
  if ('actor2' in actors) [fields[15], fields[16], fields[17]] = actors.actor2 ? [actors.actor2, actors.actor2, actors.actor2] : ['', '', ''];
  return fields.join('\t');
}

let dir: string;

async function importFile(name: string, lines: string[], importer: typeof gdeltImporter | typeof acledImporter = gdeltImporter, resolve = true): Promise<ImportSummary> {
  const file = path.join(dir, name);
  await writeFile(file, lines.join('\n') + '\n');
  const options: ImportOptions = { batchSize: 100, rejectsDir: path.join(dir, 'rejects'), stateDir: path.join(dir, 'state'), progress: () => {}, resolve };
  return runImport(api.db, importer as typeof gdeltImporter, [file], options);
}

const statementAt = cypher(
  'test: the statements at Hit',
  `MATCH (s:Statement)-[:MENTIONS]->(:Place {id: $place})
   RETURN s.id AS id, s.note AS note, s.sources AS sources,
          [(s)-[r:STANCE]->(c:Claim)-[:ABOUT]->(e:Event) | {value: r.value, claim: c.id, event: e.id, note: r.note}] AS stances,
          [(s)-[:ABOUT]->(e:Event) | e.id] AS about,
          COLLECT { MATCH (a:AuditEntry {action: 'STATEMENT_ATTACHED', key: s.id}) RETURN a.properties } AS audit
   ORDER BY id`,
);
const statements = async () => (await api.db.read(statementAt, { place: PLACE_KEY })).records.map((record) => record.toObject());

beforeAll(async () => {
  template = (await readFile(path.join(fixtures, 'gdelt/20161024000000.export.CSV'), 'utf8')).split('\n').map((line) => line.split('\t'));
});
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'claimgraph-waiting-'));
  await restoreSeed(api.db);
});
afterAll(async () => {
  await restoreSeed(api.db);
  await api.close();
});

describe('a statement imported before its event', () => {
  it('is about none until the strike comes in a later GDELT file, then takes its stance on who carried it out, audited', async () => {
    await importFile('20170302000000.export.CSV', [gdeltRow('accusation', '700000001', '20170302')]);
    const [before] = await statements();
    expect(before).toMatchObject({ stances: [], about: [], audit: [] });
    expect(before!.note).toContain('about none');

    const strike = await importFile('20170303000000.export.CSV', [gdeltRow('strike', '700000002', '20170301', { actor1: 'USA', actor2: '' })]);
    expect(strike.resolution.statementsAttached).toBe(1);
    const [after] = await statements();
    const event = `gdelt-195-20170301-${HIT.feature}`;
    expect(after!.stances).toEqual([
      { value: 'ASSERTS', claim: `${event}-perpetrator-united-states`, event, note: expect.stringContaining('after it was imported') },
    ]);
    expect(after!.note).not.toContain('about none');
    expect(after!.sources).toContain('claimgraph-resolver');
    expect(JSON.parse(after!.audit[0])).toMatchObject({ event, reasons: expect.arrayContaining(['same place']) });

    // The event's walk now reaches the accusation; importing the strike again changes nothing.
    const walk = await api.run<any, any>(`{ event(key: "${event}") { claims(contested: false) { edges { node { key statements(first: 5) { edges { node { kind } } } } } } } }`);
    expect(walk.errors).toBeUndefined();
    const kinds = walk.data.event.claims.edges.flatMap((e: any) => e.node.statements.edges.map((s: any) => s.node.kind));
    expect(kinds).toContain('ACCUSATION');
    const again = await importFile('20170303000000.export.CSV', [gdeltRow('strike', '700000002', '20170301', { actor1: 'USA', actor2: '' }), '']);
    expect(again.resolution.statementsAttached).toBe(0);
    expect((await statements())[0]!.audit).toHaveLength(1);
  });

  it('meets its event when `claimgraph resolve events` runs over a graph imported without matching', async () => {
    await importFile('20170302000000.export.CSV', [gdeltRow('accusation', '700000001', '20170302')], gdeltImporter, false);
    await importFile('20170303000000.export.CSV', [gdeltRow('strike', '700000002', '20170301', { actor1: 'USA', actor2: '' })], gdeltImporter, false);
    expect((await statements())[0]).toMatchObject({ stances: [], about: [] });
    // What the command runs on each page of events.
    const summary = await resolveAllEvents(api.db, () => {}, (db, ids) => resolveWritten(db, { changed: ids, reported: [] }));
    expect(summary.statementsAttached).toBe(1);
    expect((await statements())[0]!.stances.map((s: any) => s.event)).toEqual([`gdelt-195-20170301-${HIT.feature}`]);
  });

  it('meets an ACLED event loaded after the GDELT file', async () => {
    await importFile('20170302000000.export.CSV', [gdeltRow('accusation', '700000001', '20170302')]);
    const acled = (await readFile(path.join(fixtures, 'acled/iraq-2016-10.csv'), 'utf8')).split('\n');
    const row = acled[1]!
      .replace('IRQ12345,21 October 2016,2016', 'IRQ99001,1 March 2017,2017')
      .replace('Kirkuk,Daquq,,Daquq,35.1387,44.4469', `Al Anbar,Hit,,Hit,${HIT.lat},${HIT.long}`);
    const imported = await importFile('acled-2017-03.csv', [acled[0]!, row], acledImporter);
    expect(imported.rejected).toBe(0);
    expect(imported.resolution.statementsAttached).toBe(1);
    const [after] = await statements();
    expect(after!.stances.map((s: any) => s.event)).toEqual(['acled-irq99001']);
  });

  it('stays about none when two incidents there fit it equally well', async () => {
    await importFile('20170302000000.export.CSV', [gdeltRow('accusation', '700000001', '20170302')]);
    const two = await importFile('20170303000000.export.CSV', [
      gdeltRow('strike', '700000002', '20170301', { actor1: '', actor2: '' }),
      gdeltRow('shelling', '700000003', '20170301', { actor1: '', actor2: '' }),
    ]);
    expect(two.resolution.statementsAttached).toBe(0);
    expect((await statements())[0]).toMatchObject({ stances: [], about: [] });
  });

  it('leaves a statement written by hand about no event as it is', async () => {
    await importBundle(api.db, {
      source: { id: 'notes', title: 'A researcher’s notes', recordedAt: '2017-03-05' },
      places: [{ id: PLACE_KEY, name: 'Hit', kind: 'CITY', location: { latitude: Number(HIT.lat), longitude: Number(HIT.long) } }],
      statements: [{ id: 'a-remark-on-hit', kind: 'COMMENT', quote: 'PARAPHRASE', text: 'Hit was quiet that week.', madeAt: '2017-03-02', mentions: [{ place: PLACE_KEY }] }],
    });
    const strike = await importFile('20170303000000.export.CSV', [gdeltRow('strike', '700000002', '20170301', { actor1: 'USA', actor2: '' })]);
    expect(strike.resolution.statementsAttached).toBe(0);
    expect((await statements())[0]).toMatchObject({ id: 'a-remark-on-hit', stances: [], about: [] });
  });
});
