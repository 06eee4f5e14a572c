import { builder } from '../../builder.js';
import { loadNodes } from '../../db/batch.js';
import type { CitationRecord } from '../node/records.js';
import { statementsById, toStatement, type StatementRecord } from './statement.cypher.js';

export const StatementNode = builder.loadableNodeRef<StatementRecord>('Statement', {
  id: { resolve: (statement) => statement.id },
  load: (ids: string[], ctx) => loadNodes(ctx, statementsById, ids, toStatement),
});

export const StatementConnection = builder.connectionObject(
  { type: StatementNode, name: 'StatementConnection', description: 'A page of statements.' },
  { name: 'StatementEdge', description: 'A statement in a page of statements.' },
);

export const CitationObject = builder.objectRef<CitationRecord>('Citation');
