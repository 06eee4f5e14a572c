import { invalid, notFound } from '../../domain/errors.js';
import type { Context } from '../../context.js';
import { encodeGlobalID } from '../../domain/global-id.js';

export interface DecodedId {
  typename: string;
  id: string;
}

/** The key inside a global ID, after checking it names the expected type. */
export function keyOf(globalId: DecodedId, typename: string, argument = 'id'): string {
  if (globalId.typename !== typename) {
    throw invalid(`Expected an ID of type ${typename}, got an ID of type ${globalId.typename}.`, argument);
  }
  return globalId.id;
}

export function keysOf(globalIds: readonly DecodedId[] | null | undefined, typename: string, argument: string): string[] | null {
  return globalIds ? globalIds.map((globalId) => keyOf(globalId, typename, argument)) : null;
}

interface Loadable<T> {
  getDataloader(ctx: Context): { load(key: string): Promise<T | null> };
}

/** Loads one object for a root field such as `event(id:)`, answering NOT_FOUND for an unknown ID. */
export async function loadOrNotFound<T>(ref: Loadable<T>, ctx: Context, globalId: DecodedId, typename: string): Promise<T> {
  const key = keyOf(globalId, typename);
  return orNotFound(await ref.getDataloader(ctx).load(key), typename, key);
}

/** `found`, or NOT_FOUND naming the ID of `key` when there is nothing. */
export function orNotFound<T>(found: T | null, typename: string, key: string): T {
  if (!found) throw notFound(typename, encodeGlobalID(typename, key));
  return found;
}

