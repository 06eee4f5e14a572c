import { builder } from '../../builder.js';
import { EventNode } from '../event/event.ref.js';
import { loadOrNotFound } from '../shared/lookup.js';
import { StatementNode } from '../statement/statement.ref.js';

builder.subscriptionType({
  description:
    'Live updates, fed by writes: over Server-Sent Events (`Accept: text/event-stream`) or over WebSocket (graphql-ws, protocol `graphql-transport-ws`), both at /graphql.',
});

builder.subscriptionFields((t) => ({
  statementAdded: t.field({
    type: StatementNode,
    description: 'Each statement written (added or changed) about this event, as it is written; NOT_FOUND (and the end) when there is no such event.',
    args: { eventId: t.arg.globalID({ required: true, description: 'The ID of the Event to follow.' }) },
    subscribe: async (_root, { eventId }, ctx) =>
      ctx.live.pubsub.subscribe('statement-added', (await loadOrNotFound(EventNode, ctx, eventId, 'Event', 'eventId')).id),
    resolve: (payload, _args, ctx) => {
      const loader = StatementNode.getDataloader(ctx);
      loader.clear(payload.statement);
      return loader.load(payload.statement);
    },
  }),
  eventUpdated: t.field({
    type: EventNode,
    description: 'The event each time it is written, or one of its claims is; NOT_FOUND (and the end) when there is no such event.',
    args: { id: t.arg.globalID({ required: true, description: 'The ID of the Event to follow.' }) },
    subscribe: async (_root, { id }, ctx) => ctx.live.pubsub.subscribe('event-updated', (await loadOrNotFound(EventNode, ctx, id, 'Event')).id),
    resolve: (payload, _args, ctx) => {
      const loader = EventNode.getDataloader(ctx);
      loader.clear(payload.event);
      return loader.load(payload.event);
    },
  }),
}));
