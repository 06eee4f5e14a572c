import { eventsWithin, eventsWithinCount } from '../event/place-count.js';
import { listPage, nodesById, relationPage } from '../../db/batch.js';
import { Label } from '../../domain/graph.js';
import { relatedQuery } from '../shared/related.js';
import { EVENT_SORT, NAME_SORT } from '../shared/sort.js';
import { recordReader, type StoredRecord } from '../../domain/record.js';
import { placeRecord } from './place.record.js';

/** A place as the API reads it, derived from its declaration. */
export type PlaceRecord = StoredRecord<typeof placeRecord>;
export const toPlace = recordReader<typeof placeRecord>(placeRecord);




export const placesById = nodesById(Label.Place);

export const placeList = listPage({
  name: 'places',
  match: `MATCH (n:${Label.Place})`,
  filter: `($kinds IS NULL OR n.kind IN $kinds)
    AND ($countryCode IS NULL OR n.countryCode = $countryCode)
    AND ($within IS NULL OR EXISTS { MATCH (n)-[:WITHIN*1..]->(:${Label.Place} {id: $within}) })`,
  sortKey: NAME_SORT,
});

export const placeParent = relatedQuery('place parent', Label.Place, `(p)-[:WITHIN]->(n:${Label.Place})`);
export const placeChildren = relatedQuery('place children', Label.Place, `(p)<-[:WITHIN]-(n:${Label.Place})`, 'n.name');
/** Where this place lies relative to others ("30 km S of Kirkuk"), as the source put it. */
export const placeNear = relatedQuery('place near', Label.Place, `(p)-[r:NEAR]->(n:${Label.Place})`, 'n.name');
/** Places described as lying near this one. */
export const placeNeighbours = relatedQuery('place neighbours', Label.Place, `(p)<-[r:NEAR]-(n:${Label.Place})`, 'n.name');

export const placeEvents = relationPage({
  name: 'place events',
  parent: Label.Place,
  pattern: eventsWithin('p'),
  sortKey: EVENT_SORT,
  degree: { expression: eventsWithinCount('p') },
});
