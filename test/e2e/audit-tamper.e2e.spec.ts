import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Client } from 'pg';
import request from 'supertest';
import type { App } from 'supertest/types';
import { newEvents, uniqueStream } from '@cdtt/event-sourcing/testing';
import { loadConfig, openRuntime, runCheckpointLedger, runExportEvents, runVerifyChain, runVerifyLedger, type AuditCliIo, type Runtime } from '@cdtt/platform';
import { AppModule } from '../../apps/api/src/app.module';
import { untilLogVisible } from './support/audit-visibility';

const VERIFY = `query V($id: ID!) { verifyStream(streamId: $id) { streamName ok eventCount firstBadRevision firstBadEventId reason } }`;

/**
 * Tampering with event rows in PostgreSQL, and what each check names: verifyStream over HTTP and
 * verify-chain name the edited, reordered or deleted event; verify-ledger, from an offline export,
 * catches a deleted whole stream that no chain can see. On a scratch database of its own.
 */
const onServer = process.env.EMBEDDED_POSTGRES !== '1';
if (!onServer) console.warn('tamper suite skipped: it needs a PostgreSQL server (DATABASE_URL) to create a scratch database');

(onServer ? describe : describe.skip)('tamper evidence', () => {
  const admin = new Client({ connectionString: process.env.DATABASE_URL });
  const scratch = `audit_tamper_${randomBytes(4).toString('hex')}`;
  const key = randomBytes(32).toString('base64');
  const io: AuditCliIo = { stdout: new PassThrough(), progress: { isTTY: false, write: () => true } };
  const silent = { isTTY: false, write: () => true };
  let runtime: Runtime;
  let app: INestApplication;
  let folder = '';
  const streams: string[] = [];

  async function run(command: (out: (line: string) => void) => Promise<number>): Promise<{ code: number; lines: string[] }> {
    const lines: string[] = [];
    const code = await command((line) => lines.push(line));
    return { code, lines };
  }
  const idAt = async (stream: string, revision: number): Promise<string> =>
    (await runtime.dataSource.query<Array<{ event_id: string }>>('SELECT event_id FROM event_store.events WHERE stream_name = $1 AND revision = $2', [stream, revision]))[0]?.event_id ?? '';
  const verifyStream = async (id: string) =>
    ((await request(app.getHttpServer() as App).post('/graphql').send({ query: VERIFY, variables: { id } })).body as { data: { verifyStream: unknown } }).data.verifyStream;
  const exportTo = async (name: string): Promise<string> => {
    await untilLogVisible(runtime);
    const file = join(folder, name);
    expect((await run((out) => runExportEvents(runtime, ['--out', file], out, io))).code).toBe(0);
    return file;
  };

  beforeAll(async () => {
    process.env.PERSONAL_DATA_MASTER_KEY ??= randomBytes(32).toString('base64');
    await admin.connect();
    await admin.query(`CREATE DATABASE ${scratch}`);
    const url = new URL(process.env.DATABASE_URL ?? '');
    url.pathname = `/${scratch}`;
    runtime = await openRuntime(loadConfig({ DATABASE_URL: url.toString(), RUN_PROJECTOR: 'false' }), 'audit-tamper');
    for (let i = 0; i < 5; i += 1) streams.push(uniqueStream('team'));
    for (const name of streams) await runtime.eventStore.appendToStream(name, newEvents(3));
    for (const name of streams) await runtime.eventStore.appendToStream(name, newEvents(3));
    app = await NestFactory.create(AppModule.register(runtime), { logger: false });
    await app.init();
    folder = await mkdtemp(join(tmpdir(), 'cdtt-tamper-'));
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    await runtime?.close();
    if (folder) await rm(folder, { recursive: true, force: true });
    await admin.query(`DROP DATABASE IF EXISTS ${scratch} WITH (FORCE)`);
    await admin.end();
  });

  it('signs a ledger checkpoint that an offline export verifies, and catches a deleted stream', async () => {
    await untilLogVisible(runtime); // the checkpoint covers what `$all` shows
    const written = await run((out) => runCheckpointLedger(runtime, [], out, silent, { LEDGER_SIGNING_KEY: key }));
    expect(written.lines[0]).toMatch(/^checkpoint at \S+: 30 events, 5 streams, Merkle root [0-9a-f]{64}$/);
    await runtime.eventStore.appendToStream(streams[0]!, newEvents(1)); // after the checkpoint: not covered, not a failure
    await expect(runVerifyLedger(null, ['--from'], () => undefined, silent)).rejects.toThrow('--from needs a value');
    const good = await run(async (out) => runVerifyLedger(null, ['--from', await exportTo('clean.ndjson')], out, silent));
    expect(good).toMatchObject({ code: 0, lines: [expect.stringMatching(/^ok checkpoint at .*: 30 events, 5 streams/), expect.stringMatching(/^latest checkpoint/), 'read 32 events, 1 checkpoints: all hold'] });

    const deleted = streams[4]!;
    await runtime.dataSource.query('DELETE FROM event_store.events WHERE stream_name = $1', [deleted]);
    const file = await exportTo('stream-deleted.ndjson');
    // Every remaining chain is intact: only the ledger can tell the stream is gone.
    expect((await run((out) => runVerifyChain(null, ['--from', file], out, io))).code).toBe(0);
    const bad = await run((out) => runVerifyLedger(null, ['--from', file], out, silent));
    expect(bad.code).toBe(1);
    expect(bad.lines[0]).toMatch(/^FAILED checkpoint at .*: 6 events missing \(signed 30, found 24\); 1 streams missing \(signed 5, found 4\); Merkle root of stream heads differs/);
    const wrongKey = await run((out) => runVerifyLedger(null, ['--from', file, '--public-key', randomBytes(32).toString('base64')], out, silent));
    expect(wrongKey.lines[0]).toContain('not the pinned public key');
  });

  it('names an edited, a reordered and a deleted event, over GraphQL and in verify-chain', async () => {
    const [edited, reordered, trimmed] = [streams[1]!, streams[2]!, streams[3]!];
    await runtime.dataSource.query(`UPDATE event_store.events SET data = '{"index": 42}' WHERE stream_name = $1 AND revision = 2`, [edited]);
    const [movedUp, movedDown] = [await idAt(reordered, 3), await idAt(reordered, 1)];
    await runtime.dataSource.query('UPDATE event_store.events SET revision = revision + 100 WHERE stream_name = $1 AND revision IN (1, 3)', [reordered]);
    await runtime.dataSource.query('UPDATE event_store.events SET revision = 4 - (revision - 100) WHERE stream_name = $1 AND revision IN (101, 103)', [reordered]);
    expect(await idAt(reordered, 1)).toBe(movedUp);
    expect(await idAt(reordered, 3)).toBe(movedDown);
    await runtime.dataSource.query('DELETE FROM event_store.events WHERE stream_name = $1 AND revision = 4', [trimmed]);

    expect(await verifyStream(edited)).toEqual({ streamName: edited, ok: false, eventCount: 2, firstBadRevision: 2, firstBadEventId: await idAt(edited, 2), reason: 'HASH_MISMATCH' });
    expect(await verifyStream(reordered)).toEqual({ streamName: reordered, ok: false, eventCount: 1, firstBadRevision: 1, firstBadEventId: movedUp, reason: 'PREV_HASH_MISMATCH' });
    expect(await verifyStream(trimmed)).toEqual({ streamName: trimmed, ok: false, eventCount: 4, firstBadRevision: 5, firstBadEventId: await idAt(trimmed, 5), reason: 'REVISION_GAP' });

    await untilLogVisible(runtime);
    const chain = await run((out) => runVerifyChain(runtime, [], out, io));
    expect(chain.code).toBe(1);
    expect(chain.lines.filter((line) => line.startsWith('FAILED')).sort()).toEqual(
      [
        `FAILED ${edited}: revision 2, event ${await idAt(edited, 2)}: HASH_MISMATCH`,
        // The log is read in position order, where the event moved down to revision 3 comes first.
        `FAILED ${reordered}: revision 3, event ${movedDown}: REVISION_GAP`,
        `FAILED ${trimmed}: revision 5, event ${await idAt(trimmed, 5)}: REVISION_GAP`,
      ].sort(),
    );
  });
});
