import neo4j from 'neo4j-driver';
import { invalid } from '../domain/errors.js';
import { decodeKeysetCursor, encodeKeysetCursor, type CursorKeyType } from './cursor.js';

/** Relay's connection arguments, as GraphQL hands them over. */
export interface PageArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

/**
 * A validated keyset window: which way to walk, how many rows, the (sortKey, id) position to start
 * after, and the one to stop before (Relay's algorithm with both `after` and `before`: the edges
 * between them). Keyset paging costs the same on page 1 and page 1000 and stays stable under
 * inserts, which SKIP/OFFSET does not.
 */
export interface Window {
  forward: boolean;
  size: number;
  cursorKey: string | null;
  cursorId: string | null;
  stopKey: string | null;
  stopId: string | null;
}

export function pageSize(value: number, argument: string): number {
  if (!Number.isInteger(value) || value < 0 || value > MAX_PAGE_SIZE) {
    throw invalid(`"${argument}" must be between 0 and ${MAX_PAGE_SIZE}, got ${value}.`, argument);
  }
  return value;
}

/** The window of a keyset-paged list sorted by `sort`; a cursor that is not one of its own is VALIDATION. */
export function toWindow(args: PageArgs, sort: SortKey): Window {
  const { first, after, last, before } = args;
  if (first != null && last != null) throw invalid('Pass "first" or "last", not both.', 'last');
  const position = (cursor: string | null | undefined, argument: string) => {
    if (cursor == null) return { key: null, id: null };
    const { key, id } = decodeKeysetCursor(cursor, sort.key, argument);
    return { key, id };
  };
  const [start, stop] = [position(after, 'after'), position(before, 'before')];
  if (last != null || (before != null && first == null)) {
    return { forward: false, size: pageSize(last ?? DEFAULT_PAGE_SIZE, 'last'), cursorKey: stop.key, cursorId: stop.id, stopKey: start.key, stopId: start.id };
  }
  return { forward: true, size: pageSize(first ?? DEFAULT_PAGE_SIZE, 'first'), cursorKey: start.key, cursorId: start.id, stopKey: stop.key, stopId: stop.id };
}

/** Query parameters for a window; the query asks for one row more than the page to learn if more exist. */
export function windowParams(window: Window): Record<string, unknown> {
  // LIMIT takes an integer, and JavaScript numbers reach Cypher as floats.
  const { cursorKey, cursorId, stopKey, stopId } = window;
  return { cursorKey, cursorId, stopKey, stopId, limit: neo4j.int(window.size + 1) };
}

/**
 * How a list sorts, ties broken by `n.id`: `order` is what Cypher sorts on, `text` its string form
 * (what cursors carry), `key` the type of `order`, which a cursor's key must have. A key with `bounds`
 * is a property with a range index: queries then bound it from the cursor (or from the lowest value
 * on the first page), which lets Neo4j walk the index in order and stop after a page instead of
 * sorting every match.
 */
export interface SortKey {
  order: string;
  text: string;
  key: CursorKeyType;
  bounds?: { lowest: string; highest: string };
}

/** A cursor's key parameter (text, as cursors carry it) read back as a value of the sort key's type. */
const KEY_AS: Record<CursorKeyType, (parameter: string) => string> = { text: (p) => p, date: (p) => `date(${p})` };

/**
 * The WHERE and ORDER BY fragments of a keyset query over `sort` (see SortKey), with `n.id`
 * breaking ties: rows past `$cursorKey`/`$cursorId` in the walk's direction, and short of
 * `$stopKey`/`$stopId` when given. Both directions are fixed strings, never built from input.
 */
export function keyset(sort: SortKey, forward: boolean): { where: string; order: string } {
  const [cmp, stopCmp, dir] = forward ? ['>', '<', 'ASC'] : ['<', '>', 'DESC'];
  const cursor = KEY_AS[sort.key]('$cursorKey');
  const stopAt = KEY_AS[sort.key]('$stopKey');
  const after =
    `($cursorKey IS NULL OR ${sort.order} ${cmp} ${cursor} OR (${sort.order} = ${cursor} AND n.id ${cmp} $cursorId))` +
    ` AND ($stopKey IS NULL OR ${sort.order} ${stopCmp} ${stopAt} OR (${sort.order} = ${stopAt} AND n.id ${stopCmp} $stopId))`;
  const order = `ORDER BY ${sort.order} ${dir}, n.id ${dir}`;
  if (!sort.bounds) return { where: after, order };
  // A range on the key itself (inclusive: rows equal to the cursor's key may still follow it)
  // is what makes the planner seek the index in order.
  const bound = forward ? `${sort.order} >= coalesce(${cursor}, ${sort.bounds.lowest})` : `${sort.order} <= coalesce(${cursor}, ${sort.bounds.highest})`;
  return { where: `${bound} AND ${after}`, order };
}

export interface Edge<T> {
  cursor: string;
  node: T;
  /**
   * Keyset lists only: the entry's sort key, and that of the entry just before it in the whole list
   * (null for the list's first), for edges that say how an entry stands to the one before it (a
   * time line's ties).
   */
  sortKey?: string;
  previousSortKey?: string | null;
}

export interface PageInfo {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
}

export interface Connection<T> {
  edges: Edge<T>[] | Promise<Edge<T>[]>;
  pageInfo: PageInfo | Promise<PageInfo>;
  /** Counted by a separate query, run only when a client selects `totalCount`. */
  totalCount: () => Promise<number>;
}

/**
 * A connection whose page is read only when `edges` or `pageInfo` is selected, once, so that an
 * operation asking for `totalCount` alone runs the count query and nothing else.
 */
export function deferredConnection<T>(page: () => Promise<Connection<T>>, totalCount: () => Promise<number>): Connection<T> {
  let loaded: Promise<Connection<T>> | undefined;
  const load = () => (loaded ??= page());
  return {
    get edges() {
      return load().then((connection) => connection.edges);
    },
    get pageInfo() {
      return load().then((connection) => connection.pageInfo);
    },
    totalCount,
  };
}

export interface KeyedRow<T> {
  sortKey: string;
  node: T & { id: string };
}

/** Turns the rows of one keyset query (size + 1 at most, in walk order) into a Relay connection. */
export function toConnection<T>(rows: KeyedRow<T>[], window: Window, totalCount: () => Promise<number>): Connection<T> {
  const more = rows.length > window.size;
  const page = rows.slice(0, window.size);
  if (!window.forward) page.reverse();
  // Before the page's first row: the cursor walked forward from, or walking backward the extra row
  // read past the page, else the cursor the walk stopped at (none: the list's start).
  const beforePage = window.forward ? window.cursorKey : more ? rows[window.size]!.sortKey : window.stopKey;
  const edges = page.map((row, index) => ({
    cursor: encodeKeysetCursor(row.sortKey, row.node.id),
    node: row.node,
    sortKey: row.sortKey,
    previousSortKey: index === 0 ? beforePage : page[index - 1]!.sortKey,
  }));
  return {
    edges,
    pageInfo: {
      hasNextPage: window.forward ? more : window.cursorKey !== null,
      hasPreviousPage: window.forward ? window.cursorKey !== null : more,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    totalCount,
  };
}
