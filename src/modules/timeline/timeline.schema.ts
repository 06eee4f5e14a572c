import { builder } from '../../builder.js';
import { invalid } from '../../domain/errors.js';
import { ActorNode } from '../actor/actor.ref.js';
import { ArticleNode } from '../article/article.ref.js';
import { EventNode } from '../event/event.ref.js';
import { PlaceNode } from '../place/place.ref.js';
import { dateRange } from '../shared/dates.js';
import { sameIncidentArg } from '../shared/incident.js';
import { loadOrNotFound } from '../shared/lookup.js';
import { StatementNode } from '../statement/statement.ref.js';
import { actorTimeline, eventTimeline, placeTimeline, toTimelineRecord, type TimelineRecord } from './timeline.cypher.js';

const TimelineItemUnion = builder.unionType('TimelineItem', {
  description: 'An entry of a time line: a statement (dated when made) or an article (dated when published).',
  types: () => [StatementNode, ArticleNode],
  resolveType: (record: TimelineRecord) => record.__typename,
});

const TimelineConnection = builder.connectionObject(
  { type: TimelineItemUnion, name: 'TimelineConnection', description: 'A page of a time line, oldest first, undated entries last.' },
  { name: 'TimelineEdge', description: 'An entry in a page of a time line.' },
);

const TimelineFilter = builder.inputType('TimelineFilter', {
  description: 'Narrows a time line; all given conditions must hold.',
  fields: (t) => ({
    from: t.string({ description: 'Only entries dated on or after this date (YYYY, YYYY-MM or YYYY-MM-DD); undated ones are left out.' }),
    to: t.string({ description: 'Only entries dated on or before this date (YYYY, YYYY-MM or YYYY-MM-DD); undated ones are left out.' }),
  }),
});

builder.queryFields((t) => ({
  timeline: t.field({
    type: TimelineConnection,
    nullable: true,
    description:
      'The statements about an event, a place or an actor, and the articles that carried them, in date order (undated last). Give exactly one of event, place and actor; NOT_FOUND when it names nothing.',
    args: {
      ...t.arg.connectionArgs(),
      event: t.arg.globalID({ description: 'The statements about this event, directly or through its claims (an Event ID).' }),
      place: t.arg.globalID({
        description: 'The statements about events in this place or within it, or mentioning it or a place within it (a Place ID).',
      }),
      actor: t.arg.globalID({ description: 'The statements this actor made or that were made on its behalf (an Actor ID).' }),
      filter: t.arg({ type: TimelineFilter, description: 'Conditions the entries must meet.' }),
      sameIncident: sameIncidentArg(t),
    },
    resolve: async (_root, args, ctx) => {
      const given = [args.event, args.place, args.actor].filter((id) => id != null);
      if (given.length !== 1) throw invalid('Give exactly one of "event", "place" and "actor".', 'event');
      const range = dateRange(args.filter?.from, args.filter?.to);
      const [list, anchor] = args.event
        ? [eventTimeline, (await loadOrNotFound(EventNode, ctx, args.event, 'Event', 'event')).id]
        : args.place
          ? [placeTimeline, (await loadOrNotFound(PlaceNode, ctx, args.place, 'Place', 'place')).id]
          : [actorTimeline, (await loadOrNotFound(ActorNode, ctx, args.actor!, 'Actor', 'actor')).id];
      return list(ctx, args, toTimelineRecord, { anchor, ...range, sameIncident: args.sameIncident ?? true });
    },
  }),
}));

