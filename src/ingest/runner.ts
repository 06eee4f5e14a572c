import { createHash } from 'node:crypto';
import { appendFile, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Database } from '../db/database.js';
import type { Bundle, SourceRecord } from './bundle-types.js';
import { BundleError, validateBundle } from './validate.js';
import { writeBundle } from './write.js';

/** One parsed input row, with where it came from. */
export interface Row<Fields> {
  file: string;
  line: number;
  raw: string;
  fields: Fields;
}

/** A row that could not be imported, and why; kept in the rejects file, never dropped. */
export interface Rejection {
  file: string;
  line: number;
  reason: string;
  raw: string;
}

export type Records = Omit<Bundle, 'source'>;

/** What a dataset needs to come in through the one write path. */
export interface Importer<Fields> {
  name: string;
  /** Files of this dataset in a folder (by name). */
  accepts(fileName: string): boolean;
  /** The file's rows, already split, in flat memory; rows that cannot be split are rejections. */
  rows(file: string): AsyncGenerator<Row<Fields> | Rejection>;
  /** Maps a batch of rows to graph records (may look records up in the graph); `ignored` counts rows of kinds the graph does not keep. */
  map(rows: Array<Row<Fields>>, db: Database): Promise<{ records: Records; rejected: Rejection[]; ignored?: number }>;
  /**
   * Whether a batch of the file may be mapped while the previous one is still being written: only
   * when `map` never reads what earlier batches of the same file write.
   */
  independentBatches?(file: string): boolean;
  /** The source every record of the file is recorded from. */
  source(file: string): SourceRecord;
}

export interface ImportOptions {
  batchSize: number;
  /** Where rejects files go (one per input file). */
  rejectsDir: string;
  /** Where checkpoints go, so a rerun after a crash resumes. */
  stateDir: string;
  progress: (report: Progress) => void;
  /** Rows to import before stopping as if crashed (for tests of resuming). */
  stopAfterRows?: number;
}

export interface Progress {
  file: string;
  done: number;
  total: number;
  rejected: number;
  rowsPerSecond: number;
  finished: boolean;
}

export interface ImportSummary {
  files: number;
  rows: number;
  imported: number;
  rejected: number;
  /** Well-formed rows of kinds the graph does not keep (GDELT's other CAMEO codes). */
  ignored: number;
  skippedFiles: number;
  nodesCreated: number;
  relationshipsCreated: number;
  seconds: number;
  rejectsFiles: string[];
}

interface Checkpoint {
  line: number;
  complete: boolean;
}

/** Adds records to `target`, the last record with a given id winning (rows repeat places, actors). */
function merge(target: Records, extra: Records): void {
  for (const [kind, list] of Object.entries(extra) as Array<[keyof Records, Array<{ id: string }>]>) {
    const existing = (target[kind] ?? []) as Array<{ id: string }>;
    const byId = new Map(existing.map((record) => [record.id, record]));
    for (const record of list) byId.set(record.id, record);
    (target as Record<string, unknown>)[kind] = [...byId.values()];
  }
}

class ImportStopped extends Error {}

/**
 * Imports files batch by batch: each batch of rows becomes one bundle written in one transaction
 * (retried by the driver on transient errors). After each batch a checkpoint records the last line
 * done, so a rerun after a crash resumes there; since every write is an idempotent MERGE, a batch
 * replayed after a crash between write and checkpoint duplicates nothing.
 */
export async function runImport<Fields>(
  db: Database,
  importer: Importer<Fields>,
  files: string[],
  options: ImportOptions,
  countRows: (file: string) => Promise<number>,
): Promise<ImportSummary> {
  const started = Date.now();
  const summary: ImportSummary = {
    files: files.length,
    rows: 0,
    imported: 0,
    rejected: 0,
    ignored: 0,
    skippedFiles: 0,
    nodesCreated: 0,
    relationshipsCreated: 0,
    seconds: 0,
    rejectsFiles: [],
  };
  await mkdir(options.rejectsDir, { recursive: true });
  await mkdir(options.stateDir, { recursive: true });
  let budget = options.stopAfterRows ?? Infinity;

  for (const file of files) {
    const info = await stat(file);
    const id = createHash('sha1').update(`${path.resolve(file)}|${info.size}|${info.mtimeMs}`).digest('hex');
    const checkpointFile = path.join(options.stateDir, `${importer.name}-${id}.json`);
    const checkpoint: Checkpoint = await readFile(checkpointFile, 'utf8')
      .then((text) => JSON.parse(text) as Checkpoint)
      .catch(() => ({ line: 0, complete: false }));
    if (checkpoint.complete) {
      summary.skippedFiles += 1;
      continue;
    }
    const rejectsFile = path.join(options.rejectsDir, `${path.basename(file)}.rejects.tsv`);
    const total = await countRows(file);
    const fileStarted = Date.now();
    let done = 0;
    let rejected = 0;
    let batch: Array<Row<Fields>> = [];
    let batchRejected: Rejection[] = [];
    let lastLine = checkpoint.line;

    const report = (finished: boolean, read: number) =>
      options.progress({
        file,
        done: read,
        total,
        rejected,
        rowsPerSecond: read / Math.max((Date.now() - fileStarted) / 1000, 0.001),
        finished,
      });

    /** Maps and validates the rows read since the last batch: the bundle to write and what was rejected. */
    const prepare = async () => {
      const [rows, rowRejections, line, read] = [batch, batchRejected, lastLine, done];
      batch = [];
      batchRejected = [];
      const { records, rejected: unmapped, ignored = 0 } = rows.length ? await importer.map(rows, db) : { records: {}, rejected: [] };
      const unique: Records = {};
      merge(unique, records);
      const input: Bundle = { source: importer.source(file), ...unique };
      const { problems, ...valid } = validateBundle(input);
      if (problems.length > 0) throw new BundleError(file, problems);
      return { valid, rejections: [...rowRejections, ...unmapped], imported: rows.length - unmapped.length - ignored, ignored, line, read };
    };

    /** Writes a prepared batch, then its rejects, then the checkpoint after its last line. */
    const commit = async (prepared: Awaited<ReturnType<typeof prepare>>, finished: boolean) => {
      const written = await writeBundle(db, prepared.valid, file);
      summary.nodesCreated += written.nodesCreated;
      summary.relationshipsCreated += written.relationshipsCreated;
      const { rejections } = prepared;
      if (rejections.length > 0) {
        await appendFile(rejectsFile, rejections.map((r) => [r.file, r.line, r.reason, r.raw.replace(/\t/g, '\\t')].join('\t') + '\n').join(''));
        if (!summary.rejectsFiles.includes(rejectsFile)) summary.rejectsFiles.push(rejectsFile);
      }
      rejected += rejections.length;
      summary.rejected += rejections.length;
      summary.imported += prepared.imported;
      summary.ignored += prepared.ignored;
      await writeFile(checkpointFile, JSON.stringify({ line: prepared.line, complete: false } satisfies Checkpoint));
      report(finished, prepared.read);
    };

    // At most one write in flight: batches commit (and checkpoint) in file order. When the importer
    // allows it, the next batch is read and mapped meanwhile, so Node's work overlaps Neo4j's.
    const overlap = importer.independentBatches?.(file) ?? false;
    let writing: Promise<void> = Promise.resolve();
    const flush = async (finished: boolean) => {
      const prepared = await prepare();
      await writing;
      writing = commit(prepared, finished);
      // Handled here so a failure waits for the next `await writing` instead of crashing the process.
      writing.catch(() => {});
      if (!overlap) await writing;
    };

    try {
      for await (const row of importer.rows(file)) {
        if (row.line <= checkpoint.line) continue;
        if (budget <= 0) throw new ImportStopped();
        budget -= 1;
        done += 1;
        summary.rows += 1;
        lastLine = row.line;
        if ('reason' in row) batchRejected.push(row);
        else batch.push(row);
        if (batch.length + batchRejected.length >= options.batchSize) await flush(false);
      }
      await flush(true);
      await writing;
    } catch (error) {
      await writing.catch(() => {});
      if (error instanceof ImportStopped) break;
      throw error;
    }
    await writeFile(checkpointFile, JSON.stringify({ line: lastLine, complete: true } satisfies Checkpoint));
  }
  summary.seconds = (Date.now() - started) / 1000;
  return summary;
}
