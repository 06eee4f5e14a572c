import type { Context } from '../../context.js';
import { cypher } from '../../db/database.js';
import { props } from '../../db/values.js';
import { Label, Rel } from '../../domain/graph.js';
import { toRecord, type AnyRecord } from '../node/records.js';
import { relatedQuery } from '../shared/related.js';

/**
 * The records a source's own id became: an id stored as an ExternalRecord that IDENTIFIES them
 * ("gdelt:599812001", "acled:IRQ12345", "cameo:USAMIL"), or the URL of an article (a GDELT mention).
 */
const recordsBySourceIdQuery = cypher(
  'records by source id',
  `CALL {
     MATCH (:${Label.ExternalRecord} {id: $id})-[:${Rel.IDENTIFIES}]->(n) RETURN n
     UNION
     MATCH (n:${Label.Article} {url: $id}) RETURN n
   }
   RETURN n, head(labels(n)) AS label
   ORDER BY label, n.id`,
);

export async function recordsBySourceId(ctx: Context, id: string): Promise<AnyRecord[]> {
  const result = await ctx.read(recordsBySourceIdQuery, { id });
  return result.records.map((record) => toRecord(record.get('label') as Label, props(record.get('n'))));
}

/** The ids other datasets gave each record of `label`, by record key. */
export const sourceIdsOf = (label: Label) => relatedQuery(`${label} source ids`, label, `(p)<-[:${Rel.IDENTIFIES}]-(n:${Label.ExternalRecord})`);
