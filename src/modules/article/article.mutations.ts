import { builder } from '../../builder.js';
import { articleKeyByUrl } from './article.cypher.js';
import { recordInput } from '../shared/record-input.js';
import { keyFrom, upsert } from '../shared/upsert.js';
import { validationError, writeResult } from '../shared/write-results.js';
import { articleRecord } from './article.record.js';
import { ArticleNode } from './article.ref.js';

builder.mutationField('upsertArticle', (t) =>
  t.field({
    type: writeResult('UpsertArticleResult', 'The article as written', ArticleNode),
    description: 'Creates or updates an article by key, or, without one, by canonical URL.',
    authScopes: { role: 'editor' },
    args: { input: t.arg({ type: recordInput(articleRecord), required: true, description: 'The article.' }) },
    resolve: async (_root, { input }, ctx) => {
      const url = (input.url as string | null | undefined) ?? null;
      const key = input.key ?? (url ? ((await articleKeyByUrl(ctx, url)) ?? keyFrom(url)) : null);
      if (!key) return validationError([{ path: 'input.key', message: 'Give a key or a URL.' }]);
      return (await upsert(ctx, articleRecord.kind, ArticleNode, key, input)).result;
    },
  }),
);
