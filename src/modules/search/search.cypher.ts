import neo4j, { Neo4jError } from 'neo4j-driver';
import type { Context } from '../../context.js';
import { cypher } from '../../db/database.js';
import { Label } from '../../domain/graph.js';
import { searchable, type RecordLabel } from '../records.js';
import { FULLTEXT_INDEX } from '../../db/migrations.js';
import { decodeOffsetCursor, encodeOffsetCursor } from '../../db/cursor.js';
import { DEFAULT_PAGE_SIZE, pageSize, type Connection } from '../../db/pagination.js';
import { props } from '../../db/values.js';
import { invalid } from '../../domain/errors.js';
import { toRecord, type AnyRecord } from '../node/records.js';

/** The labels search covers: those of the full-text index. */
export type SearchableLabel = RecordLabel;

/** The indexed properties, in the order highlights are listed. */
const TEXT_FIELDS = searchable.properties;

export const MAX_QUERY_LENGTH = 200;
export const MAX_QUERY_TERMS = 12;

/** One word of the user's query: as typed (folded) and as the edit distance it tolerates. */
interface Term {
  word: string;
  maxEdits: number;
}

/** Lowercase, without accents: how both the query and the highlighted text are compared. */
function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** Short words tolerate no typo (every 2-letter word is one edit from hundreds of others), long ones two. */
function maxEditsFor(word: string): number {
  return word.length <= 3 ? 0 : word.length <= 5 ? 1 : 2;
}

const LUCENE_SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;

/**
 * The user's words, folded (so "Dáquq" finds "Daquq" and "AND" is a word, not an operator), each
 * with Lucene's special characters escaped, so no input can be a syntax error.
 */
export function parseTerms(query: string): Term[] {
  if (query.length > MAX_QUERY_LENGTH) throw invalid(`"query" must be at most ${MAX_QUERY_LENGTH} characters.`, 'query');
  const words = fold(query)
    .split(/\s+/)
    .map((word) => word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
    .filter((word) => /[\p{L}\p{N}]/u.test(word));
  if (words.length === 0) throw invalid('"query" must contain at least one word.', 'query');
  if (words.length > MAX_QUERY_TERMS) throw invalid(`"query" may contain at most ${MAX_QUERY_TERMS} words.`, 'query');
  return [...new Set(words)].map((word) => ({ word, maxEdits: maxEditsFor(word) }));
}

/** Each word matched exactly (boosted) or, for longer words, within its edit distance. */
export function toLucene(terms: Term[]): string {
  return terms
    .map(({ word, maxEdits }) => {
      const escaped = word.replace(LUCENE_SPECIAL, (c) => `\\${c}`);
      return maxEdits === 0 ? escaped : `(${escaped}^2 OR ${escaped}~${maxEdits})`;
    })
    .join(' ');
}

/**
 * One page of hits and how many there are, from one pass over the index: the total must rank
 * every hit anyway, so a second query for it would repeat the whole search.
 */
const searchPage = cypher(
  'search page',
  `CALL db.index.fulltext.queryNodes($index, $lucene) YIELD node, score
   WITH node AS n, score, head(labels(node)) AS label
   WHERE label IN $labels
   WITH n, score, label ORDER BY score DESC, n.id
   WITH collect({n: n, score: score, label: label}) AS hits
   RETURN size(hits) AS total, hits[$offset..$offset + $limit] AS page`,
);

export interface Highlight {
  field: string;
  snippet: string;
  terms: string[];
}

export interface SearchHit {
  node: AnyRecord;
  score: number;
  highlights: Highlight[];
}

function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}

const SNIPPET_RADIUS = 60;

/**
 * Where the query matched: per indexed field, the words that match a term the way the index does
 * (folded, within the term's edit distance), shown in a snippet with each match in <em>...</em>.
 */
export function highlight(p: Record<string, unknown>, terms: Term[]): Highlight[] {
  const highlights: Highlight[] = [];
  for (const field of TEXT_FIELDS) {
    const values = ([] as unknown[]).concat(p[field] ?? []).filter((v): v is string => typeof v === 'string');
    for (const value of values) {
      const matches = [...value.matchAll(/[\p{L}\p{N}]+/gu)].filter((m) =>
        terms.some((term) => editDistance(fold(m[0]), term.word, term.maxEdits) <= term.maxEdits),
      );
      if (matches.length === 0) continue;
      const start = Math.max(0, matches[0]!.index - SNIPPET_RADIUS);
      const end = Math.min(value.length, matches.at(-1)!.index + matches.at(-1)![0].length + SNIPPET_RADIUS);
      let snippet = '';
      let cursor = start;
      for (const m of matches.filter((m) => m.index >= start && m.index + m[0].length <= end)) {
        snippet += `${value.slice(cursor, m.index)}<em>${m[0]}</em>`;
        cursor = m.index + m[0].length;
      }
      snippet = `${start > 0 ? '…' : ''}${snippet}${value.slice(cursor, end)}${end < value.length ? '…' : ''}`;
      highlights.push({ field, snippet, terms: [...new Set(matches.map((m) => m[0]))] });
    }
  }
  return highlights;
}

/**
 * Ranked search over the full-text index. Pages are positions in the ranking (a relevance order
 * has no stable key to seek from), so cursors carry the position, and the field offers forward paging only.
 */
export async function search(
  ctx: Context,
  query: string,
  labels: readonly SearchableLabel[] | null,
  args: { first?: number | null; after?: string | null },
): Promise<Connection<SearchHit>> {
  const size = pageSize(args.first ?? DEFAULT_PAGE_SIZE, 'first');
  const offset = args.after == null ? 0 : decodeOffsetCursor(args.after, 'after').offset;
  const terms = parseTerms(query);
  const params = { index: FULLTEXT_INDEX, lucene: toLucene(terms), labels: labels ?? searchable.labels };
  const result = await readOrInvalid(() =>
    ctx.read(searchPage, { ...params, offset: neo4j.int(offset), limit: neo4j.int(size + 1) }),
  );
  const found = result.records[0];
  const page = (found?.get('page') ?? []) as Array<{ n: unknown; score: number; label: Label }>;
  const hits = page.map((hit) => {
    const p = props(hit.n);
    return { node: toRecord(hit.label, p), score: hit.score, highlights: highlight(p, terms) };
  });
  const edges = hits.slice(0, size).map((hit, i) => ({ cursor: encodeOffsetCursor(offset + i + 1), node: hit }));
  const total = Number(found?.get('total') ?? 0);
  return {
    edges,
    pageInfo: {
      hasNextPage: hits.length > size,
      hasPreviousPage: offset > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    totalCount: async () => total,
  };
}

/** Escaping should leave Lucene nothing to reject; should it still refuse a query, that is the query's fault. */
async function readOrInvalid<T>(read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof Neo4jError && error.code === 'Neo.ClientError.Procedure.ProcedureCallFailed') {
      throw invalid('The search query could not be parsed; try plain words.', 'query');
    }
    throw error;
  }
}
