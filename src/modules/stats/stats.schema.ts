import { builder } from '../../builder.js';
import { ActorNode } from '../actor/actor.ref.js';
import { StanceCountObject } from '../contest/contest.ref.js';
import { eventFilterParams } from '../event/event.cypher.js';
import { EventFilter } from '../event/event.ref.js';
import { EventKindEnum, StatementKindEnum } from '../shared/enums.js';
import { OutletNode } from '../outlet/outlet.ref.js';
import { PlaceNode } from '../place/place.ref.js';
import { dateRange } from '../shared/dates.js';
import { keyOf, type DecodedId } from '../shared/lookup.js';
import type { EventKind } from '../../domain/vocabulary.js';
import type { PlaceRecord } from '../place/place.cypher.js';
import {
  countEvents,
  countEventsByPlace,
  eventCountsByKind,
  eventCountsByMonth,
  loadOutletCounts,
  loadStatementCounts,
  type EventCountsRecord,
  type KeyCount,
  type OutletCountsRecord,
  type StatementCountsRecord,
} from './stats.cypher.js';

const EventKindCountObject = builder.objectRef<KeyCount>('EventKindCount');
EventKindCountObject.implement({
  description: 'How many events are of one kind.',
  fields: (t) => ({
    kind: t.field({ type: EventKindEnum, description: 'The kind.', resolve: (c) => c.key as EventKind }),
    events: t.exposeInt('events', { description: 'How many events are of it.' }),
  }),
});

const EventPeriodCountObject = builder.objectRef<KeyCount>('EventPeriodCount');
EventPeriodCountObject.implement({
  description: 'How many events started in one month (or, for events known only to the year, one year).',
  fields: (t) => ({
    period: t.exposeString('key', { description: 'The month, YYYY-MM, or the year, YYYY, for events dated only to the year.' }),
    events: t.exposeInt('events', { description: 'How many events started then.' }),
  }),
});

const EventPlaceCountObject = builder.objectRef<{ place: PlaceRecord; events: number }>('EventPlaceCount');
EventPlaceCountObject.implement({
  description: 'How many events occurred in one place.',
  fields: (t) => ({
    place: t.field({ type: PlaceNode, description: 'The place.', resolve: (c) => c.place }),
    events: t.exposeInt('events', { description: 'How many events occurred there.' }),
  }),
});

const EventCountsObject = builder.objectRef<EventCountsRecord>('EventCounts');
EventCountsObject.implement({
  description: 'Counts of the events matching a filter, computed in the database; each grouping runs only when selected.',
  fields: (t) => ({
    byKind: t.field({
      type: [EventKindCountObject],
      description: 'Events by kind, most first.',
      resolve: (c, _args, ctx) => countEvents(ctx, eventCountsByKind, c.params),
    }),
    byMonth: t.field({
      type: [EventPeriodCountObject],
      description: 'Events by the month they started, in order; events known only to the year are counted under the year.',
      resolve: (c, _args, ctx) => countEvents(ctx, eventCountsByMonth, c.params),
    }),
    byPlace: t.field({
      type: [EventPlaceCountObject],
      description: 'Events by the place they occurred in, most first.',
      resolve: (c, _args, ctx) => countEventsByPlace(ctx, c.params),
    }),
  }),
});

const StatementKindCountObject = builder.objectRef<StatementCountsRecord['byKind'][number]>('StatementKindCount');
StatementKindCountObject.implement({
  description: 'How many statements are of one kind.',
  fields: (t) => ({
    kind: t.field({ type: StatementKindEnum, description: 'The kind.', resolve: (c) => c.kind }),
    statements: t.exposeInt('statements', { description: 'How many statements are of it.' }),
  }),
});

const StatementCountsObject = builder.objectRef<StatementCountsRecord>('StatementCounts');
StatementCountsObject.implement({
  description: 'An actor’s statements (made by it or on its behalf), counted by kind and by position.',
  fields: (t) => ({
    byKind: t.field({ type: [StatementKindCountObject], description: 'Statements by kind, most first.', resolve: (c) => c.byKind }),
    byStance: t.field({
      type: [StanceCountObject],
      description: 'Statements by the position they take on claims, most first (a statement counts once under each position it takes).',
      resolve: (c) => c.byStance,
    }),
  }),
});

const OutletCountsObject = builder.objectRef<OutletCountsRecord>('OutletCoverageCounts');
OutletCountsObject.implement({
  description: 'What an outlet carried, counted: its articles, the statements they reported, the events those are about, and their positions.',
  fields: (t) => ({
    articles: t.exposeInt('articles', { description: 'How many articles it published.' }),
    statements: t.exposeInt('statements', { description: 'How many statements its articles carried.' }),
    events: t.exposeInt('events', { description: 'How many events the carried statements are about.' }),
    byStance: t.field({
      type: [StanceCountObject],
      description: 'Carried statements by the position they take (assertions, denials, ...), most first.',
      resolve: (c) => c.byStance,
    }),
  }),
});

const StatementCountFilter = builder.inputType('StatementCountFilter', {
  description: 'Narrows the statements counted; all given conditions must hold.',
  fields: (t) => ({
    event: t.globalID({ description: 'Only statements about this event (an Event ID).' }),
    from: t.string({ description: 'Only statements that may have been made on or after this date (YYYY, YYYY-MM or YYYY-MM-DD): their date’s period ends on or after its first day ("2016-10" is kept from 2016-10-15). Undated ones are left out.' }),
    to: t.string({ description: 'Only statements that may have been made on or before this date (YYYY, YYYY-MM or YYYY-MM-DD): their date’s period starts on or before its last day. Undated ones are left out.' }),
  }),
});

type StatementCountFilterArgs = { event?: DecodedId | null; from?: string | null; to?: string | null } | null | undefined;

function statementCountParams(filter: StatementCountFilterArgs) {
  return {
    event: filter?.event ? keyOf(filter.event, 'Event', 'filter.event') : null,
    ...dateRange(filter?.from, filter?.to),
  };
}

builder.objectField(ActorNode, 'statementCounts', (t) =>
  t.loadable({
    type: StatementCountsObject,
    byPath: true,
    description: 'The actor’s statements (made by it or on its behalf), counted by kind and by position; batched across actors.',
    args: { filter: t.arg({ type: StatementCountFilter, description: 'Conditions the counted statements must meet.' }) },
    // async, so that a bad filter rejects (a VALIDATION error) instead of throwing inside DataLoader.
    load: async (ids: string[], ctx, args) => loadStatementCounts(ctx, ids, statementCountParams(args.filter)),
    resolve: (actor) => actor.id,
  }),
);

builder.objectField(OutletNode, 'coverageCounts', (t) =>
  t.loadable({
    type: OutletCountsObject,
    byPath: true,
    description: 'How many articles, statements and events the outlet carried, and the statements by position; batched across outlets.',
    args: { filter: t.arg({ type: StatementCountFilter, description: 'Conditions the counted statements must meet (articles are counted whatever they carry).' }) },
    load: async (ids: string[], ctx, args) => loadOutletCounts(ctx, ids, statementCountParams(args.filter)),
    resolve: (outlet) => outlet.id,
  }),
);

builder.queryFields((t) => ({
  eventCounts: t.field({
    type: EventCountsObject,
    description: 'Counts of events by kind, month and place, with the same filter as `events`.',
    args: { filter: t.arg({ type: EventFilter, description: 'Conditions the counted events must meet.' }) },
    resolve: (_root, args) => ({ params: eventFilterParams(args.filter) }),
  }),
}));
