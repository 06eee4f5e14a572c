import { createContextCache } from '@pothos/core';
import DataLoader from 'dataloader';
import type { Context } from '../../context.js';
import type { Projection } from '../../db/values.js';
import { listPage, nodesById, relationPage } from '../../db/batch.js';
import { Label } from '../../domain/graph.js';
import type { DatePrecision } from '../../domain/vocabulary.js';
import { toActor, type ActorRecord } from '../actor/actor.cypher.js';
import { loadRelatedOne, relatedQuery } from '../shared/related.js';
import { overlapsRange } from '../shared/dates.js';
import { ARTICLE_SORT, STATEMENT_SORT } from '../shared/sort.js';
import { recordReader, type StoredRecord } from '../../domain/record.js';
import { statementRecord } from './statement.record.js';

/** A statement as the API reads it, derived from its declaration. */
export type StatementRecord = StoredRecord<typeof statementRecord, { madeAtPrecision: DatePrecision | null }>;
export const toStatement = recordReader<typeof statementRecord, { madeAtPrecision: DatePrecision | null }>(statementRecord);




export const statementsById = nodesById(Label.Statement);

export const statementList = listPage({
  name: 'statements',
  match: `MATCH (n:${Label.Statement})`,
  filter: `($kinds IS NULL OR n.kind IN $kinds)
    AND ($speaker IS NULL OR EXISTS { MATCH (n)<-[:MADE]-(:${Label.Actor} {id: $speaker}) }
         OR EXISTS { MATCH (n)-[:ON_BEHALF_OF]->(:${Label.Actor} {id: $speaker}) })
    AND ($event IS NULL OR EXISTS { MATCH (n)-[:ABOUT|STANCE*1..2]->(:${Label.Event} {id: $event}) })
    AND ${overlapsRange('n.madeAt', 'n.madeAtPrecision')}`,
  sortKey: STATEMENT_SORT,
});

export const statementSpeaker = relatedQuery('statement speaker', Label.Statement, `(p)<-[:MADE]-(n:${Label.Actor})`);
export const statementOnBehalfOf = relatedQuery('statement on behalf of', Label.Statement, `(p)-[:ON_BEHALF_OF]->(n:${Label.Actor})`);

function firstActorLoader(ctx: Context, query: typeof statementSpeaker) {
  return new DataLoader<string, ActorRecord | null>((ids) => loadRelatedOne(ctx, query, ids, toActor));
}

/**
 * Who made each statement and for whom, batched per request, one loader per projection of the
 * actor: kept apart from the fields so that a query which has read them already (the walk) can hand
 * them over instead of asking again, to the fields whose selection its projection was made for
 * alone. A loader loads whole actors, which serve any selection.
 */
export const statementPeople = createContextCache((ctx: Context) => {
  const byProjection = (query: typeof statementSpeaker) => {
    const loaders = new Map<string, DataLoader<string, ActorRecord | null>>();
    return (projection: Projection) => {
      const key = JSON.stringify(projection);
      let loader = loaders.get(key);
      if (!loader) loaders.set(key, (loader = firstActorLoader(ctx, query)));
      return loader;
    };
  };
  return { speaker: byProjection(statementSpeaker), onBehalfOf: byProjection(statementOnBehalfOf) };
});
export const statementAddressedTo = relatedQuery('statement addressed to', Label.Statement, `(p)-[:ADDRESSED_TO]->(n:${Label.Actor})`, 'n.name');
export const statementFirstAppearedIn = relatedQuery('statement first appeared in', Label.Statement, `(p)-[:FIRST_APPEARED_IN]->(n:${Label.Article})`);
export const statementRespondsTo = relatedQuery('statement responds to', Label.Statement, `(p)-[:RESPONDS_TO]->(n:${Label.Statement})`);
export const statementResponses = relatedQuery('statement responses', Label.Statement, `(p)<-[:RESPONDS_TO]-(n:${Label.Statement})`);
export const statementStances = relatedQuery('statement stances', Label.Statement, `(p)-[r:STANCE]->(n:${Label.Claim})`);
export const statementEvents = relatedQuery('statement events', Label.Statement, `(p)-[:ABOUT|STANCE*1..2]->(n:${Label.Event})`, 'n.startDate, n.id');
export const statementCites = relatedQuery('statement cites', Label.Statement, '(p)-[r:CITES]->(n)');
export const statementCitedBy = relatedQuery('statement cited by', Label.Statement, `(p)<-[r:CITES]-(n:${Label.Statement})`);
export const statementMentions = relatedQuery('statement mentions', Label.Statement, '(p)-[:MENTIONS]->(n)', 'n.id');

export const statementReportedIn = relationPage({
  name: 'statement reported in',
  parent: Label.Statement,
  pattern: `(p)<-[:REPORTS]-(n:${Label.Article})`,
  sortKey: ARTICLE_SORT,
});
