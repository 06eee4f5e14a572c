import { builder } from '../../builder.js';
import { recordInput } from '../shared/record-input.js';
import { upsert } from '../shared/upsert.js';
import { writeResult } from '../shared/write-results.js';
import { placeRecord } from './place.record.js';
import { PlaceNode } from './place.ref.js';

builder.mutationField('upsertPlace', (t) =>
  t.field({
    type: writeResult('UpsertPlaceResult', 'The place as written', PlaceNode),
    description: 'Creates or updates a place by key.',
    authScopes: { role: 'editor' },
    args: { input: t.arg({ type: recordInput(placeRecord), required: true, description: 'The place.' }) },
    resolve: async (_root, { input }, ctx) => {
      return (await upsert(ctx, placeRecord.kind, PlaceNode, input.key!, input)).result;
    },
  }),
);
