import { listPage } from '../../db/batch.js';
import { Label } from '../../domain/graph.js';
import { toArticle, type ArticleRecord } from '../article/article.cypher.js';
import { incidentMember } from '../resolution/resolution.cypher.js';
import { TIMELINE_SORT } from '../shared/sort.js';
import { toStatement, type StatementRecord } from '../statement/statement.cypher.js';

export type TimelineRecord = StatementRecord | ArticleRecord;

export function toTimelineRecord(p: Record<string, unknown>, label: Label): TimelineRecord {
  return label === Label.Statement ? toStatement(p) : toArticle(p);
}

/**
 * A time line: the statements a subquery `statements` finds (binding `s` from the anchor `a`),
 * and the articles that carried them, by date, undated last.
 */
function timelineList(name: string, anchor: Label, statements: string) {
  return listPage({
    name,
    match: `MATCH (a:${anchor} {id: $anchor})
      CALL (a) { ${statements} }
      CALL (s) { RETURN s AS n UNION MATCH (s)<-[:REPORTS]-(n:${Label.Article}) RETURN n }
      WITH DISTINCT n`,
    filter: `($from IS NULL OR coalesce(n.madeAt, n.publishedAt) >= date($from))
      AND ($to IS NULL OR coalesce(n.madeAt, n.publishedAt) <= date($to))`,
    sortKey: TIMELINE_SORT,
  });
}

/** An event's statements, with its incident's when `$sameIncident`. */
export const eventTimeline = timelineList(
  'event timeline',
  Label.Event,
  `MATCH ${incidentMember('a', 'e')}
   MATCH (e)<-[:ABOUT|STANCE*1..2]-(s:${Label.Statement}) RETURN DISTINCT s`,
);

/** A place's statements: about events in it or anywhere within it, or mentioning it or a place within it. */
export const placeTimeline = timelineList(
  'place timeline',
  Label.Place,
  `MATCH (a)<-[:WITHIN*0..]-(:${Label.Place})<-[:OCCURRED_IN]-(:${Label.Event})<-[:ABOUT|STANCE*1..2]-(s:${Label.Statement}) RETURN s
   UNION
   MATCH (a)<-[:WITHIN*0..]-(:${Label.Place})<-[:MENTIONS]-(s:${Label.Statement}) RETURN s`,
);

/** An actor's statements: those it made and those made on its behalf. */
export const actorTimeline = timelineList(
  'actor timeline',
  Label.Actor,
  `MATCH (a)-[:MADE]->(s:${Label.Statement}) RETURN s
   UNION
   MATCH (a)<-[:ON_BEHALF_OF]-(s:${Label.Statement}) RETURN s`,
);
