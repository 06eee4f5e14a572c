import { builder } from '../../builder.js';
import { ClaimConnection } from '../claim/claim.ref.js';
import { MediaItemNode } from '../media/media.ref.js';
import { PlaceNode } from '../place/place.ref.js';
import { DateIntervalObject, intervalOf } from '../shared/date-interval.js';
import { DatePrecisionEnum, EventKindEnum, StatementKindEnum } from '../shared/enums.js';
import { keyOf, loadOrNotFound, orNotFound, type DecodedId, type IdOrKey, keyArgDescription, loadByIdOrKey, lookupKey } from '../shared/lookup.js';
import type { GraphQLResolveInfo } from 'graphql';
import { handedOverOr, loadFolded, type Fold } from '../../db/batch.js';
import { Label } from '../../domain/graph.js';
import { sameIncidentArg } from '../shared/incident.js';
import { checkedPoint, checkedRadiusKm, MAX_RADIUS_KM, type LatLng } from '../shared/geo.js';
import { invalid } from '../../domain/errors.js';
import type { StanceValue } from '../../domain/vocabulary.js';
import { coverageProjection, loadEventWithCoverage } from '../coverage/coverage.cypher.js';
import { childNodes, childSelections, foldedOrUndefined, responseKey } from '../shared/lookahead.js';
import type { Context } from '../../context.js';
import { loadRelated, loadRelatedOne } from '../shared/related.js';
import { provenanceField } from '../source/source.ref.js';
import { StatementConnection } from '../statement/statement.ref.js';
import { sides, toClaim } from '../claim/claim.cypher.js';
import { toMediaItem } from '../media/media.cypher.js';
import { toPlace } from '../place/place.cypher.js';
import { toStatement } from '../statement/statement.cypher.js';
import {
  eventClaims,
  eventList,
  eventsInBoxList,
  eventsNearList,
  eventMedia,
  eventPartOf,
  eventParts,
  eventPlaces,
  eventStatements,
  eventFilterParams,
  toEvent,
  type EventRecord,
} from './event.cypher.js';
import { EventConnection, EventFilter, EventNode } from './event.ref.js';

EventNode.implement({
  description:
    'Something that happened at a place and time (an airstrike, a campaign). It holds only undisputed facts: who did it and how many died are Claims that Statements assert or deny.',
  fields: (t) => ({
    key: t.exposeString('id', { description: 'The natural key of the event (stable across imports).' }),
    kind: t.expose('kind', { type: EventKindEnum, description: 'What kind of event this is.' }),
    title: t.exposeString('title', { description: 'A short neutral title.' }),
    summary: t.exposeString('summary', { nullable: true, description: 'What is undisputed about the event.' }),
    startDate: t.exposeString('startDate', {
      description: 'When it started, as precisely as known: YYYY, YYYY-MM or YYYY-MM-DD (see datePrecision).',
    }),
    endDate: t.exposeString('endDate', { nullable: true, description: 'When it ended, if it spanned a period and the end is known.' }),
    datePrecision: t.expose('datePrecision', { type: DatePrecisionEnum, description: 'How precise startDate and endDate are.' }),
    period: t.field({
      type: DateIntervalObject,
      description: 'The days the event can have taken place on: from the first day startDate can mean to the last day endDate (or, without one, startDate) can mean. Filters by date test overlap with it.',
      resolve: (event) => {
        const start = intervalOf(event.startDate)!;
        return { first: start.first, last: intervalOf(event.endDate)?.last ?? start.last, precision: start.precision };
      },
    }),
    places: t.loadableList({
      type: PlaceNode,
      description: 'Where the event occurred.',
      load: (ids: string[], ctx) => loadRelated(ctx, eventPlaces, ids, toPlace),
      resolve: (event) => event.id,
    }),
    partOf: t.loadable({
      type: EventNode,
      nullable: true,
      description: 'The larger event (a campaign, an offensive) this one is part of.',
      load: (ids: string[], ctx) => loadRelatedOne(ctx, eventPartOf, ids, toEvent),
      resolve: (event) => event.id,
    }),
    parts: t.loadableList({
      type: EventNode,
      description: 'Smaller events that are part of this one.',
      load: (ids: string[], ctx) => loadRelated(ctx, eventParts, ids, toEvent),
      resolve: (event) => event.id,
    }),
    claims: t.loadable({
      type: ClaimConnection,
      byPath: true,
      description: 'Contested or uncontested propositions about the event (who did it, how many died), by key; with its confirmed matches’ by default (each claim’s `event` says which record it is about).',
      args: {
        ...t.arg.connectionArgs(),
        contested: t.arg.boolean({ description: 'true: only contested claims (asserted and denied or disputed); false: only the others.' }),
        sameIncident: sameIncidentArg(t),
      },
      load: (ids: string[], ctx, args) => handedOverOr(ctx, eventClaims.relation, ids, args, (missing) => eventClaims(ctx, missing, args, toClaim, claimParams(args))),
      resolve: (event) => event.id,
    }),
    statements: t.loadable({
      type: StatementConnection,
      byPath: true,
      description: 'Statements about the event, directly or through a stance on one of its claims, oldest first; with its confirmed matches’ by default (each statement’s `provenance` says which source it came from).',
      args: {
        ...t.arg.connectionArgs(),
        kinds: t.arg({ type: [StatementKindEnum], description: 'Only statements of these kinds.' }),
        sameIncident: sameIncidentArg(t),
      },
      load: (ids: string[], ctx, args) =>
        handedOverOr(ctx, eventStatements.relation, ids, args, (missing) => eventStatements(ctx, missing, args, toStatement, statementParams(args))),
      resolve: (event) => event.id,
    }),
    media: t.loadableList({
      type: MediaItemNode,
      description: 'Photos, videos and other media said to depict the event.',
      load: (ids: string[], ctx) => loadRelated(ctx, eventMedia, ids, toMediaItem),
      resolve: (event) => event.id,
    }),
    provenance: t.field(provenanceField),
  }),
});

const LatLngInput = builder.inputType('LatLngInput', {
  description: 'A point on the globe (WGS 84).',
  fields: (t) => ({
    latitude: t.float({ required: true, description: 'Degrees north, -90 to 90.' }),
    longitude: t.float({ required: true, description: 'Degrees east, -180 to 180.' }),
  }),
});

builder.queryFields((t) => ({
  event: t.field({
    type: EventNode,
    nullable: true,
    description: 'One event by ID or by natural key; a NOT_FOUND error when there is none.',
    args: { id: t.arg.globalID({ description: 'The ID of an Event (give id or key).' }), key: t.arg.string({ description: keyArgDescription('Event') }) },
    resolve: async (_root, args, ctx, info) => {
      // The walk is the API's main question: when it is asked from here, the event and its
      // coverage come in one round trip instead of one per level.
      const [coverage] = childSelections(info, 'coverage').map((selection) => selection.args);
      if (!coverage) return loadEventPage(ctx, args, info);
      const key = lookupKey(args, 'Event');
      const stances = (coverage.stances as StanceValue[] | null | undefined) ?? null;
      // The coverage field's resolver sees the selections of its response key together.
      const [first, ...others] = childNodes(info, 'coverage');
      const projection = coverageProjection(info, [first!, ...others.filter((node) => responseKey(node) === responseKey(first!))]);
      const event = orNotFound(await loadEventWithCoverage(ctx, key, stances, (coverage.sameIncident as boolean | null | undefined) ?? true, projection), 'Event', key);
      EventNode.getDataloader(ctx).prime(key, event);
      return event;
    },
  }),
  events: t.field({
    type: EventConnection,
    nullable: true,
    description: 'Events, oldest first, filtered by kind, period and place.',
    args: {
      ...t.arg.connectionArgs(),
      filter: t.arg({ type: EventFilter, description: 'Conditions the events must meet.' }),
    },
    resolve: (_root, args, ctx) => eventList(ctx, args, toEvent, eventFilterParams(args.filter)),
  }),
  eventsNear: t.field({
    type: EventConnection,
    nullable: true,
    description: `Events at places within a radius of a point or of a place, oldest first, with the same filters as \`events\`. Give \`center\` or \`place\`, not both. Only places with coordinates count.`,
    args: {
      ...t.arg.connectionArgs(),
      center: t.arg({ type: LatLngInput, description: 'The centre, as a latitude and longitude.' }),
      place: t.arg.globalID({ description: 'The centre, as a place with coordinates (a Place ID).' }),
      radiusKm: t.arg.float({ required: true, description: `The radius in kilometres, more than 0 and at most ${MAX_RADIUS_KM}.` }),
      filter: t.arg({ type: EventFilter, description: 'Conditions the events must also meet.' }),
    },
    resolve: async (_root, args, ctx) => {
      if ((args.center == null) === (args.place == null)) throw invalid('Give either "center" or "place".', 'center');
      const radiusMeters = checkedRadiusKm(args.radiusKm) * 1000;
      const center = args.center ? checkedPoint(args.center, 'center') : await placeLocation(ctx, args.place!);
      return eventsNearList(ctx, args, toEvent, { ...eventFilterParams(args.filter), center, radiusMeters });
    },
  }),
  eventsInBox: t.field({
    type: EventConnection,
    nullable: true,
    description: 'Events at places inside a latitude/longitude box, oldest first, with the same filters as `events`. Only places with coordinates count.',
    args: {
      ...t.arg.connectionArgs(),
      southWest: t.arg({ type: LatLngInput, required: true, description: 'The south-west corner.' }),
      northEast: t.arg({ type: LatLngInput, required: true, description: 'The north-east corner (west of the south-west one when the box crosses the 180th meridian).' }),
      filter: t.arg({ type: EventFilter, description: 'Conditions the events must also meet.' }),
    },
    resolve: (_root, args, ctx) => {
      const southWest = checkedPoint(args.southWest, 'southWest');
      const northEast = checkedPoint(args.northEast, 'northEast');
      if (southWest.latitude > northEast.latitude) throw invalid('"southWest" must not lie north of "northEast".', 'southWest');
      return eventsInBoxList(ctx, args, toEvent, { ...eventFilterParams(args.filter), southWest, northEast });
    },
  }),
}));

/** The parameters of an event's claims page beside its connection arguments. */
function claimParams(args: { contested?: boolean | null; sameIncident?: boolean | null }) {
  return { ...sides, contested: args.contested ?? null, sameIncident: args.sameIncident ?? true };
}

/** The parameters of an event's statements page beside its connection arguments. */
function statementParams(args: { kinds?: readonly string[] | null; sameIncident?: boolean | null }) {
  return { kinds: args.kinds ?? null, sameIncident: args.sameIncident ?? true };
}

/**
 * `event(id:)` for an event's page: its places, claims and statements (each selected once) read
 * with the event in one round trip instead of one each.
 */
async function loadEventPage(ctx: Context, args: IdOrKey, info: GraphQLResolveInfo): Promise<EventRecord> {
  const single = (name: string) => {
    const selections = childSelections(info, name);
    return selections.length === 1 ? selections[0] : undefined;
  };
  const [places, claims, statements] = [single('places'), single('claims'), single('statements')];
  const folds = foldedOrUndefined(() => {
    const key = lookupKey(args, 'Event');
    return {
      key,
      folds: [
        ...(places ? [eventPlaces.fold(toPlace)] : []),
        ...(claims ? [eventClaims.fold(ctx, key, claims.args, toClaim, claimParams(claims.args), claims.fields.has('totalCount'))] : []),
        ...(statements ? [eventStatements.fold(ctx, key, statements.args, toStatement, statementParams(statements.args), statements.fields.has('totalCount'))] : []),
      ],
    };
  });
  const event = folds && folds.folds.length > 0 ? await loadFolded(ctx, Label.Event, folds.key, folds.folds as Fold<unknown>[]) : null;
  if (!event) return loadByIdOrKey(EventNode, ctx, args, 'Event');
  const record = toEvent(event);
  EventNode.getDataloader(ctx).prime(record.id, record);
  return record;
}

/** A place's coordinates, for a radius around it: NOT_FOUND for no such place, VALIDATION for one without coordinates. */
async function placeLocation(ctx: Context, id: DecodedId): Promise<LatLng> {
  const place = await loadOrNotFound(PlaceNode, ctx, id, 'Place', 'place');
  if (!place.location) throw invalid(`The place "${place.name}" has no coordinates to measure from.`, 'place');
  return place.location;
}
