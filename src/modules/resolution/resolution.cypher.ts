import type { Context } from '../../context.js';
import { loadGrouped } from '../../db/batch.js';
import { cypher } from '../../db/database.js';
import { props } from '../../db/values.js';
import { Label, Rel } from '../../domain/graph.js';
import type { MatchStatus } from '../../domain/vocabulary.js';
import { toEvent, type EventRecord } from '../event/event.cypher.js';
import { MATCH_WINDOW_CLASSES, MAX_DATE_UNCERTAINTY_DAYS } from '../../domain/partial-date.js';
import { firstLocatedPlace, MATCH_CELL, MATCH_FROM, MATCH_TO, MATCH_WINDOW_CLASS } from './match-cell.js';

/**
 * The incident an event belongs to, for reads that show "one incident": the event `root` and, when
 * `$sameIncident` is true, every event confirmed as the same incident (`member`). Confirmed
 * components are kept as SAME_INCIDENT links between every two members (maintained by
 * `relinkIncidents`), so a read takes one hop, never a walk over MATCHES chains.
 */
export const incidentMember = (root: string, member: string) =>
  `(${root})-[:${Rel.SAME_INCIDENT}*0..1]-(${member}:${Label.Event}) WHERE ($sameIncident OR ${member} = ${root})`;

/** The place matching reads of an event, as `place` of EventFeatures. */
const LOCATED_PLACE = '{id: p.id, kind: p.kind, latitude: p.location.latitude, longitude: p.location.longitude}';

/**
 * Blocking: the events near a point whose window meets a probe's days. Each probe lists the cells
 * around its point (see match-cell.ts) and the kinds it may match: the cells are sought with each
 * class of window (MATCH_WINDOW_CLASSES) in the (cell, window class, window start) index, and in
 * the (cell, span end) index for the few events longer than a day whose window starts further back
 * (SEEK: on a store of a few events the planner would scan the whole index, the plan that grows
 * with the graph); the kinds are read from each event found (a seek per kind as well made three
 * times the seeks, most of them empty: twice the time where events are dense or sparse); then an
 * event is kept when the place matching reads of it lies within `nearMeters`, or is of a coarse
 * kind within `$farMeters`. Each candidate comes with what tells whether it may match
 * (EventSketch: its kind, dates and place).
 * Each probe: key, latitude, longitude, nearMeters, cells, kinds, first and last (the days a
 * candidate's window must meet).
 */
export const eventsNearProbe = cypher(
  'resolution candidates',
  `UNWIND $probes AS probe
   CALL (probe) {
     UNWIND probe.cells AS cell
     UNWIND ${JSON.stringify(MATCH_WINDOW_CLASSES)} AS windowClass
     MATCH (o:${Label.Event}) USING INDEX SEEK o:${Label.Event}(${MATCH_CELL}, ${MATCH_WINDOW_CLASS}, ${MATCH_FROM})
     WHERE o.${MATCH_CELL} = cell AND o.${MATCH_WINDOW_CLASS} = windowClass AND o.kind IN probe.kinds
       AND o.${MATCH_FROM} >= date(probe.first) - duration({days: windowClass}) AND o.${MATCH_FROM} <= date(probe.last)
       AND o.${MATCH_TO} >= date(probe.first)
     RETURN o
     UNION
     UNWIND probe.cells AS cell
     MATCH (o:${Label.Event}) USING INDEX SEEK o:${Label.Event}(${MATCH_CELL}, spanEnd)
     WHERE o.${MATCH_CELL} = cell AND o.spanEnd >= date(probe.first) - duration({days: ${MAX_DATE_UNCERTAINTY_DAYS}})
       AND o.kind IN probe.kinds AND o.${MATCH_FROM} <= date(probe.last) AND o.${MATCH_TO} >= date(probe.first)
     RETURN o
   }
   WITH probe, o, point({latitude: probe.latitude, longitude: probe.longitude}) AS at, ${firstLocatedPlace('o', 'p')} AS p
   WHERE point.distance(p.location, at) <= probe.nearMeters OR (p.kind IN $coarseKinds AND point.distance(p.location, at) <= $farMeters)
   RETURN probe.key AS key,
          collect(DISTINCT {event: o {.id, .kind, .startDate, .endDate, .datePrecision, .dateUncertaintyDays}, place: ${LOCATED_PLACE}}) AS events`,
);

/** The first located place (by key) the statement bound as `s` mentions, as `place` of StatementFeatures. */
const firstMentionedPlace = (s: string) =>
  `head(COLLECT { MATCH (${s})-[:${Rel.MENTIONS}]->(p:${Label.Place}) WHERE p.location IS NOT NULL RETURN ${LOCATED_PLACE} ORDER BY p.id })`;

/** The top body (what the actor is part of, to the top) of the actor `pattern` leads to, as {id, name}. */
const topBodyOf = (pattern: string) =>
  `head(COLLECT { MATCH ${pattern}(:${Label.Actor})-[:${Rel.PART_OF}*0..3]->(top:${Label.Actor}) WHERE NOT (top)-[:${Rel.PART_OF}]->() RETURN top {.id, .name} })`;

/**
 * Statements imported before the event they are about (an accusation coded a day before the strike
 * reached GDELT, an ACLED event loaded after the GDELT files): machine-coded statements (they
 * carry an id in a dataset) about no event yet, mentioning a place filed in one of `$cells` on a day
 * between its `from` and `to`. Each with what matching reads of it: its place, its articles, and
 * the top body (what it is part of, to the top) of its speaker's side and of its addressee's.
 * Statements written by hand that are about no event say so on purpose and are left alone.
 */
export const statementsAwaitingEvent = cypher(
  'statements awaiting their event',
  `UNWIND $cells AS near
   MATCH (p:${Label.Place} {${MATCH_CELL}: near.cell})<-[:${Rel.MENTIONS}]-(s:${Label.Statement})
   WHERE s.madeAt >= date(near.from) AND s.madeAt <= date(near.to)
     AND EXISTS { (s)<-[:${Rel.IDENTIFIES}]-(:${Label.ExternalRecord}) }
     AND NOT EXISTS { (s)-[:${Rel.ABOUT}]->(:${Label.Event}) }
     AND NOT EXISTS { (s)-[:${Rel.STANCE}]->(:${Label.Claim})-[:${Rel.ABOUT}]->(:${Label.Event}) }
   WITH DISTINCT s
   RETURN s.id AS id, s.kind AS kind, s.note AS note, toString(s.madeAt) AS madeAt, s.madeAtPrecision AS madeAtPrecision,
          ${firstMentionedPlace('s')} AS place,
          ${topBodyOf(`(s)<-[:${Rel.MADE}]-`)} AS speakerTop,
          ${topBodyOf(`(s)-[:${Rel.ADDRESSED_TO}]->`)} AS addresseeTop,
          COLLECT { MATCH (s)<-[:${Rel.REPORTS}]-(a:${Label.Article}) RETURN DISTINCT a.url } AS articles`,
);

/** An audit entry for each statement the resolver attached to the event it is about. */
export const auditStatementsAttached = cypher(
  'audit statements attached',
  `UNWIND $attached AS attached
   CREATE (:${Label.AuditEntry} {id: randomUUID(), action: 'STATEMENT_ATTACHED', label: '${Label.Statement}', key: attached.statement,
           by: $resolver, at: datetime(), relationships: 1, properties: attached.json})`,
);

/** What matching reads of each event: the event, its most precise located place, the actors, articles and tolls around it. */
export const eventFeatures = cypher(
  'resolution features',
  `UNWIND $ids AS id
   MATCH (e:${Label.Event} {id: id})
   RETURN e,
          ${firstLocatedPlace('e', LOCATED_PLACE)} AS place,
          COLLECT { MATCH (e)<-[:${Rel.ABOUT}]-(:${Label.Claim})-[:${Rel.ATTRIBUTES_TO}]->(:${Label.Actor})-[:${Rel.PART_OF}|${Rel.MEMBER_OF}*0..3]->(a:${Label.Actor})
                    RETURN DISTINCT a.id } AS actors,
          COLLECT { MATCH (e)<-[:${Rel.ABOUT}]-(:${Label.Claim})-[r:${Rel.ATTRIBUTES_TO}]->(:${Label.Actor})-[:${Rel.PART_OF}*0..3]->(top:${Label.Actor})
                    WHERE NOT (top)-[:${Rel.PART_OF}]->() AND r.role IN ['PERPETRATOR', 'TARGET', 'VICTIM']
                    RETURN DISTINCT CASE r.role WHEN 'PERPETRATOR' THEN 'by:' ELSE 'on:' END + top.id } AS attributions,
          COLLECT { MATCH (e)<-[:${Rel.ABOUT}|${Rel.STANCE}*1..2]-(:${Label.Statement})<-[:${Rel.REPORTS}]-(a:${Label.Article})
                    RETURN DISTINCT a.url } AS articles,
          COLLECT { MATCH (e)<-[:${Rel.ABOUT}]-(c:${Label.Claim}) WHERE c.casualtiesMin IS NOT NULL AND c.casualtiesMin = c.casualtiesMax
                    RETURN DISTINCT c.casualtiesMin } AS tolls,
          COLLECT { MATCH (e)<-[:${Rel.IDENTIFIES}]-(x:${Label.ExternalRecord}) RETURN DISTINCT split(x.id, ':')[0] } AS datasets`,
);

/** Of the events `$ids`, those an article reports together with another event. */
export const eventsSharingAnArticle = cypher(
  'events sharing an article',
  `UNWIND $ids AS id
   MATCH (e:${Label.Event} {id: id})
   WHERE EXISTS {
     MATCH (e)<-[:${Rel.ABOUT}|${Rel.STANCE}*1..2]-(:${Label.Statement})<-[:${Rel.REPORTS}]-(:${Label.Article})
           -[:${Rel.REPORTS}]->(:${Label.Statement})-[:${Rel.ABOUT}|${Rel.STANCE}*1..2]->(other:${Label.Event})
     WHERE other <> e
   }
   RETURN e.id AS id`,
);

/** The actors a statement names, with the bodies they are part or members of (the same reach as an event's actors). */
export const actorsUpward = cypher(
  'resolution actors upward',
  `UNWIND $ids AS id
   MATCH (:${Label.Actor} {id: id})-[:${Rel.PART_OF}|${Rel.MEMBER_OF}*0..3]->(a:${Label.Actor})
   RETURN id, collect(DISTINCT a.id) AS actors`,
);

/**
 * The resolver's proposals for pairs it compared (a.id < b.id, so a pair has one relationship).
 * A pair an editor decided keeps the decision: a rejected pair is never proposed again. A pair that
 * no longer passes loses the resolver's own proposal. A change of status leaves an audit entry.
 */
export const writeProposals = cypher(
  'resolution proposals',
  `UNWIND $pairs AS pair
   MATCH (a:${Label.Event} {id: pair.a}), (b:${Label.Event} {id: pair.b})
   OPTIONAL MATCH (a)-[old:${Rel.MATCHES}]-(b)
   WITH a, b, pair, old WHERE old IS NULL OR old.decidedBy IS NULL OR old.decidedBy = $resolver
   WITH a, b, pair, old, old.status AS before
   CALL (a, b, pair, old) {
     WITH a, b, pair, old WHERE pair.status IS NULL AND old IS NOT NULL
     DELETE old
   }
   CALL (a, b, pair, before) {
     WITH a, b, pair, before WHERE pair.status IS NOT NULL
     MERGE (a)-[m:${Rel.MATCHES}]->(b)
     ON CREATE SET m.proposedAt = datetime()
     SET m.score = pair.score, m.reasons = pair.reasons, m.status = pair.status,
         m.decidedBy = CASE pair.status WHEN 'CONFIRMED' THEN $resolver END,
         m.decidedAt = CASE WHEN pair.status = 'CONFIRMED' AND before = 'CONFIRMED' THEN m.decidedAt WHEN pair.status = 'CONFIRMED' THEN datetime() END
   }
   WITH a, b, pair, before WHERE coalesce(before, 'NONE') <> coalesce(pair.status, 'NONE')
   CREATE (:${Label.AuditEntry} {id: randomUUID(), action: 'MATCH_' + coalesce(pair.status, 'WITHDRAWN'), label: '${Label.Event}',
           key: a.id + ' ' + b.id, by: $resolver, at: datetime(), relationships: 1,
           properties: '{"statusBefore":"' + coalesce(before, 'NONE') + '","score":' + coalesce(toString(pair.score), 'null') + '}'})
   RETURN a.id AS a, b.id AS b, before, pair.status AS status`,
);

/** An editor's decision on a pair, whatever the resolver proposed, with the state before it (`$beforeJson`) in the audit entry. */
export const matchDecision = cypher(
  'decide match',
  `MATCH (a:${Label.Event} {id: $a}), (b:${Label.Event} {id: $b})
   OPTIONAL MATCH (a)-[old:${Rel.MATCHES}]-(b)
   CALL (a, b, old) { WITH a, b, old WHERE old IS NULL MERGE (a)-[:${Rel.MATCHES} {proposedAt: datetime()}]->(b) }
   MATCH (a)-[m:${Rel.MATCHES}]-(b)
   SET m.status = $status, m.decidedBy = $by, m.decidedAt = datetime(), m.note = $note
   CREATE (:${Label.AuditEntry} {id: randomUUID(), action: 'MATCH_' + $status, label: '${Label.Event}', key: a.id + ' ' + b.id,
           by: $by, at: datetime(), relationships: 1, properties: $beforeJson})
   RETURN m, a, b`,
);

/** Gives a pair back to the resolver: its decision cleared, its status what the last score says. */
export const matchReopening = cypher(
  'reopen match',
  `MATCH (a:${Label.Event} {id: $a})-[m:${Rel.MATCHES}]-(b:${Label.Event} {id: $b})
   SET m.status = CASE WHEN m.score >= $confirmAt THEN 'CONFIRMED' ELSE 'CANDIDATE' END,
       m.decidedBy = CASE WHEN m.score >= $confirmAt THEN $resolver END,
       m.decidedAt = CASE WHEN m.score >= $confirmAt THEN datetime() END, m.note = null
   CREATE (:${Label.AuditEntry} {id: randomUUID(), action: 'MATCH_REOPENED', label: '${Label.Event}', key: a.id + ' ' + b.id,
           by: $by, at: datetime(), relationships: 1, properties: $beforeJson})
   RETURN m, a, b`,
);

export const matchBetween = cypher(
  'match between',
  `MATCH (a:${Label.Event} {id: $a})-[m:${Rel.MATCHES}]-(b:${Label.Event} {id: $b}) RETURN m`,
);

/** One step of a walk over confirmed matches. */
export const confirmedNeighbours = cypher(
  'confirmed neighbours',
  `UNWIND $ids AS id
   MATCH (:${Label.Event} {id: id})-[m:${Rel.MATCHES} {status: 'CONFIRMED'}]-(o:${Label.Event})
   RETURN DISTINCT id AS from, o.id AS id`,
);

/** Each event's incident as stored: the events it is linked to (every other member, two by two). */
export const incidentMembers = cypher(
  'incident members',
  `UNWIND $ids AS id
   MATCH (e:${Label.Event} {id: id})
   RETURN id, [(e)-[:${Rel.SAME_INCIDENT}]-(o:${Label.Event}) | o.id] AS members`,
);

/** The SAME_INCIDENT links that touch these events, each once, as stored (from, to). */
export const incidentLinks = cypher(
  'incident links',
  `UNWIND $members AS id
   MATCH (:${Label.Event} {id: id})-[r:${Rel.SAME_INCIDENT}]-(:${Label.Event})
   WITH DISTINCT r
   RETURN startNode(r).id AS a, endNode(r).id AS b`,
);

/** Deletes the stale SAME_INCIDENT links (as stored: from, to) and creates the missing ones. */
export const relinkIncident = cypher(
  'relink incident',
  `CALL () {
     UNWIND $stale AS pair
     MATCH (:${Label.Event} {id: pair[0]})-[r:${Rel.SAME_INCIDENT}]->(:${Label.Event} {id: pair[1]})
     DELETE r
   }
   UNWIND $missing AS pair
   MATCH (a:${Label.Event} {id: pair[0]}), (b:${Label.Event} {id: pair[1]})
   CREATE (a)-[:${Rel.SAME_INCIDENT}]->(b)`,
);

/** Each event's matches, best first. */
export const eventMatches = cypher(
  'event matches',
  `UNWIND $ids AS parentId
   MATCH (:${Label.Event} {id: parentId})-[m:${Rel.MATCHES}]-(o:${Label.Event})
   WHERE $statuses IS NULL OR m.status IN $statuses
   RETURN parentId, m, o ORDER BY parentId, m.score DESC, o.id`,
);

/** Every event, in pages by key, for resolving the whole graph. */
export const eventKeysAfter = cypher(
  'event keys after',
  `MATCH (e:${Label.Event}) WHERE e.id > $after RETURN e.id AS id ORDER BY e.id LIMIT $limit`,
);

export const eventTotal = cypher('event total', `MATCH (e:${Label.Event}) RETURN count(e) AS events`);

/** A proposed or decided match, as the API reads it: the other event and the relationship's properties. */
export interface MatchRecord {
  __typename: 'EventMatch';
  event: EventRecord;
  score: number | null;
  status: MatchStatus;
  reasons: string[];
  decidedBy: string | null;
  decidedAt: string | null;
  proposedAt: string | null;
  note: string | null;
}

export function toMatch(other: unknown, relationship: unknown): MatchRecord {
  const m = props(relationship);
  return {
    __typename: 'EventMatch',
    event: toEvent(props(other)),
    score: (m.score as number | null) ?? null,
    status: m.status as MatchStatus,
    reasons: (m.reasons as string[] | null) ?? [],
    decidedBy: (m.decidedBy as string | null) ?? null,
    decidedAt: (m.decidedAt as string | null) ?? null,
    proposedAt: (m.proposedAt as string | null) ?? null,
    note: (m.note as string | null) ?? null,
  };
}

export function loadMatches(ctx: Context, ids: readonly string[], statuses: MatchStatus[] | null): Promise<MatchRecord[][]> {
  return loadGrouped(ctx, eventMatches, ids, (record) => toMatch(record.get('o'), record.get('m')), { statuses });
}
