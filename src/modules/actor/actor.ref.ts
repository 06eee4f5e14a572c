import { builder } from '../../builder.js';
import { loadNodes } from '../../db/batch.js';
import { actorsById, toActor, type ActorRecord, type RoleRecord } from './actor.cypher.js';

export const ActorNode = builder.loadableNodeRef<ActorRecord>('Actor', {
  id: { resolve: (actor) => actor.id },
  load: (ids: string[], ctx) => loadNodes(ctx, actorsById, ids, toActor),
});

export const ActorConnection = builder.connectionObject(
  { type: ActorNode, name: 'ActorConnection', description: 'A page of actors.' },
  { name: 'ActorEdge', description: 'An actor in a page of actors.' },
);

export const RoleObject = builder.objectRef<RoleRecord>('Role');
