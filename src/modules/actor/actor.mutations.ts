import { builder } from '../../builder.js';
import { recordInput } from '../shared/record-input.js';
import { upsert } from '../shared/upsert.js';
import { writeResult } from '../shared/write-results.js';
import { actorRecord } from './actor.record.js';
import { ActorNode } from './actor.ref.js';

builder.mutationField('upsertActor', (t) =>
  t.field({
    type: writeResult('UpsertActorResult', 'The actor as written', ActorNode),
    description: 'Creates or updates an actor by key, with its roles.',
    authScopes: { role: 'editor' },
    args: { input: t.arg({ type: recordInput(actorRecord), required: true, description: 'The actor.' }) },
    resolve: async (_root, { input }, ctx) => {
      return (await upsert(ctx, actorRecord.kind, ActorNode, input.key!, input)).result;
    },
  }),
);
