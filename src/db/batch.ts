import type { Record as Neo4jRecord } from 'neo4j-driver';
import type { Context } from '../context.js';
import { cypher, type NamedQuery, type Params } from './database.js';
import { Label } from '../domain/graph.js';
import { deferredConnection, keyset, toConnection, toWindow, windowParams, type Connection, type KeyedRow, type PageArgs, type SortKey } from './pagination.js';
import { plainNode, props } from './values.js';

/**
 * Batch loaders shared by every module: each takes all the keys of one nesting level and makes
 * one Cypher round trip for them, returning one result per key in key order (DataLoader's contract).
 */

export type RowMapper<T> = (record: Neo4jRecord) => T;

/**
 * The nodes of one label, by key. A key that a merge retired (an outlet or actor merged into
 * another, audited as MERGE with `mergedInto`) answers with the record it became part of, so old IDs
 * keep resolving; misses are left out.
 */
export function nodesById(label: Label): NamedQuery {
  return cypher(
    `${label} by ids`,
    `UNWIND $ids AS id
     OPTIONAL MATCH (found:${label} {id: id})
     WITH id, CASE WHEN found IS NULL
                THEN head(COLLECT { MATCH (a:${Label.AuditEntry} {key: id, label: '${label}', action: 'MERGE'}) MATCH (kept:${label} {id: a.mergedInto}) RETURN kept })
                ELSE found END AS n
     WITH id, n WHERE n IS NOT NULL
     RETURN id, ${plainNode('n', label)} AS n`,
  );
}

/**
 * The records for `ids`, in their order, null for a key that names none: what Pothos's loadable
 * refs answer a miss with (as their own `sort` option does; their types spell only Error), which
 * the API's lookups turn into NOT_FOUND or, for node(id:), null.
 */
export async function loadNodes<T>(ctx: Context, query: NamedQuery, ids: readonly string[], map: (p: Record<string, unknown>) => T): Promise<T[]> {
  const result = await ctx.read(query, { ids });
  const byId = new Map(result.records.map((record) => [record.get('id') as string, map(props(record.get('n')))]));
  return ids.map((id) => byId.get(id) ?? (null as T));
}

/**
 * A query returning `parentId` and one related item per row, grouped back into a list per parent.
 * `query` must start from `UNWIND $ids AS parentId`.
 */
export async function loadGrouped<T>(
  ctx: Context,
  query: NamedQuery,
  ids: readonly string[],
  map: RowMapper<T>,
  params: Params = {},
): Promise<T[][]> {
  const result = await ctx.read(query, { ...params, ids });
  const groups = new Map<string, T[]>(ids.map((id) => [id, []]));
  for (const record of result.records) groups.get(record.get('parentId') as string)?.push(map(record));
  return ids.map((id) => groups.get(id) ?? []);
}

/**
 * A paged one-to-many relation, one round trip for all parents: `pattern` matches from the
 * parent `p` to the related node `n`, `sortKey` orders `n` (see SortKey), `filter` narrows `n`.
 */
export interface RelationPage {
  name: string;
  parent: Label;
  pattern: string;
  sortKey: SortKey;
  filter?: string;
}

function relationPageQuery(spec: RelationPage, forward: boolean): NamedQuery {
  const { where, order } = keyset(spec.sortKey, forward);
  return cypher(
    `${spec.name} page ${forward ? 'forward' : 'backward'}`,
    `UNWIND $ids AS parentId
     MATCH (p:${spec.parent} {id: parentId})
     CALL (p) {
       MATCH ${spec.pattern}
       WHERE ${spec.filter ?? 'true'} AND ${where}
       WITH DISTINCT n
       RETURN n, ${spec.sortKey.text} AS sortKey ${order} LIMIT $limit
     }
     RETURN parentId, n, sortKey`,
  );
}

function relationCountQuery(spec: RelationPage): NamedQuery {
  return cypher(
    `${spec.name} count`,
    `UNWIND $ids AS parentId
     MATCH (p:${spec.parent} {id: parentId})
     CALL (p) {
       MATCH ${spec.pattern}
       WHERE ${spec.filter ?? 'true'}
       RETURN count(DISTINCT n) AS total
     }
     RETURN parentId, total`,
  );
}

/** Each parent's count and page in one row: the two subqueries of the queries above, in one round trip. */
function relationPageAndCountQuery(spec: RelationPage, forward: boolean): NamedQuery {
  const { where, order } = keyset(spec.sortKey, forward);
  return cypher(
    `${spec.name} page ${forward ? 'forward' : 'backward'} and count`,
    `UNWIND $ids AS parentId
     MATCH (p:${spec.parent} {id: parentId})
     CALL (p) {
       MATCH ${spec.pattern}
       WHERE ${spec.filter ?? 'true'}
       RETURN count(DISTINCT n) AS total
     }
     CALL (p) {
       MATCH ${spec.pattern}
       WHERE ${spec.filter ?? 'true'} AND ${where}
       WITH DISTINCT n
       WITH n, ${spec.sortKey.text} AS sortKey ${order} LIMIT $limit
       RETURN collect({n: n, sortKey: sortKey}) AS page
     }
     RETURN parentId, total, page`,
  );
}

/**
 * Two reads a request often wants together, a page and its count: both asked for before the
 * current turn of resolvers ends (GraphQL resolves the fields of one object in one pass), they are
 * answered by one combined query; asked for alone, each by its own.
 */
function pagedAndCounted<P, C>(reads: { page: () => Promise<P>; count: () => Promise<C>; both: () => Promise<[P, C]> }) {
  const wanted = { page: false, count: false };
  let page: Promise<P> | undefined;
  let count: Promise<C> | undefined;
  let planned: Promise<void> | undefined;
  const plan = () =>
    (planned ??= Promise.resolve().then(() => {
      if (!(wanted.page && wanted.count)) return;
      const both = reads.both();
      page = both.then(([p]) => p);
      count = both.then(([, c]) => c);
    }));
  return {
    page: async () => {
      wanted.page = true;
      await plan();
      return (page ??= reads.page());
    },
    count: async () => {
      wanted.count = true;
      await plan();
      return (count ??= reads.count());
    },
  };
}

/** Prepared queries for one relation, built once at module load. */
export function relationPage(spec: RelationPage) {
  const queries = {
    forward: relationPageQuery(spec, true),
    backward: relationPageQuery(spec, false),
    count: relationCountQuery(spec),
    forwardAndCount: relationPageAndCountQuery(spec, true),
    backwardAndCount: relationPageAndCountQuery(spec, false),
  };
  return async function loadPages<T>(
    ctx: Context,
    ids: readonly string[],
    args: PageArgs,
    map: (p: Record<string, unknown>) => T & { id: string },
    params: Params = {},
  ): Promise<Connection<T>[]> {
    const window = toWindow(args, spec.sortKey);
    const toRow = (entry: { n: unknown; sortKey: unknown }): KeyedRow<T> => ({ node: map(props(entry.n)), sortKey: entry.sortKey as string });
    const totals = (records: Neo4jRecord[]) => new Map(records.map((r) => [r.get('parentId') as string, Number(r.get('total'))]));
    // Pages and counts are read only when selected, each in one query for every parent, or both
    // in one query when both are selected.
    const reads = pagedAndCounted({
      page: () =>
        loadGrouped<KeyedRow<T>>(ctx, window.forward ? queries.forward : queries.backward, ids, (record) => toRow({ n: record.get('n'), sortKey: record.get('sortKey') }), {
          ...params,
          ...windowParams(window),
        }),
      count: async () => totals((await ctx.read(queries.count, { ...params, ids })).records),
      both: async () => {
        const result = await ctx.read(window.forward ? queries.forwardAndCount : queries.backwardAndCount, { ...params, ...windowParams(window), ids });
        const pages = new Map(result.records.map((r) => [r.get('parentId') as string, (r.get('page') as Array<{ n: unknown; sortKey: unknown }>).map(toRow)]));
        return [ids.map((id) => pages.get(id) ?? []), totals(result.records)];
      },
    });
    const countFor = (id: string) => async () => (await reads.count()).get(id) ?? 0;
    return ids.map((id, index) =>
      deferredConnection(async () => toConnection(sortRows((await reads.page())[index] ?? [], window.forward), window, countFor(id)), countFor(id)),
    );
  };
}

/** Rows arrive in order from Cypher, but collect-free grouping does not promise it; sort once more. */
function sortRows<T>(rows: KeyedRow<T>[], forward: boolean): KeyedRow<T>[] {
  const sign = forward ? 1 : -1;
  return rows.sort((a, b) =>
    a.sortKey === b.sortKey ? sign * compare(a.node.id, b.node.id) : sign * compare(a.sortKey, b.sortKey),
  );
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * A paged root list: `match` binds `n`, `filter` narrows it using the caller's parameters,
 * `sortKey` orders it (see SortKey).
 */
export interface ListPage {
  name: string;
  match: string;
  sortKey: SortKey;
  filter?: string;
  /** The same `n` as `match` and `filter` find, bound from somewhere cheaper to count from. */
  count?: { match: string; filter: string };
  /** Variables `match` binds beside `n`, one value per `n`, that the sort key reads (a key computed once per row). */
  keep?: string;
}

export function listPage(spec: ListPage) {
  const build = (forward: boolean) => {
    const { where, order } = keyset(spec.sortKey, forward);
    return cypher(
      `${spec.name} page ${forward ? 'forward' : 'backward'}`,
      `${spec.match}
       WHERE ${spec.filter ?? 'true'} AND ${where}
       WITH DISTINCT n${spec.keep ? `, ${spec.keep}` : ''}
       RETURN n, ${spec.sortKey.text} AS sortKey, head(labels(n)) AS label ${order} LIMIT $limit`,
    );
  };
  const count = `${spec.count?.match ?? spec.match} WHERE ${spec.count?.filter ?? spec.filter ?? 'true'} RETURN count(DISTINCT n) AS total`;
  const buildWithCount = (forward: boolean) => {
    const { where, order } = keyset(spec.sortKey, forward);
    return cypher(
      `${spec.name} page ${forward ? 'forward' : 'backward'} and count`,
      `CALL () { ${count} }
       CALL () {
         ${spec.match}
         WHERE ${spec.filter ?? 'true'} AND ${where}
         WITH DISTINCT n${spec.keep ? `, ${spec.keep}` : ''}
         WITH n, ${spec.sortKey.text} AS sortKey, head(labels(n)) AS label ${order} LIMIT $limit
         RETURN collect({n: n, sortKey: sortKey, label: label}) AS page
       }
       RETURN total, page`,
    );
  };
  const queries = {
    forward: build(true),
    backward: build(false),
    count: cypher(`${spec.name} count`, count),
    forwardAndCount: buildWithCount(true),
    backwardAndCount: buildWithCount(false),
  };
  return async function loadPage<T>(
    ctx: Context,
    args: PageArgs,
    /** Maps a row's node; the label tells lists whose `match` binds several labels apart. */
    map: (p: Record<string, unknown>, label: Label) => T & { id: string },
    params: Params = {},
  ): Promise<Connection<T>> {
    const window = toWindow(args, spec.sortKey);
    const toRow = (entry: { n: unknown; sortKey: unknown; label: unknown }): KeyedRow<T> => ({
      node: map(props(entry.n), entry.label as Label),
      sortKey: entry.sortKey as string,
    });
    const reads = pagedAndCounted({
      page: async () =>
        (await ctx.read(window.forward ? queries.forward : queries.backward, { ...params, ...windowParams(window) })).records.map((record) =>
          toRow({ n: record.get('n'), sortKey: record.get('sortKey'), label: record.get('label') }),
        ),
      count: async () => Number((await ctx.read(queries.count, params)).records[0]?.get('total') ?? 0),
      both: async () => {
        const record = (await ctx.read(window.forward ? queries.forwardAndCount : queries.backwardAndCount, { ...params, ...windowParams(window) })).records[0]!;
        return [(record.get('page') as Array<{ n: unknown; sortKey: unknown; label: unknown }>).map(toRow), Number(record.get('total'))];
      },
    });
    return deferredConnection(async () => toConnection(await reads.page(), window, reads.count), reads.count);
  };
}
