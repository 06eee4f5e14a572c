import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseDocument } from 'yaml';
import type { Database } from '../db/database.js';
import type { Bundle } from './bundle-types.js';
import { BundleError, validateBundle } from './validate.js';
import { writeBundle, type WriteSummary } from './write.js';

/** Reads and validates a YAML or JSON bundle; a bad one throws BundleError with every problem's path. */
export async function readBundle(file: string): Promise<Bundle> {
  const text = await readFile(file, 'utf8');
  const document = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  if (document.errors.length > 0) {
    throw new BundleError(
      file,
      document.errors.map((error) => ({
        path: `line ${error.linePos?.[0]?.line ?? '?'}, column ${error.linePos?.[0]?.col ?? '?'}`,
        message: error.message.split('\n')[0] ?? error.message,
      })),
    );
  }
  const { bundle, problems } = validateBundle(document.toJS());
  if (problems.length > 0) throw new BundleError(file, problems);
  return bundle;
}

export async function importBundleFile(db: Database, file: string): Promise<WriteSummary> {
  return writeBundle(db, await readBundle(file));
}

export const SEEDS_DIR = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../seeds');

/** Loads every bundle in seeds/ (validated first, so a bad one writes nothing). */
export async function seed(db: Database, log: (line: string) => void, dir = SEEDS_DIR): Promise<void> {
  const files = (await readdir(dir)).filter((name) => /\.(ya?ml|json)$/.test(name)).sort();
  const bundles = await Promise.all(files.map(async (name) => ({ name, bundle: await readBundle(path.join(dir, name)) })));
  for (const { name, bundle } of bundles) {
    const started = Date.now();
    const summary = await writeBundle(db, bundle);
    log(
      `seeded ${name}: ${summary.nodesCreated} nodes and ${summary.relationshipsCreated} relationships created ` +
        `(${Date.now() - started} ms)`,
    );
  }
}
