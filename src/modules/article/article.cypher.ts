import type { Context } from '../../context.js';
import { cypher } from '../../db/database.js';
import { listPage, nodesById, relationPage } from '../../db/batch.js';
import { Label } from '../../domain/graph.js';
import type { DatePrecision } from '../../domain/vocabulary.js';
import { relatedQuery } from '../shared/related.js';
import { overlapsRange } from '../shared/dates.js';
import { ARTICLE_SORT, STATEMENT_SORT } from '../shared/sort.js';
import { recordReader, type StoredRecord } from '../../domain/record.js';
import { articleRecord } from './article.record.js';

/** A article as the API reads it, derived from its declaration. */
export type ArticleRecord = StoredRecord<typeof articleRecord, { publishedAtPrecision: DatePrecision | null }>;
export const toArticle = recordReader<typeof articleRecord, { publishedAtPrecision: DatePrecision | null }>(articleRecord);




export const articlesById = nodesById(Label.Article);

export const articleList = listPage({
  name: 'articles',
  match: `MATCH (n:${Label.Article})`,
  filter: `($outlet IS NULL OR EXISTS { MATCH (n)<-[:PUBLISHED]-(:${Label.Outlet} {id: $outlet}) })
    AND ${overlapsRange('n.publishedAt', 'n.publishedAtPrecision')}`,
  sortKey: ARTICLE_SORT,
});

export const articleOutlet = relatedQuery('article outlet', Label.Article, `(p)<-[:PUBLISHED]-(n:${Label.Outlet})`);
/** What an article cites: another article, an outlet or an actor, and how ("via"). */
export const articleCites = relatedQuery('article cites', Label.Article, '(p)-[r:CITES]->(n)');
export const articleCitedBy = relatedQuery('article cited by', Label.Article, `(p)<-[r:CITES]-(n:${Label.Article})`);
export const articleMedia = relatedQuery('article media', Label.Article, `(p)-[:EMBEDS]->(n:${Label.MediaItem})`);

export const articleStatements = relationPage({
  name: 'article statements',
  parent: Label.Article,
  pattern: `(p)-[:REPORTS]->(n:${Label.Statement})`,
  filter: '($kinds IS NULL OR n.kind IN $kinds)',
  sortKey: STATEMENT_SORT,
});

const articleKeyByUrlQuery = cypher('article key by url', `MATCH (n:${Label.Article} {url: $url}) RETURN n.id AS id`);

/** The natural key of the article with this canonical URL, if there is one. */
export async function articleKeyByUrl(ctx: Context, url: string): Promise<string | null> {
  const result = await ctx.read(articleKeyByUrlQuery, { url });
  return (result.records[0]?.get('id') as string | undefined) ?? null;
}
