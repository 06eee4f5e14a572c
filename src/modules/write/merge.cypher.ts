import { randomUUID } from 'node:crypto';
import type { ManagedTransaction } from 'neo4j-driver';
import { cypher } from '../../db/database.js';
import { props, toPlain } from '../../db/values.js';
import { Label, Rel } from '../../domain/graph.js';
import { refreshPlaceDerived } from '../event/place-count.js';
import { refreshSpeakerKeys } from '../statement/speaker-key.js';

/**
 * Merging one record into another of its kind (two outlets of one domain, an imported actor into
 * the crosswalk's): every relationship moves to the kept record, the merged one is deleted, and
 * an AuditEntry (action MERGE) keeps its properties, its relationships and what the kept record
 * held before, so that the merge can be undone.
 */

const relationshipsOf = (label: Label) =>
  cypher(
    `${label} relationships before merge`,
    `MATCH (n:${label} {id: $id})-[r]-(m)
     RETURN type(r) AS type, startNode(r) = n AS outgoing, m.id AS other, head(labels(m)) AS label, properties(r) AS props
     ORDER BY type, other`,
  );

const nodeOf = (label: Label) => cypher(`${label} before merge`, `MATCH (n:${label} {id: $id}) RETURN n`);

export const auditMerge = cypher(
  'audit merge',
  `CREATE (:${Label.AuditEntry} {id: $auditId, action: $action, label: $label, key: $key, mergedInto: $mergedInto, by: $by,
           at: datetime(), relationships: $relationshipCount, properties: $propertiesJson,
           movedRelationships: $relationshipsJson, keptBefore: $keptBeforeJson})`,
);

/** Relationship types cannot be parameters: one query per label, type and direction, the type from the Rel enum. */
const moveRelationships = (label: Label, type: Rel, outgoing: boolean) =>
  cypher(
    `move ${label} ${outgoing ? 'outgoing' : 'incoming'} ${type}`,
    `MATCH (kept:${label} {id: $kept})
     MATCH (merged:${label} {id: $merged})${outgoing ? `-[r:${type}]->` : `<-[r:${type}]-`}(m)
     WHERE m <> kept
     ${outgoing ? `MERGE (kept)-[moved:${type}]->(m)` : `MERGE (kept)<-[moved:${type}]-(m)`}
     ON CREATE SET moved = properties(r)
     DELETE r`,
  );

/** What is left of a merged record: at most relationships to the kept one, recorded in its audit entry. */
const deleteMerged = (label: Label) => cypher(`delete merged ${label}`, `MATCH (n:${label} {id: $id}) DETACH DELETE n`);

export const json = (value: unknown) => JSON.stringify(toPlain(value));

/** Merges `merged` into `kept` inside the transaction; `keptBefore` is what the caller will change on the kept record. */
export async function mergeRecord(tx: ManagedTransaction, label: Label, kept: string, merged: string, by: string, keptBefore: unknown): Promise<void> {
  const relationships = (await tx.run(relationshipsOf(label).cypher, { id: merged })).records.map((record) => record.toObject());
  const node = (await tx.run(nodeOf(label).cypher, { id: merged })).records[0]!.get('n');
  await tx.run(auditMerge.cypher, {
    auditId: randomUUID(), action: 'MERGE', label, key: merged, mergedInto: kept, by,
    relationshipCount: relationships.length, propertiesJson: json(props(node)), relationshipsJson: json(relationships),
    keptBeforeJson: json(keptBefore),
  });
  const kinds = new Set(relationships.map((r) => `${r.type as string}|${r.outgoing as boolean}`));
  for (const kind of kinds) {
    const [type, outgoing] = kind.split('|') as [string, string];
    if (!Object.values(Rel).includes(type as Rel)) throw new Error(`${label} ${merged} has a ${type} relationship, which claimgraph does not know: not merged`);
    await tx.run(moveRelationships(label, type as Rel, outgoing === 'true').cypher, { kept, merged });
  }
  await tx.run(deleteMerged(label).cypher, { id: merged });
  // The statements a merged actor made now have the kept one as speaker: their keys follow.
  const made = relationships.filter((r) => r.type === Rel.MADE && r.outgoing).map((r) => r.other as string);
  if (made.length > 0) await tx.run(refreshSpeakerKeys.cypher, { ids: made });
  // The events at a merged place are now at the kept one: their cells and place counts follow.
  const located = relationships.filter((r) => r.type === Rel.OCCURRED_IN && !r.outgoing).map((r) => r.other as string);
  if (located.length > 0) await tx.run(refreshPlaceDerived.cypher, { ids: located });
}
