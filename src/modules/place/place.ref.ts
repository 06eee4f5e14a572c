import { builder } from '../../builder.js';
import { loadNodes } from '../../db/batch.js';
import { placesById, toPlace, type PlaceRecord } from './place.cypher.js';

export const PlaceNode = builder.loadableNodeRef<PlaceRecord>('Place', {
  id: { resolve: (place) => place.id },
  load: (ids: string[], ctx) => loadNodes(ctx, placesById, ids, toPlace),
});

export const PlaceConnection = builder.connectionObject(
  { type: PlaceNode, name: 'PlaceConnection', description: 'A page of places.' },
  { name: 'PlaceEdge', description: 'A place in a page of places.' },
);
