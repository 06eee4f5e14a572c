import type { Record as Neo4jRecord } from 'neo4j-driver';
import type { Context } from '../../context.js';
import { loadGrouped } from '../../db/batch.js';
import { cypher } from '../../db/database.js';
import { Label } from '../../db/graph.js';
import { props } from '../../db/values.js';
import { StanceValues, type StanceValue } from '../../ingest/vocabulary.js';
import { toArticle, type ArticleRecord } from '../article/article.cypher.js';
import { toClaim, toStance, type StanceRecord } from '../claim/claim.cypher.js';
import { toEvent, type EventRecord } from '../event/event.cypher.js';
import { toOutlet, type OutletRecord } from '../outlet/outlet.cypher.js';
import { toStatement, type StatementRecord } from '../statement/statement.cypher.js';

/** One article carrying one statement, with the statement's stances on the event's claims. */
export interface ReportRecord {
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
 * Rows carry whole nodes so the next level (outlet, article, statement fields) needs no query.
 */
const rowsReturn = `
   WITH parentId, e, o, a, s,
        [(s)-[st:STANCE]->(c:${Label.Claim})-[:ABOUT]->(e) | {claim: c, value: st.value, note: st.note}] AS stances
   WHERE $stances IS NULL OR any(x IN stances WHERE x.value IN $stances)
   RETURN parentId, e, o, a, s, stances
   ORDER BY parentId, o.name, o.id, a.id, s.id`;

export const eventCoverage = cypher(
  'event coverage',
  `UNWIND $ids AS parentId
   MATCH (e:${Label.Event} {id: parentId})<-[:ABOUT|STANCE*1..2]-(s:${Label.Statement})
   WITH DISTINCT parentId, e, s
   MATCH (o:${Label.Outlet})-[:PUBLISHED]->(a:${Label.Article})-[:REPORTS]->(s)
   ${rowsReturn}`,
);

export const outletCoverage = cypher(
  'outlet coverage',
  `UNWIND $ids AS parentId
   MATCH (o:${Label.Outlet} {id: parentId})-[:PUBLISHED]->(a:${Label.Article})-[:REPORTS]->(s:${Label.Statement})
   MATCH (s)-[:ABOUT|STANCE*1..2]->(e:${Label.Event})
   WITH DISTINCT parentId, o, a, s, e
   ${rowsReturn}`,
);

interface CoverageRow {
  event: EventRecord;
  outlet: OutletRecord;
  article: ArticleRecord;
  statement: StatementRecord;
  stances: StanceRecord[];
}

function toRow(record: Neo4jRecord): CoverageRow {
  const statement = toStatement(props(record.get('s')));
  const stances = record.get('stances') as Array<{ claim: unknown; value: unknown; note: unknown }>;
  return {
    event: toEvent(props(record.get('e'))),
    outlet: toOutlet(props(record.get('o'))),
    article: toArticle(props(record.get('a'))),
    statement,
    stances: stances.map((stance) => toStance(statement, toClaim(props(stance.claim)), stance)),
  };
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

export async function loadEventCoverage(ctx: Context, ids: readonly string[], stances: StanceValue[] | null) {
  const rows = await loadGrouped(ctx, eventCoverage, ids, toRow, { stances });
  return rows.map((list) => group(list, 'outlet'));
}

export async function loadOutletCoverage(ctx: Context, ids: readonly string[], stances: StanceValue[] | null) {
  const rows = await loadGrouped(ctx, outletCoverage, ids, toRow, { stances });
  return rows.map((list) => group(list, 'event'));
}
