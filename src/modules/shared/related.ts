import type { Context } from '../../context.js';
import { loadGrouped } from '../../db/batch.js';
import { cypher, type NamedQuery, type Params } from '../../db/database.js';
import type { Label } from '../../domain/graph.js';
import { props } from '../../db/values.js';

/**
 * A short, unpaged relation list (a place's neighbours, an article's citations), loaded for every
 * parent of a nesting level in one round trip. `pattern` goes from `p` to `n`, may bind `r`;
 * the mapper sees the far node, the relationship, the far node's label and the parent.
 */
export function relatedQuery(name: string, parent: Label, pattern: string, orderBy = 'n.id', filter = 'true'): NamedQuery {
  return cypher(
    name,
    `UNWIND $ids AS parentId
     MATCH (p:${parent} {id: parentId})
     MATCH ${pattern}
     WHERE ${filter}
     RETURN DISTINCT parentId, p, n, ${pattern.includes('[r:') ? 'r' : 'null AS r'}, head(labels(n)) AS label
     ORDER BY parentId, ${orderBy}`,
  );
}

/** Loads related nodes (mapped with `map`) per parent key. */
export function loadRelated<T>(
  ctx: Context,
  query: NamedQuery,
  ids: readonly string[],
  map: (node: Record<string, unknown>, rel: Record<string, unknown>, label: Label, parent: Record<string, unknown>) => T,
  params: Params = {},
): Promise<T[][]> {
  return loadGrouped(
    ctx,
    query,
    ids,
    (record) =>
      map(props(record.get('n')), props(record.get('r')), record.get('label') as Label, props(record.get('p'))),
    params,
  );
}

/** Loads the one related node per parent key (a single link: an event's larger event), null where there is none. */
export async function loadRelatedOne<T>(
  ctx: Context,
  query: NamedQuery,
  ids: readonly string[],
  map: (node: Record<string, unknown>, rel: Record<string, unknown>, label: Label, parent: Record<string, unknown>) => T,
): Promise<Array<T | null>> {
  return (await loadRelated(ctx, query, ids, map)).map((list) => list[0] ?? null);
}
