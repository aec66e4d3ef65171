import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import { AppError, ErrorCode } from '../errors.js';
import { BODIES, type Body } from '../evaluation/standard.js';
import { isRole, ROLES, type Principal, type Role } from './roles.js';

/**
 * Bearer tokens, stored hashed (SHA-256 of a 256-bit random token: no need for a slow hash) in a
 * JSON file the server re-reads when it changes, so `dutygraph token create` works against a
 * running server; or given as hashes in the environment (DUTYGRAPH_TOKEN_HASHES="role:hex,…").
 */
const StoredToken = z.object({
  id: z.string(),
  role: z.enum(ROLES),
  label: z.string(),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  createdAt: z.string(),
  /** A department's own token: a viewer that may fill that department's evaluation forms. */
  department: z.string().optional(),
  /** A body's own token (纪委监委, 组织部…): a viewer that may enter that body's evaluation indicators. */
  body: z.enum(BODIES).optional(),
});

/** What a viewer token may act for beyond reading: its department's forms, or its body's entries. */
export interface TokenScope {
  department?: string | undefined;
  body?: Body | undefined;
}
const TokenFile = z.object({ tokens: z.array(StoredToken) });
export type StoredToken = z.infer<typeof StoredToken>;

export const hashToken = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

function readTokenFile(path: string): StoredToken[] {
  if (!existsSync(path)) return [];
  const parsed = TokenFile.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.success) throw new AppError(ErrorCode.BAD_CONFIG, `${path}: not a dutygraph token file (${parsed.error.issues[0]?.message})`);
  return parsed.data.tokens;
}

/** Parses DUTYGRAPH_TOKEN_HASHES: `role:sha256hex` entries separated by commas. */
export function tokensFromEnv(value: string | undefined): StoredToken[] {
  if (!value) return [];
  return value.split(',').map((entry, i) => {
    const [role, hash] = entry.trim().split(':');
    if (!role || !isRole(role) || !hash || !/^[0-9a-f]{64}$/.test(hash)) {
      throw new AppError(ErrorCode.BAD_CONFIG, `DUTYGRAPH_TOKEN_HASHES entry ${i + 1}: expected role:sha256hex with a role of ${ROLES.join(', ')}`);
    }
    return { id: `env-${i + 1}`, role, label: 'environment', hash, createdAt: '' };
  });
}

/** A new token of `role` (scoped to a department or a body when given) and its record; nothing is stored. */
export function newToken(role: Role, label: string, scope: TokenScope = {}): { token: string; stored: StoredToken } {
  if ((scope.department !== undefined || scope.body !== undefined) && role !== 'viewer')
    throw new AppError(ErrorCode.BAD_USER_INPUT, `a department's or a body's token is a viewer token, not ${role}`);
  if (scope.department !== undefined && scope.body !== undefined)
    throw new AppError(ErrorCode.BAD_USER_INPUT, 'a token acts for a department or for a body, not both');
  const token = `dg_${role}_${randomBytes(32).toString('base64url')}`;
  const stored: StoredToken = { id: randomUUID().slice(0, 8), role, label, hash: hashToken(token), createdAt: new Date().toISOString() };
  if (scope.department !== undefined) stored.department = scope.department;
  if (scope.body !== undefined) stored.body = scope.body;
  return { token, stored };
}

/** Creates a token of `role` (scoped when asked), stores its hash in the file, and returns the token (shown once). */
export function createToken(path: string, role: Role, label: string, scope: TokenScope = {}): { token: string; stored: StoredToken } {
  const { token, stored } = newToken(role, label, scope);
  const tokens = [...readTokenFile(path), stored];
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, JSON.stringify({ tokens }, null, 2) + '\n', { mode: 0o600 });
  renameSync(temporary, path);
  return { token, stored };
}

export function listTokens(path: string): StoredToken[] {
  return readTokenFile(path);
}

/** Checks presented tokens against the stored hashes, re-reading the file when it changes. */
export class TokenVerifier {
  private fileTokens: StoredToken[] = [];
  private fileStamp = '';
  private checkedAt = 0;

  constructor(
    private readonly path: string,
    private readonly envTokens: StoredToken[] = [],
  ) {
    this.reload();
  }

  /** True when any token is configured (then every request needs one). */
  get hasTokens(): boolean {
    this.reloadIfChanged();
    return this.fileTokens.length + this.envTokens.length > 0;
  }

  /** The principal of a token, or undefined when it matches none. Compares every hash in constant time. */
  verify(token: string): Principal | undefined {
    this.reloadIfChanged();
    const presented = Buffer.from(hashToken(token), 'hex');
    let found: StoredToken | undefined;
    for (const stored of [...this.fileTokens, ...this.envTokens]) {
      if (timingSafeEqual(presented, Buffer.from(stored.hash, 'hex')) && !found) found = stored;
    }
    if (!found) return undefined;
    return {
      role: found.role,
      actor: `token:${found.id}${found.label ? ` (${found.label})` : ''}`,
      ...(found.department ? { department: found.department } : {}),
      ...(found.body ? { body: found.body } : {}),
    };
  }

  private reloadIfChanged(): void {
    if (Date.now() - this.checkedAt < 1000) return;
    this.reload();
  }

  private reload(): void {
    this.checkedAt = Date.now();
    const stamp = existsSync(this.path) ? `${statSync(this.path).mtimeMs}:${statSync(this.path).size}` : 'none';
    if (stamp === this.fileStamp) return;
    this.fileTokens = readTokenFile(this.path);
    this.fileStamp = stamp;
  }
}
