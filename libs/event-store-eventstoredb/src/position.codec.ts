/**
 * EventStoreDB positions are two unsigned 64-bit log offsets (commit, prepare), ordered by commit
 * then prepare. The port wants an opaque string whose plain string order is log order, so each
 * half is written as 20 decimal digits (the width of 2^64 - 1), zero-padded: equal width makes
 * lexicographic order numeric order.
 */
const WIDTH = 20;
const PATTERN = /^(\d{20})-(\d{20})$/;

export interface LogPosition {
  readonly commit: bigint;
  readonly prepare: bigint;
}

export function encodePosition(position: LogPosition): string {
  return `${position.commit.toString().padStart(WIDTH, '0')}-${position.prepare.toString().padStart(WIDTH, '0')}`;
}

export function decodePosition(position: string): LogPosition {
  const match = PATTERN.exec(position);
  if (!match?.[1] || !match[2]) {
    throw new RangeError(`Not an EventStoreDB position: "${position}" (was it produced by another store?)`);
  }
  return { commit: BigInt(match[1]), prepare: BigInt(match[2]) };
}
