import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The admin token: `ADMIN_TOKEN` when given; else generated on first start and kept in
 * DATA_DIR/admin-token. `created` tells the caller to print the facilitator link once.
 */
export function loadAdminToken(
  dataDir: string,
  fromEnv?: string,
): { token: string; created: boolean; file: string | null } {
  if (fromEnv) return { token: fromEnv, created: false, file: null };
  const file = join(dataDir, 'admin-token');
  if (existsSync(file)) return { token: readFileSync(file, 'utf8').trim(), created: false, file };
  const token = randomBytes(24).toString('base64url');
  writeFileSync(file, token, { mode: 0o600 });
  return { token, created: true, file };
}
