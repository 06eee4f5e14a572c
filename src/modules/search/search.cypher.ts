import neo4j, { Neo4jError } from 'neo4j-driver';
import { stemmer } from 'stemmer';
import type { Context } from '../../context.js';
import { cypher } from '../../db/database.js';
import { searchable, type RecordLabel } from '../records.js';
import { FULLTEXT_INDEX } from '../../db/migrations.js';
import { decodeOffsetCursor, encodeOffsetCursor } from '../../db/cursor.js';
import { DEFAULT_PAGE_SIZE, pageSize, type Connection } from '../../db/pagination.js';
import { props } from '../../db/values.js';
import { invalid } from '../../domain/errors.js';
import { StorageProperty } from '../../domain/graph.js';
import { toRecord, type AnyRecord } from '../node/records.js';

/** The labels search covers: those of the full-text index. */
export type SearchableLabel = RecordLabel;

export const MAX_QUERY_LENGTH = 200;
export const MAX_QUERY_TERMS = 12;
/**
 * totalCount is exact up to this many hits, and a lower bound past it (totalCountIsLowerBound), so
 * that a common word on a huge graph ranks a bounded number of hits rather than all of them.
 */
export const TOTAL_COUNT_CAP = 1000;

/**
 * One word of the user's query, folded as the index folds it; its root, which other forms of the
 * word start with (null for words too short for one to be safe); and the typos it tolerates.
 */
export interface Term {
  word: string;
  root: string | null;
  maxEdits: number;
}

/** Lowercase, without accents: how both the query and the highlighted text are compared. */
function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

const wordSegmenter = new Intl.Segmenter('en', { granularity: 'word' });

/**
 * The words of a text where the index's tokenizer cuts them (both follow Unicode word boundaries,
 * UAX #29: "Al-Sudaini" is two words, "U.S." and "Konashenkov's" one each), with their offsets.
 */
function wordsOf(text: string): Array<{ word: string; index: number }> {
  return [...wordSegmenter.segment(text)].filter((s) => s.isWordLike).map((s) => ({ word: s.segment, index: s.index }));
}

/** Short words tolerate no typo (every 2-letter word is one edit from hundreds of others), long ones two. */
function maxEditsFor(word: string): number {
  return word.length <= 3 ? 0 : word.length <= 5 ? 1 : 2;
}

/** Shorter roots ("war", "us") would start too many unrelated words. */
const MIN_ROOT_LENGTH = 4;
/**
 * Porter's stemmer keeps these endings on short stems (mourner, denial) though the verbs beside
 * them stem shorter (mourn, deni): cutting them lets "mourners" find "mourning" and "denial" "denies".
 */
const KEPT_ENDING = /(?:er|or|al)$/;

/**
 * The root other forms of an English word start with: its Porter stem, cut of an ending Porter
 * keeps. Matched as a prefix against the accent-folded index, so "deny" finds "denies" and "denied",
 * "mourners" "mourning": Neo4j's `english` analyzer stems, but does not fold accents, and stems
 * mourners/mourning and deny/denial apart.
 */
function rootOf(word: string): string | null {
  if (!/^[a-z]+$/.test(word)) return null;
  const stem = stemmer(word);
  const cut = stem.replace(KEPT_ENDING, '');
  const root = cut.length >= MIN_ROOT_LENGTH ? cut : stem;
  return root.length >= MIN_ROOT_LENGTH ? root : null;
}

const LUCENE_SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;

/**
 * The user's words, folded (so "Dáquq" finds "Daquq" and "AND" is a word, not an operator) and cut
 * where the index cuts them; Lucene's special characters are escaped when the query is built, so
 * no input can be a syntax error.
 */
export function parseTerms(query: string): Term[] {
  if (query.length > MAX_QUERY_LENGTH) throw invalid(`"query" must be at most ${MAX_QUERY_LENGTH} characters.`, 'query');
  const words = [...new Set(wordsOf(fold(query)).map(({ word }) => word))];
  if (words.length === 0) throw invalid('"query" must contain at least one word.', 'query');
  if (words.length > MAX_QUERY_TERMS) throw invalid(`"query" may contain at most ${MAX_QUERY_TERMS} words.`, 'query');
  return words.map((word) => ({ word, root: rootOf(word), maxEdits: maxEditsFor(word) }));
}

/**
 * Each term as two Lucene clauses. `precise`: the word as typed, boosted above any other form of
 * it, or a word starting with its root (a prefix query scores a flat 1 per field). `tolerant`: the
 * word within its edit distance, used only for a word that matches nothing precisely, so typo
 * tolerance never adds noise to a word the graph knows ("mosque" does not find Mosul).
 */
export function toLucene(term: Term): { word: string; precise: string; tolerant: string | null } {
  const escaped = term.word.replace(LUCENE_SPECIAL, (c) => `\\${c}`);
  return {
    word: term.word,
    precise: term.root ? `(${escaped}^4 OR ${term.root}*)` : `${escaped}^4`,
    tolerant: term.maxEdits > 0 ? `${escaped}~${term.maxEdits}` : null,
  };
}

/**
 * One page of hits and how many there are, in one round trip: first, per word, whether the index
 * knows it (one hit is enough); then one ranked pass with each word precise or, if unknown, typo-
 * tolerant, and the kinds asked for (`$kinds`: a clause on the index's kind field, which adds
 * nothing to a score). The ranking stops after $scan hits (TOTAL_COUNT_CAP, or deeper for a deep
 * page), all of the wanted kinds, so a rare kind is found however many hits of others outrank it.
 */
const searchPage = cypher(
  'search page',
  `UNWIND $terms AS term
   CALL (term) {
     CALL db.index.fulltext.queryNodes($index, term.precise, {limit: 1}) YIELD node
     RETURN count(node) > 0 AS known
   }
   WITH collect(CASE WHEN known THEN term.precise ELSE term.tolerant END) AS clauses,
        collect(CASE WHEN NOT known AND term.tolerant IS NOT NULL THEN term.word END) AS tolerated
   WITH tolerated, reduce(lucene = '', clause IN clauses | lucene + ' ' + clause) AS lucene
   CALL (lucene) {
     WITH lucene WHERE lucene <> ''
     CALL db.index.fulltext.queryNodes($index, '(' + lucene + ')' + $kinds, {limit: $scan}) YIELD node, score
     WITH node, score ORDER BY score DESC, node.id
     RETURN collect({n: node, score: score, label: head(labels(node))}) AS ranked
   }
   WITH tolerated, size(ranked) >= $scan AS capped, [hit IN ranked WHERE hit.label IN $labels] AS hits
   RETURN tolerated, capped, size(hits) AS total, hits[$offset..$offset + $limit] AS page`,
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

/** Edits between two words, a swap of neighbours counting as one, as Lucene's fuzzy query counts them; past `max`, max + 1. */
function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows = [Array.from({ length: b.length + 1 }, (_, j) => j)];
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(rows[i - 1]![j]! + 1, row[j - 1]! + 1, rows[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) row[j] = Math.min(row[j]!, rows[i - 2]![j - 2]! + 1);
    }
    rows.push(row);
  }
  return rows[a.length]![b.length]!;
}

/** Whether a word of the text matches a term the way the index matched it: as typed, by its root, or (for a tolerated word) within its typos. */
function matches(word: string, term: Term, tolerated: boolean): boolean {
  const folded = fold(word);
  return (
    folded === term.word ||
    (term.root !== null && folded.startsWith(term.root)) ||
    (tolerated && editDistance(folded, term.word, term.maxEdits) <= term.maxEdits)
  );
}

const SNIPPET_RADIUS = 60;

/**
 * Where the query matched: per indexed field, the words that match a term as the index matched
 * them (`tolerated`: the words read with typo tolerance), shown in a snippet with each match in <em>...</em>.
 */
function highlight(label: SearchableLabel, p: Record<string, unknown>, terms: Term[], tolerated: ReadonlySet<string>): Highlight[] {
  const highlights: Highlight[] = [];
  for (const field of searchable.propertiesOf[label]) {
    const values = ([] as unknown[]).concat(p[field] ?? []).filter((v): v is string => typeof v === 'string');
    for (const value of values) {
      const found = wordsOf(value).filter(({ word }) => terms.some((term) => matches(word, term, tolerated.has(term.word))));
      if (found.length === 0) continue;
      const start = Math.max(0, found[0]!.index - SNIPPET_RADIUS);
      const end = Math.min(value.length, found.at(-1)!.index + found.at(-1)!.word.length + SNIPPET_RADIUS);
      let snippet = '';
      let cursor = start;
      for (const m of found.filter((m) => m.index >= start && m.index + m.word.length <= end)) {
        snippet += `${value.slice(cursor, m.index)}<em>${m.word}</em>`;
        cursor = m.index + m.word.length;
      }
      snippet = `${start > 0 ? '…' : ''}${snippet}${value.slice(cursor, end)}${end < value.length ? '…' : ''}`;
      highlights.push({ field, snippet, terms: [...new Set(found.map((m) => m.word))] });
    }
  }
  return highlights;
}

/** A page of search hits; totalCount is exact unless totalCountIsLowerBound. */
export interface SearchPage extends Connection<SearchHit> {
  totalCountIsLowerBound: boolean;
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
): Promise<SearchPage> {
  const size = pageSize(args.first ?? DEFAULT_PAGE_SIZE, 'first');
  const offset = args.after == null ? 0 : decodeOffsetCursor(args.after, 'after').offset;
  const terms = parseTerms(query);
  const params = {
    index: FULLTEXT_INDEX,
    terms: terms.map(toLucene),
    labels: labels ?? searchable.labels,
    kinds: kindClause(labels),
    scan: neo4j.int(Math.max(TOTAL_COUNT_CAP, offset + size + 1)),
  };
  const result = await readOrInvalid(() =>
    ctx.read(searchPage, { ...params, offset: neo4j.int(offset), limit: neo4j.int(size + 1) }),
  );
  const found = result.records[0];
  const page = (found?.get('page') ?? []) as Array<{ n: unknown; score: number; label: SearchableLabel }>;
  const tolerated = new Set((found?.get('tolerated') ?? []) as string[]);
  const hits = page.map((hit) => {
    const p = props(hit.n);
    return { node: toRecord(hit.label, p), score: hit.score, highlights: highlight(hit.label, p, terms, tolerated) };
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
    totalCountIsLowerBound: found?.get('capped') === true,
  };
}

/** The Lucene clause that keeps hits of `labels` only (none when every searchable kind is wanted). */
function kindClause(labels: readonly SearchableLabel[] | null): string {
  const tokens = [...new Set(labels ?? [])].flatMap((label) => searchable.kindTokens[label] ?? []);
  if (tokens.length === 0 || tokens.length === searchable.labels.length) return '';
  return ` AND ${StorageProperty.searchKind}:(${tokens.join(' OR ')})^0`;
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
