import { createHash } from 'node:crypto';

/**
 * A UUID derived from a stable key (RFC 9562 version 8: "custom"): the first 16 bytes of the key's
 * SHA-256 with the version nibble set to 8 and the RFC variant bits. The same key always gives the
 * same id, which makes a re-import a retry the event store answers without writing.
 */
export function uuidFromKey(key: string): string {
  const bytes = createHash('sha256').update(key, 'utf8').digest().subarray(0, 16);
  bytes[6] = 0x80 | ((bytes[6] ?? 0) & 0x0f);
  bytes[8] = 0x80 | ((bytes[8] ?? 0) & 0x3f);
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Short content fingerprint of a file, to name a dataset by its bytes. */
export function sha256Prefix(content: Buffer | string, length = 12): string {
  return createHash('sha256').update(content).digest('hex').slice(0, length);
}
