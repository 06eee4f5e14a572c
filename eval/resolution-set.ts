import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import type { Database } from '../src/db/database.js';
import { runImport, type ImportSummary, type Progress } from '../src/ingest/runner.js';
import { acledImporter } from '../src/ingest/sources/acled.js';
import { gdeltImporter } from '../src/ingest/sources/gdelt.js';

/**
 * The labelled set of eval/resolution/: GDELT 2.0 and ACLED files written by hand, and
 * labels.yaml saying which rows are one incident, which incident each statement is about, and
 * which outlet and actor each domain, code and name must resolve to. Loading it checks that labels
 * and rows agree, so that a row added without a label (or a label left behind) is said, not scored
 * as a miss.
 */

export const DEFAULT_SET_DIR = path.join(import.meta.dirname, 'resolution');

export class LabelledSetError extends Error {
  override name = 'LabelledSetError';
}

export const HARD_NEGATIVE_KINDS = ['same-town-another-day', 'same-day-nearby-town', 'same-place-another-kind'] as const;
export type HardNegativeKind = (typeof HARD_NEGATIVE_KINDS)[number];

const sourceId = z.string().regex(/^(gdelt|acled):\S+$/, 'must be a source id, gdelt:<GLOBALEVENTID> or acled:<event_id_cnty>');
const labelsFile = z.strictObject({
  incidents: z.array(
    z.strictObject({
      id: z.string().regex(/^[a-z0-9-]+$/, 'must be lowercase letters, digits and dashes'),
      description: z.string().min(1),
      members: z.array(sourceId).min(1),
      hardNegative: z.strictObject({ of: z.string(), kind: z.enum(HARD_NEGATIVE_KINDS) }).optional(),
    }),
  ),
  ambiguous: z.array(z.strictObject({ pair: z.tuple([z.string(), z.string()]), why: z.string().min(1) })).default([]),
  statements: z.record(sourceId, z.string().nullable()),
  outlets: z.record(z.string(), z.string()),
  actors: z.record(z.string().regex(/^(cameo|acled):.+$/, 'must be cameo:<CODE> or acled:<actor name>'), z.string()),
});

export interface Incident {
  id: string;
  description: string;
  members: string[];
  hardNegative?: { of: string; kind: HardNegativeKind };
}

/** Two sides that cannot be told apart, each a source id or an incident, and every pair of source ids between them. */
export interface AmbiguousEntry {
  pair: [string, string];
  why: string;
  pairs: Set<string>;
}

/** A GDELT mention's article, and the domain GDELT names as its source. */
export interface Mention {
  url: string;
  domain: string;
}

export interface LabelledSet {
  dir: string;
  gdeltFiles: string[];
  acledFiles: string[];
  incidents: Incident[];
  /** Source id of an armed event → its incident. */
  incidentOf: Map<string, string>;
  ambiguous: AmbiguousEntry[];
  /** Every ambiguous pair of source ids, as pairKey(a, b). */
  ambiguousPairs: Set<string>;
  /** Incidents paired as ambiguous, as pairKey(a, b): a statement attached to both is neither right nor wrong. */
  ambiguousIncidents: Set<string>;
  /** GDELT speech row → the incident it is about, or null. */
  statements: Map<string, string | null>;
  /** Distinct mention URLs. */
  mentions: Mention[];
  /** MentionSourceName → expected outlet name. */
  outlets: Map<string, string>;
  /** cameo:CODE or acled:NAME → expected actor key. */
  actors: Map<string, string>;
  counts: { gdeltFiles: number; gdeltEventRows: number; gdeltSpeechRows: number; mentionRows: number; acledRows: number };
}

/** A pair of source ids or incident ids, the same whichever comes first. */
export const pairKey = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);

/** CAMEO roots GDELT's importer keeps as armed events, and the codes it reads as statements. */
const ARMED_ROOTS = ['18', '19', '20'];
const SPEECH_CODES = ['015', '016', '101', '112', '1121', '1122', '1123', '1124', '1125'];

const GDELT_EVENT = { id: 0, actor1Code: 5, actor2Code: 15, eventCode: 26, eventRootCode: 28 } as const;
const GDELT_MENTION = { sourceName: 4, identifier: 5 } as const;
const ACLED_ACTOR_COLUMNS = ['actor1', 'assoc_actor_1', 'actor2', 'assoc_actor_2'];

const tabRows = (file: string) =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => line.split('\t'));

function filesIn(dir: string, pattern: RegExp): string[] {
  try {
    return readdirSync(dir).filter((name) => pattern.test(name)).sort().map((name) => path.join(dir, name));
  } catch {
    throw new LabelledSetError(`${dir} cannot be read: the labelled set needs its gdelt/ and acled/ folders`);
  }
}

function readLabels(file: string): z.infer<typeof labelsFile> {
  let raw: unknown;
  try {
    raw = parseYaml(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new LabelledSetError(`${file} cannot be read as YAML: ${(error as Error).message.split('\n')[0]}`);
  }
  const parsed = labelsFile.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(top)'}: ${issue.message}`);
    throw new LabelledSetError(`${file} is not a valid labels file: ${problems.join('; ')}`);
  }
  return parsed.data;
}

/** Reads the set in `dir` and checks that every row has its label and every label its row. */
export function loadLabelledSet(dir: string = DEFAULT_SET_DIR): LabelledSet {
  const labels = readLabels(path.join(dir, 'labels.yaml'));
  const gdeltFiles = filesIn(path.join(dir, 'gdelt'), /\.(export|mentions)\.CSV$/i);
  const acledFiles = filesIn(path.join(dir, 'acled'), /\.csv$/i);
  const problems: string[] = [];

  const armedRows = new Set<string>();
  let gdeltEventRows = 0;
  let acledRows = 0;
  const speechRows = new Set<string>();
  const actorIds = new Set<string>();
  const mentions = new Map<string, Mention>();
  let mentionRows = 0;
  for (const file of gdeltFiles) {
    const isMentions = /mentions/i.test(path.basename(file));
    for (const fields of tabRows(file)) {
      if (isMentions) {
        mentionRows += 1;
        const url = fields[GDELT_MENTION.identifier]!;
        mentions.set(url, { url, domain: fields[GDELT_MENTION.sourceName]!.toLowerCase() });
        continue;
      }
      const id = `gdelt:${fields[GDELT_EVENT.id]}`;
      if (ARMED_ROOTS.includes(fields[GDELT_EVENT.eventRootCode]!)) {
        armedRows.add(id);
        gdeltEventRows += 1;
      } else if (SPEECH_CODES.includes(fields[GDELT_EVENT.eventCode]!)) speechRows.add(id);
      else problems.push(`${path.basename(file)}: ${id} has CAMEO ${fields[GDELT_EVENT.eventCode]}, neither an armed event nor a statement the set can label`);
      for (const column of [GDELT_EVENT.actor1Code, GDELT_EVENT.actor2Code]) if (fields[column]) actorIds.add(`cameo:${fields[column]}`);
    }
  }
  for (const file of acledFiles) {
    const rows = parseCsv(readFileSync(file), { columns: true, skip_empty_lines: true }) as Array<Record<string, string>>;
    acledRows += rows.length;
    for (const row of rows) {
      armedRows.add(`acled:${row.event_id_cnty}`);
      for (const column of ACLED_ACTOR_COLUMNS) {
        for (const name of (row[column] ?? '').split(';').map((part) => part.trim()).filter(Boolean)) actorIds.add(`acled:${name}`);
      }
    }
  }

  const incidents: Incident[] = labels.incidents;
  const incidentIds = new Set(incidents.map((incident) => incident.id));
  const incidentOf = new Map<string, string>();
  for (const incident of incidents) {
    for (const member of incident.members) {
      if (incidentOf.has(member)) problems.push(`${member} is a member of both ${incidentOf.get(member)} and ${incident.id}`);
      incidentOf.set(member, incident.id);
      if (!armedRows.has(member)) problems.push(`${incident.id} names ${member}, which is no armed-event row of the set`);
    }
    if (incident.hardNegative && !incidentIds.has(incident.hardNegative.of)) {
      problems.push(`${incident.id} is a hard negative of ${incident.hardNegative.of}, which is no incident`);
    }
  }
  for (const row of armedRows) if (!incidentOf.has(row)) problems.push(`${row} is an armed-event row in no incident`);
  if (incidentIds.size !== incidents.length) problems.push('two incidents share an id');

  const statements = new Map(Object.entries(labels.statements));
  for (const [row, incident] of statements) {
    if (!speechRows.has(row)) problems.push(`statements names ${row}, which is no statement row of the set`);
    if (incident !== null && !incidentIds.has(incident)) problems.push(`statement ${row} is about ${incident}, which is no incident`);
  }
  for (const row of speechRows) if (!statements.has(row)) problems.push(`${row} is a statement row missing from statements`);

  const outlets = new Map(Object.entries(labels.outlets));
  for (const { domain } of mentions.values()) if (!outlets.has(domain)) problems.push(`mentions name ${domain}, missing from outlets`);
  const actors = new Map(Object.entries(labels.actors));
  for (const id of actorIds) if (!actors.has(id)) problems.push(`the rows name actor ${id}, missing from actors`);

  const membersOf = (side: string): string[] => {
    if (incidentIds.has(side)) return incidents.find((incident) => incident.id === side)!.members;
    if (incidentOf.has(side)) return [side];
    problems.push(`ambiguous names ${side}, neither an incident nor a labelled armed-event row`);
    return [];
  };
  const ambiguous = labels.ambiguous.map(({ pair, why }): AmbiguousEntry => ({
    pair,
    why,
    pairs: new Set(membersOf(pair[0]).flatMap((a) => membersOf(pair[1]).filter((b) => b !== a).map((b) => pairKey(a, b)))),
  }));
  const incidentOfSide = (side: string) => incidentOf.get(side) ?? side;

  if (problems.length > 0) throw new LabelledSetError(`the labelled set in ${dir} disagrees with its labels:\n  ${problems.join('\n  ')}`);
  return {
    dir,
    gdeltFiles,
    acledFiles,
    incidents,
    incidentOf,
    ambiguous,
    ambiguousPairs: new Set(ambiguous.flatMap((entry) => [...entry.pairs])),
    ambiguousIncidents: new Set(ambiguous.map(({ pair }) => pairKey(incidentOfSide(pair[0]), incidentOfSide(pair[1])))),
    statements,
    mentions: [...mentions.values()],
    outlets,
    actors,
    counts: { gdeltFiles: gdeltFiles.length, gdeltEventRows, gdeltSpeechRows: speechRows.size, mentionRows, acledRows },
  };
}

/**
 * Imports the set through the real importers, GDELT first and ACLED after it, as a researcher
 * adding an ACLED export to a graph that holds GDELT would. Checkpoints and rejects go to
 * `workDir` (fresh each run), so no earlier run's checkpoint makes a file count as already done.
 */
export async function importLabelledSet(
  db: Database,
  set: LabelledSet,
  workDir: string,
  progress: (report: Progress) => void = () => {},
): Promise<{ gdelt: ImportSummary; acled: ImportSummary }> {
  const options = { batchSize: 500, rejectsDir: path.join(workDir, 'rejects'), stateDir: path.join(workDir, 'state'), progress };
  const gdelt = await runImport(db, gdeltImporter, set.gdeltFiles, options);
  const acled = await runImport(db, acledImporter, set.acledFiles, options);
  return { gdelt, acled };
}
