import { distinctCount, listPage } from '../../db/batch.js';
import { Label, Rel } from '../../domain/graph.js';
import { toArticle, type ArticleRecord } from '../article/article.cypher.js';
import { incidentMember } from '../resolution/resolution.cypher.js';
import { overlapsRange, periodEnd } from '../shared/dates.js';
import { textKey } from '../shared/sort.js';
import { toStatement, type StatementRecord } from '../statement/statement.cypher.js';

export type TimelineRecord = StatementRecord | ArticleRecord;

export function toTimelineRecord(p: Record<string, unknown>, label: Label): TimelineRecord {
  return label === Label.Statement ? toStatement(p) : toArticle(p);
}

const START = 'coalesce(n.madeAt, n.publishedAt)';
const PRECISION = 'coalesce(n.madeAtPrecision, n.publishedAtPrecision)';

/**
 * Where an entry stands on a time line, as text (see TimelineKey): "<earliest> <depth> <end>", or
 * "~" undated (last). Its earliest day is its own first day or, if later, the first day of anything
 * it answers or carries (RESPONDS_TO, an article's REPORTS), which cannot have come after it; depth
 * is its longest chain of such links, so among entries of one day an answer still follows what it
 * answers. Both links only lead from later to earlier records and never loop (respondsTo is acyclic).
 */
const TIMELINE_KEY = `CALL (n) {
    OPTIONAL MATCH chain = (n)-[:${Rel.RESPONDS_TO}|${Rel.REPORTS}*]->(m)
    RETURN coalesce(max(length(chain)), 0) AS depth, max(coalesce(m.madeAt, m.publishedAt)) AS answeredStart
  }
  WITH n, depth, answeredStart, ${START} AS start
  WITH n, CASE WHEN start IS NULL THEN '~'
    ELSE toString(CASE WHEN answeredStart > start THEN answeredStart ELSE start END) + ' ' + right('000' + toString(depth), 4)
         + ' ' + toString(${periodEnd('start', PRECISION)}) END AS timelineKey`;

const TIMELINE_SORT = textKey('timelineKey');

/** A time line's sort key read back: the earliest day the entry can be and the last (null undated). */
export interface TimelineKey {
  earliest: string;
  end: string;
}

export function readTimelineKey(key: string): TimelineKey | null {
  const [earliest, , end] = key.split(' ');
  return earliest && end ? { earliest, end } : null;
}

/**
 * A time line: the statements a subquery `statements` finds (binding `s` from the anchor `a`),
 * and the articles that carried them, by date (see TIMELINE_KEY), undated last.
 */
function timelineList(name: string, anchor: Label, statements: string) {
  const entries = `MATCH (a:${anchor} {id: $anchor})
      CALL (a) { ${statements} }
      CALL (s) { RETURN s AS n UNION MATCH (s)<-[:${Rel.REPORTS}]-(n:${Label.Article}) RETURN n }
      WITH DISTINCT n`;
  const filter = overlapsRange(START, PRECISION);
  return listPage({
    name,
    match: `${entries} ${TIMELINE_KEY}`,
    filter,
    keep: 'timelineKey',
    count: distinctCount(entries, filter),
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
