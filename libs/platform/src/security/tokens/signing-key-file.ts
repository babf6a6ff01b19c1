import { randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AppConfig } from '../../config/config';
import { parseSigningKeys, type SigningKey } from './signing-keys';

export const SIGNING_KEY_FILE = 'auth-signing.key';

/**
 * The configured signing keys, or (outside production only; loadConfig refuses production without
 * keys) a key generated once into `<DATA_DIR>/auth-signing.key`, so a local run keeps its tokens
 * valid across restarts. Several API instances must share AUTH_SIGNING_KEYS instead.
 */
export function resolveSigningKeys(config: AppConfig, onWarning: (message: string) => void): readonly SigningKey[] {
  if (config.auth.signingKeys !== null) return config.auth.signingKeys;
  if (config.production) throw new Error('AUTH_SIGNING_KEYS is required in production');
  const file = join(config.dataDir, SIGNING_KEY_FILE);
  mkdirSync(config.dataDir, { recursive: true });
  // Written aside then hard-linked: the link appears complete or not at all, so two processes
  // starting together agree on one key and never read a half-written file.
  const draft = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
  writeFileSync(draft, `local:${randomBytes(32).toString('base64url')}\n`, { mode: 0o600 });
  try {
    linkSync(draft, file);
    onWarning(`AUTH_SIGNING_KEYS is not set: generated a signing key into ${file} (set AUTH_SIGNING_KEYS in production)`);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    unlinkSync(draft);
  }
  const problems: string[] = [];
  const keys = parseSigningKeys(readFileSync(file, 'utf8').trim(), problems);
  if (problems.length > 0) throw new Error(`${file} is not a valid signing key file: ${problems.join('; ')}`);
  return keys;
}
