import type {
  ActorInput,
  ArticleInput,
  Bundle,
  ClaimInput,
  EventInput,
  OutletInput,
  PlaceInput,
  StatementInput,
} from '../src/ingest/bundle-types.js';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Log } from '../src/cli/run.js';
import { cypher, type Database } from '../src/db/database.js';
import { Label } from '../src/domain/graph.js';
import { importLocalStore } from '../src/db/local-neo4j.js';
import { importBundle } from '../src/ingest/write.js';
import { BulkCsv, confirmBulkLoad } from '../src/ingest/bulk-csv.js';
import { benchConfig, diskMb, projectRoot, startBenchNeo4j, type BenchNeo4j } from './neo4j.js';
import type { ActorKind, EventKind, OutletKind, StanceValue, StatementKind } from '../src/domain/vocabulary.js';

/**
 * A deterministic synthetic graph. Every event draws from its own PRNG, seeded by (seed, index),
 * so the dataset of N events is the first N events of any larger one: growing a dataset from 10k
 * to 100k events only writes the new 90k. Shared records (the place hierarchy, actors, outlets)
 * come first, in their own bundle.
 */

/** mulberry32: small, fast, good enough to shape a dataset. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(random: () => number, list: readonly T[]): T => list[Math.floor(random() * list.length)]!;

/** An index skewed towards 0 (a few popular actors and outlets say and carry most things). */
const skewed = (random: () => number, n: number) => Math.min(n - 1, Math.floor(n * random() ** 3));

export const PROVINCES = 20;
export const CITIES_PER_PROVINCE = 10;
export const ACTORS = 300;
export const OUTLETS = 120;

const syllables = ['al', 'ba', 'dar', 'ka', 'mir', 'qa', 'ras', 'sha', 'tel', 'zan', 'hum', 'nur', 'id', 'lib', 'ham'];
const name = (random: () => number, parts: number) => {
  const text = Array.from({ length: parts }, () => pick(random, syllables)).join('');
  return text[0]!.toUpperCase() + text.slice(1);
};

const eventKinds: EventKind[] = ['AIRSTRIKE', 'SHELLING', 'ARMED_CLASH', 'GROUND_OPERATION', 'EXPLOSION', 'ATTACK_ON_CIVILIANS'];
const actorKinds: ActorKind[] = ['GOVERNMENT_BODY', 'MILITARY', 'ARMED_GROUP', 'NGO', 'STATE', 'COALITION'];
const outletKinds: OutletKind[] = ['WIRE', 'BROADCASTER', 'NEWSPAPER', 'DIGITAL', 'STATE_MEDIA', 'BLOG'];
const statementKinds: StatementKind[] = ['ACCUSATION', 'DENIAL', 'CLAIM', 'CALL_FOR_INVESTIGATION', 'CONFIRMATION', 'COMMENT'];
const stanceOf: Record<StatementKind, StanceValue[]> = {
  ACCUSATION: ['ASSERTS'],
  DENIAL: ['DENIES'],
  CLAIM: ['ASSERTS', 'DISPUTES'],
  CALL_FOR_INVESTIGATION: ['CALLS_TO_VERIFY'],
  CONFIRMATION: ['ASSERTS'],
  COMMENT: ['DISPUTES'],
};

const pad = (i: number) => String(i).padStart(7, '0');
export const eventId = (i: number) => `bench-event-${pad(i)}`;
export const cityId = (p: number, c: number) => `bench-city-${p}-${c}`;
export const provinceId = (p: number) => `bench-province-${p}`;
export const REGION = 'bench-region';
export const actorId = (i: number) => `bench-actor-${i}`;
export const personId = (i: number) => `bench-person-${i}`;
export const outletId = (i: number) => `bench-outlet-${i}`;

const source = (id: string) => ({ id, title: 'claimgraph benchmark dataset (generated)', recordedAt: '2026-11-24' });

/** The places (a region, its provinces, their cities), the actors with their spokespeople, the outlets. */
export function sharedBundle(seed: number): Bundle {
  const random = prng(seed);
  const places: PlaceInput[] = [{ id: REGION, name: 'Bench region', kind: 'REGION' }];
  for (let p = 0; p < PROVINCES; p++) {
    places.push({ id: provinceId(p), name: `${name(random, 2)} province`, kind: 'PROVINCE', within: REGION });
    for (let c = 0; c < CITIES_PER_PROVINCE; c++) {
      places.push({
        id: cityId(p, c),
        name: name(random, 3),
        kind: c < 3 ? 'CITY' : 'TOWN',
        within: provinceId(p),
        location: { latitude: 30 + p * 0.5 + random() * 0.4, longitude: 40 + c * 0.3 + random() * 0.2 },
      });
    }
  }
  const actors: ActorInput[] = [];
  for (let i = 0; i < ACTORS; i++) {
    const org = name(random, 2);
    actors.push({ id: actorId(i), name: `${org} ${pick(random, ['ministry', 'forces', 'front', 'watch', 'council'])}`, kind: pick(random, actorKinds) });
    actors.push({
      id: personId(i),
      name: `${name(random, 2)} ${name(random, 3)}`,
      kind: 'PERSON',
      roles: [{ actor: actorId(i), title: 'spokesperson' }],
    });
  }
  const outlets: OutletInput[] = Array.from({ length: OUTLETS }, (_, i) => {
    const kind = pick(random, outletKinds);
    return { id: outletId(i), name: `${name(random, 2)} ${kind === 'WIRE' ? 'Press' : 'News'}`, kind, ...(kind === 'STATE_MEDIA' ? { stateAffiliation: 'XA' } : {}) };
  });
  return { source: source('bench-shared'), places, actors, outlets };
}

/**
 * How many statements an event has: most a few, one in a hundred between 100 and 400, so that the
 * tail is measured.
 */
function statementCount(random: () => number): number {
  const r = random();
  if (r < 0.01) return 100 + Math.floor(random() * 300);
  if (r < 0.1) return 10 + Math.floor(random() * 20);
  return 1 + Math.floor(random() * 4);
}

export interface EventRecords {
  events: EventInput[];
  claims: ClaimInput[];
  articles: ArticleInput[];
  statements: StatementInput[];
}

/** Event i with its claims, statements (stances, speakers), the articles carrying them and their citations. */
export function eventRecords(seed: number, i: number, into: EventRecords): void {
  const random = prng((seed * 1_000_003 + i) >>> 0);
  const id = eventId(i);
  const province = Math.floor(random() * PROVINCES);
  const city = cityId(province, skewed(random, CITIES_PER_PROVINCE));
  const kind = pick(random, eventKinds);
  const day = new Date(Date.UTC(2015, 0, 1) + Math.floor(random() * 3650) * 86_400_000).toISOString().slice(0, 10);
  into.events.push({ id, kind, title: `${kind.toLowerCase().replace(/_/g, ' ')} ${name(random, 3)} ${i}`, startDate: day, places: [city] });
  const perpetrator = actorId(skewed(random, ACTORS));
  const claims = [
    { id: `${id}-by`, proposition: `${perpetrator} carried out ${id}.`, event: id, attributesTo: [{ actor: perpetrator, role: 'PERPETRATOR' as const }] },
    { id: `${id}-toll`, proposition: `${id} killed civilians.`, event: id, casualtiesMin: Math.floor(random() * 50) },
  ];
  into.claims.push(...claims);
  const articles: string[] = [];
  const statements = statementCount(random);
  for (let s = 0; s < statements; s++) {
    const statementKind = pick(random, statementKinds);
    const speaker = skewed(random, ACTORS);
    const reportedIn: string[] = [];
    for (let a = 0, n = 1 + Math.floor(random() * 3); a < n; a++) {
      const article = `${id}-article-${s}-${a}`;
      const cites = articles.length > 0 && random() < 0.3 ? [{ article: pick(random, articles) }] : undefined;
      into.articles.push({
        id: article,
        outlet: outletId(skewed(random, OUTLETS)),
        title: `Report on ${id} (${s}.${a})`,
        publishedAt: day,
        ...(cites ? { cites } : {}),
      });
      articles.push(article);
      reportedIn.push(article);
    }
    const stanceValues = stanceOf[statementKind];
    const stances = claims
      .filter((_, c) => c === 0 || random() < 0.4)
      .map((claim) => ({ claim: claim.id, value: pick(random, stanceValues) }));
    into.statements.push({
      id: `${id}-statement-${s}`,
      kind: statementKind,
      text: `${statementKind.toLowerCase()} about ${id}`,
      quote: 'PARAPHRASE',
      madeAt: day,
      speaker: random() < 0.5 ? personId(speaker) : actorId(speaker),
      onBehalfOf: actorId(speaker),
      firstAppearedIn: reportedIn[0]!,
      reportedIn: reportedIn.slice(1),
      ...(statementKind === 'COMMENT' && random() < 0.5 ? { about: [id] } : { stances }),
    });
  }
}

export interface LoadReport {
  events: number;
  seconds: number;
  nodesCreated: number;
  relationshipsCreated: number;
}

/**
 * Writes events [from, to) through the one write path, `batch` events per bundle (one transaction
 * each), with a progress line; the shared records first when starting from 0.
 */
export async function loadEvents(
  db: Database,
  options: { seed: number; from: number; to: number; batch?: number },
  progress: (line: string) => void,
): Promise<LoadReport> {
  const started = Date.now();
  const batch = options.batch ?? 250;
  const report: LoadReport = { events: options.to - options.from, seconds: 0, nodesCreated: 0, relationshipsCreated: 0 };
  const add = (written: { nodesCreated: number; relationshipsCreated: number }) => {
    report.nodesCreated += written.nodesCreated;
    report.relationshipsCreated += written.relationshipsCreated;
  };
  if (options.from === 0) add(await importBundle(db, sharedBundle(options.seed), 'bench-shared'));
  for (let start = options.from; start < options.to; start += batch) {
    const records: EventRecords = { events: [], claims: [], articles: [], statements: [] };
    const end = Math.min(options.to, start + batch);
    for (let i = start; i < end; i++) eventRecords(options.seed, i, records);
    add(await importBundle(db, { source: source('bench-events'), ...records }, `bench-events-${start}`));
    const seconds = (Date.now() - started) / 1000;
    const done = end - options.from;
    progress(
      `  events ${end}/${options.to}: ${report.nodesCreated} nodes, ${report.relationshipsCreated} relationships, ` +
        `${Math.round(done / seconds)} events/s, ${Math.round((report.nodesCreated + report.relationshipsCreated) / seconds)} records/s`,
    );
  }
  report.seconds = (Date.now() - started) / 1000;
  return report;
}

/**
 * The same dataset as loadEvents writes, as CSV files for neo4j-admin import (see bulk.ts), with
 * the same bundles (shared records, then `batch` events per bundle); returns the import arguments.
 */
export function writeDatasetCsv(dir: string, options: { seed: number; events: number; batch?: number }, progress: (line: string) => void): string[] {
  const started = Date.now();
  const batch = options.batch ?? 1000;
  const csv = new BulkCsv(dir);
  csv.add(sharedBundle(options.seed));
  let shown = 0;
  for (let start = 0; start < options.events; start += batch) {
    const records: EventRecords = { events: [], claims: [], articles: [], statements: [] };
    const end = Math.min(options.events, start + batch);
    for (let i = start; i < end; i++) eventRecords(options.seed, i, records);
    csv.add({ source: source('bench-events'), ...records });
    if (Date.now() - shown > 5000 || end === options.events) {
      shown = Date.now();
      const seconds = (Date.now() - started) / 1000;
      progress(`  CSV: events ${end}/${options.events}, ${csv.nodeRows} nodes, ${csv.relationshipRows} relationships, ${Math.round(end / seconds)} events/s`);
    }
  }
  return csv.close();
}

const countEvents = cypher('bench: count events', `MATCH (e:${Label.Event}) WHERE e.id STARTS WITH 'bench-event-' RETURN count(e) AS n`);
const hasEvent = cypher('bench: has event', `MATCH (e:${Label.Event} {id: $id}) RETURN count(e) AS n`);

/** How many of the dataset's events the graph holds (they are written in order, so a prefix). */
export async function loadedEvents(db: Database): Promise<number> {
  const n = ((await db.read(countEvents)).records[0]!.get('n') as { toNumber(): number }).toNumber();
  // The last one present confirms the prefix is whole (a crash mid-load leaves at most a partial batch missing).
  if (n > 0 && ((await db.read(hasEvent, { id: eventId(n - 1) })).records[0]!.get('n') as { toNumber(): number }).toNumber() === 0) return 0;
  return n;
}

/** How a store was built, kept beside it so that a later run can reuse it and still report its load. */
export interface StoreLoad {
  seed: number;
  events: number;
  seconds: number;
  csvSeconds: number;
  importSeconds: number;
  schemaSeconds: number;
  nodes: number;
  relationships: number;
  date: string;
}

const LOAD_RECORD = 'bench-load.json';
const countAll = cypher('bench: count nodes and relationships', 'CALL () { MATCH (n) RETURN count(n) AS nodes } CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships } RETURN nodes, relationships');

/** The load record of the store in `dataDir`, when it holds the dataset of `seed` and `events`. */
export function storeLoad(dataDir: string, seed: number, events: number): StoreLoad | undefined {
  const file = path.join(dataDir, LOAD_RECORD);
  if (!existsSync(file)) return undefined;
  const load = JSON.parse(readFileSync(file, 'utf8')) as StoreLoad;
  return load.seed === seed && load.events === events ? load : undefined;
}

/**
 * Builds a new store in `dataDir` (relative to the project) holding events [0, events) with
 * neo4j-admin import, opens it with the schema applied, and records the load beside it.
 */
export async function buildStore(dataDir: string, options: { seed: number; events: number }, log: Log): Promise<{ neo4j: BenchNeo4j; load: StoreLoad }> {
  const started = Date.now();
  const csvDir = path.join(projectRoot, '.data', 'bench-csv');
  rmSync(csvDir, { recursive: true, force: true });
  const importArgs = writeDatasetCsv(csvDir, options, log);
  const csvMb = diskMb(csvDir);
  const csvSeconds = (Date.now() - started) / 1000;
  log(`CSV written (${csvMb} MB) in ${csvSeconds.toFixed(1)} s; importing with neo4j-admin...`);
  await importLocalStore(benchConfig(dataDir).neo4j, importArgs, log);
  rmSync(csvDir, { recursive: true, force: true });
  const imported = Date.now();
  const importSeconds = (imported - started) / 1000 - csvSeconds;
  log(`imported in ${importSeconds.toFixed(1)} s; creating constraints and indexes...`);
  const neo4j = await startBenchNeo4j(log, { dataDir, awaitSeconds: 3600 });
  const schemaSeconds = (Date.now() - imported) / 1000;
  log(`schema built in ${schemaSeconds.toFixed(1)} s`);
  try {
    await confirmBulkLoad(neo4j.db, [{ bundle: sharedBundle(options.seed), file: 'bench-shared' }]);
  } catch (error) {
    await neo4j.close();
    throw error;
  }
  const counted = (await neo4j.db.read(countAll)).records[0]!;
  const load: StoreLoad = {
    ...options,
    seconds: (Date.now() - started) / 1000,
    csvSeconds,
    importSeconds,
    schemaSeconds,
    nodes: Number(counted.get('nodes')),
    relationships: Number(counted.get('relationships')),
    date: new Date().toISOString(),
  };
  writeFileSync(path.join(neo4j.dataDir, LOAD_RECORD), JSON.stringify(load, null, 2) + '\n');
  log(`bulk load of ${options.events} events done in ${load.seconds.toFixed(1)} s`);
  return { neo4j, load };
}

/** The event with the most statements among the first 1,000 (in every size), and a typical one (3). */
export function chooseEvents(seed: number): { heavy: string; heavyStatements: number; typical: string } {
  let heavy = { i: 0, statements: -1 };
  let typical = -1;
  for (let i = 0; i < 1000; i++) {
    const records: EventRecords = { events: [], claims: [], articles: [], statements: [] };
    eventRecords(seed, i, records);
    if (records.statements.length > heavy.statements) heavy = { i, statements: records.statements.length };
    if (typical < 0 && records.statements.length === 3) typical = i;
  }
  return { heavy: eventId(heavy.i), heavyStatements: heavy.statements, typical: eventId(typical) };
}
