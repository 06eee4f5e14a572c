import { isObjectType, type GraphQLSchema } from 'graphql';
import { invalid } from './errors.js';

/**
 * Global IDs are opaque: base64url of "Type:key". A malformed one is the client's mistake, so it
 * gets a VALIDATION error rather than the masked "Unexpected error".
 */
export function encodeGlobalID(typename: string, id: string | number | bigint): string {
  return Buffer.from(`${typename}:${id}`).toString('base64url');
}

/**
 * A drawn node's own ID, made from its record's global ID. Relay keys its store by ID alone, so a
 * GraphNode under the record's ID would overwrite the record (its `kind` is EVENT, the event's is AIRSTRIKE).
 */
export const graphNodeId = (recordId: string) => encodeGlobalID('GraphNode', recordId);

export interface DecodedId {
  typename: string;
  id: string;
}

/** What a malformed ID decodes to: no type is named "", so every check of its type refuses it. */
const MALFORMED = '';

/**
 * Never throws: Pothos decodes ID arguments both while measuring an operation's cost, where a throw
 * fails the whole operation without data, and before each resolver. The field that reads the ID
 * refuses a malformed one (see checkedId), so that error has the field's path and the argument's name.
 */
export function decodeGlobalID(globalID: string): DecodedId {
  const decoded = Buffer.from(globalID, 'base64url').toString('utf8');
  const separator = decoded.indexOf(':');
  const typename = decoded.slice(0, separator);
  const id = decoded.slice(separator + 1);
  if (separator <= 0 || id === '' || encodeGlobalID(typename, id) !== globalID.replace(/=+$/, '')) return { typename: MALFORMED, id: globalID };
  return { typename, id };
}

/** The decoded ID of `argument`, or VALIDATION naming that argument when the ID was malformed. */
export function checkedId(globalId: DecodedId, argument: string): DecodedId {
  if (globalId.typename === MALFORMED) {
    throw invalid(
      `"${globalId.id}" is not a claimgraph ID. IDs are opaque: read one from a record's \`id\` field. To look a record up by its natural key, pass the key as \`key\` (event(key: "daquq-airstrike-2016-10-21")); by a source's own id, use recordsBySourceId(id: "gdelt:599812001"); by its words, use search(query:).`,
      argument,
    );
  }
  return globalId;
}

/** A well-formed ID can still name a type that has no nodes; that is the client's mistake too. */
export function assertNodeType(schema: GraphQLSchema, globalId: DecodedId, argument: string): void {
  const { typename } = checkedId(globalId, argument);
  const type = schema.getType(typename);
  if (!isObjectType(type) || !type.getInterfaces().some((iface) => iface.name === 'Node')) {
    throw invalid(`IDs of type "${typename}" do not exist in claimgraph.`, argument);
  }
}
