import SchemaBuilder from '@pothos/core';
import DataloaderPlugin from '@pothos/plugin-dataloader';
import RelayPlugin from '@pothos/plugin-relay';
import type { Context } from './context.js';
import { assertNodeType, decodeGlobalID, encodeGlobalID } from './global-id.js';

export const builder = new SchemaBuilder<{
  Context: Context;
  Scalars: { JSON: { Input: unknown; Output: unknown } };
  Connection: { totalCount: () => Promise<number> };
  DefaultFieldNullability: false;
  DefaultEdgesNullability: false;
  DefaultNodeNullability: false;
}>({
  plugins: [RelayPlugin, DataloaderPlugin],
  defaultFieldNullability: false,
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
        assertNodeType(info.schema, id.typename);
        return resolveNode(id);
      },
    },
    nodesQueryOptions: {
      description: 'Fetches several objects by global ID, in the order given; null where nothing has that ID.',
      resolve: (_root, { ids }, _ctx, info, resolveNodes) => {
        for (const id of ids) assertNodeType(info.schema, id.typename);
        return resolveNodes(ids);
      },
    },
    cursorFieldOptions: { description: 'Opaque position of this edge, for `after` and `before`.' },
    nodeFieldOptions: { description: 'The object at this edge.' },
    edgesFieldOptions: { description: 'The edges of this page, in order.' },
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
