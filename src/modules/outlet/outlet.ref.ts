import { builder } from '../../builder.js';
import { loadNodes } from '../../db/batch.js';
import { outletsById, toOutlet, type OutletRecord } from './outlet.cypher.js';

export const OutletNode = builder.loadableNodeRef<OutletRecord>('Outlet', {
  id: { resolve: (outlet) => outlet.id },
  load: (ids: string[], ctx) => loadNodes(ctx, outletsById, ids, toOutlet),
});

export const OutletConnection = builder.connectionObject(
  { type: OutletNode, name: 'OutletConnection', description: 'A page of outlets.' },
  { name: 'OutletEdge', description: 'An outlet in a page of outlets.' },
);
