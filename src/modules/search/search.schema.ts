import { builder } from '../../builder.js';
import { nodeRefOf } from '../node/node-refs.js';
import { searchable } from '../records.js';
import { NodeKindEnum } from '../shared/enums.js';
import {
  MAX_QUERY_LENGTH,
  MAX_QUERY_TERMS,
  search,
  TOTAL_COUNT_CAP,
  type Highlight,
  type SearchPage,
  type SearchHit,
  type SearchableLabel,
} from './search.cypher.js';

const SearchResultUnion = builder.unionType('SearchResult', {
  description: 'A record search found.',
  types: () => searchable.labels.map((label) => nodeRefOf(label)) as never[],
  resolveType: (record: { __typename: string }) => record.__typename,
});

const HighlightObject = builder.objectRef<Highlight>('Highlight');

HighlightObject.implement({
  description: 'Where a search matched a record: one text field, with the matching words marked.',
  fields: (t) => ({
    field: t.exposeString('field', { description: `The field that matched (${searchable.properties.join(', ')}).` }),
    snippet: t.exposeString('snippet', {
      description: 'The matching part of the field, each matching word wrapped in <em>...</em>, cut with … where the field goes on.',
    }),
    terms: t.exposeStringList('terms', { description: 'The words of the field that matched, as written there.' }),
  }),
});

const SearchHitObject = builder.objectRef<SearchHit>('SearchHit');

SearchHitObject.implement({
  description: 'One search result: the record, how well it matched, and where.',
  fields: (t) => ({
    record: t.field({ type: SearchResultUnion, description: 'The record found.', resolve: (hit) => hit.node as never }),
    score: t.exposeFloat('score', { description: 'Relevance from the full-text index; higher is better, comparable only within one search.' }),
    highlights: t.field({ type: [HighlightObject], description: 'The fields that matched, with the matches marked.', resolve: (hit) => hit.highlights }),
  }),
});

const SearchConnection = builder.connectionObject(
  {
    type: SearchHitObject,
    name: 'SearchConnection',
    description: 'A page of search results, best first.',
    fields: (t) => ({
      totalCountIsLowerBound: t.boolean({
        description: `True when the query matches more than the ${TOTAL_COUNT_CAP.toLocaleString('en')} best-ranked records, which are all a search ranks and counts: totalCount then counts the hits among those ${TOTAL_COUNT_CAP.toLocaleString('en')} (of the kinds asked for), and more exist. False: totalCount is exact.`,
        resolve: (connection) => (connection as SearchPage).totalCountIsLowerBound,
      }),
    }),
  },
  { name: 'SearchEdge', description: 'A search result in a page of them.' },
);

builder.queryFields((t) => ({
  search: t.field({
    type: SearchConnection,
    nullable: true,
    description: `Full-text search over every human-readable field (${searchable.properties.join(', ')}), best match first. Case- and accent-insensitive; English word forms find each other ("deny" finds "denies", "mourners" finds "mourning"), ranked below the word as typed; a word that matches nothing as typed or by its forms is read with typo tolerance (one typo in words of 4 letters or more, two from 6), so typos never add noise to a word the graph knows. The query is read as plain words, never as Lucene syntax. At most ${MAX_QUERY_LENGTH} characters and ${MAX_QUERY_TERMS} words. Pages forward only; totalCount is exact up to ${TOTAL_COUNT_CAP.toLocaleString('en')} hits (see totalCountIsLowerBound).`,
    args: {
      query: t.arg.string({ required: true, description: 'The words to look for.' }),
      kinds: t.arg({ type: [NodeKindEnum], description: 'Only records of these kinds (all kinds when omitted; sources are not searchable).' }),
      first: t.arg.int({ description: 'Page size (at most 100; default 20).' }),
      after: t.arg.string({ description: 'Start after this cursor.' }),
    },
    resolve: (_root, args, ctx) => search(ctx, args.query, (args.kinds as SearchableLabel[] | null | undefined) ?? null, args),
  }),
}));
