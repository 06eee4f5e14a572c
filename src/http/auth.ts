import { createHash, timingSafeEqual } from 'node:crypto';
import type { GraphQLError } from 'graphql';
import { ConfigError } from '../config.js';
import { clientError, ErrorCode } from '../domain/errors.js';

/** Reads are public; writes need an editor's key; deletes an admin's. */
export const Roles = ['reader', 'editor', 'admin'] as const;
export type Role = (typeof Roles)[number];

export interface ApiKey {
  name: string;
  role: Role;
  /** SHA-256 of the key: keys are never kept in clear. */
  hash: Buffer;
}

/** Who made a request: a named key's holder, an anonymous reader, or someone with a wrong key. */
export type Principal = { name: string; role: Role } | { name: 'anonymous'; role: 'reader' } | { invalidKey: true };

export function hashKey(key: string): Buffer {
  return createHash('sha256').update(key, 'utf8').digest();
}

/**
 * Parses API_KEYS: comma-separated `name:role:sha256hex` entries, e.g.
 * `alice:editor:5e88...`. `npx claimgraph key new NAME ROLE` makes a key and its entry.
 */
export function parseApiKeys(spec: string | undefined): ApiKey[] {
  if (!spec?.trim()) return [];
  return spec.split(',').map((entry, index) => {
    const [name, role, hex] = entry.trim().split(':');
    if (!name || !Roles.includes(role as Role) || !hex || !/^[0-9a-f]{64}$/i.test(hex)) {
      throw new ConfigError(
        `API_KEYS entry ${index + 1} must be name:role:sha256hex with role reader, editor or admin (got "${entry.trim()}").`,
      );
    }
    return { name, role: role as Role, hash: Buffer.from(hex, 'hex') };
  });
}

/** Matches a bearer key against every configured hash in constant time (no early exit). */
export function authenticate(authorization: string | null, keys: ApiKey[]): Principal {
  if (!authorization) return { name: 'anonymous', role: 'reader' };
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
  if (!match) return { invalidKey: true };
  const presented = hashKey(match[1]!);
  let found: ApiKey | undefined;
  for (const key of keys) if (timingSafeEqual(presented, key.hash)) found = key;
  return found ? { name: found.name, role: found.role } : { invalidKey: true };
}

const rank: Record<Role, number> = { reader: 0, editor: 1, admin: 2 };

/** Why the caller may not act with `role`: UNAUTHENTICATED without a valid key, FORBIDDEN with too weak a one; null when it may. */
export function roleError(principal: Principal, role: Role): GraphQLError | null {
  if ('invalidKey' in principal) {
    return clientError(ErrorCode.Unauthenticated, 'The API key in the Authorization header is not valid.');
  }
  if (principal.name === 'anonymous') {
    return clientError(ErrorCode.Unauthenticated, `This needs an API key with the ${role} role: send "Authorization: Bearer KEY".`);
  }
  if (rank[principal.role] < rank[role]) {
    return clientError(ErrorCode.Forbidden, `This needs the ${role} role; the key "${principal.name}" has the ${principal.role} role.`, {
      required: role,
    });
  }
  return null;
}

/** The name of the caller's key; a field with a role scope has already refused callers without one. */
export const keyName = (principal: Principal): string => ('name' in principal ? principal.name : 'unknown');
