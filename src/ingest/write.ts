import neo4j from 'neo4j-driver';
import type { ManagedTransaction } from 'neo4j-driver';
import { cypher, type Database, type NamedQuery } from '../db/database.js';
import { Label, Rel } from '../domain/graph.js';
import type { Bundle, SourceRecord } from './bundle-types.js';
import { periodOf } from '../domain/partial-date.js';
import { BundleError, validateBundle, type ExternalReference, type RecordKind, type ValidBundle } from './validate.js';

/**
 * The one path into the graph: a validated bundle becomes idempotent MERGEs keyed on natural keys,
 * all in one write transaction, so a bundle lands whole or not at all and a second load changes
 * nothing. Later importers (GDELT, ACLED, the write API) build bundles and come through here.
 */

type Props = Record<string, unknown>;

export interface NodeRow {
  id: string;
  props: Props;
}

export interface RelRow {
  from: string;
  to: string;
  props: Props;
}

/** Validated dates only reach here, so the period always exists. */
const period = (value: string) => periodOf(value)!;
const precisionOf = (value: string) => period(value).precision;
function neo4jDate(iso: string): InstanceType<typeof neo4j.types.Date> {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  return new neo4j.types.Date(year, month, day);
}
const firstDay = (value: string) => neo4jDate(period(value).first);
/** The last day of the period a partial date names (the end of October for "2016-10"). */
const lastDay = (value: string) => neo4jDate(period(value).last);

function datedProps(name: string, value: string | undefined): Props {
  return value
    ? { [name]: firstDay(value), [`${name}Precision`]: precisionOf(value) }
    : { [name]: null, [`${name}Precision`]: null };
}

/** Drops undefined so that an absent field clears the property (SET n += {x: null} removes x). */
function clean(props: Props): Props {
  return Object.fromEntries(Object.entries(props).map(([k, v]) => [k, v === undefined ? null : v]));
}

/**
 * A new node gets the source list at creation; only a node already known from another source has
 * its list rewritten, so a fresh import pays no list copy per row. MERGE is on the constrained key
 * alone (a unique-index seek), the other properties are SET after it.
 */
function upsertNodes(label: Label): NamedQuery {
  return cypher(
    `upsert ${label}`,
    `UNWIND $rows AS row
     MERGE (n:${label} {id: row.id})
     ON CREATE SET n.recordedAt = $recordedAt, n.sources = [$source]
     SET n += row.props
     WITH n WHERE NOT $source IN coalesce(n.sources, [])
     SET n.sources = coalesce(n.sources, []) + $source`,
  );
}

/** Both ends by unique-index seek; a group whose rows carry no properties skips the SET (and its Eager). */
function upsertRels(from: Label, type: Rel, to: Label, withProps: boolean): NamedQuery {
  return cypher(
    `link ${from}-${type}->${to}`,
    `UNWIND $rows AS row
     MATCH (a:${from} {id: row.from})
     MATCH (b:${to} {id: row.to})
     MERGE (a)-[r:${type}]->(b)${withProps ? '\n     SET r += row.props' : ''}`,
  );
}

const targetLabels: Record<string, Label> = {
  actor: Label.Actor,
  outlet: Label.Outlet,
  article: Label.Article,
  statement: Label.Statement,
  place: Label.Place,
  event: Label.Event,
};

/** Splits `{ actor: "x", via: "..." }` into the target's label, id and the remaining properties. */
function target(ref: Record<string, unknown>): { label: Label; id: string; props: Props } {
  const name = Object.keys(ref).find((key) => key in targetLabels)!;
  const { [name]: id, ...props } = ref;
  return { label: targetLabels[name]!, id: id as string, props: clean(props) };
}

/** What a bundle writes: node rows per label and relationship rows per (from, type, to). */
export class Plan {
  readonly nodes = new Map<Label, NodeRow[]>();
  readonly rels = new Map<string, { from: Label; type: Rel; to: Label; rows: RelRow[] }>();

  node(label: Label, id: string, props: Props) {
    const rows = this.nodes.get(label) ?? [];
    rows.push({ id, props: clean(props) });
    this.nodes.set(label, rows);
  }

  /** An id in another dataset, kept as its own node so re-imports and overlapping files find the record. */
  external(externalId: string, label: Label, id: string) {
    this.node(Label.ExternalRecord, externalId, {});
    this.rel(Label.ExternalRecord, externalId, Rel.IDENTIFIES, label, id);
  }

  rel(from: Label, fromId: string, type: Rel, to: Label, toId: string, props: Props = {}) {
    const key = `${from}|${type}|${to}`;
    const group = this.rels.get(key) ?? { from, type, to, rows: [] };
    group.rows.push({ from: fromId, to: toId, props: clean(props) });
    this.rels.set(key, group);
  }
}

export function plan(bundle: Bundle): Plan {
  const p = new Plan();
  for (const place of bundle.places ?? []) {
    const { latitude, longitude } = place.location ?? {};
    p.node(Label.Place, place.id, {
      name: place.name,
      kind: place.kind,
      countryCode: place.countryCode,
      location: latitude !== undefined && longitude !== undefined ? new neo4j.types.Point(4326, longitude, latitude) : null,
      note: place.note,
    });
    if (place.within) p.rel(Label.Place, place.id, Rel.WITHIN, Label.Place, place.within);
    for (const near of place.near ?? []) {
      p.rel(Label.Place, place.id, Rel.NEAR, Label.Place, near.place, { distanceKm: near.distanceKm, direction: near.direction, note: near.note });
    }
  }
  for (const actor of bundle.actors ?? []) {
    p.node(Label.Actor, actor.id, { name: actor.name, kind: actor.kind, aliases: actor.aliases ?? [], countryCode: actor.countryCode, note: actor.note });
    for (const role of actor.roles ?? []) {
      const body = target(role);
      p.rel(Label.Actor, actor.id, Rel.HOLDS_ROLE, body.label, body.id, body.props);
    }
    for (const outlet of actor.operates ?? []) p.rel(Label.Actor, actor.id, Rel.OPERATES, Label.Outlet, outlet);
  }
  for (const outlet of bundle.outlets ?? []) {
    p.node(Label.Outlet, outlet.id, {
      name: outlet.name,
      kind: outlet.kind,
      domains: outlet.domains ?? [],
      country: outlet.country,
      stateAffiliation: outlet.stateAffiliation,
      note: outlet.note,
    });
  }
  for (const article of bundle.articles ?? []) {
    p.node(Label.Article, article.id, {
      title: article.title,
      url: article.url,
      language: article.language,
      note: article.note,
      ...datedProps('publishedAt', article.publishedAt),
    });
    p.rel(Label.Outlet, article.outlet, Rel.PUBLISHED, Label.Article, article.id);
    for (const citation of article.cites ?? []) {
      const cited = target(citation);
      p.rel(Label.Article, article.id, Rel.CITES, cited.label, cited.id, cited.props);
    }
    for (const statement of article.reports ?? []) p.rel(Label.Article, article.id, Rel.REPORTS, Label.Statement, statement);
  }
  for (const event of bundle.events ?? []) {
    p.node(Label.Event, event.id, {
      kind: event.kind,
      title: event.title,
      summary: event.summary,
      startDate: firstDay(event.startDate),
      endDate: event.endDate ? firstDay(event.endDate) : null,
      periodEnd: lastDay(event.endDate ?? event.startDate),
      datePrecision: precisionOf(event.startDate),
      note: event.note,
    });
    for (const place of event.places ?? []) p.rel(Label.Event, event.id, Rel.OCCURRED_IN, Label.Place, place);
    for (const externalId of event.externalIds ?? []) p.external(externalId, Label.Event, event.id);
    if (event.partOf) p.rel(Label.Event, event.id, Rel.PART_OF, Label.Event, event.partOf);
  }
  for (const claim of bundle.claims ?? []) {
    p.node(Label.Claim, claim.id, {
      proposition: claim.proposition,
      casualtiesMin: claim.casualtiesMin !== undefined ? neo4j.int(claim.casualtiesMin) : null,
      casualtiesMax: claim.casualtiesMax !== undefined ? neo4j.int(claim.casualtiesMax) : null,
      casualtiesText: claim.casualtiesText,
      note: claim.note,
    });
    p.rel(Label.Claim, claim.id, Rel.ABOUT, Label.Event, claim.event);
    for (const attribution of claim.attributesTo ?? []) {
      p.rel(Label.Claim, claim.id, Rel.ATTRIBUTES_TO, Label.Actor, attribution.actor, { role: attribution.role });
    }
  }
  for (const statement of bundle.statements ?? []) {
    p.node(Label.Statement, statement.id, {
      kind: statement.kind,
      text: statement.text,
      quote: statement.quote,
      venue: statement.venue,
      note: statement.note,
      ...datedProps('madeAt', statement.madeAt),
    });
    if (statement.speaker) p.rel(Label.Actor, statement.speaker, Rel.MADE, Label.Statement, statement.id);
    if (statement.onBehalfOf) p.rel(Label.Statement, statement.id, Rel.ON_BEHALF_OF, Label.Actor, statement.onBehalfOf);
    for (const actor of statement.addressedTo ?? []) p.rel(Label.Statement, statement.id, Rel.ADDRESSED_TO, Label.Actor, actor);
    // The article a statement first appeared in also reports it: every carrier answers the walk.
    const carriers = new Set([...(statement.firstAppearedIn ? [statement.firstAppearedIn] : []), ...(statement.reportedIn ?? [])]);
    if (statement.firstAppearedIn) p.rel(Label.Statement, statement.id, Rel.FIRST_APPEARED_IN, Label.Article, statement.firstAppearedIn);
    for (const article of carriers) p.rel(Label.Article, article, Rel.REPORTS, Label.Statement, statement.id);
    for (const other of statement.respondsTo ?? []) p.rel(Label.Statement, statement.id, Rel.RESPONDS_TO, Label.Statement, other);
    for (const stance of statement.stances ?? []) {
      p.rel(Label.Statement, statement.id, Rel.STANCE, Label.Claim, stance.claim, { value: stance.value, note: stance.note });
    }
    for (const event of statement.about ?? []) p.rel(Label.Statement, statement.id, Rel.ABOUT, Label.Event, event);
    for (const externalId of statement.externalIds ?? []) p.external(externalId, Label.Statement, statement.id);
    for (const citation of statement.cites ?? []) {
      const cited = target(citation);
      p.rel(Label.Statement, statement.id, Rel.CITES, cited.label, cited.id, cited.props);
    }
    for (const mention of statement.mentions ?? []) {
      const mentioned = target(mention);
      p.rel(Label.Statement, statement.id, Rel.MENTIONS, mentioned.label, mentioned.id);
    }
  }
  for (const media of bundle.media ?? []) {
    p.node(Label.MediaItem, media.id, { kind: media.kind, caption: media.caption, credit: media.credit, note: media.note });
    for (const actor of media.creditedTo ?? []) p.rel(Label.MediaItem, media.id, Rel.CREDITED_TO, Label.Actor, actor);
    if (media.distributedBy) p.rel(Label.MediaItem, media.id, Rel.DISTRIBUTED_BY, Label.Outlet, media.distributedBy);
    for (const article of media.embeddedIn ?? []) p.rel(Label.Article, article, Rel.EMBEDS, Label.MediaItem, media.id);
    for (const depiction of media.depicts ?? []) {
      const depicted = target(depiction);
      p.rel(Label.MediaItem, media.id, Rel.DEPICTS, depicted.label, depicted.id, depicted.props);
    }
  }
  return p;
}

export interface WriteSummary {
  nodesCreated: number;
  relationshipsCreated: number;
  propertiesSet: number;
}

/** The Source node's properties (its dates kept as written, unlike the records' dates). */
export const sourceProps = (source: SourceRecord): Props =>
  clean({ title: source.title, uri: source.uri, publishedAt: source.publishedAt, recordedAt: source.recordedAt, note: source.note });

/** The day every record of the source is stamped with at creation (`recordedAt`). */
export const recordedDay = (source: SourceRecord) => firstDay(source.recordedAt);

const upsertSource = cypher(
  'upsert Source',
  `MERGE (s:${Label.Source} {id: $id})
   SET s += $props`,
);

const labelOfKind: Record<RecordKind, Label> = {
  places: Label.Place,
  actors: Label.Actor,
  outlets: Label.Outlet,
  articles: Label.Article,
  events: Label.Event,
  claims: Label.Claim,
  statements: Label.Statement,
  media: Label.MediaItem,
};

const existingIds = (label: Label) =>
  cypher(`existing ${label} ids`, `UNWIND $ids AS id MATCH (n:${label} {id: id}) RETURN collect(n.id) AS found`);

/** Fails with every reference (to a record outside the bundle) that the graph does not hold either. */
async function checkReferences(tx: ManagedTransaction, file: string, references: ExternalReference[]): Promise<void> {
  const missing: ExternalReference[] = [];
  for (const kind of new Set(references.map((ref) => ref.to))) {
    const wanted = references.filter((ref) => ref.to === kind);
    const result = await tx.run(existingIds(labelOfKind[kind]).cypher, { ids: [...new Set(wanted.map((ref) => ref.id))] });
    const found = new Set(result.records[0]?.get('found') as string[]);
    missing.push(...wanted.filter((ref) => !found.has(ref.id)));
  }
  if (missing.length > 0) {
    throw new BundleError(
      file,
      missing.map((ref) => ({
        path: ref.path,
        message: `"${ref.id}" is neither one of the bundle's ${ref.to} nor in the graph`,
        missing: { kind: ref.to, id: ref.id },
      })),
    );
  }
}

/**
 * Validates any input as a bundle and writes it: the one way into the graph for seeds, bundle
 * files, the API and importers. Throws BundleError, with every problem's path, before writing.
 */
export async function importBundle(db: Database, input: unknown, file = 'bundle'): Promise<WriteSummary> {
  const { problems, ...valid } = validateBundle(input);
  if (problems.length > 0) throw new BundleError(file, problems);
  return writeBundle(db, valid, file);
}

/** Writes a validated bundle in one transaction: it lands whole or not at all. */
export async function writeBundle(db: Database, { bundle, references }: ValidBundle, file = 'bundle'): Promise<WriteSummary> {
  const p = plan(bundle);
  const source = bundle.source;
  const recordedAt = recordedDay(source);
  const summary: WriteSummary = { nodesCreated: 0, relationshipsCreated: 0, propertiesSet: 0 };
  const run = async (tx: ManagedTransaction, query: NamedQuery, params: Props) => {
    const result = await tx.run(query.cypher, params);
    const counters = result.summary.counters.updates();
    summary.nodesCreated += counters.nodesCreated;
    summary.relationshipsCreated += counters.relationshipsCreated;
    summary.propertiesSet += counters.propertiesSet;
  };
  await db.writeTransaction(async (tx) => {
    // A retried transaction starts again from zero.
    Object.assign(summary, { nodesCreated: 0, relationshipsCreated: 0, propertiesSet: 0 });
    await checkReferences(tx, file, references);
    await run(tx, upsertSource, { id: source.id, props: sourceProps(source) });
    for (const [label, rows] of p.nodes) {
      await run(tx, upsertNodes(label), { rows, source: source.id, recordedAt });
    }
    for (const group of p.rels.values()) {
      const withProps = group.rows.some((row) => Object.keys(row.props).length > 0);
      await run(tx, upsertRels(group.from, group.type, group.to, withProps), { rows: group.rows });
    }
  });
  return summary;
}
