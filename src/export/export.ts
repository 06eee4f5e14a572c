import { mkdir, open } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { GraphQLError } from 'graphql';
import type { Database } from '../db/database.js';
import { Label } from '../domain/graph.js';
import { contentLabels, type ContentLabel } from '../modules/records.js';
import { ErrorCode } from '../domain/errors.js';
import {
  MAX_DEPTH,
  MAX_NODES,
  neighborhood,
} from '../modules/subgraph/subgraph.cypher.js';
import { GraphReader, PAGE_SIZE } from './export.cypher.js';
import {
  csvSink,
  cytoscapeSink,
  FORMATS,
  graphmlSink,
  jsonlSink,
  Output,
  schemaOf,
  type Format,
  type Schema,
  type Sink,
} from './formats.js';

/** A bad export request; printed as one sentence naming the fix. */
export class ExportError extends Error {
  override name = 'ExportError';
}

export interface ExportOptions {
  format: Format;
  /** The file to write (the folder for csv); standard output when omitted. */
  out: string | undefined;
  /** An event's key: export its neighbourhood. Without it, every record of `kinds`. */
  event: string | undefined;
  depth: number;
  kinds: ContentLabel[];
  /** Whether `kinds` was given rather than defaulted (it then filters an event's neighbourhood too). */
  kindsGiven: boolean;
  pageSize: number;
}

const DEFAULT_DEPTH = 2;

function parseKinds(value: string): ContentLabel[] {
  return value.split(',').map((given) => {
    const name = given.trim().replace(/_/g, '').toLowerCase();
    const label = contentLabels.find((l) => l.toLowerCase() === name);
    if (!label) throw new ExportError(`--kinds: "${given.trim()}" is not a kind of record; use some of ${contentLabels.join(', ')}.`);
    return label;
  });
}

/** The command line of `claimgraph export`, checked; every mistake is an ExportError naming the fix. */
export function parseExportArgs(args: string[]): ExportOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      strict: true,
      allowPositionals: false,
      options: {
        event: { type: 'string' },
        depth: { type: 'string' },
        all: { type: 'boolean' },
        kinds: { type: 'string' },
        format: { type: 'string' },
        out: { type: 'string' },
      },
    }));
  } catch (error) {
    const message = (error as Error).message.replace(/\s*\n/g, ' ');
    throw new ExportError(`${message} (export takes --event KEY [--depth N], --all or --kinds K1,K2, with --format F and --out PATH.)`);
  }
  const format = values.format as Format | undefined;
  if (!format || !FORMATS.includes(format)) throw new ExportError(`Pass --format as one of ${FORMATS.join(', ')}.`);
  const chosen = [values.event !== undefined, values.all === true, values.kinds !== undefined && values.event === undefined];
  if (chosen.filter(Boolean).length !== 1) {
    throw new ExportError('Pass exactly one of --event KEY (an event’s neighbourhood), --all (the whole graph) or --kinds Event,Statement (every record of those kinds).');
  }
  if (values.depth !== undefined && values.event === undefined) throw new ExportError('--depth applies to --event only: pass --event KEY too.');
  const depth = values.depth === undefined ? DEFAULT_DEPTH : Number(values.depth);
  if (!Number.isInteger(depth) || depth < 0 || depth > MAX_DEPTH) {
    throw new ExportError(`--depth must be a whole number from 0 to ${MAX_DEPTH}, got "${values.depth}".`);
  }
  if (format === 'csv' && !values.out) throw new ExportError('--format csv writes nodes.csv and edges.csv: pass --out DIR.');
  return {
    format,
    out: values.out,
    event: values.event,
    depth,
    kinds: values.kinds === undefined ? [...contentLabels] : parseKinds(values.kinds),
    kindsGiven: values.kinds !== undefined,
    pageSize: PAGE_SIZE,
  };
}

export interface ExportProgress {
  done: number;
  total: number;
  rowsPerSecond: number;
  finished: boolean;
}

export interface ExportSummary {
  nodes: number;
  edges: number;
  /** Files written (empty for standard output). */
  files: string[];
  /** Whether the neighbourhood hit its size cap. */
  truncated: boolean;
  seconds: number;
}

async function fileOutput(file: string): Promise<Output> {
  await mkdir(path.dirname(path.resolve(file)), { recursive: true });
  const handle = await open(file, 'w');
  return new Output(handle.createWriteStream());
}

async function sinkFor(options: ExportOptions, schema: () => Promise<Schema>): Promise<{ sink: Sink; files: string[] }> {
  if (options.format === 'csv') {
    const files = ['nodes.csv', 'edges.csv'].map((name) => path.join(options.out!, name));
    const [nodes, edges] = await Promise.all(files.map(fileOutput));
    return { sink: csvSink(nodes!, edges!, await schema()), files };
  }
  const out = options.out ? await fileOutput(options.out) : new Output(process.stdout);
  const files = options.out ? [options.out] : [];
  if (options.format === 'graphml') return { sink: graphmlSink(out, await schema()), files };
  return { sink: options.format === 'cytoscape' ? cytoscapeSink(out) : jsonlSink(out), files };
}

/** An event's neighbourhood: bounded by the traversal's caps, so it is read whole, then written. */
async function eventNeighborhood(db: Database, options: ExportOptions, key: string) {
  try {
    return await neighborhood(
      { read: (query, params) => db.read(query, params) },
      {
        id: { typename: Label.Event, id: key },
        depth: options.depth,
        nodeKinds: options.kindsGiven ? options.kinds : null,
        limit: MAX_NODES,
      },
    );
  } catch (error) {
    if (error instanceof GraphQLError && error.extensions.code === ErrorCode.NotFound) {
      throw new ExportError(`No event has the key "${key}": pass --event the key of an event in the graph (its "key" in the API).`);
    }
    throw error;
  }
}

/**
 * Writes an event's neighbourhood, or every record of some kinds and the relationships between
 * them, in one of the formats. The whole-graph export reads keyset pages and writes each before
 * reading the next, waiting for the output to drain, so memory stays flat however large the graph.
 */
export async function runExport(
  db: Database,
  options: ExportOptions,
  progress: (report: ExportProgress) => void,
): Promise<ExportSummary> {
  const started = Date.now();
  let [nodes, edges, total] = [0, 0, 0];
  const report = (finished: boolean) =>
    progress({
      done: nodes + edges,
      total,
      rowsPerSecond: (nodes + edges) / Math.max((Date.now() - started) / 1000, 0.001),
      finished,
    });

  if (options.event !== undefined) {
    const graph = await eventNeighborhood(db, options, options.event);
    const { sink, files } = await sinkFor(options, async () => schemaOf(graph.nodes, graph.edges));
    total = graph.nodes.length + graph.edges.length;
    await sink.nodes(graph.nodes);
    nodes = graph.nodes.length;
    await sink.edges(graph.edges);
    edges = graph.edges.length;
    await sink.end();
    report(true);
    return { nodes, edges, files, truncated: graph.truncated, seconds: (Date.now() - started) / 1000 };
  }

  const reader = new GraphReader(db, options.kinds);
  const { sink, files } = await sinkFor(options, () => reader.columns());
  total = (await reader.countNodes()) + (await reader.countEdges());
  report(false);
  for await (const page of reader.nodes(options.pageSize)) {
    await sink.nodes(page);
    nodes += page.length;
    report(false);
  }
  for await (const page of reader.edges(options.pageSize)) {
    await sink.edges(page);
    edges += page.length;
    report(false);
  }
  await sink.end();
  report(true);
  return { nodes, edges, files, truncated: false, seconds: (Date.now() - started) / 1000 };
}
