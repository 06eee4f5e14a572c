import { builder } from '../../builder.js';
import { ActorNode } from '../actor/actor.ref.js';
import { ArticleNode } from '../article/article.ref.js';
import { EventNode } from '../event/event.ref.js';
import { OutletNode } from '../outlet/outlet.ref.js';
import { PlaceNode } from '../place/place.ref.js';
import { StatementNode } from '../statement/statement.ref.js';
import type { AnyRecord } from './records.js';

/**
 * Relations whose far end is one of several kinds. Every record carries its __typename, so the
 * union resolves without another query.
 */
const byTypename = (record: AnyRecord) => record.__typename;

export const OrganizationUnion = builder.unionType('Organization', {
  description: 'A body someone can hold a role in: an actor (a ministry) or an outlet (a newspaper, a blog).',
  types: () => [ActorNode, OutletNode],
  resolveType: byTypename,
});

export const CitedUnion = builder.unionType('Cited', {
  description: 'What an article or a statement cites: an article, an outlet, an actor or another statement.',
  types: () => [ArticleNode, OutletNode, ActorNode, StatementNode],
  resolveType: byTypename,
});

export const MentionedUnion = builder.unionType('Mentioned', {
  description: 'What a statement mentions: an actor, a place, an event or an outlet.',
  types: () => [ActorNode, PlaceNode, EventNode, OutletNode],
  resolveType: byTypename,
});

export const DepictedUnion = builder.unionType('Depicted', {
  description: 'What a media item depicts: an event or a place.',
  types: () => [EventNode, PlaceNode],
  resolveType: byTypename,
});
