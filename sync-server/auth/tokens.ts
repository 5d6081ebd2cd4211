/**
 * Signed tokens (HMAC-SHA256 via jose) carrying {workshopId, role, participantId}.
 * The secret is `TOKEN_SECRET` when given, else generated once and kept in the data folder.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SignJWT, jwtVerify } from 'jose';
import type { Role, TokenClaims } from '../../workshops';
import { ROLES } from '../../workshops';

/** How long each role's token lives. Facilitator and viewer links are re-issued from /admin. */
export const TOKEN_TTL: Record<Role, string> = {
  facilitator: '30d',
  participant: '30d',
  viewer: '90d',
};

export function loadSecret(dataDir: string, fromEnv?: string): Uint8Array {
  if (fromEnv) return new TextEncoder().encode(fromEnv);
  const file = join(dataDir, 'token-secret');
  if (!existsSync(file))
    writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600 });
  return new TextEncoder().encode(readFileSync(file, 'utf8').trim());
}

/** Whether a facilitator or viewer token is from a link generation since revoked. */
export function isRevoked(
  claims: TokenClaims,
  generations: Partial<Record<Role, number>> | undefined,
): boolean {
  if (claims.role === 'participant') return false;
  return (claims.generation ?? 0) < (generations?.[claims.role] ?? 0);
}

export class TokenService {
  constructor(private readonly secret: Uint8Array) {}

  sign(claims: TokenClaims, ttl: string = TOKEN_TTL[claims.role]): Promise<string> {
    return new SignJWT({
      workshopId: claims.workshopId,
      role: claims.role,
      participantId: claims.participantId,
      ...(claims.generation ? { gen: claims.generation } : {}),
    })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuedAt()
      .setExpirationTime(ttl)
      .sign(this.secret);
  }

  /** The claims of a valid, unexpired token; `null` for anything else. */
  async verify(token: string | null | undefined): Promise<TokenClaims | null> {
    if (!token || token.length > 4096) return null;
    try {
      const { payload } = await jwtVerify(token, this.secret, { algorithms: ['HS256'] });
      const { workshopId, role, participantId, gen } = payload as Record<string, unknown>;
      if (typeof workshopId !== 'string' || typeof participantId !== 'string') return null;
      if (typeof role !== 'string' || !(ROLES as readonly string[]).includes(role)) return null;
      const generation = typeof gen === 'number' && Number.isInteger(gen) ? gen : 0;
      return { workshopId, role: role as Role, participantId, generation };
    } catch {
      return null;
    }
  }
}
