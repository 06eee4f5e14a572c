import { createContextCache } from '@pothos/core';
import DataLoader from 'dataloader';
import type { Record as Neo4jRecord } from 'neo4j-driver';
import type { Context } from '../../context.js';
import { loadGrouped } from '../../db/batch.js';
import { cypher, type NamedQuery } from '../../db/database.js';
import { Label } from '../../domain/graph.js';
import type { FieldNode, GraphQLResolveInfo } from 'graphql';
import { plainNode, projectedNode, projectedProps, props, type Projection } from '../../db/values.js';
import { selectedAt, selectedProjection } from '../shared/lookahead.js';
import { actorRecord } from '../actor/actor.record.js';
import { articleRecord } from '../article/article.record.js';
import { claimRecord } from '../claim/claim.record.js';
import { eventRecord } from '../event/event.record.js';
import { outletRecord } from '../outlet/outlet.record.js';
import { statementRecord } from '../statement/statement.record.js';
import { StanceValues, type StanceValue } from '../../domain/vocabulary.js';
import { toActor } from '../actor/actor.cypher.js';
import { toArticle, type ArticleRecord } from '../article/article.cypher.js';
import { toClaim, toStance, type StanceRecord } from '../claim/claim.cypher.js';
import { toEvent, type EventRecord } from '../event/event.cypher.js';
import { toOutlet, type OutletRecord } from '../outlet/outlet.cypher.js';
import { statementPeople, toStatement, type StatementRecord } from '../statement/statement.cypher.js';
import { incidentMember } from '../resolution/resolution.cypher.js';

/** One article carrying one statement, with the statement's stances on the event's claims. */
export interface ReportRecord {
  /** The event record the statement is about: the one asked for, or another record of its incident. */
  event: EventRecord;
  article: ArticleRecord;
  statement: StatementRecord;
  stances: StanceRecord[];
}

/** What one outlet carried about one event. */
export interface CoverageRecord {
  event: EventRecord;
  outlet: OutletRecord;
  articles: ArticleRecord[];
  reports: ReportRecord[];
  stances: StanceValue[];
}

/**
 * The walk, in one round trip per level: every article that reports a statement about the event
 * (directly, or through a stance on one of its claims), with its outlet and the statement's stances.
 * Each parent gets one row: its (outlet, article, statement) triples as keys, in walk order, and
 * every node they name once, so the next level (outlet, article, statement fields) needs no query,
 * and a statement carried by forty outlets is sent and decoded once, not forty times. The
 * statements' speakers and principals come along, since the walk almost always asks for them. Each
 * node comes as the properties its selection reads (`$projection`, see CoverageProjection): most of
 * the walk's cost in the API was decoding, and collecting, properties nobody asked for.
 */
// Ordered by claim key, as a statement's own stances are: a pattern comprehension's order is the store's.
const STANCES = `COLLECT { MATCH (s)-[st:STANCE]->(c:${Label.Claim})-[:ABOUT]->(e) RETURN {claim: c, value: st.value, note: st.note} ORDER BY c.id } AS stances
   WHERE $stances IS NULL OR any(x IN stances WHERE x.value IN $stances)`;

const groupedReturn = `
   WITH parentId, e, o, a, s, stances
   ORDER BY parentId, o.name, o.id, a.id, s.id
   WITH parentId,
        collect({event: e.id, outlet: o.id, article: a.id, statement: s.id,
                 stances: [x IN stances | {claim: x.claim.id, value: x.value, note: x.note}]}) AS rows,
        collect(DISTINCT e) AS events, collect(DISTINCT o) AS outlets, collect(DISTINCT a) AS articles,
        collect(DISTINCT s) AS statements, collect(stances) AS stanceLists
   RETURN parentId, rows,
          [x IN events | ${projectedNode('x', 'projection.event')}] AS events,
          [x IN outlets | ${projectedNode('x', 'projection.outlet')}] AS outlets,
          [x IN articles | ${projectedNode('x', 'projection.article')}] AS articles,
          [s IN statements | {node: ${projectedNode('s', 'projection.statement')},
                              speaker: head([(s)<-[:MADE]-(x:${Label.Actor}) | ${projectedNode('x', 'projection.speaker')}]),
                              onBehalfOf: head([(s)-[:ON_BEHALF_OF]->(x:${Label.Actor}) | ${projectedNode('x', 'projection.onBehalfOf')}])}] AS statements,
          [x IN reduce(claims = [], l IN stanceLists | claims + [x IN l WHERE NOT x.claim IN claims | x.claim]) | ${projectedNode('x', 'projection.claim')}] AS claims`;

/**
 * From the event `root` named `parentId`, through each event `e` of its incident (itself alone
 * unless `$sameIncident`). A statement's stances depend on it and its event alone, so the walk
 * reads them before fanning out to the articles.
 */
const FROM_EVENT = `MATCH ${incidentMember('root', 'e')}
   MATCH (e)<-[:ABOUT|STANCE*1..2]-(s:${Label.Statement})
   WITH DISTINCT parentId, e, s
   WITH parentId, e, s, ${STANCES}
   MATCH (o:${Label.Outlet})-[:PUBLISHED]->(a:${Label.Article})-[:REPORTS]->(s)
   ${groupedReturn}`;

export const eventCoverage = cypher(
  'event coverage',
  `UNWIND $ids AS parentId
   MATCH (root:${Label.Event} {id: parentId})
   ${FROM_EVENT}`,
);

/** One event and its coverage in one round trip, for `event(id:)` when the walk is selected. */
export const eventWithCoverage = cypher(
  'event with coverage',
  `MATCH (root:${Label.Event} {id: $id})
   OPTIONAL CALL (root) {
     WITH root, root.id AS parentId
     ${FROM_EVENT}
   }
   RETURN ${plainNode('root', Label.Event)} AS event, rows, events, outlets, articles, statements, claims`,
);

export const outletCoverage = cypher(
  'outlet coverage',
  `UNWIND $ids AS parentId
   MATCH (o:${Label.Outlet} {id: parentId})-[:PUBLISHED]->(a:${Label.Article})-[:REPORTS]->(s:${Label.Statement})
   MATCH (s)-[:ABOUT|STANCE*1..2]->(e:${Label.Event})
   WITH DISTINCT parentId, o, a, s, e
   WITH parentId, o, a, s, e, ${STANCES}
   ${groupedReturn}`,
);

interface CoverageRow {
  event: EventRecord;
  outlet: OutletRecord;
  article: ArticleRecord;
  statement: StatementRecord;
  stances: StanceRecord[];
}

interface RowKeys {
  event: string;
  outlet: string;
  article: string;
  statement: string;
  stances: Array<{ claim: string; value: unknown; note: unknown }>;
}

function byId<T extends { id: string }>(nodes: unknown[], projected: Projection, map: (p: Record<string, unknown>) => T): Map<string, T> {
  return new Map(nodes.map((node) => map(projectedProps(projected, node as unknown[]))).map((record) => [record.id, record]));
}

/**
 * The properties the walk returns of each kind of node it reaches, from the selection of the
 * coverage field; its speakers' and principals' are kept apart, since they go to their own loaders.
 */
export interface CoverageProjection {
  event: Projection;
  outlet: Projection;
  article: Projection;
  statement: Projection;
  claim: Projection;
  speaker: Projection;
  onBehalfOf: Projection;
}

/** The projection of the walk below the selections `nodes` of a coverage field (every alias together). */
export function coverageProjection(info: GraphQLResolveInfo, nodes: readonly FieldNode[]): CoverageProjection {
  const at = (...path: string[]) => selectedAt(info, nodes, path);
  const statements = [...at('reports', 'statement'), ...at('reports', 'stances', 'statement')];
  return {
    event: selectedProjection(info, eventRecord, [...at('event'), ...at('reports', 'event')]),
    outlet: selectedProjection(info, outletRecord, at('outlet')),
    article: selectedProjection(info, articleRecord, [...at('articles'), ...at('reports', 'article')]),
    statement: selectedProjection(info, statementRecord, statements),
    claim: selectedProjection(info, claimRecord, at('reports', 'stances', 'claim')),
    speaker: selectedProjection(info, actorRecord, selectedAt(info, statements, ['speaker'])),
    onBehalfOf: selectedProjection(info, actorRecord, selectedAt(info, statements, ['onBehalfOf'])),
  };
}

/** One parent's row back into its triples, each naming its mapped records; hands the speakers to their loaders. */
function toRows(ctx: Context, record: Neo4jRecord, projection: CoverageProjection): CoverageRow[] {
  const events = byId(record.get('events') as unknown[], projection.event, toEvent);
  const outlets = byId(record.get('outlets') as unknown[], projection.outlet, toOutlet);
  const articles = byId(record.get('articles') as unknown[], projection.article, toArticle);
  const claims = byId(record.get('claims') as unknown[], projection.claim, toClaim);
  const statements = new Map<string, StatementRecord>();
  // Keyed by their projection: a speaker field selecting more than the walk's asks its own loader.
  const speakers = statementPeople(ctx).speaker(projection.speaker);
  const principals = statementPeople(ctx).onBehalfOf(projection.onBehalfOf);
  for (const entry of record.get('statements') as Array<{ node: unknown[]; speaker: unknown[] | null; onBehalfOf: unknown[] | null }>) {
    const statement = toStatement(projectedProps(projection.statement, entry.node));
    statements.set(statement.id, statement);
    speakers.prime(statement.id, entry.speaker ? toActor(projectedProps(projection.speaker, entry.speaker)) : null);
    principals.prime(statement.id, entry.onBehalfOf ? toActor(projectedProps(projection.onBehalfOf, entry.onBehalfOf)) : null);
  }
  return (record.get('rows') as RowKeys[]).map((row) => {
    const statement = statements.get(row.statement)!;
    return {
      event: events.get(row.event)!,
      outlet: outlets.get(row.outlet)!,
      article: articles.get(row.article)!,
      statement,
      // A pattern comprehension has no order of its own: by claim key, every query path answers alike.
      stances: [...row.stances]
        .sort((a, b) => (a.claim < b.claim ? -1 : a.claim > b.claim ? 1 : 0))
        .map((stance) => toStance(statement, claims.get(stance.claim)!, stance)),
    };
  });
}

/** Groups one parent's rows by the other side (outlets of an event, or events of an outlet). */
function group(rows: CoverageRow[], by: 'outlet' | 'event'): CoverageRecord[] {
  const groups = new Map<string, CoverageRecord>();
  for (const row of rows) {
    const key = row[by].id;
    let coverage = groups.get(key);
    if (!coverage) {
      coverage = { event: row.event, outlet: row.outlet, articles: [], reports: [], stances: [] };
      groups.set(key, coverage);
    }
    if (!coverage.articles.some((article) => article.id === row.article.id)) coverage.articles.push(row.article);
    coverage.reports.push({
      event: row.event,
      article: row.article,
      statement: row.statement,
      stances: row.stances,
    });
    for (const stance of row.stances) if (!coverage.stances.includes(stance.value)) coverage.stances.push(stance.value);
  }
  const order = Object.keys(StanceValues);
  for (const coverage of groups.values()) coverage.stances.sort((a, b) => order.indexOf(a) - order.indexOf(b));
  return [...groups.values()];
}

async function loadCoverage(
  ctx: Context,
  query: NamedQuery,
  ids: readonly string[],
  stances: StanceValue[] | null,
  by: 'outlet' | 'event',
  projection: CoverageProjection,
  sameIncident = true,
) {
  const parents = await loadGrouped(ctx, query, ids, (record) => toRows(ctx, record, projection), { stances, sameIncident, projection });
  return parents.map((rows) => group(rows.flat(), by));
}

/**
 * The coverage of events, batched per request, per stance filter and per projection (a loader
 * holds only what its projection read). A field's own loader would do, but `event(id:)` reads the
 * coverage with the event and must hand it over here.
 */
const eventCoverageLoaders = createContextCache((ctx: Context) => {
  const loaders = new Map<string, DataLoader<string, CoverageRecord[]>>();
  return (stances: StanceValue[] | null, sameIncident: boolean, projection: CoverageProjection) => {
    const key = JSON.stringify([stances, sameIncident, projection]);
    let loader = loaders.get(key);
    if (!loader) {
      loader = new DataLoader((ids) => loadCoverage(ctx, eventCoverage, ids, stances, 'outlet', projection, sameIncident));
      loaders.set(key, loader);
    }
    return loader;
  };
});

export function loadEventCoverage(ctx: Context, id: string, stances: StanceValue[] | null, sameIncident: boolean, projection: CoverageProjection): Promise<CoverageRecord[]> {
  return eventCoverageLoaders(ctx)(stances, sameIncident, projection).load(id);
}

/** The event `id` (null when there is none), its coverage under `stances` handed to the coverage loader of `projection`. */
export async function loadEventWithCoverage(
  ctx: Context,
  id: string,
  stances: StanceValue[] | null,
  sameIncident: boolean,
  projection: CoverageProjection,
): Promise<EventRecord | null> {
  const record = (await ctx.read(eventWithCoverage, { id, stances, sameIncident, projection })).records[0];
  if (!record) return null;
  const rows = record.get('rows') === null ? [] : toRows(ctx, record, projection);
  const event = toEvent(props(record.get('event')));
  eventCoverageLoaders(ctx)(stances, sameIncident, projection).prime(id, group(rows, 'outlet'));
  return event;
}

export function loadOutletCoverage(ctx: Context, ids: readonly string[], stances: StanceValue[] | null, projection: CoverageProjection) {
  return loadCoverage(ctx, outletCoverage, ids, stances, 'event', projection, false);
}
