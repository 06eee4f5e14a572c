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

/** A root lookup's arguments: the record's global ID or its natural key, exactly one of them. */
export interface IdOrKey {
  id?: DecodedId | null;
  key?: string | null;
}

/** The key a root lookup such as `event(id:)` or `event(key:)` names. */
export function lookupKey(args: IdOrKey, typename: string): string {
  if ((args.id == null) === (args.key == null)) throw invalid('Give either "id" (a claimgraph ID) or "key" (the record’s natural key).', args.id == null ? 'id' : 'key');
  return args.id != null ? keyOf(args.id, typename) : args.key!;
}

/** Loads one object for a root field such as `event(id:)` or `event(key:)`, answering NOT_FOUND when there is none. */
export async function loadByIdOrKey<T>(ref: Loadable<T>, ctx: Context, args: IdOrKey, typename: string): Promise<T> {
  const key = lookupKey(args, typename);
  return orNotFound(await ref.getDataloader(ctx).load(key), typename, key);
}

/** How a root lookup's `key` argument reads. */
export const keyArgDescription = (typename: string) => `The natural key of the ${typename}, as its \`key\` field gives it ("daquq-airstrike-2016-10-21"); give id or key.`;

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

