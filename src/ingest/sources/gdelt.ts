import path from 'node:path';
import type { Database } from '../../db/database.js';
import { cypher } from '../../db/database.js';
import { Label, Rel } from '../../domain/graph.js';
import type { ActorInput, ArticleInput, EventInput, OutletInput, PlaceInput, StatementInput } from '../bundle-types.js';
import { registrableDomain } from '../../domain/domains.js';
import { slug } from '../../domain/slug.js';
import { outletOwners, outletRegistry } from '../../modules/outlet/outlet-domains.js';
import { DataFileError } from '../../modules/shared/data-file.js';
import { actorCrosswalk } from '../../modules/actor/actor-crosswalk.js';
import { attributionClaim } from '../../modules/claim/claim-attribution.js';
import type { EventFeatures } from '../../modules/resolution/match-rules.js';
import { statementTargets, type StatementProbe } from '../../modules/resolution/resolve.js';
import { ABOUT_NO_EVENT_YET } from '../resolve-written.js';
import type { Importer, Records, Rejection, Row } from '../runner.js';
import { responsibilityStances, type EventKind, type PlaceKind, type StatementKind } from '../../domain/vocabulary.js';
import { isoFromFips } from './fips.js';
import { countLines, ImportFileError, lines } from './rows.js';

/**
 * GDELT 2.0 (codebook: see shared/design/sources.md). The Events export (61 tab-separated columns)
 * gives armed events (CAMEO roots 18-20) and statements (accusations, denials, demands for
 * investigation); the Mentions table (16 columns) gives the articles and outlets that carried them.
 * One real-world event often has several GLOBALEVENTIDs, so an event's key is what identifies it
 * (place, day, kind of violence) and each GLOBALEVENTID is kept as an external record.
 */

const EXPORT_COLUMNS = 61;
const MENTIONS_COLUMNS = 16;

const E = {
  id: 0, sqlDate: 1,
  actor1Code: 5, actor1Name: 6, actor1Country: 7,
  actor2Code: 15, actor2Name: 16, actor2Country: 17,
  eventCode: 26, eventBaseCode: 27, eventRootCode: 28,
  geoType: 51, geoFullName: 52, geoCountry: 53, geoLat: 56, geoLong: 57, geoFeatureId: 58,
  dateAdded: 59, sourceUrl: 60,
} as const;

const M = { eventId: 0, mentionTime: 2, mentionType: 3, sourceName: 4, identifier: 5 } as const;

const violence: Record<string, { kind: EventKind; label: string }> = {
  '18': { kind: 'ATTACK_ON_CIVILIANS', label: 'Assault' },
  '19': { kind: 'USE_OF_FORCE', label: 'Use of military force' },
  '190': { kind: 'USE_OF_FORCE', label: 'Use of military force' },
  '193': { kind: 'ARMED_CLASH', label: 'Fighting with small arms' },
  '194': { kind: 'SHELLING', label: 'Artillery and tank fire' },
  '195': { kind: 'AIRSTRIKE', label: 'Aerial strike' },
  '196': { kind: 'ARMED_CLASH', label: 'Ceasefire violation' },
  '20': { kind: 'ATTACK_ON_CIVILIANS', label: 'Unconventional mass violence' },
};

/** CAMEO codes read as statements: what the statement does (its stance on "who did it" follows from its kind). */
const speech: Record<string, { kind: StatementKind; verb: string }> = {
  '015': { kind: 'CONFIRMATION', verb: 'acknowledges responsibility' },
  '016': { kind: 'DENIAL', verb: 'denies responsibility' },
  '101': { kind: 'CALL_FOR_INVESTIGATION', verb: 'demands an investigation of' },
  '112': { kind: 'ACCUSATION', verb: 'accuses' },
  '1121': { kind: 'ACCUSATION', verb: 'accuses of crime or corruption' },
  '1122': { kind: 'ACCUSATION', verb: 'accuses of human rights abuses' },
  '1123': { kind: 'ACCUSATION', verb: 'accuses of aggression' },
  '1124': { kind: 'ACCUSATION', verb: 'accuses of war crimes' },
  '1125': { kind: 'ACCUSATION', verb: 'accuses of espionage or treason' },
};

/** A speech code's stance and the side (actor 1 speaks, actor 2 is addressed) it holds responsible. */
const meaningOf = (code: string) => {
  const { kind, verb } = speech[code]!;
  const { stance, responsible } = responsibilityStances[kind]!;
  return { kind, verb, stance, target: responsible === 'speaker' ? ('actor1' as const) : ('actor2' as const) };
};

const placeKinds: Record<string, PlaceKind> = { '1': 'COUNTRY', '2': 'PROVINCE', '3': 'CITY', '4': 'CITY', '5': 'PROVINCE' };

const isoDate = (yyyymmdd: string) => `${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6, 8)}`;

function validDay(yyyymmdd: string): boolean {
  if (!/^\d{8}$/.test(yyyymmdd)) return false;
  const date = new Date(`${isoDate(yyyymmdd)}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === isoDate(yyyymmdd);
}

type Fields = string[];

function reject(row: Row<Fields>, reason: string): Rejection {
  return { file: row.file, line: row.line, reason, raw: row.raw };
}

/**
 * A FeatureID as a key: GNS feature ids are signed, and -3079012 and 3079012 are different places,
 * so the minus sign that slug() would drop is kept.
 */
const featureKey = (fields: Fields) => {
  const featureId = fields[E.geoFeatureId]!.trim();
  return `${featureId.startsWith('-') ? '-' : ''}${slug(featureId)}`;
};

function place(fields: Fields): PlaceInput {
  const featureId = fields[E.geoFeatureId]!;
  const fips = fields[E.geoCountry]!;
  const countryCode = isoFromFips(fips);
  return {
    id: `gdelt-place-${featureKey(fields)}`,
    name: fields[E.geoFullName]!.split(',')[0]!.trim(),
    kind: placeKinds[fields[E.geoType]!] ?? 'AREA',
    ...(countryCode ? { countryCode } : {}),
    location: { latitude: Number(fields[E.geoLat]), longitude: Number(fields[E.geoLong]) },
    note: `GDELT ActionGeo "${fields[E.geoFullName]}" (FeatureID ${featureId}, FIPS country ${fips}${countryCode ? '' : ', not mapped'}).`,
  };
}

const externalRecords = cypher(
  'gdelt external records',
  `UNWIND $ids AS id
   MATCH (:${Label.ExternalRecord} {id: id})-[:${Rel.IDENTIFIES}]->(n)
   RETURN id, head(labels(n)) AS label, n.id AS key, n.title AS title`,
);

/**
 * GDELT's SQLDATE is often the day of the first report, not of the event: matching allows this
 * many days either side of it.
 */
const GDELT_DATE_UNCERTAINTY_DAYS = 2;

/** The key of "what happened here that day": one event however many GLOBALEVENTIDs report it. */
const eventKey = (fields: Fields, code: string) => `gdelt-${code}-${fields[E.sqlDate]}-${featureKey(fields)}`;

const violenceCodeOf = (fields: Fields) =>
  [fields[E.eventCode]!, fields[E.eventBaseCode]!, fields[E.eventRootCode]!].find((code) => code in violence);

/** The actors of one side of a row (the actor last, after what it is part or a member of), through the crosswalk. */
function actorsOf(fields: Fields, side: 'actor1' | 'actor2'): ActorInput[] {
  const code = fields[side === 'actor1' ? E.actor1Code : E.actor2Code]!;
  return code ? actorCrosswalk().cameo(code, fields[side === 'actor1' ? E.actor1Name : E.actor2Name]!) : [];
}

/**
 * Who a claim of responsibility names: the state an actor belongs to (USAMIL is part of the United
 * States). GDELT's coders tell a country from its army inconsistently from one article to the
 * next, so an accusation of "USA" and a denial by "USAMIL" are about one claim; the precise actor
 * stays the statement's speaker or addressee.
 */
function responsible(lineage: ActorInput[]): ActorInput | undefined {
  let actor = lineage.at(-1);
  while (actor?.partOf) {
    const parent = lineage.find((a) => a.id === actor!.partOf);
    if (!parent) break;
    actor = parent;
  }
  return actor;
}

/** Each actor of a lineage with every body above it (part of, member of), itself first. */
function reachOf(lineage: ActorInput[]): Map<string, string[]> {
  const parents = new Map(lineage.map((actor) => [actor.id, [actor.partOf, ...(actor.memberOf ?? [])].filter((id): id is string => Boolean(id))]));
  const reach = (id: string, seen: Set<string>): string[] => {
    if (seen.has(id)) return [];
    seen.add(id);
    return [id, ...(parents.get(id) ?? []).flatMap((parent) => reach(parent, seen))];
  };
  return new Map(lineage.map((actor) => [actor.id, reach(actor.id, new Set())]));
}

/** Every reason a row cannot be imported. */
function problemsOf(fields: Fields): string[] {
  const lat = Number(fields[E.geoLat]);
  const long = Number(fields[E.geoLong]);
  return [
    !validDay(fields[E.sqlDate]!) && `SQLDATE "${fields[E.sqlDate]}" is not a date YYYYMMDD`,
    !fields[E.geoFeatureId] && 'no ActionGeo_FeatureID: the event cannot be placed',
    (fields[E.geoLat] === '' || !(Math.abs(lat) <= 90) || fields[E.geoLong] === '' || !(Math.abs(long) <= 180)) &&
      `ActionGeo coordinates (${fields[E.geoLat]}, ${fields[E.geoLong]}) are out of range`,
  ].filter((problem) => typeof problem === 'string');
}

const SKIPPED_KIND = 'a CAMEO event code claimgraph does not keep (neither armed violence nor an accusation, denial or demand)';

const pointOf = (where: PlaceInput) => ({ id: where.id, kind: where.kind, latitude: where.location!.latitude, longitude: where.location!.longitude });

async function mapEvents(rows: Array<Row<Fields>>, db: Database) {
  const records: Required<Pick<Records, 'places' | 'actors' | 'events' | 'claims' | 'statements'>> = {
    places: [], actors: [], events: [], claims: [], statements: [],
  };
  const rejected: Rejection[] = [];
  const skipped: Record<string, number> = {};
  const speechRows: Array<{ row: Row<Fields>; code: string; where: PlaceInput; sides: Record<'actor1' | 'actor2', ActorInput[]> }> = [];
  const pending = new Map<string, EventFeatures>();
  const reach = new Map<string, string[]>();
  for (const row of rows) {
    const fields = row.fields;
    const code = fields[E.eventCode]!;
    const violenceCode = violenceCodeOf(fields);
    const speechCode = [code, fields[E.eventBaseCode]!].find((c) => c in speech);
    // Most of GDELT is other kinds of events (meetings, statements of support): out of scope, not errors.
    if (!violenceCode && !speechCode && validDay(fields[E.sqlDate]!)) {
      skipped[SKIPPED_KIND] = (skipped[SKIPPED_KIND] ?? 0) + 1;
      continue;
    }
    const problems = problemsOf(fields);
    if (problems.length > 0) { rejected.push(reject(row, problems.join('; '))); continue; }
    const where = place(fields);
    records.places.push(where);
    const sides = { actor1: actorsOf(fields, 'actor1'), actor2: actorsOf(fields, 'actor2') };
    for (const lineage of [sides.actor1, sides.actor2]) {
      records.actors.push(...lineage);
      for (const [id, above] of reachOf(lineage)) reach.set(id, above);
    }
    if (!violenceCode) {
      speechRows.push({ row, code: speechCode!, where, sides });
      continue;
    }
    const { kind, label } = violence[violenceCode]!;
    const key = eventKey(fields, violenceCode);
    const existing = records.events.find((e) => e.id === key);
    const event: EventInput = existing ?? {
      id: key,
      kind,
      title: `${label} in ${fields[E.geoFullName]}`,
      startDate: isoDate(fields[E.sqlDate]!),
      dateUncertaintyDays: GDELT_DATE_UNCERTAINTY_DAYS,
      places: [where.id],
      externalIds: [],
      note: `From GDELT event ${fields[E.id]} (CAMEO ${code}); first source ${fields[E.sourceUrl]}.`,
    };
    event.externalIds = [...new Set([...(event.externalIds ?? []), `gdelt:${fields[E.id]}`])];
    if (!existing) records.events.push(event);
    const features = pending.get(key) ?? {
      id: key, title: event.title, kind, startDate: event.startDate, endDate: null, dateUncertaintyDays: GDELT_DATE_UNCERTAINTY_DAYS,
      place: pointOf(where), actors: [], attributions: [], articles: [], tolls: [], datasets: ['gdelt'],
    };
    pending.set(key, features);
    // The event's actors, as structured claims: actor 1 acted, actor 2 was acted on.
    for (const [side, role] of [['actor1', 'PERPETRATOR'], ['actor2', 'TARGET']] as const) {
      const actor = responsible(sides[side]);
      if (!actor) continue;
      records.claims.push(attributionClaim(event, role, actor));
      features.actors = [...new Set([...features.actors, ...reach.get(actor.id)!])];
      features.attributions = [...new Set([...features.attributions, `${role === 'PERPETRATOR' ? 'by' : 'on'}:${actor.id}`])];
    }
  }
  if (speechRows.length > 0) {
    const key = (row: Row<Fields>) => `${row.file}:${row.line}`;
    const probes: StatementProbe[] = speechRows.map(({ row, code, where, sides }) => {
      const named = responsible(sides[meaningOf(code).target]);
      return { key: key(row), date: isoDate(row.fields[E.sqlDate]!), place: pointOf(where), actors: named ? [named.id] : [], articles: [] };
    });
    const targets = await statementTargets(db, probes, [...pending.values()], reach);
    for (const { row, code, where, sides } of speechRows) {
      const fields = row.fields;
      const meaning = meaningOf(code);
      const speaker = sides.actor1.at(-1);
      const addressee = sides.actor2.at(-1);
      const claimant = responsible(sides[meaning.target]);
      const target = targets.get(key(row));
      const about = target?.event;
      const stances: NonNullable<StatementInput['stances']> = [];
      if (about && claimant) {
        const claim = attributionClaim(about, 'PERPETRATOR', claimant);
        records.claims.push(claim);
        stances.push({ claim: claim.id, value: meaning.stance, note: `Matched to this event by claimgraph: ${target!.score.reasons.join('; ')}.` });
      }
      records.statements.push({
        id: `gdelt-statement-${code}-${fields[E.sqlDate]}-${slug(fields[E.actor1Code] || 'unknown')}-${slug(fields[E.actor2Code] || 'none')}-${featureKey(fields)}`,
        kind: meaning.kind,
        text: `${speaker?.name ?? 'Someone'} ${meaning.verb}${addressee ? ` ${addressee.name}` : ''} (CAMEO ${code}, ${fields[E.geoFullName]}).`,
        quote: 'PARAPHRASE',
        venue: 'REPORTING',
        madeAt: isoDate(fields[E.sqlDate]!),
        ...(speaker ? { speaker: speaker.id } : {}),
        ...(addressee ? { addressedTo: [addressee.id] } : {}),
        ...(stances.length ? { stances } : about ? { about: [about.id] } : {}),
        mentions: [{ place: where.id }],
        externalIds: [`gdelt:${fields[E.id]}`],
        note: `Coded by GDELT from news text (event ${fields[E.id]}); the wording is GDELT's CAMEO category, not a quote.${about ? '' : ABOUT_NO_EVENT_YET}`,
      });
    }
  }
  return { records, rejected, skipped };
}

/**
 * The outlet of each domain a batch of mentions names, by registrable domain (www.rt.com is
 * rt.com): the outlet in the graph that owns it, or one this batch already made, or else a new one
 * named by the outlet registry (sputniknews.com is Sputnik) or, failing that, by the bare domain.
 * Registry siblings count as the same outlet (an outlet owning bbc.com also gets bbc.co.uk's
 * articles). One query for the whole batch. A new outlet's key follows from the domain alone, so two
 * batches mapped at once that both meet it write the same record.
 */
async function outletsOf(domains: string[], db: Database) {
  const registry = outletRegistry();
  const siblings = (domain: string) => registry.get(domain)?.domains ?? [domain];
  const owners = await outletOwners(db, domains.flatMap(siblings));
  const created = new Map<string, OutletInput>();
  const outletOf = new Map<string, string>();
  for (const domain of domains) {
    const owner = siblings(domain).map((sibling) => owners.get(sibling)).find(Boolean);
    if (owner) { outletOf.set(domain, owner); continue; }
    const known = registry.get(domain);
    const outlet: OutletInput = created.get(domain) ?? (known
      ? {
          id: `gdelt-outlet-${slug(known.domains[0]!)}`,
          name: known.name,
          kind: known.kind,
          domains: known.domains,
          ...(known.country ? { country: known.country } : {}),
          ...(known.stateAffiliation ? { stateAffiliation: known.stateAffiliation } : {}),
          note: 'First met in a GDELT mention; name, kind, country and state affiliation from claimgraph’s outlet registry.',
        }
      : { id: `gdelt-outlet-${slug(domain)}`, name: domain, kind: 'DIGITAL', domains: [domain], note: 'From GDELT MentionSourceName; kind not known.' });
    for (const sibling of outlet.domains ?? []) created.set(sibling, outlet);
    outletOf.set(domain, outlet.id);
  }
  return { outletOf, created: [...new Map([...created.values()].map((outlet) => [outlet.id, outlet])).values()] };
}

async function mapMentions(rows: Array<Row<Fields>>, db: Database) {
  const records: Required<Pick<Records, 'outlets' | 'articles' | 'statements'>> = { outlets: [], articles: [], statements: [] };
  const rejected: Rejection[] = [];
  const skipped: Record<string, number> = {};
  const ids = [...new Set(rows.map((row) => `gdelt:${row.fields[M.eventId]}`))];
  const found = await db.read(externalRecords, { ids });
  const targets = new Map(found.records.map((r) => [r.get('id') as string, { label: r.get('label') as Label, key: r.get('key') as string, title: r.get('title') as string | null }]));
  const accepted: Array<{ fields: Fields; target: NonNullable<ReturnType<typeof targets.get>>; domain: string }> = [];
  for (const row of rows) {
    const fields = row.fields;
    const target = targets.get(`gdelt:${fields[M.eventId]}`);
    if (!target) {
      // A valid row about an event claimgraph does not hold (a kind it does not keep, or its Events file not imported): skipped, not rejected.
      skipped[SKIPPED_MENTION] = (skipped[SKIPPED_MENTION] ?? 0) + 1;
      continue;
    }
    const url = fields[M.identifier]!;
    const sourceName = fields[M.sourceName]!.toLowerCase();
    const domain = /^[a-z0-9.-]+\.[a-z]{2,}$/.test(sourceName) ? registrableDomain(sourceName) : null;
    const problems = [
      fields[M.mentionType] !== '1' && `MentionType ${fields[M.mentionType]} is not a web article`,
      !/^https?:\/\/\S+$/.test(url) && `MentionIdentifier "${url}" is not a URL`,
      !domain && `MentionSourceName "${sourceName}" is not a domain`,
      !validDay(fields[M.mentionTime]!.slice(0, 8)) && `MentionTimeDate "${fields[M.mentionTime]}" is not a date`,
    ].filter((problem) => typeof problem === 'string');
    if (problems.length > 0) { rejected.push(reject(row, problems.join('; '))); continue; }
    accepted.push({ fields, target, domain: domain! });
  }
  const { outletOf, created } = await outletsOf([...new Set(accepted.map(({ domain }) => domain))], db);
  records.outlets.push(...created);
  for (const { fields, target, domain } of accepted) {
    const url = fields[M.identifier]!;
    const article: ArticleInput = {
      id: `gdelt-article-${slug(url.replace(/^https?:\/\//, ''))}`,
      outlet: outletOf.get(domain)!,
      title: url,
      url,
      publishedAt: isoDate(fields[M.mentionTime]!.slice(0, 8)),
      note: 'From a GDELT mention; GDELT gives no headline, so the URL stands as the title.',
    };
    if (target.label === Label.Statement) {
      records.articles.push({ ...article, reports: [target.key] });
    } else {
      records.articles.push(article);
      // The article reports that the event happened: that report is its statement about the event.
      records.statements.push({
        id: `${article.id}-reports-${target.key}`.slice(0, 200),
        kind: 'CLAIM',
        text: `Reports: ${target.title ?? target.key}`,
        quote: 'PARAPHRASE',
        venue: 'REPORTING',
        madeAt: article.publishedAt,
        firstAppearedIn: article.id,
        about: [target.key],
        note: 'Generated from a GDELT mention: the article reports the event.',
      });
    }
  }
  return { records, rejected, skipped };
}

const SKIPPED_MENTION = 'mentions an event claimgraph does not hold (a CAMEO kind it does not keep, or its Events file is not imported yet)';

const isMentions = (file: string) => /mentions/i.test(path.basename(file));

export const gdeltImporter: Importer<Fields> = {
  description: 'GDELT 2.0 Events exports (*.export.CSV) and Mentions (*.mentions.CSV), plain or zipped',
  accepts: (name) => /\.(export|mentions)\.csv(\.zip)?$/i.test(name),
  countRows: countLines,
  async *rows(file) {
    const columns = isMentions(file) ? MENTIONS_COLUMNS : EXPORT_COLUMNS;
    // Mentions name outlets from the registry and events name actors from the crosswalk: a bad
    // OUTLET_REGISTRY or ACTOR_CROSSWALK file stops the import here, when the files are checked,
    // before anything is written.
    try {
      if (isMentions(file)) outletRegistry();
      else actorCrosswalk();
    } catch (error) {
      throw error instanceof DataFileError ? new ImportFileError(error.file, error.problem) : error;
    }
    let first = true;
    for await (const { file: name, line, text } of lines(file)) {
      const fields = text.split('\t');
      const problem = fields.length === columns ? undefined : `${fields.length} columns, expected ${columns}${columns === EXPORT_COLUMNS && fields.length === 58 ? ' (a GDELT 1.0 file?)' : ''}`;
      // The first line decides what the file is: another dataset's file is refused whole, not row by row.
      if (first && problem) throw new ImportFileError(name, `is not a GDELT 2.0 ${isMentions(file) ? 'Mentions' : 'Events'} file: its first line has ${problem}`);
      first = false;
      yield problem ? { file: name, line, raw: text, reason: problem } : { file: name, line, raw: text, fields };
    }
  },
  map: (rows, db) => (rows.length && isMentions(rows[0]!.file) ? mapMentions(rows, db) : mapEvents(rows, db)),
  // Mentions look up only the Events file's records; an Events batch looks up earlier batches' events.
  independentBatches: isMentions,
  source: (file) => ({
    id: `gdelt-${slug(path.basename(file))}`,
    title: `GDELT 2.0 ${isMentions(file) ? 'Mentions' : 'Events'} file ${path.basename(file)}`,
    uri: path.basename(file),
    recordedAt: new Date().toISOString().slice(0, 10),
  }),
};
