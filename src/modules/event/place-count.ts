import { cypher } from '../../db/database.js';
import { setStorageProperty } from '../../db/values.js';
import { Label, Rel, StorageProperty } from '../../domain/graph.js';
import { setEventCell } from '../resolution/match-cell.js';

/**
 * How many places an event occurred in, stored on the event (storage, not vocabulary) only when
 * more than one, with a range index, so that the events with several places are sought, never
 * scanned for. A count of the events within a place adds up the degrees of the places below it (a
 * read of each place's relationship counts, whatever the number of events) and takes off the
 * repeats of these few events (see event.cypher.ts): one answer per event, at a cost that does not
 * grow with the events.
 *
 * Every write that can change it (an event's places, a place merged or deleted) ends with
 * `refreshPlaceDerived` (or `setPlaceDerived`) over the events it touched; migrate() backfills the rest.
 */
export const PLACE_COUNT = StorageProperty.placeCount;

const placesOfN = `COUNT { (n)-[:${Rel.OCCURRED_IN}]->() }`;

/** Sets the place count of the event bound as `n` where it is not what it should be. */
export const setPlaceCount = setStorageProperty(PLACE_COUNT, `CASE WHEN ${placesOfN} > 1 THEN ${placesOfN} END`);

/**
 * Sets again what the event bound as `n` derives from its places: its match cell (match-cell.ts)
 * and its place count. What every write that changes an event's places, or takes one away, ends with.
 */
export const setPlaceDerived = `CALL (n) { ${setEventCell} }
   CALL (n) { ${setPlaceCount} }`;

export const refreshPlaceDerived = cypher(
  'refresh what events derive from their places',
  `UNWIND $ids AS id
   MATCH (n:${Label.Event} {id: id})
   ${setPlaceDerived}`,
);

/**
 * The events `n` that occurred at the place `place` (a variable, or a node pattern such as
 * `:Place {id: $id}`) or at a place below it: an event once per such place.
 */
export const eventsWithin = (place: string) =>
  `(${place})<-[:${Rel.WITHIN}*0..]-(:${Label.Place})<-[:${Rel.OCCURRED_IN}]-(n:${Label.Event})`;

/**
 * How many events occurred at the place bound as `place` or at a place below it, each once: the
 * degrees of those places (every OCCURRED_IN comes from an event), less the repeats of the events
 * in several of them. Its cost is the number of places below, whatever the number of events.
 */
export const eventsWithinCount = (place: string) => `(
  reduce(total = 0, degree IN COLLECT {
    MATCH (${place})<-[:${Rel.WITHIN}*0..]-(below:${Label.Place}) WITH DISTINCT below
    RETURN COUNT { (below)<-[:${Rel.OCCURRED_IN}]-() } } | total + degree)
  - reduce(total = 0, repeats IN COLLECT {
    MATCH (n:${Label.Event}) USING INDEX SEEK n:${Label.Event}(${PLACE_COUNT}) WHERE n.${PLACE_COUNT} > 1
    WITH COUNT { MATCH (n)-[:${Rel.OCCURRED_IN}]->(at:${Label.Place}) WHERE EXISTS { (at)-[:${Rel.WITHIN}*0..]->(${place}) } } AS inside
    WHERE inside > 1 RETURN inside - 1 } | total + repeats))`;
