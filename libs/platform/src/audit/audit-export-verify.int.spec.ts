import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { Client } from 'pg';
import { newEvents, uniqueStream } from '@cdtt/event-sourcing/testing';
import { loadConfig } from '../config/config';
import { openRuntime, type Runtime } from '../runtime/runtime';
import { runExportEvents, runVerifyChain, type AuditCliIo } from './audit-cli';

const STREAMS = 300;
const EVENTS_PER_STREAM = 10;

/**
 * Tampering with rows would break every other suite that verifies the shared test database, so
 * this suite creates a database of its own on the server and drops it afterwards. The embedded
 * PGlite cannot create one.
 */
const onServer = process.env.EMBEDDED_POSTGRES !== '1';
if (!onServer) console.warn('audit export/verify suite skipped: it tampers with rows, so it needs a PostgreSQL server (DATABASE_URL) to create a scratch database');

(onServer ? describe : describe.skip)('export-events and verify-chain', () => {
  let runtime: Runtime;
  let connected = false;
  let folder = '';
  const admin = new Client({ connectionString: process.env.DATABASE_URL });
  const scratch = `audit_${randomBytes(4).toString('hex')}`;
  const streams: string[] = [];
  let progressText = '';
  const io: AuditCliIo = { stdout: new PassThrough(), progress: { isTTY: false, write: (text: string) => (progressText += text) } };

  /** Runs a command, collecting its lines. */
  async function run(command: (out: (line: string) => void) => Promise<number>): Promise<{ code: number; lines: string[] }> {
    const lines: string[] = [];
    const code = await command((line) => lines.push(line));
    return { code, lines };
  }

  beforeAll(async () => {
    await admin.connect();
    connected = true;
    await admin.query(`CREATE DATABASE ${scratch}`);
    const url = new URL(process.env.DATABASE_URL ?? '');
    url.pathname = `/${scratch}`;
    runtime = await openRuntime(loadConfig({ DATABASE_URL: url.toString(), RUN_PROJECTOR: 'false' }), 'audit-export-verify');
    folder = await mkdtemp(join(tmpdir(), 'cdtt-audit-'));
    for (let i = 0; i < STREAMS; i += 1) {
      const name = uniqueStream('team');
      streams.push(name);
      // Two appends per stream, so streams interleave in `$all` as they do in real life.
      await runtime.eventStore.appendToStream(name, newEvents(EVENTS_PER_STREAM / 2));
    }
    for (const name of streams) await runtime.eventStore.appendToStream(name, newEvents(EVENTS_PER_STREAM / 2));
    // `$all` shows an event once every older transaction of the whole server has ended (the
    // gap-safe horizon): on a busy shared server, wait until all of ours are readable.
    const last = (await runtime.eventStore.readStream(streams.at(-1) ?? '', { direction: 'backwards', maxCount: 1 }))[0]?.position ?? '';
    while (((await runtime.eventStore.headPosition()) ?? '') < last) await new Promise((resolve) => setTimeout(resolve, 50));
  }, 60_000);
  afterAll(async () => {
    if (folder) await rm(folder, { recursive: true, force: true });
    if (!connected) return;
    await runtime?.close();
    await admin.query(`DROP DATABASE IF EXISTS ${scratch} WITH (FORCE)`);
    await admin.end();
  });

  it('exports the log as NDJSON, verifies it offline, and names the stream and revision of an edited line', async () => {
    const file = join(folder, 'events.ndjson');
    const exported = await run((out) => runExportEvents(runtime, ['--out', file], out, io));
    expect(exported.code).toBe(0);
    console.log(exported.lines.join('\n'));
    expect(exported.lines[0]).toMatch(new RegExp(`^exported ${STREAMS * EVENTS_PER_STREAM} events of ${STREAMS} streams, \\d+ bytes`));
    expect(progressText).toContain('100%');

    const good = await run((out) => runVerifyChain(null, ['--from', file], out, io));
    console.log(good.lines.join('\n'));
    expect(good).toEqual({ code: 0, lines: [expect.stringMatching(new RegExp(`^verified ${STREAMS} streams, ${STREAMS * EVENTS_PER_STREAM} events .*: all chains intact$`))] });

    // Edit one event's data in the file, as a forger with the export would.
    const lines = (await readFile(file, 'utf8')).split('\n');
    const target = JSON.parse(lines[1234] ?? '') as { id: string; streamName: string; revision: number; data: unknown };
    lines[1234] = JSON.stringify({ ...target, data: { index: 999 } });
    const edited = join(folder, 'edited.ndjson');
    await writeFile(edited, lines.join('\n'));
    const bad = await run((out) => runVerifyChain(null, ['--from', edited], out, io));
    expect(bad.code).toBe(1);
    expect(bad.lines).toEqual([
      `FAILED ${target.streamName}: revision ${target.revision}, event ${target.id}: HASH_MISMATCH`,
      expect.stringMatching(/: 1 bad streams$/),
    ]);
  });

  it('verifies the database, and catches a row whose data was updated and a deleted row', async () => {
    const good = await run((out) => runVerifyChain(runtime, [], out, io));
    console.log(good.lines.join('\n'));
    expect(good.code).toBe(0);

    const [edited, trimmed] = [streams[17] ?? '', streams[42] ?? ''];
    await runtime.dataSource.query(`UPDATE event_store.events SET data = '{"index": 42}' WHERE stream_name = $1 AND revision = 3`, [edited]);
    await runtime.dataSource.query('DELETE FROM event_store.events WHERE stream_name = $1 AND revision = 6', [trimmed]);
    const [row3] = await runtime.dataSource.query<Array<{ event_id: string }>>('SELECT event_id FROM event_store.events WHERE stream_name = $1 AND revision = 3', [edited]);
    const [row7] = await runtime.dataSource.query<Array<{ event_id: string }>>('SELECT event_id FROM event_store.events WHERE stream_name = $1 AND revision = 7', [trimmed]);

    const bad = await run((out) => runVerifyChain(runtime, [], out, io));
    expect(bad.code).toBe(1);
    expect(bad.lines).toEqual([
      `FAILED ${edited}: revision 3, event ${row3?.event_id}: HASH_MISMATCH`,
      `FAILED ${trimmed}: revision 7, event ${row7?.event_id}: REVISION_GAP`,
      expect.stringMatching(new RegExp(`^verified ${STREAMS} streams, .*: 2 bad streams$`)),
    ]);
  });

  it('refuses unknown arguments and a missing file name', async () => {
    await expect(runVerifyChain(null, ['--form', 'x'], () => undefined, io)).rejects.toThrow('unexpected argument: --form x');
    await expect(runExportEvents(runtime, ['--out'], () => undefined, io)).rejects.toThrow('--out needs a file name');
  });
});
