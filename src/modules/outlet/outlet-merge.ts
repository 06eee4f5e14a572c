import { randomUUID } from 'node:crypto';
import type { ManagedTransaction } from 'neo4j-driver';
import { cypher, type Database } from '../../db/database.js';
import { props, toPlain } from '../../db/values.js';
import { registrableDomains } from '../../domain/domains.js';
import { Label, Rel } from '../../domain/graph.js';
import { IMPORTED_OUTLET_PREFIXES, OWNER_ORDER } from './outlet-domains.js';

/**
 * Outlets that share a registrable domain are one outlet: before domains were normalised, an
 * import could make `gdelt-outlet-rt-com` (or one for www.rt.com) beside the seed's RT. This
 * merges each such group into the outlet that owns the domain (outlet-domains.ts: a curator's before
 * an importer's, then the first recorded, then the lowest key). Every relationship of the others
 * moves to it, their domains and sources are added to its own, and each merged outlet leaves an
 * AuditEntry (action MERGE) holding its properties, its relationships and what the kept outlet
 * held before, so that the merge can be undone. Stored domains are also rewritten as registrable
 * domains (action NORMALIZE_DOMAINS). Running it again changes nothing.
 */

export interface OutletMerge {
  kept: string;
  merged: string[];
  domains: string[];
}

const allOutlets = cypher(
  'outlets with domains',
  `MATCH (n:${Label.Outlet}) WHERE size(coalesce(n.domains, [])) > 0
   WITH n ORDER BY ${OWNER_ORDER}
   RETURN n.id AS id, n.domains AS domains, coalesce(n.sources, []) AS sources`,
);

const relationshipsOf = cypher(
  'outlet relationships before merge',
  `MATCH (n:${Label.Outlet} {id: $id})-[r]-(m)
   RETURN type(r) AS type, startNode(r) = n AS outgoing, m.id AS other, head(labels(m)) AS label, properties(r) AS props
   ORDER BY type, other`,
);

const outletNode = cypher('outlet before merge', `MATCH (n:${Label.Outlet} {id: $id}) RETURN n`);

const auditMerge = cypher(
  'audit outlet merge',
  `CREATE (:${Label.AuditEntry} {id: $auditId, action: $action, label: $label, key: $key, mergedInto: $mergedInto, by: $by,
           at: datetime(), relationships: $relationshipCount, properties: $propertiesJson,
           movedRelationships: $relationshipsJson, keptBefore: $keptBeforeJson})`,
);

/** Relationship types cannot be parameters: one query per type and direction, the type from the Rel enum. */
const moveRelationships = (type: Rel, outgoing: boolean) =>
  cypher(
    `move outlet ${outgoing ? 'outgoing' : 'incoming'} ${type}`,
    `MATCH (kept:${Label.Outlet} {id: $kept})
     MATCH (merged:${Label.Outlet} {id: $merged})${outgoing ? `-[r:${type}]->` : `<-[r:${type}]-`}(m)
     WHERE m <> kept
     ${outgoing ? `MERGE (kept)-[moved:${type}]->(m)` : `MERGE (kept)<-[moved:${type}]-(m)`}
     ON CREATE SET moved = properties(r)
     DELETE r`,
  );

const updateKept = cypher(
  'outlet after merge',
  `MATCH (n:${Label.Outlet} {id: $id}) SET n.domains = $domains, n.sources = $sources`,
);

/** What is left of a merged outlet: at most relationships to the kept outlet, recorded in its audit entry. */
const deleteMerged = cypher('delete merged outlet', `MATCH (n:${Label.Outlet} {id: $id}) DETACH DELETE n`);

interface StoredOutlet {
  id: string;
  domains: string[];
  sources: string[];
}

/** Outlets in owner order, grouped where they share a registrable domain (directly or through another). */
function groupsOf(outlets: StoredOutlet[]): StoredOutlet[][] {
  const groupOf = new Map<string, StoredOutlet[]>();
  const groups: StoredOutlet[][] = [];
  for (const outlet of outlets) {
    const joined = [...new Set(registrableDomains(outlet.domains).map((domain) => groupOf.get(domain)).filter((group) => group !== undefined))];
    const group = joined[0] ?? [];
    if (joined.length === 0) groups.push(group);
    // An outlet may bridge two groups (it owns a domain of each): they become one, in owner order.
    for (const other of joined.slice(1)) {
      group.push(...other.splice(0));
      group.sort((a, b) => outlets.indexOf(a) - outlets.indexOf(b));
    }
    group.push(outlet);
    for (const member of group) for (const domain of registrableDomains(member.domains)) groupOf.set(domain, group);
  }
  return groups.filter((group) => group.length > 0);
}

const json = (value: unknown) => JSON.stringify(toPlain(value));

async function mergeGroup(tx: ManagedTransaction, [kept, ...merged]: StoredOutlet[], by: string): Promise<void> {
  const all = [kept!, ...merged];
  const domains = registrableDomains(all.flatMap((outlet) => outlet.domains));
  const sources = [...new Set(all.flatMap((outlet) => outlet.sources))];
  const keptBefore = { domains: kept!.domains, sources: kept!.sources };
  if (merged.length === 0) {
    await tx.run(auditMerge.cypher, {
      auditId: randomUUID(), action: 'NORMALIZE_DOMAINS', label: Label.Outlet, key: kept!.id, mergedInto: null, by,
      relationshipCount: 0, propertiesJson: json(keptBefore), relationshipsJson: '[]', keptBeforeJson: json(keptBefore),
    });
  }
  for (const outlet of merged) {
    const relationships = (await tx.run(relationshipsOf.cypher, { id: outlet.id })).records.map((record) => record.toObject());
    const node = (await tx.run(outletNode.cypher, { id: outlet.id })).records[0]!.get('n');
    await tx.run(auditMerge.cypher, {
      auditId: randomUUID(), action: 'MERGE', label: Label.Outlet, key: outlet.id, mergedInto: kept!.id, by,
      relationshipCount: relationships.length, propertiesJson: json(props(node)), relationshipsJson: json(relationships),
      keptBeforeJson: json(keptBefore),
    });
    const kinds = new Set(relationships.map((r) => `${r.type as string}|${r.outgoing as boolean}`));
    for (const kind of kinds) {
      const [type, outgoing] = kind.split('|') as [string, string];
      if (!Object.values(Rel).includes(type as Rel)) throw new Error(`outlet ${outlet.id} has a ${type} relationship, which claimgraph does not know: not merged`);
      await tx.run(moveRelationships(type as Rel, outgoing === 'true').cypher, { kept: kept!.id, merged: outlet.id });
    }
    await tx.run(deleteMerged.cypher, { id: outlet.id });
  }
  await tx.run(updateKept.cypher, { id: kept!.id, domains, sources });
}

/** Merges every group of outlets sharing a registrable domain, one transaction per group; returns what it did. */
export async function mergeDuplicateOutlets(db: Database, by: string): Promise<OutletMerge[]> {
  const stored = await db.read(allOutlets, { importedPrefixes: IMPORTED_OUTLET_PREFIXES });
  const outlets = stored.records.map((record) => record.toObject() as StoredOutlet);
  const done: OutletMerge[] = [];
  for (const group of groupsOf(outlets)) {
    const domains = registrableDomains(group.flatMap((outlet) => outlet.domains));
    const normalised = group.length === 1 && domains.length === group[0]!.domains.length && domains.every((domain, i) => domain === group[0]!.domains[i]);
    if (normalised) continue;
    await db.writeTransaction((tx) => mergeGroup(tx, group, by));
    done.push({ kept: group[0]!.id, merged: group.slice(1).map((outlet) => outlet.id), domains });
  }
  return done;
}
