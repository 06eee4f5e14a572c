import { createHash } from 'node:crypto';
import { appendFile, mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Database } from '../db/database.js';
import type { Bundle, SourceRecord } from './bundle-types.js';
import { BundleError, validateBundle, type BundleProblem, type ValidBundle } from './validate.js';
import { checkText, ImportFileError } from './sources/rows.js';
import { writeBundle, type WriteSummary } from './write.js';
import { addResolved, nothingResolved, type ResolveSummary } from '../modules/resolution/resolve.js';
import { sourcesById } from '../modules/source/source.cypher.js';
import { eventsTouched, resolveWritten } from './resolve-written.js';

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
  /** What `claimgraph import --help` says the importer reads. */
  description: string;
  /** Files of this dataset in a folder (by name). */
  accepts(fileName: string): boolean;
  /** How many rows the file holds, about: the progress bar's total. */
  countRows(file: string): Promise<number>;
  /**
   * The file's rows, already split, in flat memory; rows that cannot be split are rejections. A file
   * that is not of this dataset throws ImportFileError before its first row.
   */
  rows(file: string): AsyncGenerator<Row<Fields> | Rejection>;
  /**
   * Maps a batch of rows to graph records (may look records up in the graph). `skipped` counts
   * valid rows the graph does not keep, by reason (GDELT's meetings and statements of support).
   */
  map(rows: Array<Row<Fields>>, db: Database): Promise<{ records: Records; rejected: Rejection[]; skipped?: Record<string, number> }>;
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
  /** Whether to match the imported events with the graph's after each batch (default: yes). */
  resolve?: boolean;
  /** What writes each batch's bundle (default: writeBundle, one transaction; the offline load writes CSV). */
  writer?: (db: Database, bundle: ValidBundle, file: string) => Promise<WriteSummary>;
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
  /** What the import is busy with while it reads no row: writing a batch, matching its events. */
  doing?: string;
}

export interface ImportSummary {
  files: number;
  rows: number;
  imported: number;
  rejected: number;
  /** Well-formed rows the graph does not keep (GDELT's other CAMEO codes), by reason. */
  skipped: Record<string, number>;
  /** What matching did with the imported events: pairs compared, confirmed, left as candidates, withdrawn. */
  resolution: ResolveSummary;
  skippedFiles: number;
  nodesCreated: number;
  relationshipsCreated: number;
  seconds: number;
  rejectsFiles: string[];
}

/**
 * How far a file got: rows are counted in the order `rows()` yields them (not by line, which
 * restarts in each entry of a zip), with the rejects file's lines up to there.
 */
interface Checkpoint {
  rows: number;
  rejected: number;
  complete: boolean;
}

const fresh: Checkpoint = { rows: 0, rejected: 0, complete: false };

/** A checkpoint that cannot be read (cut short by a crash, from an older version) means starting the file again: every write is idempotent. */
async function readCheckpoint(file: string): Promise<Checkpoint> {
  try {
    const stored = JSON.parse(await readFile(file, 'utf8')) as Partial<Checkpoint>;
    const count = (value: unknown) => (Number.isSafeInteger(value) && (value as number) >= 0 ? (value as number) : undefined);
    const rows = count(stored.rows);
    const rejected = count(stored.rejected);
    return rows === undefined || rejected === undefined ? fresh : { rows, rejected, complete: stored.complete === true };
  } catch {
    return fresh;
  }
}

/** Written whole or not at all, so a crash while writing leaves the previous checkpoint. */
async function writeCheckpoint(file: string, checkpoint: Checkpoint): Promise<void> {
  await writeFile(`${file}.tmp`, JSON.stringify(checkpoint));
  await rename(`${file}.tmp`, file);
}

/** Keeps the rejects of the rows a checkpoint covers; a run from the start begins with none. */
async function resetRejects(file: string, keep: number): Promise<void> {
  if (keep === 0) return rm(file, { force: true });
  const lines = (await readFile(file, 'utf8').catch(() => '')).split('\n').slice(0, keep);
  await writeFile(file, lines.map((line) => `${line}\n`).join(''));
}

/** Tabs and line breaks inside a row or reason would split its rejects line: they are written escaped. */
const escapeField = (text: string) => text.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');

/** Adds records to `target`, the last record with a given id winning (rows repeat places, actors). */
function merge(target: Records, extra: Records): void {
  for (const [kind, list] of Object.entries(extra) as Array<[keyof Records, Array<{ id: string }>]>) {
    const existing = (target[kind] ?? []) as Array<{ id: string }>;
    const byId = new Map(existing.map((record) => [record.id, record]));
    for (const record of list) byId.set(record.id, record);
    (target as Record<string, unknown>)[kind] = [...byId.values()];
  }
}

const recordCount = (records: Records) => Object.values(records).reduce((sum, list) => sum + (list?.length ?? 0), 0);

const describeProblems = (problems: BundleProblem[]) => problems.map((problem) => `${problem.path}: ${problem.message}`).join('; ');

/**
 * Refuses, before anything is written, every file that cannot be imported: not text, empty, not of
 * the dataset (the importer's `rows()` throws on its first row) or without a single row.
 */
export async function checkFiles<Fields>(importer: Importer<Fields>, files: string[]): Promise<void> {
  for (const file of files) {
    await checkText(file);
    const rows = importer.rows(file);
    try {
      const first = await rows.next();
      if (first.done) throw new ImportFileError(file, 'has no rows');
    } finally {
      await rows.return(undefined);
    }
  }
}

class ImportStopped extends Error {}

/**
 * Imports files batch by batch: each batch of rows becomes one bundle written in one transaction
 * (retried by the driver on transient errors). After each batch a checkpoint records the rows done,
 * so a rerun after a crash resumes there; since every write is an idempotent MERGE, a batch
 * replayed after a crash between write and checkpoint duplicates nothing. Every file is checked
 * first, so a bad one stops the import before anything is written.
 */
export async function runImport<Fields>(
  db: Database,
  importer: Importer<Fields>,
  files: string[],
  options: ImportOptions,
): Promise<ImportSummary> {
  const started = Date.now();
  const summary: ImportSummary = {
    files: files.length,
    rows: 0,
    imported: 0,
    rejected: 0,
    skipped: {},
    skippedFiles: 0,
    resolution: nothingResolved(),
    nodesCreated: 0,
    relationshipsCreated: 0,
    seconds: 0,
    rejectsFiles: [],
  };
  await checkFiles(importer, files);
  await mkdir(options.rejectsDir, { recursive: true });
  await mkdir(options.stateDir, { recursive: true });
  let budget = options.stopAfterRows ?? Infinity;

  const rejectsNames = new Set<string>();
  for (const file of files) {
    // Files of one name from two folders keep their rejects apart: the second one's is NAME.2.rejects.tsv.
    let rejectsName = path.basename(file);
    for (let n = 2; rejectsNames.has(rejectsName); n += 1) rejectsName = `${path.basename(file)}.${n}`;
    rejectsNames.add(rejectsName);
    const info = await stat(file);
    const id = createHash('sha1').update(`${path.resolve(file)}|${info.size}|${info.mtimeMs}`).digest('hex');
    const checkpointFile = path.join(options.stateDir, `${path.basename(file)}-${id}.json`);
    let checkpoint = await readCheckpoint(checkpointFile);
    // A checkpoint speaks for the graph it was written against: one that no longer holds the file's
    // source (a new store, or one emptied since) gets the file from its first row, not "already imported".
    if (checkpoint.rows > 0 && (await db.read(sourcesById, { ids: [importer.source(file).id] })).records.length === 0) checkpoint = fresh;
    if (checkpoint.complete) {
      summary.skippedFiles += 1;
      continue;
    }
    const rejectsFile = path.join(options.rejectsDir, `${rejectsName}.rejects.tsv`);
    await resetRejects(rejectsFile, checkpoint.rejected);
    const total = await importer.countRows(file);
    const fileStarted = Date.now();
    let done = 0;
    let rejected = 0;
    let batch: Array<Row<Fields>> = [];
    let batchRejected: Rejection[] = [];

    const report = (finished: boolean, read: number, doing?: string) =>
      options.progress({
        file,
        done: checkpoint.rows + read,
        total,
        rejected: checkpoint.rejected + rejected,
        rowsPerSecond: read / Math.max((Date.now() - fileStarted) / 1000, 0.001),
        finished,
        ...(doing ? { doing } : {}),
      });

    /** Maps rows to records and validates their bundle. */
    const mapRows = async (rows: Array<Row<Fields>>) => {
      const mapped = rows.length ? await importer.map(rows, db) : { records: {}, rejected: [] };
      const records: Records = {};
      merge(records, mapped.records);
      const { problems, ...valid } = validateBundle({ source: importer.source(file), ...records });
      return { records, valid, problems, rejected: mapped.rejected, skipped: mapped.skipped ?? {} };
    };

    /**
     * A batch whose bundle fails validation is mapped again row by row, so that each bad row is
     * rejected with every problem of its own and the others still go in.
     */
    const mapValid = async (rows: Array<Row<Fields>>) => {
      const whole = await mapRows(rows);
      if (whole.problems.length === 0) return whole;
      const good: Array<Row<Fields>> = [];
      const invalid: Rejection[] = [];
      for (const row of rows) {
        const alone = await mapRows([row]);
        if (alone.problems.length === 0) good.push(row);
        else invalid.push({ file: row.file, line: row.line, raw: row.raw, reason: describeProblems(alone.problems) });
      }
      const rest = await mapRows(good);
      if (rest.problems.length > 0) throw new BundleError(file, rest.problems);
      return { ...rest, rejected: [...rest.rejected, ...invalid] };
    };

    /** The bundle to write (none when no row of the batch was accepted) and what was rejected. */
    const prepare = async () => {
      const [rows, rowRejections, read] = [batch, batchRejected, done];
      batch = [];
      batchRejected = [];
      const { records, valid, rejected: unmapped, skipped } = await mapValid(rows);
      return {
        write: recordCount(records) > 0 ? valid : undefined,
        rejections: [...rowRejections, ...unmapped],
        imported: rows.length - unmapped.length - Object.values(skipped).reduce((sum, n) => sum + n, 0),
        skipped,
        read,
      };
    };

    /** Writes a prepared batch, then its rejects, then the checkpoint after it. */
    const commit = async (prepared: Awaited<ReturnType<typeof prepare>>, finished: boolean) => {
      if (prepared.write) {
        // A batch's write and matching take seconds, minutes in a dense place: say which is under way.
        report(false, prepared.read, `writing ${prepared.imported.toLocaleString('en-US')} rows`);
        const written = await (options.writer ?? writeBundle)(db, prepared.write, file);
        summary.nodesCreated += written.nodesCreated;
        summary.relationshipsCreated += written.relationshipsCreated;
        if (options.resolve !== false) {
          const touched = eventsTouched(prepared.write.bundle);
          const events = touched.changed.length + touched.reported.length;
          if (events > 0) report(false, prepared.read, `matching ${events.toLocaleString('en-US')} events`);
          addResolved(summary.resolution, await resolveWritten(db, touched));
        }
      }
      const { rejections } = prepared;
      if (rejections.length > 0) {
        await appendFile(rejectsFile, rejections.map((r) => [r.file, String(r.line), r.reason, r.raw].map(escapeField).join('\t') + '\n').join(''));
        if (!summary.rejectsFiles.includes(rejectsFile)) summary.rejectsFiles.push(rejectsFile);
      }
      rejected += rejections.length;
      summary.rejected += rejections.length;
      summary.imported += prepared.imported;
      for (const [reason, count] of Object.entries(prepared.skipped)) summary.skipped[reason] = (summary.skipped[reason] ?? 0) + count;
      await writeCheckpoint(checkpointFile, { rows: checkpoint.rows + prepared.read, rejected: checkpoint.rejected + rejected, complete: false });
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

    let skip = checkpoint.rows;
    try {
      for await (const row of importer.rows(file)) {
        if (skip > 0) {
          skip -= 1;
          continue;
        }
        if (budget <= 0) throw new ImportStopped();
        budget -= 1;
        done += 1;
        summary.rows += 1;
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
    await writeCheckpoint(checkpointFile, { rows: checkpoint.rows + done, rejected: checkpoint.rejected + rejected, complete: true });
  }
  summary.seconds = (Date.now() - started) / 1000;
  return summary;
}
