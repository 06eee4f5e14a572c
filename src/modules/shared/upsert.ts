import type { Context } from '../../context.js';
import { keyName } from '../../http/auth.js';
import type { Props } from '../../domain/record.js';
import { slug } from '../../domain/slug.js';
import { BundleError } from '../../ingest/validate.js';
import { changedAnything, upsertRecord } from '../../ingest/write.js';
import { eventsTouched, resolveWritten } from '../../ingest/resolve-written.js';
import type { RecordKind } from '../records.js';
import { asFailure, type WriteFailure } from './write-results.js';

interface Loadable<T> {
  getDataloader(ctx: Context): { clear(key: string): unknown; load(key: string): Promise<T | null> };
}

/** Records written through the API name the key that wrote them as their source. */
function apiSource(ctx: Context) {
  const name = keyName(ctx.principal);
  return {
    id: `api-${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`,
    title: `Written through the API with the key "${name}"`,
    recordedAt: new Date().toISOString().slice(0, 10),
  };
}

/** The write path names the record's key `id`; the API calls it `key`. */
const inputPath = (path: string) => path.replace(/^input\.id\b/, 'input.key');

/**
 * Writes one record from an upsert mutation's input (fields left out unchanged, nulls cleared)
 * and returns it freshly loaded, or the failure as data. `changed` says whether the graph changed,
 * so that rewriting what is there announces nothing.
 */
export async function upsert<T>(
  ctx: Context,
  kind: RecordKind,
  node: Loadable<T>,
  key: string,
  input: Props,
): Promise<{ result: T | WriteFailure; changed: boolean }> {
  const { key: _key, ...fields } = input;
  let changed: boolean;
  try {
    changed = changedAnything(await upsertRecord(ctx.db, kind, { id: key, ...fields }, apiSource(ctx), 'input'));
  } catch (error) {
    const failure = asFailure(error instanceof BundleError ? new BundleError(error.file, error.problems.map((p) => ({ ...p, path: inputPath(p.path) }))) : error);
    return { result: failure, changed: false };
  }
  // Written through the API or imported, an event meets the records of its incident the same way.
  if (changed) await resolveWritten(ctx.db, eventsTouched({ [kind]: [{ id: key, ...fields }] }));
  const loader = node.getDataloader(ctx);
  loader.clear(key);
  const written = await loader.load(key);
  if (!written) throw new Error(`${kind} "${key}" was written but cannot be read back`);
  return { result: written, changed };
}

/** A readable, stable key from a URL or a domain ("rt-com", "www-bbc-co-uk-news-1234"). */
export const keyFrom = (urlOrDomain: string) => slug(urlOrDomain.toLowerCase().replace(/^https?:\/\//, ''), 120);
