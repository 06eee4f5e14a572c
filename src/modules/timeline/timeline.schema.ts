import { builder } from '../../builder.js';
import type { Edge } from '../../db/pagination.js';
import { invalid } from '../../domain/errors.js';
import { ActorNode } from '../actor/actor.ref.js';
import { ArticleNode } from '../article/article.ref.js';
import { EventNode } from '../event/event.ref.js';
import { PlaceNode } from '../place/place.ref.js';
import { DateIntervalObject, intervalOf } from '../shared/date-interval.js';
import { dateRange } from '../shared/dates.js';
import { sameIncidentArg } from '../shared/incident.js';
import { loadOrNotFound } from '../shared/lookup.js';
import { StatementNode } from '../statement/statement.ref.js';
import { actorTimeline, eventTimeline, placeTimeline, readTimelineKey, toTimelineRecord, type TimelineRecord } from './timeline.cypher.js';

const TimelineItemUnion = builder.unionType('TimelineItem', {
  description: 'An entry of a time line: a statement (dated when made) or an article (dated when published).',
  types: () => [StatementNode, ArticleNode],
  resolveType: (record: TimelineRecord) => record.__typename,
});

const TimelineConnection = builder.connectionObject(
  {
    type: TimelineItemUnion,
    name: 'TimelineConnection',
    description:
      'A page of a time line, oldest first, undated entries last. Entries are ordered by the first day their date can mean; an answer comes after what it answers (respondsTo) and an article after the statements it carries, even when their dates tie; other entries whose dates tie follow each other by key, which says nothing about time (see TimelineEdge.sameTimeAsPrevious).',
  },
  {
    name: 'TimelineEdge',
    description: 'An entry in a page of a time line, with the days its date can mean and whether the dates order it after the entry before it.',
    fields: (t) => ({
      when: t.field({
        type: DateIntervalObject,
        nullable: true,
        description: 'The days the entry’s date can mean (a statement’s madeAt, an article’s publishedAt); null when undated.',
        resolve: (edge) => {
          const { node } = edge as Edge<TimelineRecord>;
          return intervalOf(node.__typename === 'Statement' ? node.madeAt : node.publishedAt);
        },
      }),
      sameTimeAsPrevious: t.boolean({
        nullable: true,
        description:
          'Whether the dates leave it open which came first, this entry or the one before it on the time line (on this page or the previous one): true when this entry may be as early as the last day the one before it can mean ("2016-10" beside "2016-10-24", or two statements of "2016-10"). The order is then the graph’s links (an answer after what it answers) or, without one, keys. False for the first entry and where the dates order it; null when it is undated.',
        resolve: (edge) => {
          const { sortKey, previousSortKey } = edge as Edge<TimelineRecord>;
          const own = readTimelineKey(sortKey!);
          if (!own) return null;
          const before = previousSortKey == null ? null : readTimelineKey(previousSortKey);
          return before !== null && own.earliest <= before.end;
        },
      }),
    }),
  },
);

const TimelineFilter = builder.inputType('TimelineFilter', {
  description: 'Narrows a time line; all given conditions must hold.',
  fields: (t) => ({
    from: t.string({
      description: 'Only entries whose date may fall on or after this date (YYYY, YYYY-MM or YYYY-MM-DD): "2016-10" is kept from 2016-10-15. Undated ones are left out.',
    }),
    to: t.string({ description: 'Only entries whose date may fall on or before this date (YYYY, YYYY-MM or YYYY-MM-DD); undated ones are left out.' }),
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

