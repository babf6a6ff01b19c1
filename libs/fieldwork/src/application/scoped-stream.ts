import type { DomainError, EventStore } from '@cdtt/event-sourcing';
import { versionConflict, type Caller } from './command-execution';

/**
 * Before a change to an existing record: a record outside the caller's provinces answers the same
 * code as an unknown one, checked before the version so that nothing about it (not even its
 * version) leaks. `provinceOf` reads the province from the record's first event (undefined when
 * the stream is empty).
 */
export async function checkExisting(
  store: EventStore,
  streamName: string,
  caller: Caller,
  notFound: () => DomainError,
  provinceOf: (first: { readonly data: unknown }) => string | null,
  onUnscoped?: () => DomainError,
): Promise<DomainError | null> {
  caller.scope.assertCanWrite();
  const events = await store.readStream(streamName);
  const first = events[0];
  if (!first) return notFound();
  const provinceCode = provinceOf(first);
  // A national record belongs to no province: visible to all, changed by unrestricted callers only.
  if (provinceCode === null && caller.scope.restricted && onUnscoped) return onUnscoped();
  if (!caller.scope.canSee(provinceCode)) return notFound();
  const expected = caller.expectedVersion;
  const revision = events.at(-1)?.revision ?? null;
  if (expected !== undefined && expected !== null && expected !== revision) return versionConflict(expected, revision);
  return null;
}
