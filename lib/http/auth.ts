/**
 * Optional bearer-token access control. Three roles, each a comma-separated
 * list in the environment (INGEST_TOKENS, ADMIN_TOKENS, READ_TOKENS):
 *
 *   read    the pages and JSON reads    open unless READ_TOKENS is set; then a
 *                                       read, ingest or admin token reads
 *   ingest  POST /logs                  an ingest or admin token
 *   admin   filing and changing bugs    an admin token
 *
 * Writes are protected as soon as any list is set (fail closed: setting only
 * INGEST_TOKENS leaves nobody able to administer, rather than everybody); with
 * no list set the service is open, as the original was. Tokens travel only in
 * `Authorization: Bearer`, never in cookies, so a cross-site form can never act
 * with someone's credentials. Comparison hashes both sides and uses
 * crypto.timingSafeEqual on equal-length digests, checking every token, so the
 * time taken says nothing about how much of a token matched.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { AuthTokens } from '#lib/config';
import type { Access as RouteAccess } from '#lib/routes';
import { HttpError } from './errors.ts';
import type { Request } from './request.ts';

/** The access levels a token is checked for (a route's `open` checks none). */
export type Access = Exclude<RouteAccess, 'open'>;

const digest = (token: string): Buffer => createHash('sha256').update(token, 'utf8').digest();

/** Which roles' tokens each access level accepts. */
const ACCEPTS: Record<Access, Array<keyof AuthTokens>> = {
  read: ['read', 'ingest', 'admin'],
  ingest: ['ingest', 'admin'],
  admin: ['admin'],
};

export interface Authorizer {
  /** Throws 401/403 when the request may not have this access. */
  check(req: Request, access: Access): void;
  /** One line for the start-up banner. */
  describe(): string;
}

export function describeAuth(tokens: AuthTokens): string {
  const writes = tokens.ingest.length + tokens.admin.length + tokens.read.length > 0;
  if (!writes) return 'auth: open: no tokens configured (set INGEST_TOKENS, ADMIN_TOKENS, READ_TOKENS)';
  const reads = tokens.read.length > 0 ? 'reads need a token' : 'reads open';
  return `auth: bearer tokens (${tokens.ingest.length} ingest, ${tokens.admin.length} admin, ${tokens.read.length} read); ${reads}`;
}

/** The token of `Authorization: Bearer <token>`, or null. */
export function bearerToken(req: Request): string | null {
  const header = req.headers['authorization'];
  if (!header) return null;
  const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header);
  return match ? match[1]! : null;
}

export function makeAuthorizer(tokens: AuthTokens): Authorizer {
  const hashed: Record<keyof AuthTokens, Buffer[]> = {
    read: tokens.read.map(digest),
    ingest: tokens.ingest.map(digest),
    admin: tokens.admin.map(digest),
  };
  const writesProtected = tokens.read.length + tokens.ingest.length + tokens.admin.length > 0;
  const readsProtected = tokens.read.length > 0;

  const holds = (presented: Buffer, role: keyof AuthTokens): boolean => {
    let found = false;
    // no early exit: every configured token is compared
    for (const candidate of hashed[role]) found = timingSafeEqual(presented, candidate) || found;
    return found;
  };

  return {
    describe: () => describeAuth(tokens),
    check(req, access) {
      if (access === 'read' ? !readsProtected : !writesProtected) return;
      const token = bearerToken(req);
      if (token === null) {
        throw new HttpError(401, 'unauthorized', `this needs a bearer token (${access} access)`, {
          'WWW-Authenticate': 'Bearer realm="logsift"',
        });
      }
      const presented = digest(token);
      let allowed = false;
      for (const role of ACCEPTS[access]) allowed = holds(presented, role) || allowed;
      if (!allowed) {
        throw new HttpError(403, 'forbidden', `that token does not grant ${access} access`, {
          'WWW-Authenticate': 'Bearer realm="logsift", error="insufficient_scope"',
        });
      }
    },
  };
}
