import { describeExpected, type CurrentRevision, type ExpectedState } from './expected-state';

/** Base class so callers can tell store failures from everything else. */
export abstract class EventStoreError extends Error {
  abstract readonly code: string;
}

/** The stream was not in the expected state: someone else wrote first. */
export class WrongExpectedVersionError extends EventStoreError {
  readonly code = 'WRONG_EXPECTED_VERSION';
  constructor(
    readonly streamName: string,
    readonly expected: ExpectedState,
    readonly actual: CurrentRevision,
  ) {
    super(
      `Stream ${streamName}: expected ${describeExpected(expected)}, ` +
        `actual ${actual === null ? 'no stream' : `revision ${actual}`}`,
    );
  }
}

/** An event id was already used by a different event (or the same one in another stream/batch). */
export class EventIdConflictError extends EventStoreError {
  readonly code = 'EVENT_ID_CONFLICT';
  constructor(
    readonly eventId: string,
    detail: string,
  ) {
    super(`Event id ${eventId} is already used: ${detail}`);
  }
}

/** The append was malformed (empty id, duplicate id inside one batch, bad stream name...). */
export class InvalidAppendError extends EventStoreError {
  readonly code = 'INVALID_APPEND';
}

/** The backing store did not answer in time. */
export class EventStoreTimeoutError extends EventStoreError {
  readonly code = 'EVENT_STORE_TIMEOUT';
}
