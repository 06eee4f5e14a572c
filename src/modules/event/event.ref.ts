import { builder } from '../../builder.js';
import { loadNodes } from '../../db/batch.js';
import { EventKindEnum } from '../shared/enums.js';
import { eventsById, toEvent, type EventRecord } from './event.cypher.js';

export const EventNode = builder.loadableNodeRef<EventRecord>('Event', {
  id: { resolve: (event) => event.id },
  load: (ids: string[], ctx) => loadNodes(ctx, eventsById, ids, toEvent),
});

export const EventConnection = builder.connectionObject(
  { type: EventNode, name: 'EventConnection', description: 'A page of events.' },
  { name: 'EventEdge', description: 'An event in a page of events.' },
);

export const EventFilter = builder.inputType('EventFilter', {
  description: 'Narrows a list of events; all given conditions must hold.',
  fields: (t) => ({
    kinds: t.field({ type: [EventKindEnum], description: 'Only events of these kinds.' }),
    from: t.string({ description: 'Only events overlapping the period from this date (YYYY, YYYY-MM or YYYY-MM-DD).' }),
    to: t.string({ description: 'Only events overlapping the period up to this date (YYYY, YYYY-MM or YYYY-MM-DD).' }),
    within: t.globalID({ description: 'Only events that occurred in this place or anywhere within it (a Place ID).' }),
  }),
});
