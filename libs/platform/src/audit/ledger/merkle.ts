import { createHash } from 'node:crypto';

const sha256 = (...parts: Buffer[]): Buffer => {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part);
  return hash.digest();
};

/** A stream head as a leaf: domain-separated (0x00) from inner nodes (0x01), as in RFC 6962. */
export function headLeaf(streamName: string, lastRevision: number, headHash: string): Buffer {
  return sha256(Buffer.from([0]), Buffer.from(`${streamName}\n${lastRevision}\n${headHash}`, 'utf8'));
}

/**
 * The Merkle root (hex) of leaves in the given order: pairs hashed level by level, an odd last
 * node carried up unchanged. The empty tree's root is SHA-256 of nothing.
 */
export function merkleRoot(leaves: readonly Buffer[]): string {
  if (leaves.length === 0) return sha256().toString('hex');
  let level = [...leaves];
  while (level.length > 1) {
    const next: Buffer[] = [];
    for (let i = 0; i < level.length; i += 2) {
      const left = level[i] as Buffer;
      const right = level[i + 1];
      next.push(right === undefined ? left : sha256(Buffer.from([1]), left, right));
    }
    level = next;
  }
  return (level[0] as Buffer).toString('hex');
}
