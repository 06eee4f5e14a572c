import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import yauzl from 'yauzl';

/** A whole file that cannot be imported (not of the dataset, binary, empty, unreadable): one sentence naming it. */
export class ImportFileError extends Error {
  constructor(
    readonly file: string,
    problem: string,
  ) {
    super(`${file} ${problem.replace(/\s*\n\s*/g, ' ')}`);
  }
}

/** One line of an input file, with where it came from. */
export interface Line {
  file: string;
  line: number;
  text: string;
}

/**
 * Every file under the given paths (folders are walked), in name order. Inside a folder, files the
 * importer does not read are passed over; a file named on its own must be one it reads.
 */
export async function expandPaths(paths: string[], accept: (name: string) => boolean): Promise<string[]> {
  const files: string[] = [];
  for (const entry of paths) {
    const info = await stat(entry).catch(() => {
      throw new ImportFileError(entry, 'does not exist');
    });
    if (info.isDirectory()) {
      for (const name of (await readdir(entry)).sort()) {
        const inside = path.join(entry, name);
        if ((await stat(inside)).isDirectory() || accept(name)) files.push(...(await expandPaths([inside], accept)));
      }
    } else if (accept(path.basename(entry))) {
      files.push(entry);
    } else {
      throw new ImportFileError(entry, 'is not a file this importer reads (see claimgraph import --help)');
    }
  }
  return files;
}

/**
 * What went wrong reading a file, as one sentence: yauzl, zlib and the file system all report
 * damaged or unreadable input as errors of their own.
 */
export function unreadable(file: string, error: unknown): ImportFileError {
  if (error instanceof ImportFileError) return error;
  return new ImportFileError(file, `could not be read: ${error instanceof Error ? error.message : String(error)}`);
}

function openZip(file: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true, autoClose: false }, (error, zip) => {
      if (error || !zip) reject(new ImportFileError(file, `is not a readable zip archive (${error?.message ?? 'no archive'})`));
      else resolve(zip);
    });
  });
}

function nextEntry(zip: yauzl.ZipFile): Promise<yauzl.Entry | undefined> {
  return new Promise((resolve, reject) => {
    const cleanup = () => zip.removeAllListeners('entry').removeAllListeners('end').removeAllListeners('error');
    zip.once('entry', (entry: yauzl.Entry) => (cleanup(), resolve(entry)));
    zip.once('end', () => (cleanup(), resolve(undefined)));
    zip.once('error', (error: Error) => (cleanup(), reject(error)));
    zip.readEntry();
  });
}

function openEntry(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<Readable> {
  return new Promise((resolve, reject) => zip.openReadStream(entry, (error, stream) => (error || !stream ? reject(error) : resolve(stream))));
}

/** The streams of a file: itself, or each entry of a .zip archive (named archive.zip:entry). */
export async function* streams(file: string): AsyncGenerator<{ name: string; stream: Readable }> {
  if (!file.toLowerCase().endsWith('.zip')) {
    yield { name: file, stream: createReadStream(file) };
    return;
  }
  const zip = await openZip(file);
  let stream: Readable | undefined;
  try {
    for (let entry = await nextEntry(zip); entry; entry = await nextEntry(zip)) {
      if (entry.fileName.endsWith('/')) continue;
      stream = await openEntry(zip, entry);
      yield { name: `${file}:${entry.fileName}`, stream };
      stream.destroy();
    }
  } catch (error) {
    throw new ImportFileError(file, `is not a readable zip archive (${(error as Error).message})`);
  } finally {
    stream?.destroy();
    zip.close();
  }
}

/**
 * Refuses a file (or every entry of a zip) whose start shows it is not text, or that holds nothing
 * but blank lines there, before any of it is read as rows.
 */
export async function checkText(file: string): Promise<void> {
  let blank = true;
  for await (const { name, stream } of streams(file)) {
    let head = Buffer.alloc(0);
    try {
      for await (const chunk of stream) {
        head = Buffer.concat([head, chunk as Buffer]);
        if (head.length >= 65_536) break;
      }
    } catch (error) {
      throw unreadable(name, error);
    }
    if (head.includes(0)) throw new ImportFileError(name, 'is not a text file (it holds NUL bytes: a binary or compressed file?)');
    if (head.toString('utf8').trim() !== '') blank = false;
  }
  if (blank) throw new ImportFileError(file, 'is empty');
}

/** The lines of a file (or of every entry of a zip), numbered from 1, in flat memory. */
export async function* lines(file: string): AsyncGenerator<Line> {
  for await (const { name, stream } of streams(file)) {
    let line = 0;
    try {
      for await (const text of createInterface({ input: stream, crlfDelay: Infinity })) {
        line += 1;
        if (text.trim() !== '') yield { file: name, line, text };
      }
    } catch (error) {
      throw unreadable(name, error);
    }
  }
}

/** How many non-empty lines lines() will yield, for the progress bar's total. */
export async function countLines(file: string): Promise<number> {
  let count = 0;
  for await (const _ of lines(file)) count += 1;
  return count;
}
