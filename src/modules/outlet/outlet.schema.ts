import { builder } from '../../builder.js';
import { OutletKindEnum } from '../shared/enums.js';
import { ActorNode, RoleObject } from '../actor/actor.ref.js';
import { toActor, toRole } from '../actor/actor.cypher.js';
import { ArticleConnection } from '../article/article.ref.js';
import { toArticle } from '../article/article.cypher.js';
import { loadOrNotFound, keyArgDescription, loadByIdOrKey } from '../shared/lookup.js';
import { loadRelated } from '../shared/related.js';
import { provenanceField } from '../source/source.ref.js';
import { outletArticles, outletList, outletOperators, outletStaff, toOutlet } from './outlet.cypher.js';
import { OutletConnection, OutletNode } from './outlet.ref.js';

OutletNode.implement({
  description: 'A media outlet: a wire, a broadcaster, a newspaper, state media, a blog, an NGO’s publications.',
  fields: (t) => ({
    key: t.exposeString('id', { description: 'The natural key of the outlet.' }),
    name: t.exposeString('name', { description: 'The outlet’s name.' }),
    kind: t.expose('kind', { type: OutletKindEnum, description: 'What kind of outlet this is.' }),
    domains: t.exposeStringList('domains', { description: 'Web domains the outlet publishes on.' }),
    country: t.exposeString('country', { nullable: true, description: 'ISO 3166-1 alpha-2 code of its home country.' }),
    stateAffiliation: t.exposeString('stateAffiliation', {
      nullable: true,
      description: 'ISO 3166-1 alpha-2 code of the state that funds or controls it, if any.',
    }),
    operators: t.loadableList({
      type: ActorNode,
      description: 'Actors that own or run the outlet.',
      load: (ids: string[], ctx) => loadRelated(ctx, outletOperators, ids, toActor),
      resolve: (outlet) => outlet.id,
    }),
    staff: t.loadableList({
      type: RoleObject,
      description: 'People holding roles at the outlet (editors, photographers).',
      load: (ids: string[], ctx) =>
        loadRelated(ctx, outletStaff, ids, (node, rel, _label, outlet) => toRole(toActor(node), toOutlet(outlet), rel)),
      resolve: (outlet) => outlet.id,
    }),
    articles: t.loadable({
      type: ArticleConnection,
      byPath: true,
      description: 'Articles the outlet published, oldest first.',
      args: { ...t.arg.connectionArgs() },
      load: (ids: string[], ctx, args) => outletArticles(ctx, ids, args, toArticle),
      resolve: (outlet) => outlet.id,
    }),
    provenance: t.field(provenanceField),
  }),
});

const OutletFilter = builder.inputType('OutletFilter', {
  description: 'Narrows a list of outlets; all given conditions must hold.',
  fields: (t) => ({
    kinds: t.field({ type: [OutletKindEnum], description: 'Only outlets of these kinds.' }),
    stateAffiliated: t.boolean({ description: 'Only state-affiliated outlets (true) or only independent ones (false).' }),
  }),
});

builder.queryFields((t) => ({
  outlet: t.field({
    type: OutletNode,
    nullable: true,
    description: 'One outlet by ID or by natural key; a NOT_FOUND error when there is none.',
    args: { id: t.arg.globalID({ description: 'The ID of an Outlet (give id or key).' }), key: t.arg.string({ description: keyArgDescription('Outlet') }) },
    resolve: (_root, args, ctx) => loadByIdOrKey(OutletNode, ctx, args, 'Outlet'),
  }),
  outlets: t.field({
    type: OutletConnection,
    nullable: true,
    description: 'Outlets by name, filtered by kind and state affiliation.',
    args: { ...t.arg.connectionArgs(), filter: t.arg({ type: OutletFilter, description: 'Conditions the outlets must meet.' }) },
    resolve: (_root, args, ctx) =>
      outletList(ctx, args, toOutlet, {
        kinds: args.filter?.kinds ?? null,
        stateAffiliated: args.filter?.stateAffiliated ?? null,
      }),
  }),
}));
