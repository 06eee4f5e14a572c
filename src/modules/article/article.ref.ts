import { builder } from '../../builder.js';
import { loadNodes } from '../../db/batch.js';
import { articlesById, toArticle, type ArticleRecord } from './article.cypher.js';

export const ArticleNode = builder.loadableNodeRef<ArticleRecord>('Article', {
  id: { resolve: (article) => article.id },
  load: (ids: string[], ctx) => loadNodes(ctx, articlesById, ids, toArticle),
});

export const ArticleConnection = builder.connectionObject(
  { type: ArticleNode, name: 'ArticleConnection', description: 'A page of articles.' },
  { name: 'ArticleEdge', description: 'An article in a page of articles.' },
);
