import { listPage, nodesById, relationPage } from '../../db/batch.js';
import { cypher } from '../../db/database.js';
import { Label, Rel } from '../../domain/graph.js';
import { relatedQuery } from '../shared/related.js';
import { NAME_SORT, STATEMENT_SORT } from '../shared/sort.js';
import type { OutletRecord } from '../outlet/outlet.cypher.js';
import { recordReader, type StoredRecord } from '../../domain/record.js';
import { actorRecord } from './actor.record.js';
import { SPEAKER_KEY } from '../statement/speaker-key.js';

/** A actor as the API reads it, derived from its declaration. */
export type ActorRecord = StoredRecord<typeof actorRecord>;
export const toActor = recordReader<typeof actorRecord>(actorRecord);




/** A role between `holder` (an actor) and `organization`, seen from either end. */
export interface RoleRecord {
  holder: ActorRecord;
  organization: ActorRecord | OutletRecord;
  title: string;
  note: string | null;
}

export function toRole(holder: ActorRecord, organization: ActorRecord | OutletRecord, rel: Record<string, unknown>): RoleRecord {
  return { holder, organization, title: rel.title as string, note: (rel.note as string | undefined) ?? null };
}

export const actorsById = nodesById(Label.Actor);

export const actorList = listPage({
  name: 'actors',
  match: `MATCH (n:${Label.Actor})`,
  filter: '($kinds IS NULL OR n.kind IN $kinds)',
  sortKey: NAME_SORT,
});

/** The bodies (actors or outlets) this actor holds a role in. */
export const actorRoles = relatedQuery('actor roles', Label.Actor, '(p)-[r:HOLDS_ROLE]->(n)', 'n.name');
/** The actors holding a role in this one (a ministry's spokespeople). */
export const actorMembers = relatedQuery('actor members', Label.Actor, `(p)<-[r:HOLDS_ROLE]-(n:${Label.Actor})`, 'n.name');
export const actorOutlets = relatedQuery('actor outlets', Label.Actor, `(p)-[:OPERATES]->(n:${Label.Outlet})`, 'n.name');
export const actorPartOf = relatedQuery('actor part of', Label.Actor, `(p)-[:PART_OF]->(n:${Label.Actor})`);
export const actorParts = relatedQuery('actor parts', Label.Actor, `(p)<-[:PART_OF]-(n:${Label.Actor})`, 'n.name');
export const actorMemberOf = relatedQuery('actor member of', Label.Actor, `(p)-[:MEMBER_OF]->(n:${Label.Actor})`, 'n.name');
export const actorMemberBodies = relatedQuery('actor member bodies', Label.Actor, `(p)<-[:MEMBER_OF]-(n:${Label.Actor})`, 'n.name');
export const actorAttributions = relatedQuery('actor attributions', Label.Actor, `(p)<-[r:ATTRIBUTES_TO]-(n:${Label.Claim})`);

export const actorStatements = relationPage({
  name: 'actor statements',
  parent: Label.Actor,
  pattern: `(p)-[:${Rel.MADE}]->(n:${Label.Statement})`,
  filter: '($kinds IS NULL OR n.kind IN $kinds)',
  sortKey: STATEMENT_SORT,
  // Only statements are made (Statement.speaker is the one MADE link), each once.
  degree: { expression: `COUNT { (p)-[:${Rel.MADE}]->() }`, unfiltered: '$kinds IS NULL' },
  seek: { label: Label.Statement, property: SPEAKER_KEY },
});

export const actorStatementsOnBehalf = relationPage({
  name: 'actor statements on behalf',
  parent: Label.Actor,
  pattern: `(p)<-[:${Rel.ON_BEHALF_OF}]-(n:${Label.Statement})`,
  filter: '($kinds IS NULL OR n.kind IN $kinds)',
  sortKey: STATEMENT_SORT,
  // Only statements speak on behalf (Statement.onBehalfOf is the one such link), each once.
  degree: { expression: `COUNT { (p)<-[:${Rel.ON_BEHALF_OF}]-() }`, unfiltered: '$kinds IS NULL' },
});

/** Actors an importer made (their keys say which), with what the crosswalk reads of them. */
export const importedActors = cypher(
  'imported actors',
  `MATCH (a:${Label.Actor}) WHERE a.id STARTS WITH 'gdelt-actor-' OR a.id STARTS WITH 'acled-actor-' OR a.id STARTS WITH 'cameo-'
   RETURN a.id AS id, a.name AS name, coalesce(a.aliases, []) AS aliases ORDER BY a.id`,
);

export const existingActors = cypher(
  'existing actors',
  `UNWIND $ids AS id MATCH (a:${Label.Actor} {id: id}) RETURN a.id AS id`,
);
