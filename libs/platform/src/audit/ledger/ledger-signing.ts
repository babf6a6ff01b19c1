import { createHash, createPrivateKey, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { canonicalJson } from '@cdtt/event-sourcing';

/** The setting that holds the checkpoint signing key (README configuration table). */
export const LEDGER_SIGNING_KEY_VARIABLE = 'LEDGER_SIGNING_KEY';

// DER prefixes that wrap a raw 32-byte Ed25519 seed (PKCS#8) and public key (SPKI).
const PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');
const SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

export interface LedgerSigningKey {
  readonly privateKey: KeyObject;
  /** base64 of the raw 32-byte public key: what auditors pin. */
  readonly publicKey: string;
  /** First 16 hex of SHA-256 of the public key. */
  readonly keyId: string;
}

/** The fields a signature covers, as canonical JSON (RFC 8785). */
export interface SignedCheckpoint {
  readonly position: string;
  readonly eventCount: number;
  readonly streamCount: number;
  readonly merkleRoot: string;
  readonly keyId: string;
}

export const keyIdOf = (publicKey: string): string => createHash('sha256').update(Buffer.from(publicKey, 'base64')).digest('hex').slice(0, 16);

/**
 * The Ed25519 key from `LEDGER_SIGNING_KEY` (base64 of a 32-byte seed, `openssl rand -base64 32`).
 * Ed25519, not an HMAC: an auditor verifies with the public key and cannot forge a checkpoint.
 */
export function parseLedgerSigningKey(value: string | undefined): LedgerSigningKey {
  const seed = Buffer.from(value ?? '', 'base64');
  if (value === undefined || value.trim() === '' || seed.length !== 32) {
    throw new Error(`${LEDGER_SIGNING_KEY_VARIABLE} must be base64 of 32 random bytes (openssl rand -base64 32)`);
  }
  const privateKey = createPrivateKey({ key: Buffer.concat([PKCS8_PREFIX, seed]), format: 'der', type: 'pkcs8' });
  const spki = createPublicKey(privateKey).export({ format: 'der', type: 'spki' });
  const publicKey = spki.subarray(SPKI_PREFIX.length).toString('base64');
  return { privateKey, publicKey, keyId: keyIdOf(publicKey) };
}

export function signCheckpoint(key: LedgerSigningKey, fields: SignedCheckpoint): string {
  return sign(null, Buffer.from(canonicalJson(fields), 'utf8'), key.privateKey).toString('base64');
}

export function verifyCheckpointSignature(publicKey: string, fields: SignedCheckpoint, signature: string): boolean {
  try {
    const key = createPublicKey({ key: Buffer.concat([SPKI_PREFIX, Buffer.from(publicKey, 'base64')]), format: 'der', type: 'spki' });
    return verify(null, Buffer.from(canonicalJson(fields), 'utf8'), key, Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}
