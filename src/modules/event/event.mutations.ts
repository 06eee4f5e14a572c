import { builder } from '../../builder.js';
import { announce } from '../live/announce.js';
import { recordInput } from '../shared/record-input.js';
import { upsert } from '../shared/upsert.js';
import { writeResult } from '../shared/write-results.js';
import { eventRecord } from './event.record.js';
import { EventNode } from './event.ref.js';

builder.mutationField('upsertEvent', (t) =>
  t.field({
    type: writeResult('UpsertEventResult', 'The event as written', EventNode),
    description: 'Creates or updates an event by key.',
    authScopes: { role: 'editor' },
    args: { input: t.arg({ type: recordInput(eventRecord), required: true, description: 'The event.' }) },
    resolve: async (_root, { input }, ctx) => {
      const { result, changed } = await upsert(ctx, eventRecord.kind, EventNode, input.key!, input);
      if (changed) await announce(ctx, { events: [input.key!] });
      return result;
    },
  }),
);
