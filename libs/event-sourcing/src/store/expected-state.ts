/**
 * Optimistic-concurrency expectations, with EventStoreDB semantics:
 * - `any`: no check;
 * - `no_stream`: the stream must not exist yet;
 * - `stream_exists`: the stream must have at least one event;
 * - a number: the revision of the stream's last event must be exactly this.
 */
export type ExpectedState = 'any' | 'no_stream' | 'stream_exists' | number;

/** Revision of the last event, or `null` when the stream does not exist. */
export type CurrentRevision = number | null;

/** True when `current` satisfies `expected`. */
export function satisfies(expected: ExpectedState, current: CurrentRevision): boolean {
  switch (expected) {
    case 'any':
      return true;
    case 'no_stream':
      return current === null;
    case 'stream_exists':
      return current !== null;
    default:
      return current === expected;
  }
}

export function describeExpected(expected: ExpectedState): string {
  return typeof expected === 'number' ? `revision ${expected}` : expected;
}
