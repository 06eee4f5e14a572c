import SchemaBuilder, { type SchemaTypes } from '@pothos/core';
import ComplexityPlugin from '@pothos/plugin-complexity';
import DataloaderPlugin from '@pothos/plugin-dataloader';
import RelayPlugin from '@pothos/plugin-relay';
import ScopeAuthPlugin, { AuthScopeFailureType, type AuthFailure } from '@pothos/plugin-scope-auth';
import { getNamedType, getNullableType, isListType, isObjectType, type GraphQLField } from 'graphql';
import type { Context } from './context.js';
import { roleError, type Role } from './http/auth.js';
import { DEFAULT_PAGE_SIZE } from './db/pagination.js';
import { assertNodeType, decodeGlobalID, encodeGlobalID } from './domain/global-id.js';

const PLAIN_LIST_MULTIPLIER = 10;

function requiredRole(failure: AuthFailure): Role | undefined {
  if (failure.kind === AuthScopeFailureType.AuthScope && failure.scope === 'role') return failure.parameter as Role;
  if (failure.kind === AuthScopeFailureType.AnyAuthScopes || failure.kind === AuthScopeFailureType.AllAuthScopes) {
    return failure.failures.map(requiredRole).find(Boolean);
  }
  return undefined;
}

/** The record type a list field returns (a connection's node type), or undefined for anything else. */
function itemTypename(field: GraphQLField<unknown, Context>): string | undefined {
  const type = getNamedType(field.type);
  if (!isObjectType(type)) return undefined;
  const edges = type.getFields().edges;
  if (!edges) return type.name;
  const edge = getNamedType(edges.type);
  const node = isObjectType(edge) ? edge.getFields().node : undefined;
  return node ? getNamedType(node.type).name : undefined;
}

/** `asked`, or fewer when the graph holds fewer records of the kind a nested list returns. */
function atMostHeld(ctx: Context, field: GraphQLField<unknown, Context>, asked: number): number {
  if (!ctx.graphSize || ctx.graphSize.roots.has(field)) return asked;
  const typename = itemTypename(field);
  const held = typename === undefined ? undefined : ctx.graphSize.counts.get(typename);
  return held === undefined ? asked : Math.min(asked, held);
}

export const builder = new SchemaBuilder<{
  Context: Context;
  Connection: { totalCount: () => Promise<number> };
  Scalars: { JSON: { Input: unknown; Output: unknown } };
  /** `authScopes: { role: 'editor' }` on a field: only keys with that role or a higher one may use it. */
  AuthScopes: { role: Role };
  DefaultFieldNullability: false;
  DefaultEdgesNullability: false;
  DefaultNodeNullability: false;
}>({
  plugins: [ScopeAuthPlugin, RelayPlugin, DataloaderPlugin, ComplexityPlugin],
  scopeAuth: {
    authScopes: (ctx) => ({ role: (role) => roleError(ctx.principal, role) === null }),
    // The client learns which key it needs (UNAUTHENTICATED) or that its key is too weak (FORBIDDEN).
    unauthorizedError: (_parent, ctx, _info, result) => {
      const role = requiredRole(result.failure);
      return (role && roleError(ctx.principal, role)) || result.message;
    },
  },
  defaultFieldNullability: false,
  // The cost model, enforced before execution (see operation-limits.ts): every field costs 1, and
  // what a field selects counts once per item it can return. A connection returns `first` (or
  // `last`) items, its default page when neither is given; a plain list has no page size, so its
  // selection counts ten times, the guess the complexity plugin makes too. A list nested in
  // another cannot return more records of a kind than the graph holds, so it counts at most that
  // many (db/graph-counts.ts): nested pages compound, and on a small graph the page sizes alone
  // would refuse questions that touch a few hundred records. A root field counts as asked.
  complexity: {
    fieldComplexity: (args, ctx, field) => {
      // `nodes(ids:)` returns one item per ID asked for.
      const pageSize = args.first ?? args.last ?? (Array.isArray(args.ids) ? args.ids.length : undefined);
      if (typeof pageSize === 'number') return { field: 1, multiplier: atMostHeld(ctx, field, Math.max(pageSize, 0)) };
      if (field.args.some((arg) => arg.name === 'first')) return { field: 1, multiplier: atMostHeld(ctx, field, DEFAULT_PAGE_SIZE) };
      return isListType(getNullableType(field.type)) ? { field: 1, multiplier: atMostHeld(ctx, field, PLAIN_LIST_MULTIPLIER) } : 1;
    },
  },
  relay: {
    encodeGlobalID,
    decodeGlobalID,
    cursorType: 'String',
    idFieldOptions: { description: 'Opaque global ID (Relay Global Object Identification).' },
    nodeTypeOptions: { description: 'An object with a global ID, fetchable with `node(id:)`.' },
    pageInfoTypeOptions: { description: 'Where a page sits in its connection (Relay cursor connections).' },
    nodeQueryOptions: {
      description: 'Fetches any object by its global ID; null when nothing has that ID.',
      resolve: (_root, { id }, _ctx, info, resolveNode) => {
        assertNodeType(info.schema, id, 'id');
        return resolveNode(id);
      },
    },
    nodesQueryOptions: {
      description: 'Fetches several objects by global ID, in the order given; null where nothing has that ID.',
      resolve: (_root, { ids }, _ctx, info, resolveNodes) => {
        for (const id of ids) assertNodeType(info.schema, id, 'ids');
        return resolveNodes(ids);
      },
    },
    cursorFieldOptions: { description: 'Opaque position of this edge, for `after` and `before`.' },
    nodeFieldOptions: { description: 'The object at this edge.' },
    // The connection already multiplied its selection by the page size; counting edges as a list
    // again would charge every page ten times over.
    edgesFieldOptions: { description: 'The edges of this page, in order.', complexity: { field: 0, multiplier: 1 } },
    pageInfoFieldOptions: { description: 'Paging information for this page.' },
    hasNextPageFieldOptions: { description: 'Whether more edges follow this page.' },
    hasPreviousPageFieldOptions: { description: 'Whether edges precede this page.' },
    startCursorFieldOptions: { description: 'Cursor of the first edge of this page.' },
    endCursorFieldOptions: { description: 'Cursor of the last edge of this page.' },
    firstArgOptions: { description: 'Page size, walking forward (at most 100; default 20).' },
    afterArgOptions: { description: 'Start after this cursor.' },
    lastArgOptions: { description: 'Page size, walking backward (at most 100).' },
    beforeArgOptions: { description: 'Start before this cursor.' },
  },
});

/** The builder's schema types, for helpers that make types from declarations. */
export type BuilderTypes = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T extends SchemaTypes> ? T : never;
