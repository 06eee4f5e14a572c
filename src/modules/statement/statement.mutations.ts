import { builder } from '../../builder.js';
import { announce } from '../live/announce.js';
import { recordInput } from '../shared/record-input.js';
import { upsert } from '../shared/upsert.js';
import { writeResult } from '../shared/write-results.js';
import { statementRecord } from './statement.record.js';
import { StatementNode } from './statement.ref.js';

builder.mutationField('upsertStatement', (t) =>
  t.field({
    type: writeResult('UpsertStatementResult', 'The statement as written', StatementNode),
    description: 'Creates or updates a statement by key, linking its speaker, stances, carriers and citations.',
    authScopes: { role: 'editor' },
    args: { input: t.arg({ type: recordInput(statementRecord), required: true, description: 'The statement.' }) },
    resolve: async (_root, { input }, ctx) => {
      const { result, changed } = await upsert(ctx, statementRecord.kind, StatementNode, input.key!, input);
      if (changed) await announce(ctx, { statements: [input.key!] });
      return result;
    },
  }),
);
