import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import type { SecretHash } from '../domain/api-client.decider';

/**
 * scrypt cost for new hashes (N=2^14, r=8, p=1: 16 MiB, tens of ms). Secrets are 256 random bits,
 * so the work factor guards a leaked projection, not guessable passwords; the parameters travel
 * with each hash so they can be raised later.
 */
const PARAMS = { N: 16_384, r: 8, p: 1, keyLength: 32 } as const;

function derive(secret: string, salt: Buffer, params: SecretHash['params']): Promise<Buffer> {
  const options: ScryptOptions = { N: params.N, r: params.r, p: params.p, maxmem: 256 * params.N * params.r + 1024 * 1024 };
  return new Promise((resolve, reject) => {
    scrypt(secret, salt, params.keyLength, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

/** A new client secret: 32 random bytes, base64url. Shown once; only its hash is kept. */
export function generateClientSecret(): string {
  return randomBytes(32).toString('base64url');
}

export async function hashClientSecret(secret: string): Promise<SecretHash> {
  const salt = randomBytes(16);
  const hash = await derive(secret, salt, PARAMS);
  return { algorithm: 'scrypt', salt: salt.toString('base64url'), hash: hash.toString('base64url'), params: { ...PARAMS } };
}

/** Constant-time comparison of the derived key with the stored one. */
export async function verifyClientSecret(secret: string, stored: SecretHash): Promise<boolean> {
  const expected = Buffer.from(stored.hash, 'base64url');
  const actual = await derive(secret, Buffer.from(stored.salt, 'base64url'), stored.params);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** A hash no secret matches, verified for unknown clients so timing does not reveal which ids exist. */
let decoy: Promise<SecretHash> | null = null;
export async function verifyAgainstDecoy(secret: string): Promise<false> {
  decoy ??= hashClientSecret(generateClientSecret());
  await verifyClientSecret(secret, await decoy);
  return false;
}
