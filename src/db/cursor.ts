import { z } from 'zod';
import { invalid } from '../domain/errors.js';

/**
 * Page cursors are written and read here only. Clients see base64url of tagged JSON and must treat
 * it as opaque, so a cursor that does not decode to exactly what this module wrote is forged or
 * handed to the wrong field: it is rejected as VALIDATION before any query runs, since a forged key
 * reaching Cypher fails there (`date("x")`) as an internal error.
 *
 * A keyset cursor is the (sort key, id) of the row a page continues after, for lists walked in
 * index order; an offset cursor is a position in a ranking (search), which has no stable key to
 * seek from. The tag keeps either from being read as the other.
 */

const keysetCursor = (key: z.ZodType<string>) => z.strictObject({ kind: z.literal('keyset'), key, id: z.string() });
/** By the type of the list's sort key, checked before Cypher reads the key back as that type. */
const keysetCursors = {
  text: keysetCursor(z.string()),
  date: keysetCursor(z.iso.date()),
};
export type CursorKeyType = keyof typeof keysetCursors;
export type KeysetCursor = z.infer<(typeof keysetCursors)['text']>;

const offsetCursor = z.strictObject({ kind: z.literal('offset'), offset: z.int().nonnegative() });
export type OffsetCursor = z.infer<typeof offsetCursor>;

function encode(cursor: KeysetCursor | OffsetCursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

function decode<T>(schema: z.ZodType<T>, cursor: string, argument: string): T {
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    // not JSON: the shape check below rejects it with the rest
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw invalid(`"${argument}" is not a cursor returned by this field.`, argument);
  return parsed.data;
}

/** The cursor of a row of a keyset-paged list: its sort key (as text) and its id. */
export function encodeKeysetCursor(key: string, id: string): string {
  return encode({ kind: 'keyset', key, id });
}

/** The keyset cursor in `argument`, its key checked against the list's sort key type. */
export function decodeKeysetCursor(cursor: string, keyType: CursorKeyType, argument: string): KeysetCursor {
  return decode(keysetCursors[keyType], cursor, argument);
}

/** The cursor of the hit at a ranked position: `offset` is how many hits come before the next one. */
export function encodeOffsetCursor(offset: number): string {
  return encode({ kind: 'offset', offset });
}

export function decodeOffsetCursor(cursor: string, argument: string): OffsetCursor {
  return decode(offsetCursor, cursor, argument);
}
