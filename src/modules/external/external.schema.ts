import type { ObjectRef } from '@pothos/core';
import { builder, type BuilderTypes } from '../../builder.js';
import type { Label } from '../../domain/graph.js';
import type { BaseRecord } from '../../domain/record.js';
import { nodeRefOf, nodeRefs } from '../node/node-refs.js';
import { recordDeclarations, type RecordLabel } from '../records.js';
import { loadRelated } from '../shared/related.js';
import { recordsBySourceId, sourceIdsOf } from './external.cypher.js';

function sourceIdsField(label: RecordLabel): void {
  const query = sourceIdsOf(label as Label);
  builder.objectField(nodeRefOf(label) as unknown as ObjectRef<BuilderTypes, BaseRecord>, 'sourceIds', (t) =>
    t.loadableList({
      type: 'String',
      description: 'The ids the source datasets gave this record ("gdelt:599812001", "acled:IRQ12345", "cameo:USAMIL"), each as recordsBySourceId finds it.',
      load: (ids: string[], ctx) => loadRelated(ctx, query, ids, (node) => node.id as string),
      resolve: (record) => record.id,
    }),
  );
}

// Every kind whose declaration keeps ids from other datasets says which ones it came from.
for (const declaration of recordDeclarations) {
  if (Object.values(declaration.fields).some((field) => field.role === 'external')) sourceIdsField(declaration.label);
}

const LookedUpUnion = builder.unionType('SourceIdMatch', {
  description: 'A record a source’s own id became.',
  types: () => recordDeclarations.map((declaration) => nodeRefs[declaration.typename]) as never[],
  resolveType: (record: { __typename: string }) => record.__typename,
});

builder.queryField('recordsBySourceId', (t) =>
  t.field({
    type: [LookedUpUnion],
    description:
      'The records a source’s own id became: a dataset-prefixed id ("gdelt:599812001" for GDELT’s GLOBALEVENTID, "acled:IRQ12345" for ACLED’s event_id_cnty, "cameo:USAMIL" or "acled:Civilians_(Iraq)" for actors) or an article’s URL (a GDELT mention). Empty when no record came from it; one id may have become several records (an event and the statement reporting it).',
    args: { id: t.arg.string({ required: true, description: 'The source’s id, prefixed with its dataset ("gdelt:", "acled:", "cameo:"), or a URL.' }) },
    resolve: (_root, { id }, ctx) => recordsBySourceId(ctx, id) as never,
  }),
);
