import { builder } from '../../builder.js';
import { MediaItemNode } from '../media/media.ref.js';
import { toCitation } from '../node/records.js';
import { toMediaItem } from '../media/media.cypher.js';
import { OutletNode } from '../outlet/outlet.ref.js';
import { toOutlet } from '../outlet/outlet.cypher.js';
import { DateIntervalObject, intervalOf } from '../shared/date-interval.js';
import { dateRange } from '../shared/dates.js';
import { DatePrecisionEnum, StatementKindEnum } from '../shared/enums.js';
import { keyOf, loadOrNotFound, keyArgDescription, loadByIdOrKey } from '../shared/lookup.js';
import { loadRelated, loadRelatedOne } from '../shared/related.js';
import { provenanceField } from '../source/source.ref.js';
import { CitationObject, StatementConnection } from '../statement/statement.ref.js';
import { toStatement } from '../statement/statement.cypher.js';
import {
  articleCitedBy,
  articleCites,
  articleList,
  articleMedia,
  articleOutlet,
  articleStatements,
  toArticle,
} from './article.cypher.js';
import { ArticleConnection, ArticleNode } from './article.ref.js';

ArticleNode.implement({
  description: 'A piece an outlet published: a news report, a blog post, an NGO release.',
  fields: (t) => ({
    key: t.exposeString('id', { description: 'The natural key of the article.' }),
    url: t.exposeString('url', { nullable: true, description: 'The canonical URL, when known.' }),
    title: t.exposeString('title', { description: 'The headline.' }),
    publishedAt: t.exposeString('publishedAt', { nullable: true, description: 'When it was published, as precisely as known.' }),
    publishedAtPrecision: t.expose('publishedAtPrecision', {
      type: DatePrecisionEnum,
      nullable: true,
      description: 'How precise publishedAt is.',
    }),
    publishedDuring: t.field({
      type: DateIntervalObject,
      nullable: true,
      description: 'The days publishedAt can mean ("2016-10": the 1st to the 31st); null when undated.',
      resolve: (article) => intervalOf(article.publishedAt),
    }),
    language: t.exposeString('language', { nullable: true, description: 'BCP 47 language tag of the text.' }),
    outlet: t.loadable({
      type: OutletNode,
      nullable: true,
      description: 'The outlet that published it.',
      load: (ids: string[], ctx) => loadRelatedOne(ctx, articleOutlet, ids, toOutlet),
      resolve: (article) => article.id,
    }),
    statements: t.loadable({
      type: StatementConnection,
      byPath: true,
      description: 'Statements the article carries, oldest first.',
      args: { ...t.arg.connectionArgs(), kinds: t.arg({ type: [StatementKindEnum], description: 'Only statements of these kinds.' }) },
      load: (ids: string[], ctx, args) => articleStatements(ctx, ids, args, toStatement, { kinds: args.kinds ?? null }),
      resolve: (article) => article.id,
    }),
    cites: t.loadableList({
      type: CitationObject,
      description: 'What the article cites: other articles, outlets, actors.',
      load: (ids: string[], ctx) => loadRelated(ctx, articleCites, ids, toCitation),
      resolve: (article) => article.id,
    }),
    citedBy: t.loadableList({
      type: ArticleNode,
      description: 'Articles that cite this one.',
      load: (ids: string[], ctx) => loadRelated(ctx, articleCitedBy, ids, toArticle),
      resolve: (article) => article.id,
    }),
    media: t.loadableList({
      type: MediaItemNode,
      description: 'Photos, videos and other media embedded in the article.',
      load: (ids: string[], ctx) => loadRelated(ctx, articleMedia, ids, toMediaItem),
      resolve: (article) => article.id,
    }),
    provenance: t.field(provenanceField),
  }),
});

const ArticleFilter = builder.inputType('ArticleFilter', {
  description: 'Narrows a list of articles; all given conditions must hold.',
  fields: (t) => ({
    outlet: t.globalID({ description: 'Only articles this outlet published (an Outlet ID).' }),
    from: t.string({ description: 'Only articles that may have been published on or after this date (YYYY, YYYY-MM or YYYY-MM-DD): their date’s period ends on or after its first day ("2016-10" is kept from 2016-10-15). Undated ones are left out.' }),
    to: t.string({ description: 'Only articles that may have been published on or before this date (YYYY, YYYY-MM or YYYY-MM-DD): their date’s period starts on or before its last day. Undated ones are left out.' }),
  }),
});

builder.queryFields((t) => ({
  article: t.field({
    type: ArticleNode,
    nullable: true,
    description: 'One article by ID or by natural key; a NOT_FOUND error when there is none.',
    args: { id: t.arg.globalID({ description: 'The ID of an Article (give id or key).' }), key: t.arg.string({ description: keyArgDescription('Article') }) },
    resolve: (_root, args, ctx) => loadByIdOrKey(ArticleNode, ctx, args, 'Article'),
  }),
  articles: t.field({
    type: ArticleConnection,
    nullable: true,
    description: 'Articles, oldest first (undated last), filtered by outlet and date.',
    args: { ...t.arg.connectionArgs(), filter: t.arg({ type: ArticleFilter, description: 'Conditions the articles must meet.' }) },
    resolve: (_root, args, ctx) => {
      const filter = args.filter ?? {};
      return articleList(ctx, args, toArticle, {
        outlet: filter.outlet ? keyOf(filter.outlet, 'Outlet', 'filter.outlet') : null,
        ...dateRange(filter.from, filter.to),
      });
    },
  }),
}));
