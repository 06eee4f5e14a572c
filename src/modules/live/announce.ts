import type { Context } from '../../context.js';
import { toEvent } from '../event/event.cypher.js';
import { loadRelated } from '../shared/related.js';
import { statementEvents } from '../statement/statement.cypher.js';

/**
 * Tells subscribers what a write changed: each written event is updated, and each written
 * statement is added to every event it is about (directly or through its claims).
 */
export async function announce(ctx: Context, written: { events?: string[]; statements?: string[] }): Promise<void> {
  const { pubsub } = ctx.live;
  for (const event of written.events ?? []) pubsub.publish('event-updated', event, { event });
  const statements = written.statements ?? [];
  if (statements.length === 0) return;
  const eventsOf = await loadRelated(ctx, statementEvents, statements, toEvent);
  statements.forEach((statement, index) => {
    for (const event of eventsOf[index] ?? []) pubsub.publish('statement-added', event.id, { statement });
  });
}
