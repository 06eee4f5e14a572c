import type { Record as Neo4jRecord } from 'neo4j-driver';
import type { Context } from '../../context.js';
import { loadGrouped } from '../../db/batch.js';
import { cypher } from '../../db/database.js';
import { Label } from '../../domain/graph.js';
import { props } from '../../db/values.js';
import { toActor, type ActorRecord } from '../actor/actor.cypher.js';
import { toArticle, type ArticleRecord } from '../article/article.cypher.js';
import { toRecord, type AnyRecord } from '../node/records.js';

/** Citation chains longer than this are not followed (the seed's longest is one hop). */
export const MAX_CITATION_HOPS = 6;

/** One citation on the way back to a statement's origin: `from` cites `to`, in the words `via`. */
export interface ProvenanceStepRecord {
  from: ArticleRecord;
  to: AnyRecord;
  via: string | null;
}

/** How one article that carried a statement leads back to where it first appeared and who said it. */
export interface ProvenanceChainRecord {
  carriedBy: ArticleRecord;
  steps: ProvenanceStepRecord[];
  firstAppearedIn: ArticleRecord | null;
  speaker: ActorRecord | null;
  onBehalfOf: ActorRecord | null;
}

/**
 * For every article reporting the statement, the shortest CITES path to the article it first
 * appeared in, then the origin's citations of the speaker or the body spoken for. A carrier with
 * no path to the origin gets a chain with no steps and no `firstAppearedIn`.
 */
export const statementProvenanceChains = cypher(
  'statement provenance chains',
  `UNWIND $ids AS parentId
   MATCH (s:${Label.Statement} {id: parentId})<-[:REPORTS]-(carrier:${Label.Article})
   OPTIONAL MATCH (s)-[:FIRST_APPEARED_IN]->(origin:${Label.Article})
   OPTIONAL MATCH path = shortestPath((carrier)-[:CITES*0..${MAX_CITATION_HOPS}]->(origin))
   WITH parentId, s, carrier, path, CASE WHEN path IS NULL THEN null ELSE origin END AS reached
   WITH parentId, s, carrier, reached,
        head([(a:${Label.Actor})-[:MADE]->(s) | a]) AS speaker,
        head([(s)-[:ON_BEHALF_OF]->(a:${Label.Actor}) | a]) AS onBehalfOf,
        CASE WHEN path IS NULL THEN [] ELSE
          [r IN relationships(path) | {from: startNode(r), to: endNode(r), label: head(labels(endNode(r))), via: r.via}]
        END AS hops
   WITH parentId, carrier, reached, speaker, onBehalfOf,
        hops + [(reached)-[c:CITES]->(a:${Label.Actor}) WHERE a = speaker OR a = onBehalfOf
                | {from: reached, to: a, label: head(labels(a)), via: c.via}] AS steps
   RETURN parentId, carrier, reached, speaker, onBehalfOf, steps
   ORDER BY parentId, coalesce(toString(carrier.publishedAt), '~'), carrier.id`,
);

function toChain(record: Neo4jRecord): ProvenanceChainRecord {
  const [reached, speaker, onBehalfOf] = ['reached', 'speaker', 'onBehalfOf'].map((key) => record.get(key));
  const steps = record.get('steps') as { from: unknown; to: unknown; label: Label; via: string | null }[];
  return {
    carriedBy: toArticle(props(record.get('carrier'))),
    steps: steps.map((step) => ({ from: toArticle(props(step.from)), to: toRecord(step.label, props(step.to)), via: step.via ?? null })),
    firstAppearedIn: reached ? toArticle(props(reached)) : null,
    speaker: speaker ? toActor(props(speaker)) : null,
    onBehalfOf: onBehalfOf ? toActor(props(onBehalfOf)) : null,
  };
}

export function loadProvenanceChains(ctx: Context, ids: readonly string[]): Promise<ProvenanceChainRecord[][]> {
  return loadGrouped(ctx, statementProvenanceChains, ids, toChain);
}
