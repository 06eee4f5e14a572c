import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type { GraphEdgeRecord, GraphNodeRecord } from '../modules/subgraph/subgraph.cypher.js';
import { widen, type Columns, type ColumnType } from './export.cypher.js';

export const FORMATS = ['graphml', 'cytoscape', 'jsonl', 'csv'] as const;
export type Format = (typeof FORMATS)[number];

/** A stream written with backpressure: each write waits for the buffer to drain when it is full. */
export class Output {
  private failure: Error | undefined;

  constructor(private readonly stream: Writable) {
    stream.on('error', (error) => (this.failure = error));
  }

  async write(text: string): Promise<void> {
    if (this.failure) throw this.failure;
    if (!this.stream.write(text)) await once(this.stream, 'drain');
  }

  /** Ends a file; standard output is left open for whoever else writes to it. */
  async close(): Promise<void> {
    if (this.stream !== process.stdout) await new Promise<void>((resolve) => this.stream.end(resolve));
    if (this.failure) throw this.failure;
  }
}

/** Writes the nodes, then the edges, of one graph as they are read. */
export interface Sink {
  nodes(page: GraphNodeRecord[]): Promise<void>;
  edges(page: GraphEdgeRecord[]): Promise<void>;
  end(): Promise<void>;
}

/** The stored properties of each kind of element, for the formats that declare them up front. */
export interface Schema {
  nodes: Columns;
  edges: Columns;
}

const NODE_FIELDS = ['id', 'kind', 'label'];
const EDGE_FIELDS = ['id', 'type', 'source', 'target'];

/**
 * Stored properties sit beside an element's own fields. The natural key `id` is written as `key`
 * (as the API calls it); another property named like a field is prefixed `sub` (a record's own
 * `kind`, such as AIRSTRIKE, is `subkind`), so nothing is overwritten.
 */
function propertyName(name: string, fields: readonly string[]): string {
  if (name === 'id') return 'key';
  return fields.includes(name) ? `sub${name}` : name;
}

function flatNode({ id, kind, label, properties }: GraphNodeRecord): Record<string, unknown> {
  const flat: Record<string, unknown> = { id, kind, label };
  for (const [name, value] of Object.entries(properties)) flat[propertyName(name, NODE_FIELDS)] = value;
  return flat;
}

function flatEdge({ id, type, source, target, properties }: GraphEdgeRecord): Record<string, unknown> {
  const flat: Record<string, unknown> = { id, type, source, target };
  for (const [name, value] of Object.entries(properties)) flat[propertyName(name, EDGE_FIELDS)] = value;
  return flat;
}

/** The element's own fields first, then its properties by name (the key first). */
function columnOrder(fields: readonly string[], columns: Columns): Array<[string, ColumnType]> {
  const renamed = new Map<string, ColumnType>();
  for (const [name, type] of columns) renamed.set(propertyName(name, fields), type);
  const properties = [...renamed].sort(([a], [b]) => (a === 'key' ? -1 : b === 'key' ? 1 : a.localeCompare(b)));
  return [...fields.map((field): [string, ColumnType] => [field, 'string']), ...properties];
}

/** The property types of records already in memory (an event's neighbourhood). */
export function schemaOf(nodes: GraphNodeRecord[], edges: GraphEdgeRecord[]): Schema {
  const collect = (elements: Array<{ properties: Record<string, unknown> }>) => {
    const columns: Columns = new Map();
    for (const { properties } of elements) {
      for (const [name, value] of Object.entries(properties)) {
        if (value === null || value === undefined) continue;
        const type: ColumnType =
          typeof value === 'boolean' ? 'boolean' : typeof value === 'number' ? (Number.isInteger(value) ? 'long' : 'double') : 'string';
        columns.set(name, widen(columns.get(name), type));
      }
    }
    return columns;
  };
  return { nodes: collect(nodes), edges: collect(edges) };
}

/** A property value as text: lists and points as JSON, nothing as empty. */
function text(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/** Cytoscape.js elements JSON: {elements: {nodes: [{data}], edges: [{data}]}}, one element per line. */
export function cytoscapeSink(out: Output): Sink {
  let stage: 'start' | 'nodes' | 'edges' = 'start';
  let opened = false;
  const enter = async (next: 'nodes' | 'edges') => {
    if (stage === 'start') await out.write('{"elements": {\n  "nodes": [');
    if (next === 'edges' && stage !== 'edges') {
      await out.write('\n  ],\n  "edges": [');
      opened = false;
    }
    stage = next;
  };
  const elements = async (page: Array<Record<string, unknown>>) => {
    if (page.length === 0) return;
    await out.write(`${opened ? ',' : ''}${page.map((data) => `\n    ${JSON.stringify({ data })}`).join(',')}`);
    opened = true;
  };
  return {
    async nodes(page) {
      await enter('nodes');
      await elements(page.map(flatNode));
    },
    async edges(page) {
      await enter('edges');
      await elements(page.map(flatEdge));
    },
    async end() {
      await enter('edges');
      await out.write('\n  ]\n}}\n');
      await out.close();
    },
  };
}

/** JSON Lines: one Cytoscape.js element ({group, data}) per line, nodes before edges. */
export function jsonlSink(out: Output): Sink {
  return {
    async nodes(page) {
      await out.write(page.map((node) => `${JSON.stringify({ group: 'nodes', data: flatNode(node) })}\n`).join(''));
    },
    async edges(page) {
      await out.write(page.map((edge) => `${JSON.stringify({ group: 'edges', data: flatEdge(edge) })}\n`).join(''));
    },
    end: () => out.close(),
  };
}

/** A CSV field per RFC 4180: quoted, with quotes doubled, when it holds a comma, quote or line break. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

const csvRow = (fields: string[]) => `${fields.map(csvField).join(',')}\r\n`;

/** CSV: nodes.csv and edges.csv, a header naming every property, CRLF line ends. */
export function csvSink(nodesOut: Output, edgesOut: Output, schema: Schema): Sink {
  const nodeColumns = columnOrder(NODE_FIELDS, schema.nodes).map(([name]) => name);
  const edgeColumns = columnOrder(EDGE_FIELDS, schema.edges).map(([name]) => name);
  let headed = false;
  const head = async () => {
    if (headed) return;
    headed = true;
    await nodesOut.write(csvRow(nodeColumns));
    await edgesOut.write(csvRow(edgeColumns));
  };
  return {
    async nodes(page) {
      await head();
      await nodesOut.write(page.map(flatNode).map((flat) => csvRow(nodeColumns.map((c) => text(flat[c])))).join(''));
    },
    async edges(page) {
      await head();
      await edgesOut.write(page.map(flatEdge).map((flat) => csvRow(edgeColumns.map((c) => text(flat[c])))).join(''));
    },
    async end() {
      await head();
      await Promise.all([nodesOut.close(), edgesOut.close()]);
    },
  };
}

/** Text safe in XML: markup escaped, characters XML 1.0 forbids dropped, carriage returns kept. */
export function xmlEscape(value: string): string {
  return value
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\r/g, '&#13;');
}

/**
 * GraphML (Gephi, yEd, NetworkX): a <key> per property with its type, a directed graph, one
 * <node> or <edge> per element with a <data> per property it has.
 */
export function graphmlSink(out: Output, schema: Schema): Sink {
  const keyIds = (prefix: string, columns: Array<[string, ColumnType]>) =>
    new Map(columns.map(([name, type], i) => [name, { id: `${prefix}${i}`, type }]));
  // The id, source and target are the elements' attributes; everything else is data.
  const attribute = ([name]: [string, ColumnType]) => !['id', 'source', 'target'].includes(name);
  const nodeKeys = keyIds('n', columnOrder(NODE_FIELDS, schema.nodes).filter(attribute));
  const edgeKeys = keyIds('e', columnOrder(EDGE_FIELDS, schema.edges).filter(attribute));
  const data = (keys: typeof nodeKeys, flat: Record<string, unknown>) =>
    [...keys]
      .filter(([name]) => flat[name] !== null && flat[name] !== undefined)
      .map(([name, key]) => `<data key="${key.id}">${xmlEscape(text(flat[name]))}</data>`)
      .join('');
  let started = false;
  const start = async () => {
    if (started) return;
    started = true;
    const declare = (keys: typeof nodeKeys, domain: string) =>
      [...keys].map(([name, key]) => `  <key id="${key.id}" for="${domain}" attr.name="${xmlEscape(name)}" attr.type="${key.type}"/>\n`).join('');
    await out.write(
      '<?xml version="1.0" encoding="UTF-8"?>\n' +
        '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"\n' +
        '    xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n' +
        declare(nodeKeys, 'node') +
        declare(edgeKeys, 'edge') +
        '  <graph id="claimgraph" edgedefault="directed">\n',
    );
  };
  return {
    async nodes(page) {
      await start();
      await out.write(
        page.map((node) => `    <node id="${xmlEscape(node.id)}">${data(nodeKeys, flatNode(node))}</node>\n`).join(''),
      );
    },
    async edges(page) {
      await start();
      await out.write(
        page
          .map(
            (edge) =>
              `    <edge id="${xmlEscape(edge.id)}" source="${xmlEscape(edge.source)}" target="${xmlEscape(edge.target)}">` +
              `${data(edgeKeys, flatEdge(edge))}</edge>\n`,
          )
          .join(''),
      );
    },
    async end() {
      await start();
      await out.write('  </graph>\n</graphml>\n');
      await out.close();
    },
  };
}
