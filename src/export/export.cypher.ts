import neo4j, { type Node, type Relationship } from 'neo4j-driver';
import { cypher, type Database, type NamedQuery } from '../db/database.js';
import { isStorageProperty, type Label } from '../domain/graph.js';
import type { ContentLabel } from '../modules/records.js';
import { encodeGlobalID } from '../domain/global-id.js';
import {
  toGraphEdge,
  toGraphNode,
  type GraphEdgeRecord,
  type GraphNodeRecord,
} from '../modules/subgraph/subgraph.cypher.js';

/** Rows per read: large enough to keep round trips few, small enough to keep memory flat. */
export const PAGE_SIZE = 2000;

/** One named query per label, since a label cannot be a parameter. */
function perLabel(labels: readonly ContentLabel[], name: string, text: (label: ContentLabel) => string): Map<Label, NamedQuery> {
  return new Map(labels.map((label) => [label, cypher(`export ${label} ${name}`, text(label))]));
}

const queries = (labels: readonly ContentLabel[]) => ({
  countNodes: perLabel(labels, 'node count', (l) => `MATCH (n:${l}) RETURN count(n) AS count`),
  countEdges: perLabel(
    labels,
    'edge count',
    (l) => `MATCH (a:${l})-[r]->(b) WHERE head(labels(b)) IN $kinds RETURN count(r) AS count`,
  ),
  nodeKeys: perLabel(
    labels,
    'node properties',
    (l) => `MATCH (n:${l}) UNWIND keys(n) AS key RETURN key, collect(DISTINCT valueType(n[key])) AS types`,
  ),
  edgeKeys: perLabel(
    labels,
    'edge properties',
    (l) =>
      `MATCH (a:${l})-[r]->(b) WHERE head(labels(b)) IN $kinds
       UNWIND keys(r) AS key RETURN key, collect(DISTINCT valueType(r[key])) AS types`,
  ),
  // Keyset pages on the unique id (its index gives the order), so page 1,000 costs what page 1 does.
  nodePage: perLabel(labels, 'node page', (l) => `MATCH (n:${l}) WHERE n.id > $after RETURN n ORDER BY n.id LIMIT $limit`),
  // Relationships keyed by their start node's id, then their own element ID. The index gives the
  // start nodes in order, so Neo4j sorts only each node's relationships (a PartialTop), not them all.
  edgePage: perLabel(
    labels,
    'edge page',
    (l) =>
      `MATCH (a:${l}) WHERE a.id >= $afterKey
       WITH a ORDER BY a.id
       MATCH (a)-[r]->(b)
       WHERE head(labels(b)) IN $kinds AND (a.id > $afterKey OR elementId(r) > $afterRel)
       RETURN a.id AS sourceKey, r, elementId(r) AS rel, head(labels(b)) AS targetLabel, b.id AS targetKey
       ORDER BY sourceKey, rel
       LIMIT $limit`,
  ),
});

/** The value types a property takes, as GraphML names them. */
export type ColumnType = 'boolean' | 'long' | 'double' | 'string';

/** Property name → type, over every node (or edge) an export writes. */
export type Columns = Map<string, ColumnType>;

function columnType(cypherType: string): ColumnType {
  if (cypherType.startsWith('BOOLEAN')) return 'boolean';
  if (cypherType.startsWith('INTEGER')) return 'long';
  if (cypherType.startsWith('FLOAT')) return 'double';
  return 'string';
}

/** A property seen with several types: numbers widen to double, anything else to string. */
export function widen(a: ColumnType | undefined, b: ColumnType): ColumnType {
  if (a === undefined || a === b) return b;
  if ((a === 'long' || a === 'double') && (b === 'long' || b === 'double')) return 'double';
  return 'string';
}

/** Adds stored property names to the columns; storage properties are no column (no element carries them, see toGraphNode). */
function addColumns(columns: Columns, rows: Array<{ key: string; types: string[] }>): void {
  for (const { key, types } of rows) {
    if (isStorageProperty(key)) continue;
    for (const type of types) columns.set(key, widen(columns.get(key), columnType(type)));
  }
}

/** Reads whole labels of the graph, a page at a time, in the shape the subgraph queries answer. */
export class GraphReader {
  private readonly q: ReturnType<typeof queries>;

  constructor(
    private readonly db: Database,
    private readonly labels: readonly ContentLabel[],
  ) {
    this.q = queries(labels);
  }

  private async sum(query: Map<Label, NamedQuery>): Promise<number> {
    let total = 0;
    for (const label of this.labels) {
      const result = await this.db.read(query.get(label)!, { kinds: this.labels });
      total += (result.records[0]?.get('count') as { toNumber(): number }).toNumber();
    }
    return total;
  }

  countNodes = () => this.sum(this.q.countNodes);
  countEdges = () => this.sum(this.q.countEdges);

  /** Every stored property name of the nodes and of the edges, with its type. */
  async columns(): Promise<{ nodes: Columns; edges: Columns }> {
    const nodes: Columns = new Map();
    const edges: Columns = new Map();
    for (const label of this.labels) {
      const [n, e] = await Promise.all([
        this.db.read(this.q.nodeKeys.get(label)!),
        this.db.read(this.q.edgeKeys.get(label)!, { kinds: this.labels }),
      ]);
      addColumns(nodes, n.records.map((r) => ({ key: r.get('key') as string, types: r.get('types') as string[] })));
      addColumns(edges, e.records.map((r) => ({ key: r.get('key') as string, types: r.get('types') as string[] })));
    }
    return { nodes, edges };
  }

  async *nodes(pageSize = PAGE_SIZE): AsyncGenerator<GraphNodeRecord[]> {
    for (const label of this.labels) {
      let after = '';
      for (;;) {
        const result = await this.db.read(this.q.nodePage.get(label)!, { after, limit: neo4j.int(pageSize) });
        const page = result.records.map((r) => toGraphNode(r.get('n') as Node));
        if (page.length > 0) yield page;
        if (page.length < pageSize) break;
        after = page.at(-1)!.properties.id as string;
      }
    }
  }

  async *edges(pageSize = PAGE_SIZE): AsyncGenerator<GraphEdgeRecord[]> {
    for (const label of this.labels) {
      let [afterKey, afterRel] = ['', ''];
      for (;;) {
        const result = await this.db.read(this.q.edgePage.get(label)!, {
          afterKey,
          afterRel,
          kinds: this.labels,
          limit: neo4j.int(pageSize),
        });
        const page = result.records.map((r) =>
          toGraphEdge(
            r.get('r') as Relationship,
            encodeGlobalID(label, r.get('sourceKey') as string),
            encodeGlobalID(r.get('targetLabel') as string, r.get('targetKey') as string),
          ),
        );
        if (page.length > 0) yield page;
        if (page.length < pageSize) break;
        const last = result.records.at(-1)!;
        [afterKey, afterRel] = [last.get('sourceKey') as string, last.get('rel') as string];
      }
    }
  }
}
