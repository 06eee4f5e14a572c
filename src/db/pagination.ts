import neo4j from 'neo4j-driver';
import { invalid } from '../domain/errors.js';

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
 * A validated keyset window: which way to walk, how many rows, and the (sortKey, id) position to
 * start after. Keyset paging costs the same on page 1 and page 1000 and stays stable under inserts,
 * which SKIP/OFFSET does not.
 */
export interface Window {
  forward: boolean;
  size: number;
  cursorKey: string | null;
  cursorId: string | null;
}

export function encodeCursor(sortKey: string, id: string): string {
  return Buffer.from(JSON.stringify([sortKey, id])).toString('base64url');
}

function decodeCursor(cursor: string, argument: string): [string, string] {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2 && value.every((part) => typeof part === 'string')) {
      return value as [string, string];
    }
  } catch {
    // reported below
  }
  throw invalid(`"${argument}" is not a cursor returned by this API.`, argument);
}

function size(value: number, argument: string): number {
  if (!Number.isInteger(value) || value < 0 || value > MAX_PAGE_SIZE) {
    throw invalid(`"${argument}" must be between 0 and ${MAX_PAGE_SIZE}, got ${value}.`, argument);
  }
  return value;
}

export function toWindow(args: PageArgs): Window {
  const { first, after, last, before } = args;
  if (first != null && last != null) throw invalid('Pass "first" or "last", not both.', 'last');
  if (after != null && before != null) throw invalid('Pass "after" or "before", not both.', 'before');
  if (last != null || (before != null && first == null)) {
    const [cursorKey, cursorId] = before != null ? decodeCursor(before, 'before') : [null, null];
    return { forward: false, size: size(last ?? DEFAULT_PAGE_SIZE, 'last'), cursorKey, cursorId };
  }
  const [cursorKey, cursorId] = after != null ? decodeCursor(after, 'after') : [null, null];
  return { forward: true, size: size(first ?? DEFAULT_PAGE_SIZE, 'first'), cursorKey, cursorId };
}

/** Query parameters for a window; the query asks for one row more than the page to learn if more exist. */
export function windowParams(window: Window): Record<string, unknown> {
  // LIMIT takes an integer, and JavaScript numbers reach Cypher as floats.
  return { cursorKey: window.cursorKey, cursorId: window.cursorId, limit: neo4j.int(window.size + 1) };
}

/**
 * How a list sorts, ties broken by `n.id`: `order` is what Cypher sorts on, `text` its string form
 * (what cursors carry), `cursor` reads `$cursorKey` back as an `order` value. A key with `bounds`
 * is a property with a range index: queries then bound it from the cursor (or from the lowest value
 * on the first page), which lets Neo4j walk the index in order and stop after a page instead of
 * sorting every match.
 */
export interface SortKey {
  order: string;
  text: string;
  cursor: string;
  bounds?: { lowest: string; highest: string };
}

/**
 * The WHERE and ORDER BY fragments of a keyset query over `sort` (see SortKey), with `n.id`
 * breaking ties. Both directions are fixed strings, never built from input.
 */
export function keyset(sort: SortKey, forward: boolean): { where: string; order: string } {
  const [cmp, dir] = forward ? ['>', 'ASC'] : ['<', 'DESC'];
  const after = `($cursorKey IS NULL OR ${sort.order} ${cmp} ${sort.cursor} OR (${sort.order} = ${sort.cursor} AND n.id ${cmp} $cursorId))`;
  const order = `ORDER BY ${sort.order} ${dir}, n.id ${dir}`;
  if (!sort.bounds) return { where: after, order };
  // A range on the key itself (inclusive: rows equal to the cursor's key may still follow it)
  // is what makes the planner seek the index in order.
  const bound = forward ? `${sort.order} >= coalesce(${sort.cursor}, ${sort.bounds.lowest})` : `${sort.order} <= coalesce(${sort.cursor}, ${sort.bounds.highest})`;
  return { where: `${bound} AND ${after}`, order };
}

export interface Edge<T> {
  cursor: string;
  node: T;
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
  const edges = page.map((row) => ({ cursor: encodeCursor(row.sortKey, row.node.id), node: row.node }));
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
