import { createContextCache } from '@pothos/core';
import DataLoader from 'dataloader';
import type { Record as Neo4jRecord } from 'neo4j-driver';
import type { Context } from '../../context.js';
import { loadGrouped } from '../../db/batch.js';
import { cypher, type NamedQuery } from '../../db/database.js';
import { Label } from '../../domain/graph.js';
import { plainNode, props } from '../../db/values.js';
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
 * every node they name once, whole, so the next level (outlet, article, statement fields) needs no
 * query, and a statement carried by forty outlets is sent and decoded once, not forty times. The
 * statements' speakers and principals come along, since the walk almost always asks for them.
 */
const STANCES = `[(s)-[st:STANCE]->(c:${Label.Claim})-[:ABOUT]->(e) | {claim: c, value: st.value, note: st.note}] AS stances
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
          [x IN events | ${plainNode('x', Label.Event)}] AS events,
          [x IN outlets | ${plainNode('x', Label.Outlet)}] AS outlets,
          [x IN articles | ${plainNode('x', Label.Article)}] AS articles,
          [s IN statements | {node: ${plainNode('s', Label.Statement)},
                              speaker: head([(s)<-[:MADE]-(x:${Label.Actor}) | ${plainNode('x', Label.Actor)}]),
                              onBehalfOf: head([(s)-[:ON_BEHALF_OF]->(x:${Label.Actor}) | ${plainNode('x', Label.Actor)}])}] AS statements,
          [x IN reduce(claims = [], l IN stanceLists | claims + [x IN l WHERE NOT x.claim IN claims | x.claim]) | ${plainNode('x', Label.Claim)}] AS claims`;

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

function byId<T extends { id: string }>(nodes: unknown[], map: (p: Record<string, unknown>) => T): Map<string, T> {
  return new Map(nodes.map((node) => map(props(node))).map((record) => [record.id, record]));
}

/** One parent's row back into its triples, each naming its mapped records; hands the speakers to their loaders. */
function toRows(ctx: Context, record: Neo4jRecord): CoverageRow[] {
  const events = byId(record.get('events') as unknown[], toEvent);
  const outlets = byId(record.get('outlets') as unknown[], toOutlet);
  const articles = byId(record.get('articles') as unknown[], toArticle);
  const claims = byId(record.get('claims') as unknown[], toClaim);
  const statements = new Map<string, StatementRecord>();
  const people = statementPeople(ctx);
  for (const entry of record.get('statements') as Array<{ node: unknown; speaker: unknown; onBehalfOf: unknown }>) {
    const statement = toStatement(props(entry.node));
    statements.set(statement.id, statement);
    people.speaker.prime(statement.id, entry.speaker ? toActor(props(entry.speaker)) : null);
    people.onBehalfOf.prime(statement.id, entry.onBehalfOf ? toActor(props(entry.onBehalfOf)) : null);
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

async function loadCoverage(ctx: Context, query: NamedQuery, ids: readonly string[], stances: StanceValue[] | null, by: 'outlet' | 'event', sameIncident = true) {
  const parents = await loadGrouped(ctx, query, ids, (record) => toRows(ctx, record), { stances, sameIncident });
  return parents.map((rows) => group(rows.flat(), by));
}

/**
 * The coverage of events, batched per request and per stance filter. A field's own loader would
 * do, but `event(id:)` reads the coverage with the event and must hand it over here.
 */
const eventCoverageLoaders = createContextCache((ctx: Context) => {
  const loaders = new Map<string, DataLoader<string, CoverageRecord[]>>();
  return (stances: StanceValue[] | null, sameIncident: boolean) => {
    const key = JSON.stringify([stances, sameIncident]);
    let loader = loaders.get(key);
    if (!loader) {
      loader = new DataLoader((ids) => loadCoverage(ctx, eventCoverage, ids, stances, 'outlet', sameIncident));
      loaders.set(key, loader);
    }
    return loader;
  };
});

export function loadEventCoverage(ctx: Context, id: string, stances: StanceValue[] | null, sameIncident: boolean): Promise<CoverageRecord[]> {
  return eventCoverageLoaders(ctx)(stances, sameIncident).load(id);
}

/** The event `id` (null when there is none), its coverage under `stances` handed to the coverage loader. */
export async function loadEventWithCoverage(ctx: Context, id: string, stances: StanceValue[] | null, sameIncident: boolean): Promise<EventRecord | null> {
  const record = (await ctx.read(eventWithCoverage, { id, stances, sameIncident })).records[0];
  if (!record) return null;
  const rows = record.get('rows') === null ? [] : toRows(ctx, record);
  const event = toEvent(props(record.get('event')));
  eventCoverageLoaders(ctx)(stances, sameIncident).prime(id, group(rows, 'outlet'));
  return event;
}

export function loadOutletCoverage(ctx: Context, ids: readonly string[], stances: StanceValue[] | null) {
  return loadCoverage(ctx, outletCoverage, ids, stances, 'event', false);
}
