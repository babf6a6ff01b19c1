import type { Position } from '@cdtt/event-sourcing';

/** A point in the global log: the writing transaction's id and the row's identity value. */
export interface LogPoint {
  /** xid8 as canonical decimal (no leading zeros). */
  readonly txId: string;
  /** global_position as canonical decimal (no leading zeros). */
  readonly globalPosition: string;
}

// Fixed widths make string order equal numeric order: xid8 is an unsigned 64-bit integer (at
// most 20 decimal digits), global_position a signed bigint (at most 19).
const TX_DIGITS = 20;
const GLOBAL_DIGITS = 19;
const POSITION = /^(\d{20})-(\d{19})$/;
const DIGITS = /^\d+$/;

/** The point before every event (no transaction has id 0). */
export const LOG_START: LogPoint = { txId: '0', globalPosition: '0' };

/** Encodes (tx_id, global_position) as an opaque string that sorts like the pair. */
export function encodePosition(txId: string, globalPosition: string): Position {
  if (!DIGITS.test(txId) || !DIGITS.test(globalPosition)) {
    throw new RangeError(`Cannot encode position from tx ${txId}, global position ${globalPosition}`);
  }
  return `${txId.padStart(TX_DIGITS, '0')}-${globalPosition.padStart(GLOBAL_DIGITS, '0')}`;
}

/**
 * Decodes a position produced by `encodePosition`. Leading zeros are stripped: PostgreSQL reads
 * an xid8 literal with a leading zero as octal.
 */
export function decodePosition(position: Position): LogPoint {
  const match = POSITION.exec(position);
  if (!match?.[1] || !match[2]) throw new RangeError(`Not a PostgreSQL event-store position: "${position}"`);
  return { txId: BigInt(match[1]).toString(), globalPosition: BigInt(match[2]).toString() };
}
