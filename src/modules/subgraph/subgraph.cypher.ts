import neo4j, { type Node, type Relationship } from 'neo4j-driver';
import type { Context } from '../../context.js';
import { cypher, type NamedQuery } from '../../db/database.js';
import { Label, Rel, recordProperties } from '../../domain/graph.js';
import { contentLabels, type ContentLabel } from '../records.js';
import { props } from '../../db/values.js';
import { invalid } from '../../domain/errors.js';
import { checkedId, encodeGlobalID } from '../../domain/global-id.js';
import { orNotFound, type DecodedId } from '../shared/lookup.js';

/** Hard caps: a neighbourhood or path search never walks or returns more than this. */
export const MAX_DEPTH = 3;
export const MAX_NODES = 500;
export const DEFAULT_NODES = 100;
/** Relationships read per level of a neighbourhood; beyond it the result is truncated. */
export const MAX_EDGES_PER_LEVEL = 2000;
export const MAX_HOPS = 6;
export const DEFAULT_HOPS = 4;
export const MAX_PATHS = 50;
export const DEFAULT_PATHS = 10;

export interface GraphNodeRecord {
  /** The record's global ID (exports name nodes by it; the API derives a drawn node's own ID from it). */
  id: string;
  kind: ContentLabel;
  label: string;
  properties: Record<string, unknown>;
}

export interface GraphEdgeRecord {
  id: string;
  type: Rel;
  source: string;
  target: string;
  properties: Record<string, unknown>;
}

/** A node-link graph, the shape Cytoscape.js, Sigma/graphology and D3 load. */
export interface SubgraphRecord {
  nodes: GraphNodeRecord[];
  edges: GraphEdgeRecord[];
  truncated: boolean;
}

/** All the traversals need of a request's context: its reads (the export command has no request). */
export type Reader = Pick<Context, 'read'>;

const LABEL_LENGTH = 80;

/** What a drawing shows on a node: its name, title, proposition, caption or text, shortened. */
function displayLabel(p: Record<string, unknown>): string {
  const text = String(p.name ?? p.title ?? p.proposition ?? p.caption ?? p.text ?? p.id);
  return text.length > LABEL_LENGTH ? `${text.slice(0, LABEL_LENGTH - 1)}…` : text;
}

export function toGraphNode(node: Node): GraphNodeRecord {
  const p = recordProperties(props(node));
  const kind = node.labels[0] as ContentLabel;
  return { id: encodeGlobalID(kind, p.id as string), kind, label: displayLabel(p), properties: p };
}

/** Relationships are keyed by Neo4j's element ID, stable for the life of the database. */
export function toGraphEdge(rel: Relationship, source: string, target: string): GraphEdgeRecord {
  return { id: rel.elementId, type: rel.type as Rel, source, target, properties: props(rel) };
}

/** An edge between two of the given nodes, or null when an end is not among them. */
function edgeAmong(rel: Relationship, nodeIds: Map<string, GraphNodeRecord>): GraphEdgeRecord | null {
  const source = nodeIds.get(rel.startNodeElementId);
  const target = nodeIds.get(rel.endNodeElementId);
  return source && target ? toGraphEdge(rel, source.id, target.id) : null;
}

/** The label and key behind a global ID, refusing IDs of types that are not graph nodes. */
function nodeRef(globalId: DecodedId, argument: string): { label: Label; key: string } {
  const label = Object.values(Label).find((l) => l === checkedId(globalId, argument).typename);
  if (!label) throw invalid(`"${argument}" must be the ID of a record, got an ID of type ${globalId.typename}.`, argument);
  return { label, key: globalId.id };
}

function bounded(value: number | null | undefined, fallback: number, min: number, max: number, argument: string): number {
  const n = value ?? fallback;
  if (!Number.isInteger(n) || n < min || n > max) throw invalid(`"${argument}" must be between ${min} and ${max}, got ${n}.`, argument);
  return n;
}

/** Per label, since a label cannot be a parameter: the node an ID names. */
const nodeByKey = new Map(
  Object.values(Label).map((label) => [label, cypher(`subgraph ${label} by id`, `MATCH (n:${label} {id: $id}) RETURN n`)]),
);

async function findNode(ctx: Reader, { label, key }: { label: Label; key: string }): Promise<Node> {
  const result = await ctx.read(nodeByKey.get(label)!, { id: key });
  return orNotFound((result.records[0]?.get('n') as Node | undefined) ?? null, label, key);
}

/**
 * The whole breadth-first walk from one record, `depth` levels, in one query. Each level reads
 * every relationship from the frontier that passes the filters, in a fixed order, up to
 * MAX_EDGES_PER_LEVEL (one more says it was cut); `seen<n>` is the nodes kept after level n, in the
 * order they were met and at most `$limit`, and the next frontier is what level n added to it.
 */
function neighborhoodQuery(label: Label, depth: number): NamedQuery {
  const levels = Array.from({ length: depth }, (_, i) => i + 1).map(
    (n) => `CALL (seen${n - 1}${n > 1 ? `, seen${n - 2}` : ''}) {
       UNWIND ${n > 1 ? `seen${n - 1}[size(seen${n - 2})..]` : 'seen0'} AS a
       MATCH (a)-[r]-(b)
       WHERE ($types IS NULL OR type(r) IN $types) AND head(labels(b)) IN $kinds
       WITH DISTINCT r, b ORDER BY elementId(b), elementId(r) LIMIT $rows
       RETURN collect({r: r, b: b}) AS level${n}
     }
     WITH *, reduce(kept = seen${n - 1}, x IN level${n}[0..$edgesPerLevel] |
                    CASE WHEN x.b IN kept OR size(kept) >= $limit THEN kept ELSE kept + x.b END) AS seen${n}`,
  );
  return cypher(
    'neighborhood',
    `MATCH (start:${label} {id: $id})
     // An event's incident (the records confirmed as the same one) is drawn with it, at the centre.
     WITH start, [start] + CASE WHEN $sameIncident THEN COLLECT { MATCH (start)-[:${Rel.SAME_INCIDENT}]-(m:${Label.Event}) RETURN m ORDER BY m.id } ELSE [] END AS seen0
     ${levels.join('\n     ')}
     RETURN start, seen0 AS centre, [${levels.map((_, i) => `level${i + 1}`).join(', ')}] AS levels`,
  );
}

const neighborhoodQueries = new Map<string, NamedQuery>();

function neighborhoodQueryFor(label: Label, depth: number): NamedQuery {
  const key = `${label}/${depth}`;
  let query = neighborhoodQueries.get(key);
  if (!query) {
    query = neighborhoodQuery(label, depth);
    neighborhoodQueries.set(key, query);
  }
  return query;
}

export interface NeighborhoodArgs {
  id: DecodedId;
  depth?: number | null;
  relationshipTypes?: readonly Rel[] | null;
  nodeKinds?: readonly Label[] | null;
  limit?: number | null;
  /** For an event: also from the events confirmed as the same incident (default true). */
  sameIncident?: boolean | null;
}

/**
 * The records within `depth` relationships of one record, breadth first, in one round trip.
 * Stops at `limit` nodes and MAX_EDGES_PER_LEVEL relationships per level, saying so in `truncated`.
 */
export async function neighborhood(ctx: Reader, args: NeighborhoodArgs): Promise<SubgraphRecord> {
  const depth = bounded(args.depth, 1, 0, MAX_DEPTH, 'depth');
  const limit = bounded(args.limit, DEFAULT_NODES, 1, MAX_NODES, 'limit');
  const { label, key } = nodeRef(args.id, 'id');
  const result = await ctx.read(neighborhoodQueryFor(label, depth), {
    id: key,
    types: args.relationshipTypes ?? null,
    // Bookkeeping nodes (external ids, audit entries) are not part of the drawn graph.
    kinds: args.nodeKinds ?? contentLabels,
    rows: neo4j.int(MAX_EDGES_PER_LEVEL + 1),
    edgesPerLevel: neo4j.int(MAX_EDGES_PER_LEVEL),
    limit: neo4j.int(limit),
    sameIncident: args.sameIncident ?? true,
  });
  const record = orNotFound(result.records[0] ?? null, label, key);
  const nodes = new Map((record.get('centre') as Node[]).map((node) => [node.elementId, toGraphNode(node)]));
  const edges = new Map<string, Relationship>();
  let truncated = false;
  // The same rule as the query's `seen<n>`, which chose each next frontier.
  for (const level of record.get('levels') as Array<Array<{ r: Relationship; b: Node }>>) {
    truncated ||= level.length > MAX_EDGES_PER_LEVEL;
    for (const { r, b } of level.slice(0, MAX_EDGES_PER_LEVEL)) {
      if (!nodes.has(b.elementId)) {
        if (nodes.size >= limit) {
          truncated = true;
          continue;
        }
        nodes.set(b.elementId, toGraphNode(b));
      }
      edges.set(r.elementId, r);
    }
  }
  return {
    nodes: [...nodes.values()],
    edges: [...edges.values()].map((rel) => edgeAmong(rel, nodes)).filter((edge) => edge !== null),
    truncated,
  };
}

const pathQueries = new Map<string, NamedQuery>();

/** The shortest paths (up to MAX_PATHS + 1, shortest first) between two records of the given labels. */
function pathsQuery(from: Label, to: Label): NamedQuery {
  const key = `${from}->${to}`;
  let query = pathQueries.get(key);
  if (!query) {
    query = cypher(
      'paths',
      `MATCH (a:${from} {id: $from}), (b:${to} {id: $to})
       MATCH p = SHORTEST ${MAX_PATHS + 1} (a)-[]-{1,${MAX_HOPS}}(b)
       WITH p WHERE length(p) <= $maxHops
       RETURN nodes(p) AS nodes, relationships(p) AS rels
       LIMIT $limit`,
    );
    pathQueries.set(key, query);
  }
  return query;
}

export interface PathsArgs {
  from: DecodedId;
  to: DecodedId;
  maxHops?: number | null;
  limit?: number | null;
}

/** The shortest paths between two records, shortest first, merged into one graph. */
export async function paths(ctx: Context, args: PathsArgs): Promise<SubgraphRecord> {
  const maxHops = bounded(args.maxHops, DEFAULT_HOPS, 1, MAX_HOPS, 'maxHops');
  const limit = bounded(args.limit, DEFAULT_PATHS, 1, MAX_PATHS, 'limit');
  const [from, to] = [nodeRef(args.from, 'from'), nodeRef(args.to, 'to')];
  // Paths from a record to itself would be its cycles, which is not what anyone asking for a path means.
  if (from.label === to.label && from.key === to.key) throw invalid('"from" and "to" are the same record.', 'to');
  const [fromNode, toNode] = await Promise.all([findNode(ctx, from), findNode(ctx, to)]);
  const result = await ctx.read(pathsQuery(from.label, to.label), {
    from: from.key,
    to: to.key,
    maxHops: neo4j.int(maxHops),
    limit: neo4j.int(limit + 1),
  });
  const nodes = new Map([fromNode, toNode].map((node) => [node.elementId, toGraphNode(node)]));
  const edges = new Map<string, Relationship>();
  for (const row of result.records.slice(0, limit)) {
    for (const node of row.get('nodes') as Node[]) if (!nodes.has(node.elementId)) nodes.set(node.elementId, toGraphNode(node));
    for (const rel of row.get('rels') as Relationship[]) edges.set(rel.elementId, rel);
  }
  return {
    nodes: [...nodes.values()],
    edges: [...edges.values()].map((rel) => edgeAmong(rel, nodes)).filter((edge) => edge !== null),
    truncated: result.records.length > limit,
  };
}
