import { builder } from '../../builder.js';
import { loadNodes } from '../../db/batch.js';
import { claimsById, toClaim, type AttributionRecord, type ClaimRecord, type StanceRecord } from './claim.cypher.js';

export const ClaimNode = builder.loadableNodeRef<ClaimRecord>('Claim', {
  id: { resolve: (claim) => claim.id },
  load: (ids: string[], ctx) => loadNodes(ctx, claimsById, ids, toClaim),
});

export const ClaimConnection = builder.connectionObject(
  { type: ClaimNode, name: 'ClaimConnection', description: 'A page of claims.' },
  { name: 'ClaimEdge', description: 'A claim in a page of claims.' },
);

export const StanceObject = builder.objectRef<StanceRecord>('Stance');

export const AttributionObject = builder.objectRef<AttributionRecord>('Attribution');
