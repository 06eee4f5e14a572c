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
  /**
   * The count as an expression of `p` that reads degrees instead of expanding relationships
   * (`COUNT { (p)-[:MADE]->() }`), used while `unfiltered` (a condition on the parameters) holds:
   * Neo4j reads a degree from the node's relationship groups, so a supernode's count costs what a
   * small one's does. It must count what `pattern` and `filter` find, each related node once.
   * Without `unfiltered`, always.
   */
  degree?: { expression: string; unfiltered?: string };
  /**
   * The related nodes carry `relationKey(parent's id, their sort key, their id)` in this
   * range-indexed property of `label` (kept by the write paths): the page is then an ordered
   * index seek between the window's two positions that stops after the page, whatever the
   * parent's degree, instead of `pattern` expanded and sorted.
   */
  seek?: { label: Label; property: string };
}

/** Sorts below every character of keys and sort keys, so that relation keys sort as their parts do. */
const KEY_SEPARATOR = `'\\u0001'`;
/** Sorts above the separator: every relation key of a parent lies between `parent + SEPARATOR` and `parent + KEY_END`. */
const KEY_END = `'\\u0002'`;

/**
 * A node's position among a parent's related nodes as one string (Cypher expressions in, one out):
 * ordered by it, they come in the order of (sort key, id), as keyset pages walk them.
 */
export function relationKey(parentId: string, sortText: string, id: string): string {
  return `${parentId} + ${KEY_SEPARATOR} + ${sortText} + ${KEY_SEPARATOR} + ${id}`;
}

/**
 * The parent `p`'s page (at most `$limit` rows `n`, `sortKey`, in walk order) through `seek`: a
 * range between the cursor's position (or the parent's first or last key) and the stop's.
 */
function seekPage(spec: RelationPage & { seek: NonNullable<RelationPage['seek']> }, forward: boolean): string {
  const key = `n.${spec.seek.property}`;
  const position = (sortKey: string, id: string) => relationKey('p.id', sortKey, id);
  const [first, last] = [`p.id + ${KEY_SEPARATOR}`, `p.id + ${KEY_END}`];
  const cursor = `coalesce(${position('$cursorKey', '$cursorId')}, ${forward ? first : last})`;
  const stop = `coalesce(${position('$stopKey', '$stopId')}, ${forward ? last : first})`;
  return `MATCH (n:${spec.seek.label})
       WHERE ${forward ? `${key} > ${cursor} AND ${key} < ${stop}` : `${key} < ${cursor} AND ${key} > ${stop}`}
         AND ${spec.filter ?? 'true'}
       WITH n ORDER BY ${key} ${forward ? 'ASC' : 'DESC'} LIMIT $limit
       WITH n, ${spec.sortKey.text} AS sortKey`;
}

function relationPageQuery(spec: RelationPage, forward: boolean): NamedQuery {
  const { where, order } = keyset(spec.sortKey, forward);
  if (spec.seek) {
    return cypher(
      `${spec.name} page ${forward ? 'forward' : 'backward'}`,
      `UNWIND $ids AS parentId
     MATCH (p:${spec.parent} {id: parentId})
     CALL (p) {
       ${seekPage({ ...spec, seek: spec.seek }, forward)}
       RETURN n, sortKey
     }
     RETURN parentId, n, sortKey`,
    );
  }
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
     ${countSubquery(spec, 'total')}
     RETURN parentId, total`,
  );
}

/** The count of the parent `p`'s related nodes, as `column` (from the degree store when it can; see RelationPage). */
function countSubquery(spec: RelationPage, column: string): string {
  if (!spec.degree) {
    return `CALL (p) {
       MATCH ${spec.pattern}
       WHERE ${spec.filter ?? 'true'}
       RETURN count(DISTINCT n) AS ${column}
     }`;
  }
  if (!spec.degree.unfiltered) return `CALL (p) { RETURN ${spec.degree.expression} AS ${column} }`;
  // Grouped by p, the expanding branch returns no row at all (not a zero) when it does not apply.
  return `CALL (p) {
       WITH p WHERE ${spec.degree.unfiltered}
       RETURN p AS counted, ${spec.degree.expression} AS ${column}
       UNION ALL
       WITH p WHERE NOT (${spec.degree.unfiltered})
       MATCH ${spec.pattern}
       WHERE ${spec.filter ?? 'true'}
       RETURN p AS counted, count(DISTINCT n) AS ${column}
     }`;
}

/** The parent `p`'s page of related nodes with their sort keys, as the list `column`. */
function pageSubquery(spec: RelationPage, forward: boolean, column: string): string {
  if (spec.seek) {
    return `CALL (p) {
       ${seekPage({ ...spec, seek: spec.seek }, forward)}
       RETURN collect({n: n, sortKey: sortKey}) AS ${column}
     }`;
  }
  const { where, order } = keyset(spec.sortKey, forward);
  return `CALL (p) {
       MATCH ${spec.pattern}
       WHERE ${spec.filter ?? 'true'} AND ${where}
       WITH DISTINCT n
       WITH n, ${spec.sortKey.text} AS sortKey ${order} LIMIT $limit
       RETURN collect({n: n, sortKey: sortKey}) AS ${column}
     }`;
}

/** Each parent's count and page in one row: the two subqueries of the queries above, in one round trip. */
function relationPageAndCountQuery(spec: RelationPage, forward: boolean): NamedQuery {
  return cypher(
    `${spec.name} page ${forward ? 'forward' : 'backward'} and count`,
    `UNWIND $ids AS parentId
     MATCH (p:${spec.parent} {id: parentId})
     ${countSubquery(spec, 'total')}
     ${pageSubquery(spec, forward, 'page')}
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

/**
 * A relation read inside its parent's own query, the parent bound as `p`: a root lookup and its
 * first nested level in one round trip (see loadFolded). `cypher` is CALL subqueries binding
 * `columns`; their parameters carry the fold's name before their own, so several folds share a query.
 */
export interface Fold<T> {
  /** The relation, as its batched loader knows it (see handedOverOr). */
  relation: string;
  /** The arguments of the field it answers. */
  args: object;
  cypher: string;
  columns: string[];
  params: Params;
  read(record: Neo4jRecord, parent: Record<string, unknown>): T;
}

/** Names `text`'s parameters `$as_name`, and `params` alike, so folds of several relations share one query. */
export function foldParameters(as: string, text: string, params: Params): { cypher: string; params: Params } {
  return {
    cypher: text.replace(/\$(\w+)/g, (_, name: string) => `$${as}_${name}`),
    params: Object.fromEntries(Object.entries(params).map(([name, value]) => [`${as}_${name}`, value])),
  };
}

/** What root lookups read of a relation together with their record, for the relation's batched loader. */
const handedOver = new WeakMap<Context, Map<string, unknown>>();
const handoverKey = (relation: string, id: string, args: object) =>
  `${relation}\n${id}\n${JSON.stringify(Object.entries(args).sort(([a], [b]) => (a < b ? -1 : 1)))}`;

/**
 * A relation's batched load, minus the parents a root lookup already read it for (same request,
 * same arguments): those are answered from what loadFolded handed over, the rest are loaded.
 */
export async function handedOverOr<T>(ctx: Context, relation: string, ids: readonly string[], args: object, load: (ids: readonly string[]) => Promise<T[]>): Promise<T[]> {
  const found = handedOver.get(ctx);
  const key = (id: string) => handoverKey(relation, id, args);
  const missing = found ? ids.filter((id) => !found.has(key(id))) : ids;
  const loaded = missing.length > 0 ? await load(missing) : [];
  const byId = new Map(missing.map((id, index) => [id, loaded[index]!]));
  return ids.map((id) => (byId.has(id) ? byId.get(id)! : (found!.get(key(id)) as T)));
}

/**
 * The record of `label` keyed `id` with the relations of `folds`, in one query; each relation's
 * answer is handed over to its batched loader (see handedOverOr). Null when no record has that key
 * (the caller then takes the usual path, which also follows merged keys).
 */
export async function loadFolded(ctx: Context, label: Label, id: string, folds: Fold<unknown>[]): Promise<Record<string, unknown> | null> {
  const query = cypher(
    `${label} with ${folds.map((fold) => fold.relation).join(', ')}`,
    `MATCH (p:${label} {id: $id})
     ${folds.map((fold) => fold.cypher).join('\n     ')}
     RETURN ${[`${plainNode('p', label)} AS p`, ...folds.flatMap((fold) => fold.columns)].join(', ')}`,
  );
  const record = (await ctx.read(query, Object.assign({ id }, ...folds.map((fold) => fold.params)))).records[0];
  if (!record) return null;
  const parent = props(record.get('p'));
  let found = handedOver.get(ctx);
  if (!found) handedOver.set(ctx, (found = new Map()));
  for (const fold of folds) found.set(handoverKey(fold.relation, id, fold.args), fold.read(record, parent));
  return parent;
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
  async function loadPages<T>(
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
  }
  /**
   * The page (and, when `counted`, the count) for `args`, folded into the parent's query (see
   * Fold); a count asked for after all takes its own query. Throws VALIDATION for bad arguments.
   */
  function fold<T>(
    ctx: Context,
    id: string,
    args: PageArgs,
    map: (p: Record<string, unknown>) => T & { id: string },
    params: Params,
    counted: boolean,
  ): Fold<Connection<T>> {
    const window = toWindow(args, spec.sortKey);
    const as = spec.name.replace(/\W+/g, '_');
    const folded = foldParameters(
      as,
      [...(counted ? [countSubquery(spec, `${as}_total`)] : []), pageSubquery(spec, window.forward, `${as}_page`)].join('\n     '),
      { ...params, ...windowParams(window) },
    );
    return {
      relation: spec.name,
      args,
      ...folded,
      columns: [...(counted ? [`${as}_total`] : []), `${as}_page`],
      read: (record) => {
        const rows = (record.get(`${as}_page`) as Array<{ n: unknown; sortKey: unknown }>).map((entry): KeyedRow<T> => ({
          node: map(props(entry.n)),
          sortKey: entry.sortKey as string,
        }));
        const total = counted ? Number(record.get(`${as}_total`)) : undefined;
        const count = async () => total ?? Number((await ctx.read(queries.count, { ...params, ids: [id] })).records[0]?.get('total') ?? 0);
        return toConnection(sortRows(rows, window.forward), window, count);
      },
    };
  }
  return Object.assign(loadPages, { relation: spec.name, fold });
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
  /** How many `n` `match` and `filter` find, counted somewhere cheaper: a query that returns `total`. */
  count?: string;
  /** Variables `match` binds beside `n`, one value per `n`, that the sort key reads (a key computed once per row). */
  keep?: string;
  /**
   * Conditions on `n` whose union holds every row `filter` keeps: a page is then read as one
   * ordered, limited walk per condition, each free to seek its own index from its own bound, and
   * the best `$limit` of their rows are kept. Counts read `filter` alone. `using` names the index a
   * walk must seek (`n:Label(property)`): on a small graph the planner's estimates would otherwise
   * pick a walk (or a scan of the whole index) that is cheaper there and grows with the graph.
   */
  branches?: { condition: string; using?: string }[];
}

/** The count, as `total`, of the distinct `n` that `match` binds and `filter` keeps. */
export const distinctCount = (match: string, filter = 'true') => `${match} WHERE ${filter} RETURN count(DISTINCT n) AS total`;

export function listPage(spec: ListPage) {
  const kept = `n${spec.keep ? `, ${spec.keep}` : ''}`;
  /** The rows of a page in walk order, at most `$limit`, as `n` (and `keep`): one walk, or one per branch. */
  const pageRows = (forward: boolean) => {
    const { where, order } = keyset(spec.sortKey, forward);
    const walk = ({ condition, using }: { condition: string; using?: string }) => `${spec.match}${using ? ` USING INDEX SEEK ${using}` : ''}
       WHERE ${condition} AND ${spec.filter ?? 'true'} AND ${where}
       WITH DISTINCT ${kept}`;
    if (!spec.branches) return walk({ condition: 'true' });
    return `CALL () {
         ${spec.branches.map((branch) => `${walk(branch)} ${order} LIMIT $limit RETURN ${kept}`).join('\n         UNION\n         ')}
       }
       WITH ${kept}`;
  };
  const build = (forward: boolean) => {
    const { order } = keyset(spec.sortKey, forward);
    return cypher(
      `${spec.name} page ${forward ? 'forward' : 'backward'}`,
      `${pageRows(forward)}
       RETURN n, ${spec.sortKey.text} AS sortKey, head(labels(n)) AS label ${order} LIMIT $limit`,
    );
  };
  const count = spec.count ?? distinctCount(spec.match, spec.filter);
  const buildWithCount = (forward: boolean) => {
    const { order } = keyset(spec.sortKey, forward);
    return cypher(
      `${spec.name} page ${forward ? 'forward' : 'backward'} and count`,
      `CALL () { ${count} }
       CALL () {
         ${pageRows(forward)}
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
