import { z } from 'zod';
import { cypher, type Database } from '../../db/database.js';
import { registrableDomains } from '../../domain/domains.js';
import { Label } from '../../domain/graph.js';
import { readDataFile, requiredValue } from '../shared/data-file.js';
import { outletRecord } from './outlet.record.js';

/**
 * Which outlet owns a domain. Where two outlets list the same one (made before domains were
 * normalised, or written with explicit keys), the outlet a curator wrote (a bundle, the API) owns it
 * before one an importer made up, then the one recorded first, then the lowest key: the one
 * `claimgraph resolve outlets` keeps (outlet-merge.ts). Importers' keys start with their name; the
 * list is written out because the importer registry imports this module.
 */
export const IMPORTED_OUTLET_PREFIXES = ['gdelt-', 'acled-'];
export const OWNER_ORDER = `any(prefix IN $importedPrefixes WHERE n.id STARTS WITH prefix), n.recordedAt, n.id`;

const outletsOwning = cypher(
  'outlets owning domains',
  `MATCH (n:${Label.Outlet}) WHERE any(domain IN n.domains WHERE domain IN $domains)
   WITH n ORDER BY ${OWNER_ORDER}
   RETURN n.id AS id, n.domains AS domains`,
);

/**
 * The owner's key of each of these domains (any hosts: they are read as registrable domains) that
 * an outlet in the graph owns: one query for the whole list. Outlets have no index on single list
 * elements, so this scans the outlets, which number thousands, not millions.
 */
export async function outletOwners(db: Pick<Database, 'read'>, hosts: readonly string[]): Promise<Map<string, string>> {
  const owners = new Map<string, string>();
  const domains = registrableDomains(hosts);
  if (domains.length === 0) return owners;
  const result = await db.read(outletsOwning, { domains, importedPrefixes: IMPORTED_OUTLET_PREFIXES });
  for (const record of result.records) {
    for (const domain of registrableDomains(record.get('domains') as string[])) {
      if (domains.includes(domain) && !owners.has(domain)) owners.set(domain, record.get('id') as string);
    }
  }
  return owners;
}

const { fields } = outletRecord;
const registryEntry = z.strictObject({
  domains: requiredValue(fields.domains.schema.refine((list) => list.length > 0, { error: 'must name at least one domain' })),
  name: requiredValue(fields.name.schema),
  kind: requiredValue(fields.kind.schema),
  country: fields.country.schema.optional(),
  stateAffiliation: fields.stateAffiliation.schema.optional(),
});
const registryFile = z.strictObject({ outlets: z.array(registryEntry, { error: 'must be a list of outlets' }) }, { error: 'must be a mapping with a list `outlets`' });

/** A well-known outlet: what an import names it when it first meets one of its domains. */
export type RegistryOutlet = z.infer<typeof registryEntry>;

const BUILT_IN = new URL('./outlet-registry.yaml', import.meta.url);

export function readOutletRegistry(file: string | URL): RegistryOutlet[] {
  const { outlets } = readDataFile(file, registryFile, 'outlet registry');
  return outlets.map((outlet) => ({ ...outlet, domains: registrableDomains(outlet.domains) }));
}

let registry: Map<string, RegistryOutlet> | undefined;

/**
 * The registry by registrable domain: the built-in list, then the user's file named by
 * OUTLET_REGISTRY, whose entries replace built-in ones for the same domains. Read once per process.
 */
export function outletRegistry(): ReadonlyMap<string, RegistryOutlet> {
  if (registry) return registry;
  const extra = process.env.OUTLET_REGISTRY;
  const byDomain = new Map<string, RegistryOutlet>();
  for (const outlet of [...readOutletRegistry(BUILT_IN), ...(extra ? readOutletRegistry(extra) : [])]) {
    for (const domain of outlet.domains) byDomain.set(domain, outlet);
  }
  registry = byDomain;
  return registry;
}
