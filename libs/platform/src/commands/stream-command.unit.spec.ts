import { InMemoryEventStore, uuidv7Generator, type AppendOptions, type NewEvent } from '@cdtt/event-sourcing';
import { ProvinceScope } from '../security/scope/province-scope';
import { executeOnStream } from './stream-command';

/** A counter: every Increment is one event. */
const counter = {
  initialState: 0,
  decide: () => [{ type: 'Incremented', data: {} }],
  evolve: (count: number) => count + 1,
};

/** Another writer's event, as it would be stored. */
const theirs = (): NewEvent => ({
  id: uuidv7Generator.next(),
  type: 'Incremented',
  schemaVersion: 1,
  data: {},
  metadata: { correlationId: uuidv7Generator.next(), causationId: null, actor: { clientId: 'other', role: 'ADMIN' }, effectiveAt: '2026-01-01T00:00:00.000Z' },
});

/** A store where another writer always appends first: every append of ours loses the race. */
class ContendedStore extends InMemoryEventStore {
  appends = 0;
  override async appendToStream(name: string, events: readonly NewEvent[], options?: AppendOptions) {
    this.appends += 1;
    // The other writer's event lands between our read and our append.
    await super.appendToStream(name, [theirs()]);
    return super.appendToStream(name, events, options);
  }
}

const caller = (expectedVersion: number | null) => ({
  actor: { clientId: 'test', role: 'ADMIN' as const },
  scope: ProvinceScope.UNRESTRICTED,
  correlationId: uuidv7Generator.next(),
  expectedVersion,
});

describe('executeOnStream under contention', () => {
  it('retries a lost race on a fresh read, and answers CONCURRENT_CHANGE (not an internal error) when every attempt loses', async () => {
    const store = new ContendedStore();
    const outcome = await executeOnStream(store, uuidv7Generator, counter, 'counter-1', {}, { effectiveDate: '2026-01-01', caller: caller(null), conflictNoun: 'counter' });
    expect(outcome).toMatchObject({ ok: false, error: { code: 'CONCURRENT_CHANGE' } });
    expect(outcome.ok ? '' : outcome.error.message).toContain('counter');
    expect(store.appends).toBe(5);
    // Only the other writer's events were stored.
    expect((await store.readStream('counter-1')).length).toBe(5);
  });

  it('wins once a retry reads the stream between the other writer’s appends', async () => {
    const store = new ContendedStore();
    let contended = 2;
    const original = store.appendToStream.bind(store);
    store.appendToStream = (name, events, options) => (contended-- > 0 ? original(name, events, options) : InMemoryEventStore.prototype.appendToStream.call(store, name, events, options));
    const outcome = await executeOnStream(store, uuidv7Generator, counter, 'counter-2', {}, { effectiveDate: '2026-01-01', caller: caller(null) });
    expect(outcome).toMatchObject({ ok: true, state: 3 });
  });

  it('never retries a stated expectation: a lost race is VERSION_CONFLICT with the version found', async () => {
    const store = new ContendedStore();
    await InMemoryEventStore.prototype.appendToStream.call(store, 'counter-3', [theirs()]);
    const outcome = await executeOnStream(store, uuidv7Generator, counter, 'counter-3', {}, { effectiveDate: '2026-01-01', caller: caller(0), conflictNoun: 'counter' });
    expect(outcome).toMatchObject({ ok: false, error: { code: 'VERSION_CONFLICT', message: expect.stringContaining('you saw version 0, it is now 1') as string } });
    expect(store.appends).toBe(1);
  });
});
