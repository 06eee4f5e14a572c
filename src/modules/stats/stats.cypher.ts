import type { Context } from '../../context.js';
import { loadGrouped } from '../../db/batch.js';
import { cypher, type NamedQuery, type Params } from '../../db/database.js';
import { Label } from '../../domain/graph.js';
import { props, toPlain } from '../../db/values.js';
import type { StanceValue, StatementKind } from '../../domain/vocabulary.js';
import { EVENT_FILTER } from '../event/event.cypher.js';
import { overlapsRange } from '../shared/dates.js';
import { toPlace, type PlaceRecord } from '../place/place.cypher.js';

/** Counts of the events matching an `EventFilter` (its parameters, already checked). */
export interface EventCountsRecord {
  params: Params;
}

export const eventCountsByKind = cypher(
  'event counts by kind',
  `MATCH (n:${Label.Event}) WHERE ${EVENT_FILTER}
   RETURN n.kind AS key, count(n) AS events
   ORDER BY events DESC, key`,
);

/** An event known only to the year is counted under the year: its month is unknown, not January. */
export const eventCountsByMonth = cypher(
  'event counts by month',
  `MATCH (n:${Label.Event}) WHERE ${EVENT_FILTER}
   WITH CASE WHEN n.datePrecision = $yearPrecision THEN toString(n.startDate.year) ELSE substring(toString(n.startDate), 0, 7) END AS key,
        count(n) AS events
   RETURN key, events
   ORDER BY key`,
);

export const eventCountsByPlace = cypher(
  'event counts by place',
  `MATCH (n:${Label.Event}) WHERE ${EVENT_FILTER}
   MATCH (n)-[:OCCURRED_IN]->(place:${Label.Place})
   RETURN place, count(DISTINCT n) AS events
   ORDER BY events DESC, place.name`,
);

export interface KeyCount {
  key: string;
  events: number;
}

export async function countEvents(ctx: Context, query: NamedQuery, params: Params): Promise<KeyCount[]> {
  const result = await ctx.read(query, { ...params, yearPrecision: 'YEAR' });
  return result.records.map((record) => ({ key: record.get('key') as string, events: Number(record.get('events')) }));
}

export async function countEventsByPlace(ctx: Context, params: Params): Promise<{ place: PlaceRecord; events: number }[]> {
  const result = await ctx.read(eventCountsByPlace, params);
  return result.records.map((record) => ({ place: toPlace(props(record.get('place'))), events: Number(record.get('events')) }));
}

/** The conditions of `StatementCountFilter` on a statement `s`. */
const STATEMENT_CONDITIONS = `($event IS NULL OR EXISTS { MATCH (s)-[:ABOUT|STANCE*1..2]->(:${Label.Event} {id: $event}) })
     AND ${overlapsRange('s.madeAt', 's.madeAtPrecision')}`;

export interface StatementCountsRecord {
  byKind: { kind: StatementKind; statements: number }[];
  byStance: { value: StanceValue; statements: number }[];
}

/**
 * Per actor, its statements (made by it or on its behalf, meeting the filter) counted by kind, and by the positions
 * they take on claims (a statement counts once per position it takes).
 */
export const actorStatementCounts = cypher(
  'actor statement counts',
  `UNWIND $ids AS parentId
   MATCH (a:${Label.Actor} {id: parentId})
   CALL (a) {
     CALL (a) { MATCH (a)-[:MADE]->(s:${Label.Statement}) RETURN s UNION MATCH (a)<-[:ON_BEHALF_OF]-(s:${Label.Statement}) RETURN s }
     WITH s WHERE ${STATEMENT_CONDITIONS}
     WITH s.kind AS kind, count(s) AS statements ORDER BY statements DESC, kind
     RETURN collect({kind: kind, statements: statements}) AS byKind
   }
   CALL (a) {
     CALL (a) { MATCH (a)-[:MADE]->(s:${Label.Statement}) RETURN s UNION MATCH (a)<-[:ON_BEHALF_OF]-(s:${Label.Statement}) RETURN s }
     WITH s WHERE ${STATEMENT_CONDITIONS}
     MATCH (s)-[r:STANCE]->(:${Label.Claim})
     WITH r.value AS value, count(DISTINCT s) AS statements ORDER BY statements DESC, value
     RETURN collect({value: value, statements: statements}) AS byStance
   }
   RETURN parentId, byKind, byStance`,
);

export async function loadStatementCounts(ctx: Context, ids: readonly string[], params: Params): Promise<StatementCountsRecord[]> {
  const rows = await loadGrouped(
    ctx,
    actorStatementCounts,
    ids,
    (record) => toPlain({ byKind: record.get('byKind'), byStance: record.get('byStance') }) as StatementCountsRecord,
    params,
  );
  return rows.map((list) => list[0] ?? { byKind: [], byStance: [] });
}

export interface OutletCountsRecord {
  articles: number;
  statements: number;
  events: number;
  byStance: { value: StanceValue; statements: number }[];
}

/**
 * Per outlet, what it carried: its articles, the statements they reported (those meeting the
 * filter), the events those are about, and the carried statements by the positions they take.
 */
export const outletCoverageCounts = cypher(
  'outlet coverage counts',
  `UNWIND $ids AS parentId
   MATCH (o:${Label.Outlet} {id: parentId})
   CALL (o) {
     OPTIONAL MATCH (o)-[:PUBLISHED]->(article:${Label.Article})
     OPTIONAL MATCH (article)-[:REPORTS]->(s:${Label.Statement}) WHERE ${STATEMENT_CONDITIONS}
     WITH count(DISTINCT article) AS articles, collect(DISTINCT s) AS carried
     RETURN articles, size(carried) AS statements,
            size(COLLECT { UNWIND carried AS s MATCH (s)-[:ABOUT|STANCE*1..2]->(e:${Label.Event}) RETURN DISTINCT e }) AS events,
            COLLECT { UNWIND carried AS s MATCH (s)-[r:STANCE]->(:${Label.Claim})
                      WITH r.value AS value, count(DISTINCT s) AS statements
                      RETURN {value: value, statements: statements} ORDER BY statements DESC, value } AS byStance
   }
   RETURN parentId, articles, statements, events, byStance`,
);

export async function loadOutletCounts(ctx: Context, ids: readonly string[], params: Params): Promise<OutletCountsRecord[]> {
  const rows = await loadGrouped(
    ctx,
    outletCoverageCounts,
    ids,
    (record) =>
      toPlain({ articles: record.get('articles'), statements: record.get('statements'), events: record.get('events'), byStance: record.get('byStance') }) as OutletCountsRecord,
    params,
  );
  return rows.map((list) => list[0] ?? { articles: 0, statements: 0, events: 0, byStance: [] });
}
