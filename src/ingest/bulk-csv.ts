import { closeSync, mkdirSync, openSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import neo4j from 'neo4j-driver';
import { Label } from '../domain/graph.js';
import type { Bundle } from './bundle-types.js';
import { DatabaseSetupError, type Database } from '../db/database.js';
import { importBundle, plan, recordedDay, sourceProps } from './write.js';

/**
 * Bundles as CSV files for `neo4j-admin database import` into a new store: the rows are those the
 * write path (`plan` in src/ingest/write.ts) would MERGE, with the provenance it sets on creation
 * (`recordedAt`, `sources`), so the store holds the graph the product writes. What CSV cannot say
 * (an empty list: an empty field means no property) is left to a pass of the write path afterwards;
 * `npm run bench:data -- --check` loads a small dataset both ways and compares the two graphs.
 *
 * neo4j-admin refuses a node id twice: each bundle's records must be new, unless `repeats` is set,
 * when a record or relationship met again is merged into the first as the write path would (its
 * properties set over the first's, its source added to the list). `repeats` holds every row in
 * memory until close, so the benchmark's generated dataset (whose records never repeat) goes
 * without it. Relationships repeated within a bundle are written once, as MERGE would.
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
  /**
   * With `repeats`, the rows held until close, by group and id: a record met again is merged into
   * the first as the write path's MERGE and SET would merge it.
   */
  private readonly held: Map<Group, Map<string, { ids: string[]; props: Record<string, unknown> }>> | undefined;
  nodeRows = 0;
  relationshipRows = 0;

  constructor(
    private readonly dir: string,
    options: { repeats?: boolean } = {},
  ) {
    mkdirSync(dir, { recursive: true });
    if (options.repeats) this.held = new Map();
  }

  /**
   * Adds a row (`props`: every column) and says whether it is a new one. A repeat sets the
   * properties its record gives (`given`; an explicit null clears one) over the first's, and adds
   * its source to the first's list; `recordedAt` stays the first's, as on creation.
   */
  private row(group: Group, ids: string[], props: Record<string, unknown>, given: Record<string, unknown>, source?: string): boolean {
    if (!this.held) {
      group.add(ids, props);
      return true;
    }
    let rows = this.held.get(group);
    if (!rows) this.held.set(group, (rows = new Map()));
    const key = ids.join('\u0000');
    const first = rows.get(key);
    if (!first) {
      rows.set(key, { ids, props: { ...props } });
      return true;
    }
    Object.assign(first.props, given);
    const sources = first.props.sources as string[] | undefined;
    if (source && sources && !sources.includes(source)) first.props.sources = [...sources, source];
    return false;
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
      for (const row of rows) {
        if (this.row(group, [row.id], { ...unset, ...row.props, ...provenance }, row.props, source.id)) this.nodeRows += 1;
      }
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
        if (this.row(entry.group, [row.from, row.to], { ...unset, ...row.props }, row.props)) this.relationshipRows += 1;
      }
    }
  }

  /** Closes the files and returns the `neo4j-admin database import full` arguments that read them. */
  close(): string[] {
    for (const [group, rows] of this.held ?? []) for (const { ids, props } of rows.values()) group.add(ids, props);
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


/**
 * After a bulk import: writes bundles of the load again through the write path, which sets what
 * CSV cannot say (an empty list) and must find every node and relationship already there.
 */
export async function confirmBulkLoad(db: Database, bundles: Array<{ bundle: unknown; file: string }>): Promise<void> {
  for (const { bundle, file } of bundles) {
    const again = await importBundle(db, bundle, file);
    if (again.nodesCreated + again.relationshipsCreated > 0) {
      throw new DatabaseSetupError(
        `the bulk-loaded store lacks ${again.nodesCreated} nodes and ${again.relationshipsCreated} relationships of ${file}: the CSV written from the write plan is incomplete (a bug).`,
      );
    }
  }
}
