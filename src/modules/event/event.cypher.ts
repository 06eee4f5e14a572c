import { listPage, nodesById, relationPage } from '../../db/batch.js';
import { Label, Rel } from '../../domain/graph.js';
import { CONTESTED } from '../claim/claim.cypher.js';
import type { DatePrecision, EventKind } from '../../domain/vocabulary.js';
import { dateRange } from '../shared/dates.js';
import { keyOf, type DecodedId } from '../shared/lookup.js';
import { relatedQuery } from '../shared/related.js';
import { EVENT_SORT, ID_SORT, STATEMENT_SORT } from '../shared/sort.js';
import { recordReader, type StoredRecord } from '../../domain/record.js';
import { eventRecord } from './event.record.js';
import { eventsWithin, eventsWithinCount } from './place-count.js';

/** A event as the API reads it, derived from its declaration. */
export type EventRecord = StoredRecord<typeof eventRecord, { datePrecision: DatePrecision }>;
export const toEvent = recordReader<typeof eventRecord, { datePrecision: DatePrecision }>(eventRecord);

export const eventsById = nodesById(Label.Event);

/**
 * The conditions of `EventFilter` on `n`, for every list and count of events. Events overlap
 * [from, to] when they start by `to` and their period (which runs to the end of the day, month or
 * year the source gave) ends on or after `from`.
 */
const EVENT_PERIOD_FILTER = `($kinds IS NULL OR n.kind IN $kinds)
    AND ($from IS NULL OR n.periodEnd >= date($from))
    AND ($to IS NULL OR n.startDate <= date($to))`;
export const EVENT_FILTER = `${EVENT_PERIOD_FILTER}
    AND ($within IS NULL OR EXISTS { MATCH (n)-[:OCCURRED_IN]->(:${Label.Place})-[:WITHIN*0..]->(:${Label.Place} {id: $within}) })`;

/** The parameters of EVENT_FILTER, read from an `EventFilter` argument (VALIDATION for a bad date or ID). */
export function eventFilterParams(filter: { kinds?: EventKind[] | null; from?: string | null; to?: string | null; within?: DecodedId | null } | null | undefined) {
  return {
    kinds: filter?.kinds ?? null,
    ...dateRange(filter?.from, filter?.to),
    within: filter?.within ? keyOf(filter.within, 'Place', 'filter.within') : null,
  };
}

/**
 * The two kinds of events that overlap a range from `$from` (all events without it): those
 * starting on or after it, which the (start date, key) index walks from `$from` itself in the
 * page's order (the key's condition only lets the planner seek that index), and the few that
 * started before it and run past it, whose period is longer than a day and so has a `spanEnd`
 * (see event.record.ts) to seek.
 */
const FROM_BRANCHES = [
  { condition: `n.spanEnd >= date($from) AND n.startDate < date($from)`, using: `n:${Label.Event}(spanEnd)` },
  { condition: `n.startDate >= coalesce(date($from), ${EVENT_SORT.bounds!.lowest}) AND n.id IS NOT NULL`, using: `n:${Label.Event}(startDate, id)` },
];

const NO_PERIOD_FILTER = '$kinds IS NULL AND $from IS NULL AND $to IS NULL';

/**
 * How many events `EventFilter` keeps, at a cost that does not grow with the events when it names
 * at most a place: all events, from the count store; the events within a place, from the degrees
 * of the places below it (eventsWithinCount). With a kind or a date, the events within the place are walked
 * from it (growing with the answer, not the graph), or all events are.
 */
const EVENT_COUNT = `CALL () {
    WITH $within AS within WHERE within IS NULL AND ${NO_PERIOD_FILTER}
    RETURN COUNT { (:${Label.Event}) } AS total
    UNION ALL
    WITH $within AS within WHERE within IS NOT NULL AND ${NO_PERIOD_FILTER}
    OPTIONAL MATCH (place:${Label.Place} {id: within})
    RETURN CASE WHEN place IS NULL THEN 0 ELSE ${eventsWithinCount('place')} END AS total
    UNION ALL
    WITH $within AS within WHERE NOT (${NO_PERIOD_FILTER})
    CALL (within) {
      MATCH ${eventsWithin(`:${Label.Place} {id: within}`)} RETURN DISTINCT n
      UNION ALL
      WITH within WHERE within IS NULL MATCH (n:${Label.Event}) RETURN n
    }
    WITH n WHERE ${EVENT_PERIOD_FILTER}
    RETURN count(DISTINCT n) AS total
  }
  RETURN total`;

export const eventList = listPage({
  name: 'events',
  match: `MATCH (n:${Label.Event})`,
  filter: EVENT_FILTER,
  sortKey: EVENT_SORT,
  branches: FROM_BRANCHES,
  count: EVENT_COUNT,
});

/**
 * Events at places within `$radiusMeters` of `$center`, the same filters applying. Starting from
 * the places lets the point index answer the distance test.
 */
export const eventsNearList = listPage({
  name: 'events near',
  match: `MATCH (place:${Label.Place}) WHERE point.distance(place.location, point($center)) <= $radiusMeters
    MATCH (place)<-[:OCCURRED_IN]-(n:${Label.Event})
    WITH DISTINCT n`,
  filter: EVENT_FILTER,
  sortKey: EVENT_SORT,
});

/** Events at places inside a latitude/longitude box (crossing the 180th meridian when west > east). */
export const eventsInBoxList = listPage({
  name: 'events in box',
  match: `MATCH (place:${Label.Place}) WHERE point.withinBBox(place.location, point($southWest), point($northEast))
    MATCH (place)<-[:OCCURRED_IN]-(n:${Label.Event})
    WITH DISTINCT n`,
  filter: EVENT_FILTER,
  sortKey: EVENT_SORT,
});

export const eventPlaces = relatedQuery('event places', Label.Event, `(p)-[:OCCURRED_IN]->(n:${Label.Place})`, 'n.name');
export const eventPartOf = relatedQuery('event part of', Label.Event, `(p)-[:PART_OF]->(n:${Label.Event})`);
export const eventParts = relatedQuery('event parts', Label.Event, `(p)<-[:PART_OF]-(n:${Label.Event})`, 'n.startDate, n.id');

/** The claims about an event (and, with `$sameIncident`, the events confirmed as the same incident); `$contested` true or false keeps only the contested or uncontested ones. */
export const eventClaims = relationPage({
  name: 'event claims',
  parent: Label.Event,
  pattern: `(p)-[:${Rel.SAME_INCIDENT}*0..1]-(i:${Label.Event})<-[:ABOUT]-(n:${Label.Claim})`,
  filter: `($sameIncident OR i = p) AND ($contested IS NULL OR (${CONTESTED}) = $contested)`,
  sortKey: ID_SORT,
});

/** Statements about an event (and, with `$sameIncident`, its incident's): directly, or through a stance on one of its claims. */
export const eventStatements = relationPage({
  name: 'event statements',
  parent: Label.Event,
  pattern: `(p)-[:${Rel.SAME_INCIDENT}*0..1]-(i:${Label.Event})<-[:ABOUT|STANCE*1..2]-(n:${Label.Statement})`,
  filter: '($sameIncident OR i = p) AND ($kinds IS NULL OR n.kind IN $kinds)',
  sortKey: STATEMENT_SORT,
});

export const eventMedia = relatedQuery('event media', Label.Event, `(p)<-[:DEPICTS]-(n:${Label.MediaItem})`);
