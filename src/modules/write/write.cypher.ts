import { randomUUID } from 'node:crypto';
import neo4j from 'neo4j-driver';
import type { Context } from '../../context.js';
import { cypher } from '../../db/database.js';
import { Label, Rel, recordProperties } from '../../domain/graph.js';
import { setPlaceDerived } from '../event/place-count.js';
import { setSpeakerKey } from '../statement/speaker-key.js';
import { contentLabels } from '../records.js';
import { props } from '../../db/values.js';

/** Records can be deleted; the bookkeeping (audit trail, external ids) cannot. */
export const deletableLabels = contentLabels;

const deleteWithAudit = (label: Label) =>
  cypher(
    `delete ${label} with audit`,
    `MATCH (n:${label} {id: $key})
     WITH n, properties(n) AS before, COUNT { (n)--() } AS relationships, [(n)-[:${Rel.MADE}]->(s:${Label.Statement}) | s] AS made,
          [(n)<-[:${Rel.OCCURRED_IN}]-(e:${Label.Event}) | e] AS located
     CREATE (a:${Label.AuditEntry} {id: $auditId, action: 'DELETE', label: $label, key: $key, by: $by, at: datetime(),
             relationships: relationships, properties: $propertiesJson})
     DETACH DELETE n
     WITH a, made, located
     // The statements a deleted actor made are left without a speaker, the events at a deleted place
     // without it: their keys, cells and place counts follow.
     CALL (made) { UNWIND made AS n ${setSpeakerKey} }
     CALL (located) { UNWIND located AS n ${setPlaceDerived} }
     RETURN a`,
  );

const recordForAudit = (label: Label) =>
  cypher(`${label} before delete`, `MATCH (n:${label} {id: $key}) RETURN n`);

export interface AuditRecord {
  __typename: 'AuditEntry';
  id: string;
  action: string;
  label: string;
  key: string;
  by: string;
  at: string;
  relationships: number;
  properties: string;
  /** A merge's: see outlet-merge.ts. */
  mergedInto?: string | null;
  movedRelationships?: string | null;
  keptBefore?: string | null;
}

/**
 * Deletes a record and everything attached to it, leaving an audit entry (who, when, what was
 * there) in the same transaction. Returns null when there is no such record.
 */
export async function deleteRecord(ctx: Context, label: Label, key: string, by: string): Promise<AuditRecord | null> {
  const existing = await ctx.read(recordForAudit(label), { key });
  const node = existing.records[0]?.get('n');
  if (!node) return null;
  const result = await ctx.write(deleteWithAudit(label), {
    key,
    label,
    by,
    auditId: randomUUID(),
    propertiesJson: JSON.stringify(recordProperties(props(node))),
  });
  const entry = result.records[0]?.get('a');
  return entry ? ({ __typename: 'AuditEntry', ...props(entry) } as AuditRecord) : null;
}

const auditEntries = cypher('audit entries', `MATCH (a:${Label.AuditEntry}) RETURN a ORDER BY a.at DESC, a.id LIMIT $limit`);

export async function listAuditEntries(ctx: Context, limit: number): Promise<AuditRecord[]> {
  const result = await ctx.read(auditEntries, { limit: neo4j.int(limit) });
  return result.records.map((record) => ({ __typename: 'AuditEntry', ...props(record.get('a')) }) as AuditRecord);
}
