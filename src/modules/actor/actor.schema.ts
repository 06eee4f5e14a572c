import { builder } from '../../builder.js';
import { ActorKindEnum, StatementKindEnum } from '../shared/enums.js';
import { toAttribution, toClaim } from '../claim/claim.cypher.js';
import { AttributionObject } from '../claim/claim.ref.js';
import { OrganizationUnion } from '../node/unions.js';
import { toRecord } from '../node/records.js';
import { OutletNode } from '../outlet/outlet.ref.js';
import { toOutlet } from '../outlet/outlet.cypher.js';
import { keyArgDescription, loadByIdOrKey, lookupKey } from '../shared/lookup.js';
import { childSelections, foldedOrUndefined, type ChildSelection } from '../shared/lookahead.js';
import { handedOverOr, loadFolded } from '../../db/batch.js';
import { Label } from '../../domain/graph.js';
import type { Context } from '../../context.js';
import { loadRelated, loadRelatedOne } from '../shared/related.js';
import { provenanceField } from '../source/source.ref.js';
import { StatementConnection } from '../statement/statement.ref.js';
import { toStatement } from '../statement/statement.cypher.js';
import {
  actorAttributions,
  actorList,
  actorMembers,
  actorMemberBodies,
  actorMemberOf,
  actorPartOf,
  actorParts,
  actorOutlets,
  actorRoles,
  actorStatements,
  actorStatementsOnBehalf,
  toActor,
  toRole,
  type ActorRecord,
} from './actor.cypher.js';
import { ActorConnection, ActorNode, RoleObject } from './actor.ref.js';
import type { OutletRecord } from '../outlet/outlet.cypher.js';

RoleObject.implement({
  description: 'A role an actor holds in an organization (the spokesperson of a ministry, the editor of a blog).',
  fields: (t) => ({
    holder: t.field({ type: ActorNode, description: 'Who holds the role.', resolve: (role) => role.holder }),
    organization: t.field({
      type: OrganizationUnion,
      description: 'The body the role is in.',
      resolve: (role) => role.organization,
    }),
    title: t.exposeString('title', { description: 'The title of the role, as the source gives it.' }),
    note: t.exposeString('note', { nullable: true, description: 'Where the role comes from.' }),
  }),
});

ActorNode.implement({
  description:
    'A person, organization, state, military, armed group or NGO that acts, speaks or is spoken about.',
  fields: (t) => ({
    key: t.exposeString('id', { description: 'The natural key of the actor.' }),
    name: t.exposeString('name', { description: 'The name most sources use.' }),
    kind: t.expose('kind', { type: ActorKindEnum, description: 'What kind of actor this is.' }),
    aliases: t.exposeStringList('aliases', { description: 'Other names sources use for the actor.' }),
    countryCode: t.exposeString('countryCode', { nullable: true, description: 'ISO 3166-1 alpha-2 code of its country, if any.' }),
    roles: t.loadableList({
      type: RoleObject,
      description: 'Roles this actor holds in organizations.',
      load: (ids: string[], ctx) =>
        loadRelated(ctx, actorRoles, ids, (node, rel, label, actor) =>
          toRole(toActor(actor), toRecord(label, node) as ActorRecord | OutletRecord, rel),
        ),
      resolve: (actor) => actor.id,
    }),
    members: t.loadableList({
      type: RoleObject,
      description: 'Actors holding a role in this one (a ministry’s spokespeople).',
      load: (ids: string[], ctx) =>
        loadRelated(ctx, actorMembers, ids, (node, rel, _label, organization) =>
          toRole(toActor(node), toActor(organization), rel),
        ),
      resolve: (actor) => actor.id,
    }),
    partOf: t.loadable({
      type: ActorNode,
      nullable: true,
      description: 'The larger body it is part of (the United States for its armed forces).',
      load: (ids: string[], ctx) => loadRelatedOne(ctx, actorPartOf, ids, toActor),
      resolve: (actor) => actor.id,
    }),
    parts: t.loadableList({
      type: ActorNode,
      description: 'The bodies that are part of it (a state’s armed forces).',
      load: (ids: string[], ctx) => loadRelated(ctx, actorParts, ids, toActor),
      resolve: (actor) => actor.id,
    }),
    memberOf: t.loadableList({
      type: ActorNode,
      description: 'The bodies it is a member of (the US-led coalition for the United States).',
      load: (ids: string[], ctx) => loadRelated(ctx, actorMemberOf, ids, toActor),
      resolve: (actor) => actor.id,
    }),
    memberActors: t.loadableList({
      type: ActorNode,
      description: 'The actors that are members of it (a coalition’s states). Not `members`, which are the people holding roles in it.',
      load: (ids: string[], ctx) => loadRelated(ctx, actorMemberBodies, ids, toActor),
      resolve: (actor) => actor.id,
    }),
    outlets: t.loadableList({
      type: OutletNode,
      description: 'Outlets this actor owns or runs (a state’s broadcasters, an NGO’s website).',
      load: (ids: string[], ctx) => loadRelated(ctx, actorOutlets, ids, toOutlet),
      resolve: (actor) => actor.id,
    }),
    statements: t.loadable({
      type: StatementConnection,
      byPath: true,
      description: 'Statements this actor made, oldest first.',
      args: { ...t.arg.connectionArgs(), kinds: t.arg({ type: [StatementKindEnum], description: 'Only statements of these kinds.' }) },
      load: (ids: string[], ctx, args) =>
        handedOverOr(ctx, actorStatements.relation, ids, args, (missing) => actorStatements(ctx, missing, args, toStatement, { kinds: args.kinds ?? null })),
      resolve: (actor) => actor.id,
    }),
    statementsOnBehalf: t.loadable({
      type: StatementConnection,
      byPath: true,
      description: 'Statements others made on behalf of this actor (a spokesperson for a ministry), oldest first.',
      args: { ...t.arg.connectionArgs(), kinds: t.arg({ type: [StatementKindEnum], description: 'Only statements of these kinds.' }) },
      load: (ids: string[], ctx, args) => actorStatementsOnBehalf(ctx, ids, args, toStatement, { kinds: args.kinds ?? null }),
      resolve: (actor) => actor.id,
    }),
    attributions: t.loadableList({
      type: AttributionObject,
      description: 'Claims that attribute a role in an event to this actor (as perpetrator, victim, ...).',
      load: (ids: string[], ctx) =>
        loadRelated(ctx, actorAttributions, ids, (node, rel, _label, actor) => toAttribution(toClaim(node), toActor(actor), rel)),
      resolve: (actor) => actor.id,
    }),
    provenance: t.field(provenanceField),
  }),
});

const ActorFilter = builder.inputType('ActorFilter', {
  description: 'Narrows a list of actors.',
  fields: (t) => ({
    kinds: t.field({ type: [ActorKindEnum], description: 'Only actors of these kinds.' }),
  }),
});

builder.queryFields((t) => ({
  actor: t.field({
    type: ActorNode,
    nullable: true,
    description: 'One actor by ID or by natural key; a NOT_FOUND error when there is none.',
    args: { id: t.arg.globalID({ description: 'The ID of an Actor (give id or key).' }), key: t.arg.string({ description: keyArgDescription('Actor') }) },
    resolve: async (_root, args, ctx, info) => {
      // An actor's statements are its page's main question: asked for from here, the actor and
      // the page (with its count when selected) come in one round trip instead of two.
      const [statements, ...others] = childSelections(info, 'statements');
      const fold = statements && others.length === 0 ? foldedOrUndefined(() => foldStatements(ctx, lookupKey(args, 'Actor'), statements)) : undefined;
      const actor = fold && (await loadFolded(ctx, Label.Actor, lookupKey(args, 'Actor'), [fold]));
      if (!actor) return loadByIdOrKey(ActorNode, ctx, args, 'Actor');
      const record = toActor(actor);
      ActorNode.getDataloader(ctx).prime(record.id, record);
      return record;
    },
  }),
  actors: t.field({
    type: ActorConnection,
    nullable: true,
    description: 'Actors by name, filtered by kind.',
    args: { ...t.arg.connectionArgs(), filter: t.arg({ type: ActorFilter, description: 'Conditions the actors must meet.' }) },
    resolve: (_root, args, ctx) => actorList(ctx, args, toActor, { kinds: args.filter?.kinds ?? null }),
  }),
}));

/** An actor's statements as `actor(id:)` reads them with the actor (see loadFolded). */
function foldStatements(ctx: Context, key: string, selection: ChildSelection) {
  const args = selection.args as { kinds?: string[] | null };
  return actorStatements.fold(ctx, key, selection.args, toStatement, { kinds: args.kinds ?? null }, selection.fields.has('totalCount'));
}
