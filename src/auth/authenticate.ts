import { AppError, ErrorCode } from '../errors.js';
import type { Principal, Role } from './roles.js';
import type { TokenVerifier } from './token-store.js';

/** Turns a request's Authorization header into a principal, or refuses it. */
export interface Authenticator {
  authenticate(authorization: string | undefined): Principal;
  /** Whether any token is configured (the server prints how to make one when none is). */
  readonly hasTokens: boolean;
}

/**
 * Bearer tokens checked by the verifier. Without a header: the anonymous role when no token
 * exists at all (the local quick start: viewer), else UNAUTHENTICATED: once any token exists,
 * every request needs one.
 */
export function createAuthenticator(verifier: TokenVerifier, anonymousRole: Role | null): Authenticator {
  return {
    get hasTokens() {
      return verifier.hasTokens;
    },
    authenticate(authorization) {
      if (authorization === undefined || authorization.trim() === '') {
        if (!verifier.hasTokens && anonymousRole) return { role: anonymousRole, actor: 'anonymous' };
        throw new AppError(ErrorCode.UNAUTHENTICATED, 'a bearer token is required (Authorization: Bearer <token>)');
      }
      const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
      const principal = match ? verifier.verify(match[1]!) : undefined;
      if (!principal) throw new AppError(ErrorCode.UNAUTHENTICATED, 'the bearer token is not valid');
      return principal;
    },
  };
}
