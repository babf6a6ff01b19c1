import { InMemoryEventStore, uuidv7Generator, type Clock, type RecordedEvent } from '@cdtt/event-sourcing';
import type { DataSource } from 'typeorm';
import { openTestDatabase } from '../../projections/testing/projection-test-kit';
import { ApiClientCommands } from '../application/api-client-commands.service';
import { ClientStatusCache } from '../application/client-status.cache';
import { TokenIssuer } from '../application/token-issuer';
import { AccessTokens } from '../tokens/access-token';
import { apiClientsProjection } from './api-clients.projection';
import { ApiClientsReadService } from './api-clients.read.service';

const admin = { clientId: 'test-admin', role: 'ADMIN' as const, provinceCodes: [] };

describe('api_clients_v1 and the client lookups', () => {
  let dataSource: DataSource;
  let now = new Date('2026-01-01T00:00:00.000Z');
  const clock: Clock = { now: () => now };
  const store = new InMemoryEventStore(clock);
  const commands = new ApiClientCommands(store, clock, uuidv7Generator);
  const created: string[] = [];
  const project = async (events: readonly RecordedEvent[]): Promise<void> => {
    await dataSource.transaction(async (manager) => {
      for (const event of events) await apiClientsProjection.apply(event, manager);
    });
  };

  beforeAll(async () => {
    dataSource = await openTestDatabase();
  });
  afterAll(async () => {
    await dataSource.query('DELETE FROM api_clients_v1 WHERE client_id = ANY($1::uuid[])', [created]);
    await dataSource.destroy();
  });

  it('projects registration, rotation and revocation, without any secret material', async () => {
    const registered = await commands.register({ name: 'Cổng Lào Cai', role: 'PORTAL', provinceCodes: ['10'] }, admin);
    created.push(registered.clientId);
    if (!registered.outcome.ok) throw new Error('registration refused');
    await project(registered.outcome.events);
    const reads = new ApiClientsReadService(dataSource);
    expect(await reads.find(registered.clientId)).toMatchObject({ name: 'Cổng Lào Cai', role: 'PORTAL', provinceCodes: ['10'], status: 'ACTIVE', registeredBy: 'test-admin', secretRotatedAt: null, version: 0 });

    now = new Date('2026-01-01T01:00:00.000Z');
    const rotated = await commands.rotateSecret(registered.clientId, admin);
    const revoked = await commands.revoke(registered.clientId, 'leaked', admin);
    if (!rotated.outcome.ok || !revoked.outcome.ok) throw new Error('refused');
    await project([...rotated.outcome.events, ...revoked.outcome.events]);
    expect(await reads.find(registered.clientId)).toMatchObject({ status: 'REVOKED', secretRotatedAt: now, revokedAt: now, version: 2 });

    const [row] = await dataSource.query<Array<Record<string, unknown>>>('SELECT * FROM api_clients_v1 WHERE client_id = $1', [registered.clientId]);
    expect(JSON.stringify(row)).not.toMatch(/scrypt|salt|hash/i);
    expect(JSON.stringify(row)).not.toContain(registered.secret);
    expect(await reads.find('not-a-uuid')).toBeNull();
  });

  it('checks secrets on the stream and refuses revoked, unknown and wrong-secret clients alike', async () => {
    const tokens = new AccessTokens([{ kid: 'k1', secret: Buffer.alloc(32, 7) }]);
    const issuer = new TokenIssuer(store, tokens, clock);
    const client = await commands.register({ name: 'Kiểm toán', role: 'AUDITOR', provinceCodes: [] }, admin);
    created.push(client.clientId);
    expect(await issuer.grant(client.clientId, client.secret ?? '')).toMatchObject({ ok: true, expiresIn: 900 });
    expect(await issuer.grant(client.clientId, 'wrong')).toEqual({ ok: false, error: 'invalid_client' });
    expect(await issuer.grant(uuidv7Generator.next(), 'anything')).toEqual({ ok: false, error: 'invalid_client' });
    const rotated = await commands.rotateSecret(client.clientId, admin);
    expect(await issuer.grant(client.clientId, client.secret ?? '')).toEqual({ ok: false, error: 'invalid_client' });
    expect(await issuer.grant(client.clientId, rotated.secret ?? '')).toMatchObject({ ok: true });
    await commands.revoke(client.clientId, null, admin);
    expect(await issuer.grant(client.clientId, rotated.secret ?? '')).toEqual({ ok: false, error: 'invalid_client' });
  });

  it('reads a client from its stream (the projector may lag), and caches briefly', async () => {
    const statuses = new ClientStatusCache(store, clock);
    const client = await commands.register({ name: 'Mới', role: 'ADMIN', provinceCodes: [] }, admin);
    created.push(client.clientId);
    expect(await statuses.statusOf(client.clientId)).toEqual({ active: true, secretRotatedAt: null, registeredOperationsOnly: false });
    expect(await statuses.statusOf(uuidv7Generator.next())).toBeNull();
    await commands.revoke(client.clientId, null, admin);
    expect(await statuses.statusOf(client.clientId)).toMatchObject({ active: true }); // still cached
    now = new Date(now.getTime() + 11_000);
    expect(await statuses.statusOf(client.clientId)).toMatchObject({ active: false });
  });
});
