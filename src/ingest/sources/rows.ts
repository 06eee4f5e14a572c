import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import yauzl from 'yauzl';

/** One line of an input file, with where it came from. */
export interface Line {
  file: string;
  line: number;
  text: string;
}

/** Every file under the given paths (folders are walked), in name order. */
export async function expandPaths(paths: string[], accept: (name: string) => boolean): Promise<string[]> {
  const files: string[] = [];
  for (const entry of paths) {
    const info = await stat(entry);
    if (info.isDirectory()) {
      const names = (await readdir(entry)).sort();
      files.push(...(await expandPaths(names.map((name) => path.join(entry, name)), accept)));
    } else if (accept(path.basename(entry))) {
      files.push(entry);
    }
  }
  return files;
}

function openZipEntries(file: string): Promise<Array<{ name: string; open: () => Promise<Readable> }>> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: false, autoClose: false }, (error, zip) => {
      if (error || !zip) return reject(error);
      const entries: Array<{ name: string; open: () => Promise<Readable> }> = [];
      zip.on('entry', (entry: yauzl.Entry) => {
        if (entry.fileName.endsWith('/')) return;
        entries.push({
          name: entry.fileName,
          open: () =>
            new Promise((res, rej) => zip.openReadStream(entry, (err, stream) => (err || !stream ? rej(err) : res(stream)))),
        });
      });
      zip.on('end', () => resolve(entries));
      zip.on('error', reject);
    });
  });
}

/** The streams of a file: itself, or each entry of a .zip archive (named archive.zip:entry). */
export async function* streams(file: string): AsyncGenerator<{ name: string; stream: Readable }> {
  if (!file.toLowerCase().endsWith('.zip')) {
    yield { name: file, stream: createReadStream(file) };
    return;
  }
  for (const entry of await openZipEntries(file)) yield { name: `${file}:${entry.name}`, stream: await entry.open() };
}

/** The lines of a file (or of every entry of a zip), numbered from 1, in flat memory. */
export async function* lines(file: string): AsyncGenerator<Line> {
  for await (const { name, stream } of streams(file)) {
    let line = 0;
    for await (const text of createInterface({ input: stream, crlfDelay: Infinity })) {
      line += 1;
      if (text.trim() !== '') yield { file: name, line, text };
    }
  }
}

/** How many non-empty lines lines() will yield, for the progress bar's total. */
export async function countLines(file: string): Promise<number> {
  let count = 0;
  for await (const _ of lines(file)) count += 1;
  return count;
}
