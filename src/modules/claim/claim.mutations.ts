import { builder } from '../../builder.js';
import { announce } from '../live/announce.js';
import { recordInput } from '../shared/record-input.js';
import { upsert } from '../shared/upsert.js';
import { writeResult } from '../shared/write-results.js';
import { claimRecord } from './claim.record.js';
import { ClaimNode } from './claim.ref.js';

builder.mutationField('upsertClaim', (t) =>
  t.field({
    type: writeResult('UpsertClaimResult', 'The claim as written', ClaimNode),
    description: 'Creates or updates a claim by key.',
    authScopes: { role: 'editor' },
    args: { input: t.arg({ type: recordInput(claimRecord), required: true, description: 'The claim.' }) },
    resolve: async (_root, { input }, ctx) => {
      const { result, changed } = await upsert(ctx, claimRecord.kind, ClaimNode, input.key!, input);
      if (changed) await announce(ctx, { claims: [input.key!] });
      return result;
    },
  }),
);
