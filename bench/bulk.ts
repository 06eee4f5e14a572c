import { closeSync, mkdirSync, openSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import neo4j from 'neo4j-driver';
import { cypher, type Database } from '../src/db/database.js';
import { Label } from '../src/domain/graph.js';
import type { Bundle } from '../src/ingest/bundle-types.js';
import { plan, recordedDay, sourceProps } from '../src/ingest/write.js';

/**
 * Bundles as CSV files for `neo4j-admin database import` into a new store: the rows are those the
 * write path (`plan` in src/ingest/write.ts) would MERGE, with the provenance it sets on creation
 * (`recordedAt`, `sources`), so the store holds the graph the product writes. What CSV cannot say
 * (an empty list: an empty field means no property) is left to a pass of the write path afterwards;
 * `npm run bench:data -- --check` loads a small dataset both ways and compares the two graphs.
 *
 * Each bundle's records must be new (the import refuses a node id twice); relationships repeated
 * within a bundle are written once, as MERGE would.
 */

/** Separates list items inside one field; a control character no generated text holds. */
const ARRAY_DELIMITER = '\u001f';

type CsvType = 'string' | 'date' | 'point' | 'long' | 'double' | 'boolean' | 'string[]';

function typeOf(value: unknown): CsvType {
  if (typeof value === 'string') return 'string';
  if (typeof value === 'number') return 'double'; // the driver sends every JS number as a float
  if (typeof value === 'boolean') return 'boolean';
  if (neo4j.isInt(value)) return 'long';
  if (neo4j.isDate(value as object)) return 'date';
  if (neo4j.isPoint(value as object)) return 'point';
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return 'string[]';
  throw new Error(`no CSV type for ${JSON.stringify(value)}`);
}

const quote = (text: string) => `"${text.replace(/"/g, '""')}"`;

class Group {
  private readonly fd: number;
  private buffer = '';
  private columns: string[] | undefined;
  private readonly types = new Map<string, CsvType>();
  multiline = false;

  constructor(
    readonly name: string,
    readonly dir: string,
    /** The id columns the header starts with (`id:ID(Event)`, or start and end ids). */
    private readonly keys: string[],
  ) {
    this.fd = openSync(path.join(dir, `${name}.csv`), 'w');
  }

  private field(column: string, value: unknown): string {
    if (value === null || value === undefined) return '';
    const type = typeOf(value);
    const known = this.types.get(column);
    if (known && known !== type) throw new Error(`${this.name}.${column} holds both ${known} and ${type} values`);
    this.types.set(column, type);
    switch (type) {
      case 'string':
        if (/[\r\n]/.test(value as string)) this.multiline = true;
        return quote(value as string);
      case 'string[]': {
        const items = value as string[];
        if (items.some((item) => item.includes(ARRAY_DELIMITER))) throw new Error(`${this.name}.${column}: a list item holds the array delimiter`);
        return items.length ? quote(items.join(ARRAY_DELIMITER)) : '';
      }
      case 'point': {
        const point = value as InstanceType<typeof neo4j.types.Point>;
        if (Number(point.srid) !== 4326) throw new Error(`${this.name}.${column}: only WGS-84 points are written`);
        return quote(`{longitude:${point.x},latitude:${point.y},crs:WGS-84}`);
      }
      default:
        return String(value);
    }
  }

  /** One row: its ids, then its properties (the same keys for every row of the group). */
  add(ids: string[], props: Record<string, unknown>): void {
    this.columns ??= Object.keys(props);
    if (Object.keys(props).length !== this.columns.length) throw new Error(`${this.name}: rows with different properties`);
    const fields = ids.map(quote);
    for (const column of this.columns) fields.push(this.field(column, props[column]));
    this.buffer += fields.join(',') + '\n';
    if (this.buffer.length > 1 << 22) this.flush();
  }

  private flush(): void {
    writeSync(this.fd, this.buffer);
    this.buffer = '';
  }

  /** Writes the header (now that every column's type is known) and returns the files, header first. */
  close(): string {
    this.flush();
    closeSync(this.fd);
    const columns = (this.columns ?? []).map((column) => {
      const type = this.types.get(column) ?? 'string';
      return type === 'string' ? column : type === 'point' ? `${column}:point{crs:WGS-84}` : `${column}:${type}`;
    });
    const header = path.join(this.dir, `${this.name}.header.csv`);
    writeFileSync(header, [...this.keys, ...columns].join(',') + '\n');
    return `${header},${path.join(this.dir, `${this.name}.csv`)}`;
  }
}

export class BulkCsv {
  private readonly nodes = new Map<Label, Group>();
  private readonly rels = new Map<string, { type: string; group: Group }>();
  private readonly sources = new Set<string>();
  nodeRows = 0;
  relationshipRows = 0;

  constructor(private readonly dir: string) {
    mkdirSync(dir, { recursive: true });
  }

  private nodeGroup(label: Label): Group {
    let group = this.nodes.get(label);
    if (!group) this.nodes.set(label, (group = new Group(`nodes-${label}`, this.dir, [`id:ID(${label})`])));
    return group;
  }

  add(bundle: Bundle): void {
    const { source } = bundle;
    if (!this.sources.has(source.id)) {
      this.sources.add(source.id);
      this.nodeGroup(Label.Source).add([source.id], sourceProps(source));
      this.nodeRows += 1;
    }
    const p = plan(bundle);
    const provenance = { recordedAt: recordedDay(source), sources: [source.id] };
    for (const [label, rows] of p.nodes) {
      const group = this.nodeGroup(label);
      const unset = p.unset.get(label) ?? {};
      for (const row of rows) group.add([row.id], { ...unset, ...row.props, ...provenance });
      this.nodeRows += rows.length;
    }
    for (const [key, { from, type, to, rows }] of p.rels) {
      let entry = this.rels.get(key);
      if (!entry) {
        entry = { type, group: new Group(`rels-${from}-${type}-${to}`, this.dir, [`:START_ID(${from})`, `:END_ID(${to})`]) };
        this.rels.set(key, entry);
      }
      const unset = p.unset.get(key) ?? {};
      const seen = new Set<string>();
      for (const row of rows) {
        const pair = `${row.from}\u0000${row.to}`;
        if (seen.has(pair)) continue;
        seen.add(pair);
        entry.group.add([row.from, row.to], { ...unset, ...row.props });
        this.relationshipRows += 1;
      }
    }
  }

  /** Closes the files and returns the `neo4j-admin database import full` arguments that read them. */
  close(): string[] {
    const groups = [...this.nodes.values(), ...[...this.rels.values()].map((entry) => entry.group)];
    const multiline = groups.some((group) => group.multiline);
    return [
      ...[...this.nodes].map(([label, group]) => `--nodes=${label}=${group.close()}`),
      ...[...this.rels.values()].map(({ type, group }) => `--relationships=${type}=${group.close()}`),
      `--array-delimiter=${ARRAY_DELIMITER}`,
      `--multiline-fields=${multiline}`,
    ];
  }
}

const allNodes = cypher('bench: every node', 'MATCH (n) RETURN labels(n) AS labels, properties(n) AS props');
const allRelationships = cypher(
  'bench: every relationship',
  'MATCH (a)-[r]->(b) RETURN labels(a) AS from, a.id AS fromId, type(r) AS type, properties(r) AS props, labels(b) AS to, b.id AS toId',
);

/** Values with their Neo4j types spelled out, so an integer and a float (or a date and a string) differ. */
function typed(value: unknown): unknown {
  if (neo4j.isInt(value)) return `int:${value.toString()}`;
  if (neo4j.isDate(value as object) || neo4j.isPoint(value as object)) return `${(value as object).constructor.name}:${String(value)}`;
  if (Array.isArray(value)) return value.map(typed);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => [k, typed(v)]));
  }
  return typeof value === 'number' ? `float:${value}` : value;
}

/** Every node and relationship as one sorted line each: two graphs are equal when their dumps are. */
export async function dumpGraph(db: Database): Promise<string[]> {
  const lines = [
    ...(await db.read(allNodes)).records.map((r) => JSON.stringify(typed(r.toObject()))),
    ...(await db.read(allRelationships)).records.map((r) => JSON.stringify(typed(r.toObject()))),
  ];
  return lines.sort();
}
