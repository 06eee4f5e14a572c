import { listPage, nodesById, relationPage } from '../../db/batch.js';
import { cypher } from '../../db/database.js';
import { Label, Rel } from '../../domain/graph.js';
import { relatedQuery } from '../shared/related.js';
import { ID_SORT, STATEMENT_SORT } from '../shared/sort.js';
import type { AttributionRole, StanceValue } from '../../domain/vocabulary.js';
import type { ActorRecord } from '../actor/actor.cypher.js';
import type { StatementRecord } from '../statement/statement.cypher.js';
import { recordReader, type StoredRecord } from '../../domain/record.js';
import { claimRecord } from './claim.record.js';

/** A claim as the API reads it, derived from its declaration. */
export type ClaimRecord = StoredRecord<typeof claimRecord>;
export const toClaim = recordReader<typeof claimRecord>(claimRecord);




/** A statement's position on a claim (the STANCE relationship). */
export interface StanceRecord {
  statement: StatementRecord;
  claim: ClaimRecord;
  value: StanceValue;
  note: string | null;
}

export function toStance(statement: StatementRecord, claim: ClaimRecord, rel: Record<string, unknown>): StanceRecord {
  return { statement, claim, value: rel.value as StanceValue, note: (rel.note as string | undefined) ?? null };
}

/** The part a claim attributes to an actor (the ATTRIBUTES_TO relationship). */
export interface AttributionRecord {
  claim: ClaimRecord;
  actor: ActorRecord;
  role: AttributionRole;
}

export function toAttribution(claim: ClaimRecord, actor: ActorRecord, rel: Record<string, unknown>): AttributionRecord {
  return { claim, actor, role: rel.role as AttributionRole };
}

/** The stances that take a claim's side, and those that oppose it (a dispute opposes it less flatly). */
export const ASSERTING: StanceValue[] = ['ASSERTS'];
export const OPPOSING: StanceValue[] = ['DENIES', 'DISPUTES'];

/** The parameters a query using CONTESTED (or the two sides) expects alongside its own. */
export const sides = { asserting: ASSERTING, opposing: OPPOSING };

/**
 * A claim `n` is contested when some statement takes its side and some statement opposes it, or,
 * for a death toll, when another toll asserted for the same incident cannot also be true ("dozens",
 * at least 24, against exactly 17): tolls are rarely denied, they are outnumbered.
 */
export const CONTESTED = `EXISTS { MATCH (n)<-[r:STANCE]-(:${Label.Statement}) WHERE r.value IN $asserting }
    AND (EXISTS { MATCH (n)<-[r:STANCE]-(:${Label.Statement}) WHERE r.value IN $opposing }
         OR (n.casualtiesMin IS NOT NULL AND EXISTS {
           MATCH (n)-[:${Rel.ABOUT}]->(:${Label.Event})-[:${Rel.SAME_INCIDENT}*0..1]-(:${Label.Event})<-[:${Rel.ABOUT}]-(o:${Label.Claim})<-[r:STANCE]-(:${Label.Statement})
           WHERE o <> n AND r.value IN $asserting AND o.casualtiesMin IS NOT NULL
             AND (o.casualtiesMin > coalesce(n.casualtiesMax, o.casualtiesMin) OR n.casualtiesMin > coalesce(o.casualtiesMax, n.casualtiesMin)) }))`;

export const claimsById = nodesById(Label.Claim);

export const claimList = listPage({
  name: 'claims',
  match: `MATCH (n:${Label.Claim})`,
  filter: `($event IS NULL OR EXISTS { MATCH (n)-[:ABOUT]->(:${Label.Event} {id: $event}) })`,
  sortKey: ID_SORT,
});

export const claimEvent = relatedQuery('claim event', Label.Claim, `(p)-[:ABOUT]->(n:${Label.Event})`);
export const claimAttributions = relatedQuery('claim attributions', Label.Claim, `(p)-[r:ATTRIBUTES_TO]->(n:${Label.Actor})`, 'n.name');

/** Every statement's stance on the claim, optionally only some stance values. */
export const claimStances = relationPage({
  name: 'claim stances',
  parent: Label.Claim,
  pattern: `(p)<-[r:STANCE]-(n:${Label.Statement})`,
  filter: '($values IS NULL OR r.value IN $values)',
  sortKey: STATEMENT_SORT,
});

/**
 * Who takes a position on a claim: each statement's speaker and the body it spoke for and, with
 * `$ownVoice`, for a statement without a speaker (an outlet's own reporting) the outlet where it
 * first appeared. Returns one row per (claim, party).
 */
export const claimParties = cypher(
  'claim parties',
  `UNWIND $ids AS parentId
   MATCH (p:${Label.Claim} {id: parentId})<-[r:STANCE]-(s:${Label.Statement})
   WHERE r.value IN $values
   WITH parentId, s, [(a:${Label.Actor})-[:${Rel.MADE}]->(s) | a] AS speakers
   WITH parentId, speakers + [(s)-[:${Rel.ON_BEHALF_OF}]->(a:${Label.Actor}) | a]
        + CASE WHEN $ownVoice AND size(speakers) = 0
               THEN [(s)-[:${Rel.FIRST_APPEARED_IN}]->(:${Label.Article})<-[:${Rel.PUBLISHED}]-(o:${Label.Outlet}) | o] ELSE [] END AS parties
   UNWIND parties AS n
   RETURN DISTINCT parentId, n, head(labels(n)) AS label
   ORDER BY parentId, n.name, n.id`,
);
