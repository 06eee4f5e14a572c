import { randomUUID } from 'node:crypto';
import type { ManagedTransaction } from 'neo4j-driver';
import { cypher, type Database } from '../../db/database.js';
import { registrableDomains } from '../../domain/domains.js';
import { Label } from '../../domain/graph.js';
import { auditMerge, json, mergeRecord } from '../write/merge.cypher.js';
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

const updateKept = cypher(
  'outlet after merge',
  `MATCH (n:${Label.Outlet} {id: $id}) SET n.domains = $domains, n.sources = $sources`,
);

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
  for (const outlet of merged) await mergeRecord(tx, Label.Outlet, kept!.id, outlet.id, by, keptBefore);
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
