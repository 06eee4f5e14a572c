import { cypher } from '../../db/database.js';
import { setStorageProperty } from '../../db/values.js';
import { Label, Rel, StorageProperty } from '../../domain/graph.js';

/**
 * How many places an event occurred in, stored on the event (storage, not vocabulary) only when
 * more than one, with a range index, so that the events with several places are sought, never
 * scanned for. A count of the events within a place adds up the degrees of the places below it (a
 * read of each place's relationship counts, whatever the number of events) and takes off the
 * repeats of these few events (see event.cypher.ts): one answer per event, at a cost that does not
 * grow with the events.
 *
 * Every write that can change it (an event's places, a place merged or deleted) ends with
 * `refreshPlaceCounts` (or `setPlaceCount`) over the events it touched; migrate() backfills the rest.
 */
export const PLACE_COUNT = StorageProperty.placeCount;

const placesOfN = `COUNT { (n)-[:${Rel.OCCURRED_IN}]->() }`;

/** Sets the place count of the event bound as `n` where it is not what it should be. */
export const setPlaceCount = setStorageProperty(PLACE_COUNT, `CASE WHEN ${placesOfN} > 1 THEN ${placesOfN} END`);

export const refreshPlaceCounts = cypher(
  'refresh place counts',
  `UNWIND $ids AS id
   MATCH (n:${Label.Event} {id: id})
   ${setPlaceCount}`,
);
