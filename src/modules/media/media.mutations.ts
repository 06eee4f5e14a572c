import { builder } from '../../builder.js';
import { recordInput } from '../shared/record-input.js';
import { upsert } from '../shared/upsert.js';
import { writeResult } from '../shared/write-results.js';
import { mediaItemRecord } from './media.record.js';
import { MediaItemNode } from './media.ref.js';

builder.mutationField('upsertMediaItem', (t) =>
  t.field({
    type: writeResult('UpsertMediaItemResult', 'The media item as written', MediaItemNode),
    description: 'Creates or updates a media item by key.',
    authScopes: { role: 'editor' },
    args: { input: t.arg({ type: recordInput(mediaItemRecord), required: true, description: 'The media item.' }) },
    resolve: async (_root, { input }, ctx) => {
      return (await upsert(ctx, mediaItemRecord.kind, MediaItemNode, input.key!, input)).result;
    },
  }),
);
