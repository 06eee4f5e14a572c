import { cypher } from '../../db/database.js';
import { listPage, nodesById, relationPage } from '../../db/batch.js';
import { Label } from '../../domain/graph.js';
import { relatedQuery } from '../shared/related.js';
import { ARTICLE_SORT, NAME_SORT } from '../shared/sort.js';
import { recordReader, type StoredRecord } from '../../domain/record.js';
import { outletRecord } from './outlet.record.js';

/** A outlet as the API reads it, derived from its declaration. */
export type OutletRecord = StoredRecord<typeof outletRecord>;
export const toOutlet = recordReader<typeof outletRecord>(outletRecord);

export const outletsById = nodesById(Label.Outlet);

export const outletList = listPage({
  name: 'outlets',
  match: `MATCH (n:${Label.Outlet})`,
  filter: '($kinds IS NULL OR n.kind IN $kinds) AND ($stateAffiliated IS NULL OR (n.stateAffiliation IS NOT NULL) = $stateAffiliated)',
  sortKey: NAME_SORT,
});

export const outletOperators = relatedQuery('outlet operators', Label.Outlet, `(p)<-[:OPERATES]-(n:${Label.Actor})`, 'n.name');
export const outletStaff = relatedQuery('outlet staff', Label.Outlet, `(p)<-[r:HOLDS_ROLE]-(n:${Label.Actor})`, 'n.name');

export const outletArticles = relationPage({
  name: 'outlet articles',
  parent: Label.Outlet,
  pattern: `(p)-[:PUBLISHED]->(n:${Label.Article})`,
  sortKey: ARTICLE_SORT,
});
