import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseDocument } from 'yaml';
import { cypher, type Database } from '../db/database.js';
import { Label } from '../domain/graph.js';
import type { Bundle } from './bundle-types.js';
import { BundleError, validateBundle, type ValidBundle } from './validate.js';
import { eventsTouched, resolveWritten } from './resolve-written.js';
import { writeBundle } from './write.js';

/** Reads and validates a YAML or JSON bundle; a bad one throws BundleError with every problem's path. */
export async function readBundle(file: string): Promise<ValidBundle> {
  return parseBundle(file, await readFile(file, 'utf8'));
}

function parseBundle(file: string, text: string): ValidBundle {
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
  const { problems, ...valid } = validateBundle(document.toJS());
  if (problems.length > 0) throw new BundleError(file, problems);
  return valid;
}

const sourceHash = cypher('source content hash', `MATCH (s:${Label.Source} {id: $id}) RETURN s.contentHash AS hash`);
const recordSourceHash = cypher('record source content hash', `MATCH (s:${Label.Source} {id: $id}) SET s.contentHash = $hash`);

export const SEEDS_DIR = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../seeds');

/** Every bundle in a seed folder, validated, in file-name order, with the hash of its text. */
export async function readSeedBundles(dir = SEEDS_DIR): Promise<Array<{ name: string; hash: string; bundle: ValidBundle }>> {
  const files = (await readdir(dir)).filter((name) => /\.(ya?ml|json)$/.test(name)).sort();
  return Promise.all(
    files.map(async (name) => {
      const text = await readFile(path.join(dir, name), 'utf8');
      const hash = createHash('sha256').update(text).digest('hex');
      return { name, hash, bundle: parseBundle(path.join(dir, name), text) };
    }),
  );
}

/**
 * Loads every bundle in seeds/ (all validated first, so a bad one writes nothing). A bundle whose
 * text is unchanged since it was last loaded is skipped: loading it again would change nothing.
 */
export async function seed(db: Database, log: (line: string) => void, dir = SEEDS_DIR): Promise<void> {
  const bundles = await readSeedBundles(dir);
  for (const { name, hash, bundle } of bundles) {
    const stored = await db.read(sourceHash, { id: bundle.bundle.source.id });
    if (stored.records[0]?.get('hash') === hash) {
      log(`seed ${name} unchanged since it was loaded; skipped`);
      continue;
    }
    const started = Date.now();
    const summary = await writeBundle(db, bundle, name);
    await resolveWritten(db, eventsTouched(bundle.bundle));
    await db.write(recordSourceHash, { id: bundle.bundle.source.id, hash });
    log(
      `seeded ${name}: ${summary.nodesCreated} nodes and ${summary.relationshipsCreated} relationships created ` +
        `(${Date.now() - started} ms)`,
    );
  }
}
