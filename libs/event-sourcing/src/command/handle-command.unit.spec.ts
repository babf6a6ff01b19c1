import {
  DomainError,
  InMemoryEventStore,
  WrongExpectedVersionError,
  handleCommand,
  uuidv7Generator,
  type CommandContext,
  type Decider,
  type EventStore,
} from '@cdtt/event-sourcing';

type Event = { type: 'Incremented'; data: { by: number } };
type Command = { by: number; max: number };
const counter: Decider<Command, number, Event> = {
  initialState: 0,
  decide: (command, total) =>
    total + command.by > command.max
      ? new DomainError('LIMIT_EXCEEDED', `total would exceed ${command.max}`, ['by'])
      : [{ type: 'Incremented', data: { by: command.by } }],
  evolve: (total, event) => total + event.data.by,
};

const context: CommandContext = {
  ids: uuidv7Generator,
  metadata: { correlationId: 'c', causationId: null, actor: { clientId: 'test', role: 'ADMIN' }, effectiveAt: '2025-01-01T00:00:00.000Z' },
};

describe('handleCommand', () => {
  it('reads, folds, decides and appends at the expected revision', async () => {
    const store = new InMemoryEventStore();
    await handleCommand(store, counter, 'counter-1', { by: 2, max: 10 }, context);
    const outcome = await handleCommand(store, counter, 'counter-1', { by: 3, max: 10 }, context);
    expect(outcome).toMatchObject({ ok: true, state: 5, revision: 1 });
  });

  it('returns a domain error and writes nothing', async () => {
    const store = new InMemoryEventStore();
    const outcome = await handleCommand(store, counter, 'counter-1', { by: 11, max: 10 }, context);
    expect(outcome).toEqual({ ok: false, error: new DomainError('LIMIT_EXCEEDED', 'total would exceed 10', ['by']) });
    expect(await store.readStream('counter-1')).toEqual([]);
  });

  it('re-reads and re-decides when another writer got there first', async () => {
    const inner = new InMemoryEventStore();
    let raced = false;
    // A store whose first append loses a race: someone else appends just before it.
    const racing: EventStore = Object.assign(Object.create(inner) as EventStore, {
      appendToStream: async (...args: Parameters<EventStore['appendToStream']>) => {
        if (!raced) {
          raced = true;
          await handleCommand(inner, counter, 'counter-1', { by: 8, max: 10 }, context);
        }
        return inner.appendToStream(...args);
      },
    });
    const outcome = await handleCommand(racing, counter, 'counter-1', { by: 3, max: 10 }, context);
    // The retry saw the competitor's 8 and rejected 3 on the fresh state.
    expect(outcome).toMatchObject({ ok: false, error: { code: 'LIMIT_EXCEEDED' } });
    expect((await inner.readStream('counter-1')).map((e) => e.data)).toEqual([{ by: 8 }]);
  });

  it('reports a stale client expectation instead of retrying', async () => {
    const store = new InMemoryEventStore();
    await handleCommand(store, counter, 'counter-1', { by: 1, max: 10 }, context);
    await expect(
      handleCommand(store, counter, 'counter-1', { by: 1, max: 10 }, { ...context, expectedRevision: 5 }),
    ).rejects.toBeInstanceOf(WrongExpectedVersionError);
  });

  it('decides on the events the caller just read, without reading the stream again', async () => {
    const store = new InMemoryEventStore();
    await handleCommand(store, counter, 'counter-1', { by: 2, max: 10 }, context);
    const firstRead = await store.readStream('counter-1');
    const reads = jest.spyOn(store, 'readStream');
    const outcome = await handleCommand(store, counter, 'counter-1', { by: 3, max: 10 }, { ...context, firstRead });
    expect(outcome).toMatchObject({ ok: true, state: 5, revision: 1 });
    expect(reads).not.toHaveBeenCalled();
  });

  it('reads afresh when the stream moved after the caller read it, and decides on what is there', async () => {
    const store = new InMemoryEventStore();
    await handleCommand(store, counter, 'counter-1', { by: 2, max: 10 }, context);
    const firstRead = await store.readStream('counter-1');
    await handleCommand(store, counter, 'counter-1', { by: 6, max: 10 }, context);
    // On the stale read (2) the command fits; on the stream as it stands (8) it does not.
    const outcome = await handleCommand(store, counter, 'counter-1', { by: 3, max: 10 }, { ...context, firstRead });
    expect(outcome).toEqual({ ok: false, error: new DomainError('LIMIT_EXCEEDED', 'total would exceed 10', ['by']) });
    expect((await store.readStream('counter-1')).map((event) => event.data)).toEqual([{ by: 2 }, { by: 6 }]);
  });

  it('appends to a new stream without reading it, and never over one that exists', async () => {
    const store = new InMemoryEventStore();
    const reads = jest.spyOn(store, 'readStream');
    expect(await handleCommand(store, counter, 'counter-new', { by: 1, max: 10 }, { ...context, firstRead: [] })).toMatchObject({ ok: true, revision: 0 });
    expect(reads).not.toHaveBeenCalled();
    // Told "new" about a stream that has events: the append's no_stream expectation fails, the retry reads it.
    const outcome = await handleCommand(store, counter, 'counter-new', { by: 1, max: 10 }, { ...context, firstRead: [] });
    expect(outcome).toMatchObject({ ok: true, state: 2, revision: 1 });
  });
});
