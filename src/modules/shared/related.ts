import type { Context } from '../../context.js';
import { handedOverOr, loadGrouped, type Fold } from '../../db/batch.js';
import { cypher, type NamedQuery, type Params } from '../../db/database.js';
import type { Label } from '../../domain/graph.js';
import { props } from '../../db/values.js';

/**
 * A short, unpaged relation list (a place's neighbours, an article's citations), loaded for every
 * parent of a nesting level in one round trip. `pattern` goes from `p` to `n`, may bind `r`;
 * the mapper sees the far node, the relationship, the far node's label and the parent.
 */
export function relatedQuery(name: string, parent: Label, pattern: string, orderBy = 'n.id', filter = 'true'): RelatedQuery {
  const rel = pattern.includes('[r:') ? 'r' : 'null AS r';
  const column = name.replace(/\W+/g, '_');
  return {
    ...cypher(
      name,
      `UNWIND $ids AS parentId
     MATCH (p:${parent} {id: parentId})
     MATCH ${pattern}
     WHERE ${filter}
     RETURN DISTINCT parentId, p, n, ${rel}, head(labels(n)) AS label
     ORDER BY parentId, ${orderBy}`,
    ),
    fold: (map) => ({
      relation: name,
      args: {},
      cypher: `CALL (p) {
       MATCH ${pattern}
       WHERE ${filter}
       WITH DISTINCT n, ${rel}, head(labels(n)) AS label ORDER BY ${orderBy}
       RETURN collect({n: n, r: r, label: label}) AS ${column}
     }`,
      params: {},
      columns: [column],
      read: (record, parentProps) =>
        (record.get(column) as Array<{ n: unknown; r: unknown; label: Label }>).map((entry) => map(props(entry.n), props(entry.r), entry.label, parentProps)),
    }),
  };
}

type RelatedMapper<T> = (node: Record<string, unknown>, rel: Record<string, unknown>, label: Label, parent: Record<string, unknown>) => T;

export interface RelatedQuery extends NamedQuery {
  /** The same list of the parent `p`, read inside the parent's query (see loadFolded). */
  fold<T>(map: RelatedMapper<T>): Fold<T[]>;
}

/** Loads related nodes (mapped with `map`) per parent key, but for those a root lookup read (see loadFolded). */
export function loadRelated<T>(ctx: Context, query: NamedQuery, ids: readonly string[], map: RelatedMapper<T>, params: Params = {}): Promise<T[][]> {
  return handedOverOr(ctx, query.name, ids, {}, (missing) =>
    loadGrouped(
      ctx,
      query,
      missing,
      (record) => map(props(record.get('n')), props(record.get('r')), record.get('label') as Label, props(record.get('p'))),
      params,
    ),
  );
}

/** Loads the one related node per parent key (a single link: an event's larger event), null where there is none. */
export async function loadRelatedOne<T>(
  ctx: Context,
  query: NamedQuery,
  ids: readonly string[],
  map: RelatedMapper<T>,
): Promise<Array<T | null>> {
  return (await loadRelated(ctx, query, ids, map)).map((list) => list[0] ?? null);
}
