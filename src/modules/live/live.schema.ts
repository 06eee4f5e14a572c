import { builder } from '../../builder.js';
import type { Context } from '../../context.js';
import { EventNode } from '../event/event.schema.js';
import { claimEvent } from '../claim/claim.cypher.js';
import { toEvent } from '../event/event.cypher.js';
import { keyOf } from '../shared/lookup.js';
import { loadRelated } from '../shared/related.js';
import { StatementNode } from '../statement/statement.schema.js';
import { statementEvents } from '../statement/statement.cypher.js';

/**
 * Tells subscribers what a write changed: each written event is updated, and so is the event of
 * each written claim; each written statement is added to every event it is about (directly or
 * through its claims).
 */
export async function announce(ctx: Context, written: { events?: string[]; claims?: string[]; statements?: string[] }): Promise<void> {
  const { pubsub } = ctx.live;
  const claims = written.claims ?? [];
  const claimEvents = claims.length > 0 ? (await loadRelated(ctx, claimEvent, claims, toEvent)).flat().map((event) => event.id) : [];
  for (const event of new Set([...(written.events ?? []), ...claimEvents])) pubsub.publish('event-updated', event, { event });
  const statements = written.statements ?? [];
  if (statements.length === 0) return;
  const eventsOf = await loadRelated(ctx, statementEvents, statements, toEvent);
  statements.forEach((statement, index) => {
    for (const event of eventsOf[index] ?? []) pubsub.publish('statement-added', event.id, { statement });
  });
}

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
