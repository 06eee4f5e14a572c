import { builder } from '../../builder.js';
import { PlaceKindEnum } from '../shared/enums.js';
import { invalid } from '../../domain/errors.js';
import { EventConnection } from '../event/event.ref.js';
import { toEvent } from '../event/event.cypher.js';
import { keyOf, loadOrNotFound, keyArgDescription, loadByIdOrKey } from '../shared/lookup.js';
import { loadRelated, loadRelatedOne } from '../shared/related.js';
import { provenanceField } from '../source/source.ref.js';
import {
  placeChildren,
  placeEvents,
  placeList,
  placeNear,
  placeNeighbours,
  placeParent,
  toPlace,
  type PlaceRecord,
} from './place.cypher.js';
import { PlaceConnection, PlaceNode } from './place.ref.js';

const GeoPoint = builder.objectRef<{ latitude: number; longitude: number }>('GeoPoint');

GeoPoint.implement({
  description: 'A WGS 84 position.',
  fields: (t) => ({
    latitude: t.exposeFloat('latitude', { description: 'Degrees north of the equator (negative: south).' }),
    longitude: t.exposeFloat('longitude', { description: 'Degrees east of Greenwich (negative: west).' }),
  }),
});

interface Proximity {
  place: PlaceRecord;
  distanceKm: number | null;
  direction: string | null;
  note: string | null;
}

const PlaceProximity = builder.objectRef<Proximity>('PlaceProximity');

PlaceProximity.implement({
  description: 'How one place lies relative to another, as a source describes it ("30 km south of Kirkuk").',
  fields: (t) => ({
    place: t.field({ type: PlaceNode, description: 'The other place.', resolve: (p) => p.place }),
    distanceKm: t.exposeFloat('distanceKm', { nullable: true, description: 'Distance in kilometres, if given.' }),
    direction: t.exposeString('direction', {
      nullable: true,
      description: 'Compass direction from the reference place to the described one (N, SE, ...), if given.',
    }),
    note: t.exposeString('note', { nullable: true, description: 'Where the relation comes from.' }),
  }),
});

const toProximity = (node: Record<string, unknown>, rel: Record<string, unknown>): Proximity => ({
  place: toPlace(node),
  distanceKm: (rel.distanceKm as number | undefined) ?? null,
  direction: (rel.direction as string | undefined) ?? null,
  note: (rel.note as string | undefined) ?? null,
});

PlaceNode.implement({
  description: 'A place: a country, a province, a city or a site, in a hierarchy (WITHIN) and with neighbours (NEAR).',
  fields: (t) => ({
    key: t.exposeString('id', { description: 'The natural key of the place.' }),
    name: t.exposeString('name', { description: 'The common English name.' }),
    kind: t.expose('kind', { type: PlaceKindEnum, description: 'What kind of place this is.' }),
    countryCode: t.exposeString('countryCode', { nullable: true, description: 'ISO 3166-1 alpha-2 code of its country.' }),
    location: t.field({
      type: GeoPoint,
      nullable: true,
      description: 'A representative point, when known.',
      resolve: (place) => place.location,
    }),
    parent: t.loadable({
      type: PlaceNode,
      nullable: true,
      description: 'The place this one lies within.',
      load: (ids: string[], ctx) => loadRelatedOne(ctx, placeParent, ids, toPlace),
      resolve: (place) => place.id,
    }),
    children: t.loadableList({
      type: PlaceNode,
      description: 'The places directly within this one.',
      load: (ids: string[], ctx) => loadRelated(ctx, placeChildren, ids, toPlace),
      resolve: (place) => place.id,
    }),
    near: t.loadableList({
      type: PlaceProximity,
      description: 'Reference places this one is described relative to ("Daquq lies 30 km S of Kirkuk").',
      load: (ids: string[], ctx) => loadRelated(ctx, placeNear, ids, toProximity),
      resolve: (place) => place.id,
    }),
    neighbours: t.loadableList({
      type: PlaceProximity,
      description: 'Places described relative to this one; direction is from this place to them.',
      load: (ids: string[], ctx) => loadRelated(ctx, placeNeighbours, ids, toProximity),
      resolve: (place) => place.id,
    }),
    events: t.loadable({
      type: EventConnection,
      byPath: true,
      description: 'Events that occurred here or anywhere within this place, oldest first.',
      args: { ...t.arg.connectionArgs() },
      load: (ids: string[], ctx, args) => placeEvents(ctx, ids, args, toEvent),
      resolve: (place) => place.id,
    }),
    provenance: t.field(provenanceField),
  }),
});

const PlaceFilter = builder.inputType('PlaceFilter', {
  description: 'Narrows a list of places; all given conditions must hold.',
  fields: (t) => ({
    kinds: t.field({ type: [PlaceKindEnum], description: 'Only places of these kinds.' }),
    countryCode: t.string({ description: 'Only places in this country (ISO 3166-1 alpha-2).' }),
    within: t.globalID({ description: 'Only places anywhere within this place (a Place ID).' }),
  }),
});

builder.queryFields((t) => ({
  place: t.field({
    type: PlaceNode,
    nullable: true,
    description: 'One place by ID or by natural key; a NOT_FOUND error when there is none.',
    args: { id: t.arg.globalID({ description: 'The ID of a Place (give id or key).' }), key: t.arg.string({ description: keyArgDescription('Place') }) },
    resolve: (_root, args, ctx) => loadByIdOrKey(PlaceNode, ctx, args, 'Place'),
  }),
  places: t.field({
    type: PlaceConnection,
    nullable: true,
    description: 'Places by name, filtered by kind, country and hierarchy.',
    args: { ...t.arg.connectionArgs(), filter: t.arg({ type: PlaceFilter, description: 'Conditions the places must meet.' }) },
    resolve: (_root, args, ctx) => {
      const filter = args.filter ?? {};
      if (filter.countryCode != null && !/^[A-Z]{2}$/.test(filter.countryCode)) {
        throw invalid('"filter.countryCode" must be an ISO 3166-1 alpha-2 code such as "IQ".', 'filter.countryCode');
      }
      return placeList(ctx, args, toPlace, {
        kinds: filter.kinds ?? null,
        countryCode: filter.countryCode ?? null,
        within: filter.within ? keyOf(filter.within, 'Place', 'filter.within') : null,
      });
    },
  }),
}));
