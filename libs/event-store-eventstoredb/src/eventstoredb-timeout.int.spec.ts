import { createServer, type Server, type Socket } from 'node:net';
import { EventStoreTimeoutError } from '@cdtt/event-sourcing';
import { newEvent, uniqueStream } from '@cdtt/event-sourcing/testing';
import { EventStoreDbEventStore } from './eventstoredb-event-store';
import { EventStoreDbFailureError, EventStoreDbUnavailableError } from './eventstoredb.errors';

/**
 * Real sockets, no EventStoreDB needed. A peer that accepts TCP and never answers is the case
 * where @eventstore/db-client 6.2.1 waits forever; a closed port is the case where it fails fast.
 */
describe('EventStoreDbEventStore call deadline', () => {
  const CALL_TIMEOUT_MS = 300;

  describe('against a peer that accepts TCP and never answers', () => {
    let server: Server;
    const sockets = new Set<Socket>();
    let store: EventStoreDbEventStore;

    beforeAll(async () => {
      server = createServer((socket) => {
        sockets.add(socket);
        socket.on('close', () => sockets.delete(socket));
        socket.on('error', () => undefined);
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const address = server.address();
      if (address === null || typeof address === 'string') throw new Error('no TCP address');
      store = EventStoreDbEventStore.connect(`esdb://127.0.0.1:${address.port}?tls=false`, {
        callTimeoutMs: CALL_TIMEOUT_MS,
      });
    });

    afterAll(async () => {
      await store.close();
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    });

    it('appendToStream rejects with EventStoreTimeoutError near the deadline', async () => {
      const started = Date.now();
      await expect(store.appendToStream(uniqueStream(), [newEvent('SomethingHappened')])).rejects.toBeInstanceOf(
        EventStoreTimeoutError,
      );
      const elapsed = Date.now() - started;
      expect(elapsed).toBeGreaterThanOrEqual(CALL_TIMEOUT_MS - 20);
      expect(elapsed).toBeLessThan(2_000);
    });

    it('readStream, readAll and headPosition reject with EventStoreTimeoutError too', async () => {
      const started = Date.now();
      await expect(store.readStream(uniqueStream())).rejects.toBeInstanceOf(EventStoreTimeoutError);
      await expect(store.readAll({ maxCount: 10 })).rejects.toBeInstanceOf(EventStoreTimeoutError);
      await expect(store.headPosition()).rejects.toMatchObject({ code: 'EVENT_STORE_TIMEOUT' });
      expect(Date.now() - started).toBeLessThan(3 * CALL_TIMEOUT_MS + 1_500);
    });

    it('a subscription reports the timeout through onError instead of hanging', async () => {
      const errors: unknown[] = [];
      const subscription = store.subscribeToAll({ onEvent: () => Promise.resolve(), onError: (e) => errors.push(e) });
      await new Promise((resolve) => setTimeout(resolve, CALL_TIMEOUT_MS + 700));
      await subscription.stop();
      expect(errors).toHaveLength(1);
      expect(errors[0]).toBeInstanceOf(EventStoreTimeoutError);
    });
  });

  it('refuses a malformed connection string with a clear error', () => {
    expect(() => EventStoreDbEventStore.connect('http://localhost:2113')).toThrow(EventStoreDbFailureError);
    expect(() => EventStoreDbEventStore.connect('http://localhost:2113')).toThrow(/Invalid EventStoreDB connection string/);
  });

  describe('against a closed port', () => {
    it('fails fast with EventStoreDbUnavailableError naming the operation', async () => {
      const port = await freePort();
      const store = EventStoreDbEventStore.connect(`esdb://127.0.0.1:${port}?tls=false`, { callTimeoutMs: 5_000 });
      try {
        const started = Date.now();
        const failure = store.appendToStream(uniqueStream(), [newEvent('SomethingHappened')]);
        await expect(failure).rejects.toBeInstanceOf(EventStoreDbUnavailableError);
        await expect(failure).rejects.toThrow(/EventStoreDB is unavailable \(readStream\(contract-/);
        expect(Date.now() - started).toBeLessThan(2_000);
      } finally {
        await store.close();
      }
    });
  });
});

/** A port nothing listens on: bind an ephemeral one, then release it. */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const address = probe.address();
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no TCP address');
  return address.port;
}
