import type { Context } from '../../context.js';
import { claimEvent } from '../claim/claim.cypher.js';
import { toEvent } from '../event/event.cypher.js';
import { loadRelated } from '../shared/related.js';
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
