import { createReadStream } from 'node:fs';
import path from 'node:path';
import { CsvError, parse } from 'csv-parse';
import type { ActorInput, ClaimInput, EventInput, OutletInput, PlaceInput, StatementInput } from '../bundle-types.js';
import { slug } from '../../domain/slug.js';
import type { Importer, Records, Rejection, Row } from '../runner.js';
import { countLines, ImportFileError, unreadable } from './rows.js';
import type { AttributionRole, EventKind, PlaceKind } from '../../domain/vocabulary.js';
import { actorCrosswalk } from '../../modules/actor/actor-crosswalk.js';
import { DataFileError } from '../../modules/shared/data-file.js';
import { attributionClaim } from '../../modules/claim/claim-attribution.js';

/**
 * ACLED's CSV export (see shared/design/sources.md), read by header name so both the current
 * 31-column layout and older ones (with data_id, event_id_no_cnty, iso3) work. Each row is an event
 * with its place hierarchy (country > admin1 > admin2 > admin3 > location), its actors, and the
 * fatality count as a claim that ACLED asserts, citing the outlets in its `source` column.
 */

type Fields = Record<string, string>;

const required = ['event_id_cnty', 'event_date', 'event_type', 'sub_event_type', 'actor1', 'country', 'location', 'latitude', 'longitude', 'fatalities', 'source'];

const kinds: Record<string, EventKind> = {
  'air/drone strike': 'AIRSTRIKE',
  'shelling/artillery/missile attack': 'SHELLING',
  'armed clash': 'ARMED_CLASH',
  'government regains territory': 'GROUND_OPERATION',
  'non-state actor overtakes territory': 'GROUND_OPERATION',
  attack: 'ATTACK_ON_CIVILIANS',
  'abduction/forced disappearance': 'ATTACK_ON_CIVILIANS',
  'sexual violence': 'ATTACK_ON_CIVILIANS',
  'remote explosive/landmine/ied': 'EXPLOSION',
  'suicide bomb': 'EXPLOSION',
  grenade: 'EXPLOSION',
  'peaceful protest': 'PROTEST',
  'protest with intervention': 'PROTEST',
  'excessive force against protesters': 'PROTEST',
};

const geoPrecision: Record<string, PlaceKind> = { '1': 'TOWN', '2': 'AREA', '3': 'REGION' };

const months = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];


/** ACLED writes dates as "21 October 2016" or ISO "2016-10-21". */
function isoDate(value: string): string | undefined {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const written = /^(\d{1,2}) ([A-Za-z]+) (\d{4})$/.exec(value.trim());
  const [year, month, day] = iso
    ? [Number(iso[1]), Number(iso[2]), Number(iso[3])]
    : written
      ? [Number(written[3]), months.indexOf(written[2]!.toLowerCase()) + 1, Number(written[1])]
      : [NaN, NaN, NaN];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (!(month >= 1) || date.getUTCDate() !== day || date.getUTCMonth() !== month - 1) return undefined;
  return date.toISOString().slice(0, 10);
}

function reject(row: Row<Fields>, reason: string): Rejection {
  return { file: row.file, line: row.line, reason, raw: row.raw };
}

const names = (value: string | undefined) => (value ?? '').split(';').map((name) => name.trim()).filter(Boolean);

const ACLED: ActorInput = { id: 'acled', name: 'ACLED', kind: 'ORGANIZATION', aliases: ['Armed Conflict Location & Event Data Project'] };

/** Every problem of a row, so that one look at its reject shows all that must be fixed. */
function problemsOf(f: Fields): string[] {
  const problems = required.filter((column) => !f[column]?.trim()).map((column) => `${column} is empty`);
  if (f.event_date?.trim() && !isoDate(f.event_date)) problems.push(`event_date "${f.event_date}" is not a date`);
  for (const [column, limit] of [['latitude', 90], ['longitude', 180]] as const) {
    const value = f[column]?.trim();
    if (value && !(Math.abs(Number(value)) <= limit)) problems.push(`${column} "${value}" is not between -${limit} and ${limit}`);
  }
  const fatalities = f.fatalities?.trim();
  if (fatalities && !(Number.isInteger(Number(fatalities)) && Number(fatalities) >= 0)) problems.push(`fatalities "${fatalities}" is not a whole number`);
  return problems;
}

function mapRow(row: Row<Fields>, records: Required<Records>): string | undefined {
  const f = row.fields;
  const problems = problemsOf(f);
  if (problems.length > 0) return problems.join('; ');
  const date = isoDate(f.event_date!)!;
  const latitude = Number(f.latitude);
  const longitude = Number(f.longitude);
  const fatalities = Number(f.fatalities);

  // The place hierarchy: each level within the one above, keyed by its path so that two towns
  // of the same name in different provinces stay apart.
  let parent: string | undefined;
  let keyPath = slug(f.country!);
  const levels: Array<[string | undefined, PlaceKind]> = [
    [f.country, 'COUNTRY'],
    [f.admin1, 'PROVINCE'],
    [f.admin2, 'DISTRICT'],
    [f.admin3, 'DISTRICT'],
  ];
  for (const [name, kind] of levels) {
    if (!name?.trim()) continue;
    const id = parent ? `${parent}-${slug(name)}` : `acled-place-${keyPath}`;
    records.places.push({ id, name: name.trim(), kind, ...(parent ? { within: parent } : {}) });
    parent = id;
    keyPath = id;
  }
  const location: PlaceInput = {
    id: `${parent}-${slug(f.location!)}`,
    name: f.location!.trim(),
    kind: geoPrecision[f.geo_precision ?? ''] ?? 'TOWN',
    location: { latitude, longitude },
    ...(parent ? { within: parent } : {}),
    note: `ACLED geo_precision ${f.geo_precision || 'not given'} (1: the town itself, 2: near it or part of a region, 3: a larger region).`,
  };
  records.places.push(location);

  const precision = f.time_precision?.trim();
  const event: EventInput = {
    id: `acled-${slug(f.event_id_cnty!)}`,
    kind: kinds[f.sub_event_type!.trim().toLowerCase()] ?? 'OTHER',
    title: `${f.sub_event_type!.trim()} in ${f.location!.trim()}`,
    ...(f.notes?.trim() ? { summary: f.notes.trim() } : {}),
    startDate: precision === '3' ? date.slice(0, 7) : date,
    // time_precision 2: "within the week of this date".
    ...(precision === '2' ? { dateUncertaintyDays: 3 } : {}),
    places: [location.id],
    externalIds: [`acled:${f.event_id_cnty!.trim()}`],
    note: `ACLED ${f.event_type} / ${f.sub_event_type}; time_precision ${precision || 'not given'}${precision === '2' ? ' (within the week of this date)' : ''}.`,
  };
  records.events.push(event);

  // Each actor with the bodies it is part or a member of, through the crosswalk; the side it is on
  // (actor 1 and its associates, actor 2 and its associates) and its interaction code.
  const crosswalk = actorCrosswalk();
  const sides = [
    [...names(f.actor1).map((name) => crosswalk.acled(name, f.inter1)), ...names(f.assoc_actor_1).map((name) => crosswalk.acled(name, undefined))],
    [...names(f.actor2).map((name) => crosswalk.acled(name, f.inter2)), ...names(f.assoc_actor_2).map((name) => crosswalk.acled(name, undefined))],
  ];
  records.actors.push(ACLED, ...sides.flat(2));
  const outlets: OutletInput[] = names(f.source).map((name) => ({
    id: `acled-outlet-${slug(name)}`,
    name,
    kind: 'DIGITAL',
    note: 'Named in ACLED’s source column; its kind is not known.',
  }));
  records.outlets.push(...outlets);

  // ACLED's actor1 and actor2 imply no direction, except against civilians: then the civilians
  // were harmed and the other side acted. Otherwise each actor only took part.
  const civilians = (lineage: ActorInput[]) => lineage.at(-1)!.kind === 'GROUP_OF_PEOPLE';
  const againstCivilians = sides.some((side) => side.some(civilians)) || /civilian targeting/i.test(f.civilian_targeting ?? '');
  const roleOf = (lineage: ActorInput[]): AttributionRole => (civilians(lineage) ? 'VICTIM' : againstCivilians ? 'PERPETRATOR' : 'OTHER');
  const attributions = sides.flat().map((lineage) => attributionClaim(event, roleOf(lineage), lineage.at(-1)!));
  const toll: ClaimInput = {
    id: `${event.id}-fatalities`,
    proposition: `${fatalities} people were killed (${event.title}, ${date}).`,
    event: event.id,
    casualtiesMin: fatalities,
    casualtiesMax: fatalities,
    casualtiesText: String(fatalities),
    note: 'ACLED’s figure, from its sources; ACLED takes the most conservative report.',
  };
  records.claims.push(...attributions, toll);
  const statement: StatementInput = {
    id: `${event.id}-record`,
    kind: 'CLAIM',
    text: `ACLED records: ${f.sub_event_type!.trim()} in ${f.location!.trim()} on ${date}, ${fatalities} fatalities; sources: ${names(f.source).join('; ')}.`,
    quote: 'PARAPHRASE',
    venue: 'REPORTING',
    madeAt: date,
    speaker: ACLED.id,
    stances: [toll, ...attributions].map((claim) => ({ claim: claim.id, value: 'ASSERTS' as const })),
    cites: outlets.map((outlet) => ({ outlet: outlet.id, via: 'ACLED source' })),
    externalIds: [`acled:${f.event_id_cnty!.trim()}`],
  };
  records.statements.push(statement);
  return undefined;
}

/** Line breaks inside a CSV row, which put the row's first line that many lines above its last. */
const innerLineBreaks = (raw: string) => raw.match(/\n/g)?.length ?? 0;

/** The bytes of a file from `start`: to the end, or through the end of its first line that is not blank. */
async function readFrom(file: string, start: number, toLineEnd: boolean): Promise<Buffer> {
  let bytes = Buffer.alloc(0);
  for await (const chunk of createReadStream(file, { start })) {
    bytes = Buffer.concat([bytes, chunk as Buffer]);
    const content = bytes.findIndex((byte) => byte !== 0x0a && byte !== 0x0d);
    const end = toLineEnd && content >= 0 ? bytes.indexOf(0x0a, content) : -1;
    if (end >= 0) return bytes.subarray(0, end + 1);
  }
  return bytes;
}

export const acledImporter: Importer<Fields> = {
  description: 'ACLED CSV exports (*.csv, the current layout or older ones)',
  accepts: (name) => /\.csv$/i.test(name),
  // The first line is the header.
  countRows: async (file) => Math.max(0, (await countLines(file)) - 1),
  /**
   * csv-parse reads the file. A row it cannot parse is rejected with the parser's reason, and
   * parsing starts again on the next line (after such an error csv-parse's own later rows cannot be
   * trusted). A file that ends inside a quoted field, as a cut-off download does, ends with that
   * row rejected: every complete row before it comes in.
   */
  async *rows(file) {
    // A bad ACTOR_CROSSWALK stops the import when the files are checked, before anything is written.
    try {
      actorCrosswalk();
    } catch (error) {
      throw error instanceof DataFileError ? new ImportFileError(error.file, error.problem) : error;
    }
    let header: string[] | undefined;
    let offset = 0;
    let firstLine = 1;
    for (;;) {
      const parser = parse({ relax_column_count: true, info: true, raw: true, bom: offset === 0, skip_empty_lines: true, skip_records_with_error: true });
      let failure: CsvError | undefined;
      parser.on('skip', (error: CsvError) => {
        failure ??= error;
      });
      const input = createReadStream(file, { start: offset });
      input.on('error', (error) => parser.destroy(error));
      input.pipe(parser);
      let lastLine = firstLine - 1;
      let lastByte = offset;
      try {
        for await (const { record, info, raw } of parser as AsyncIterable<{ record: string[]; info: { lines: number; bytes: number; records: number }; raw: string }>) {
          if (failure && info.records > Number(failure.records)) break;
          const text = raw.replace(/^(\r?\n)+/, '').replace(/\r?\n$/, '');
          lastLine = firstLine + info.lines - 1;
          lastByte = offset + info.bytes;
          const line = lastLine - innerLineBreaks(text);
          if (!header) {
            header = record.map((name) => name.trim().toLowerCase());
            const missing = required.filter((column) => !header!.includes(column));
            if (missing.length) throw new ImportFileError(file, `is not an ACLED export: its header has no ${missing.join(', ')} column`);
            continue;
          }
          if (record.length !== header.length) {
            yield { file, line, raw: text, reason: `${record.length} columns, the header has ${header.length}` };
            continue;
          }
          yield { file, line, raw: text, fields: Object.fromEntries(header.map((name, i) => [name, record[i] ?? ''])) };
        }
      } catch (error) {
        throw unreadable(file, error);
      } finally {
        input.destroy();
      }
      if (!failure) return;
      if (!header) throw new ImportFileError(file, 'is not an ACLED export: its first line is not CSV');
      const cutOff = failure.code === 'CSV_QUOTE_NOT_CLOSED';
      const rest = (await readFrom(file, lastByte, !cutOff)).toString('utf8');
      const text = rest.replace(/^(\r?\n)+/, '');
      const line = lastLine + 1 + innerLineBreaks(rest.slice(0, rest.length - text.length));
      const reason = cutOff
        ? 'the file ends inside a quoted field, so this row is cut off (a truncated download?)'
        : `not valid CSV: ${failure.message.replace(/ at line \d+/, '')}`;
      yield { file, line, raw: text.replace(/\r?\n$/, ''), reason };
      if (cutOff || rest === '') return;
      offset = lastByte + Buffer.byteLength(rest);
      firstLine = line + 1;
    }
  },
  async map(rows) {
    const records: Required<Records> = { places: [], actors: [], outlets: [], articles: [], events: [], claims: [], statements: [], media: [] };
    const rejected: Rejection[] = [];
    for (const row of rows) {
      const reason = mapRow(row, records);
      if (reason) rejected.push(reject(row, reason));
    }
    return { records, rejected };
  },
  source: (file) => ({
    id: `acled-${slug(path.basename(file))}`,
    title: `ACLED export ${path.basename(file)}`,
    uri: path.basename(file),
    recordedAt: new Date().toISOString().slice(0, 10),
  }),
};
