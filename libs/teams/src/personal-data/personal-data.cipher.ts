import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { SealedPersonalData } from '../domain/person.events';

/** The personal fields of a member: the minimum the registry keeps (domain rule 10). */
export interface PersonalFields {
  readonly fullName: string;
  readonly phone: string | null;
  readonly birthYear: number | null;
  readonly gender: 'FEMALE' | 'MALE' | 'OTHER' | null;
}

const KEY_BYTES = 32;
const NONCE_BYTES = 12;

export function newDataKey(): Buffer {
  return randomBytes(KEY_BYTES);
}

interface Encrypted {
  iv: Buffer;
  tag: Buffer;
  ciphertext: Buffer;
}

/** AES-256-GCM; `aad` binds the ciphertext to its owner so a blob cannot be moved to another person. */
function encrypt(key: Buffer, plain: Buffer, aad: string): Encrypted {
  const iv = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(plain), cipher.final()]);
  return { iv, tag: cipher.getAuthTag(), ciphertext };
}

function decrypt(key: Buffer, { iv, tag, ciphertext }: Encrypted, aad: string): Buffer {
  const decipher = createDecipheriv('aes-256-gcm', key, iv);
  decipher.setAAD(Buffer.from(aad, 'utf8'));
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(ciphertext), decipher.final()]);
}

export function sealFields(dataKey: Buffer, personId: string, fields: PersonalFields): SealedPersonalData {
  const { iv, tag, ciphertext } = encrypt(dataKey, Buffer.from(JSON.stringify(fields), 'utf8'), `person:${personId}`);
  return { alg: 'A256GCM', iv: iv.toString('base64'), tag: tag.toString('base64'), ciphertext: ciphertext.toString('base64') };
}

export function openFields(dataKey: Buffer, personId: string, sealed: SealedPersonalData): PersonalFields {
  const plain = decrypt(
    dataKey,
    {
      iv: Buffer.from(sealed.iv, 'base64'),
      tag: Buffer.from(sealed.tag, 'base64'),
      ciphertext: Buffer.from(sealed.ciphertext, 'base64'),
    },
    `person:${personId}`,
  );
  return JSON.parse(plain.toString('utf8')) as PersonalFields;
}

/** A data key wrapped by the master key, as one base64 string (nonce ‖ tag ‖ ciphertext). */
export function wrapKey(masterKey: Buffer, personId: string, dataKey: Buffer): string {
  const { iv, tag, ciphertext } = encrypt(masterKey, dataKey, `personal-data-key:${personId}`);
  return Buffer.concat([iv, tag, ciphertext]).toString('base64');
}

export function unwrapKey(masterKey: Buffer, personId: string, wrapped: string): Buffer {
  const bytes = Buffer.from(wrapped, 'base64');
  return decrypt(
    masterKey,
    { iv: bytes.subarray(0, NONCE_BYTES), tag: bytes.subarray(NONCE_BYTES, NONCE_BYTES + 16), ciphertext: bytes.subarray(NONCE_BYTES + 16) },
    `personal-data-key:${personId}`,
  );
}
