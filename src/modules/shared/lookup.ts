import { invalid, notFound } from '../../domain/errors.js';
import type { Context } from '../../context.js';
import { checkedId, encodeGlobalID, type DecodedId } from '../../domain/global-id.js';

export type { DecodedId };

/** The key inside the global ID in `argument`, after checking it is well formed and names the expected type. */
export function keyOf(globalId: DecodedId, typename: string, argument = 'id'): string {
  if (checkedId(globalId, argument).typename !== typename) {
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
export async function loadOrNotFound<T>(ref: Loadable<T>, ctx: Context, globalId: DecodedId, typename: string, argument = 'id'): Promise<T> {
  const key = keyOf(globalId, typename, argument);
  return orNotFound(await ref.getDataloader(ctx).load(key), typename, key);
}

/** `found`, or NOT_FOUND naming the ID of `key` when there is nothing. */
export function orNotFound<T>(found: T | null, typename: string, key: string): T {
  if (!found) throw notFound(typename, encodeGlobalID(typename, key));
  return found;
}

