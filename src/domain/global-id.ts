import { isObjectType, type GraphQLSchema } from 'graphql';
import { invalid } from './errors.js';

/**
 * Global IDs are opaque: base64url of "Type:key". A malformed one is the client's mistake, so it
 * gets a VALIDATION error rather than the masked "Unexpected error".
 */
export function encodeGlobalID(typename: string, id: string | number | bigint): string {
  return Buffer.from(`${typename}:${id}`).toString('base64url');
}

export function decodeGlobalID(globalID: string): { typename: string; id: string } {
  const decoded = Buffer.from(globalID, 'base64url').toString('utf8');
  const separator = decoded.indexOf(':');
  const typename = decoded.slice(0, separator);
  const id = decoded.slice(separator + 1);
  if (separator <= 0 || id === '' || encodeGlobalID(typename, id) !== globalID.replace(/=+$/, '')) {
    throw invalid(`"${globalID}" is not a claimgraph ID.`, 'id');
  }
  return { typename, id };
}

/** A well-formed ID can still name a type that has no nodes; that is the client's mistake too. */
export function assertNodeType(schema: GraphQLSchema, typename: string): void {
  const type = schema.getType(typename);
  if (!isObjectType(type) || !type.getInterfaces().some((iface) => iface.name === 'Node')) {
    throw invalid(`IDs of type "${typename}" do not exist in claimgraph.`, 'id');
  }
}
