import { InMemoryEventStore, Upcasters, handleCommand, uuidv7Generator, withUpcasting, type Decider } from '@cdtt/event-sourcing';
import { eventually, newEvent } from '@cdtt/event-sourcing/testing';

describe('Upcasters', () => {
  const upcasters = new Upcasters()
    .register('MemberJoined', 1, (data) => ({ ...(data as object), role: 'MEMBER' }))
    .register('MemberJoined', 2, (data) => {
      const { name, ...rest } = data as { name: string };
      return { ...rest, fullName: name };
    });

  it('applies every step from the stored version to the current one', async () => {
    const store = new InMemoryEventStore();
    await store.appendToStream('team-1', [newEvent('MemberJoined', { name: 'An' })]);
    const [stored] = await store.readStream('team-1');
    expect(upcasters.apply(stored!)).toMatchObject({ schemaVersion: 3, data: { fullName: 'An', role: 'MEMBER' } });
  });

  it('leaves current and unknown events untouched, and refuses a step registered twice', () => {
    const event = { ...newEvent('TeamRenamed', { name: 'x' }) } as never;
    expect(upcasters.apply(event)).toBe(event);
    expect(() => upcasters.register('MemberJoined', 1, (d) => d)).toThrow(/twice/);
  });

  it('is used by handleCommand when folding old events', async () => {
    const store = new InMemoryEventStore();
    await store.appendToStream('team-1', [newEvent('MemberJoined', { name: 'An' })]);
    const roster: Decider<null, string[], { type: string; data: { fullName?: string } }> = {
      initialState: [],
      decide: () => [],
      evolve: (names, event) => [...names, event.data.fullName ?? '?'],
    };
    const outcome = await handleCommand(store, roster, 'team-1', null, {
      ids: uuidv7Generator,
      upcasters,
      metadata: { correlationId: 'c', causationId: null, actor: { clientId: 't', role: 'ADMIN' }, effectiveAt: '2025-01-01T00:00:00Z' },
    });
    expect(outcome).toMatchObject({ ok: true, state: ['An'] });
  });
});

describe('withUpcasting', () => {
  it('shows every reader the current shape and leaves the stored event alone', async () => {
    const store = new InMemoryEventStore();
    const upcasting = withUpcasting(store, new Upcasters().register('TeamRenamed', 1, (d) => ({ ...(d as object), reason: null })));
    await upcasting.appendToStream('team-1', [newEvent('TeamRenamed', { name: 'A' })]);
    expect((await upcasting.readStream('team-1'))[0]).toMatchObject({ schemaVersion: 2, data: { name: 'A', reason: null } });
    expect((await upcasting.readAll())[0]?.schemaVersion).toBe(2);
    expect((await store.readStream('team-1'))[0]).toMatchObject({ schemaVersion: 1, data: { name: 'A' } });
    const seen: number[] = [];
    const subscription = upcasting.subscribeToAll({ onEvent: (e) => Promise.resolve(void seen.push(e.schemaVersion)) });
    await eventually(() => expect(seen).toEqual([2]));
    await subscription.stop();
  });
});
