import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface MasterKeyOptions {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly dataDir: string;
  readonly onWarning: (message: string) => void;
}

export const MASTER_KEY_FILE = 'personal-data-master.key';

function decode(base64: string, source: string): Buffer {
  const key = Buffer.from(base64.trim(), 'base64');
  if (key.length !== 32) throw new Error(`${source} must be 32 bytes in base64 (got ${key.length} bytes)`);
  return key;
}

/**
 * The master key that wraps every person's data key: `PERSONAL_DATA_MASTER_KEY` (base64, 32 bytes).
 * Production must configure it. Elsewhere a key is generated once into
 * `<DATA_DIR>/personal-data-master.key` (mode 0600) so a local run keeps reading its own data; a
 * lost file makes that data unreadable, which is why it is loud about it.
 */
export function loadPersonalDataMasterKey({ env, dataDir, onWarning }: MasterKeyOptions): Buffer {
  const configured = env.PERSONAL_DATA_MASTER_KEY?.trim();
  if (configured) return decode(configured, 'PERSONAL_DATA_MASTER_KEY');
  if (env.NODE_ENV === 'production') {
    throw new Error('PERSONAL_DATA_MASTER_KEY is required in production (base64 of 32 random bytes)');
  }
  const file = join(dataDir, MASTER_KEY_FILE);
  if (existsSync(file)) return decode(readFileSync(file, 'utf8'), file);
  mkdirSync(dataDir, { recursive: true });
  const key = randomBytes(32);
  try {
    writeFileSync(file, key.toString('base64'), { mode: 0o600, flag: 'wx' });
  } catch (error) {
    // Another process created it first: use theirs, never overwrite a key that may be in use.
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return decode(readFileSync(file, 'utf8'), file);
    throw error;
  }
  onWarning(`PERSONAL_DATA_MASTER_KEY is not set: generated a development key in ${file}; set the variable in production`);
  return key;
}
