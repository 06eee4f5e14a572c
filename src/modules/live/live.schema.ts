import { builder } from '../../builder.js';
import { EventNode } from '../event/event.ref.js';
import { keyOf } from '../shared/lookup.js';
import { StatementNode } from '../statement/statement.ref.js';

builder.subscriptionType({
  description: 'Live updates over Server-Sent Events (`Accept: text/event-stream`), fed by writes.',
});

builder.subscriptionFields((t) => ({
  statementAdded: t.field({
    type: StatementNode,
    description: 'Each statement written (added or changed) about this event, as it is written.',
    args: { eventId: t.arg.globalID({ required: true, description: 'The ID of the Event to follow.' }) },
    subscribe: (_root, { eventId }, ctx) => ctx.live.pubsub.subscribe('statement-added', keyOf(eventId, 'Event', 'eventId')),
    resolve: (payload, _args, ctx) => {
      const loader = StatementNode.getDataloader(ctx);
      loader.clear(payload.statement);
      return loader.load(payload.statement);
    },
  }),
  eventUpdated: t.field({
    type: EventNode,
    description: 'The event each time it is written, or one of its claims is.',
    args: { id: t.arg.globalID({ required: true, description: 'The ID of the Event to follow.' }) },
    subscribe: (_root, { id }, ctx) => ctx.live.pubsub.subscribe('event-updated', keyOf(id, 'Event')),
    resolve: (payload, _args, ctx) => {
      const loader = EventNode.getDataloader(ctx);
      loader.clear(payload.event);
      return loader.load(payload.event);
    },
  }),
}));
