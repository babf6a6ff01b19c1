import { join } from 'node:path';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { EventIdConflictError, InMemoryEventStore } from '@cdtt/event-sourcing';
import { FIXTURE_FOLDER } from './fixtures/fixture-folder';
import { importAdminUnits } from './import-admin-units';
import { summaryLines } from './import-summary';

/** Collects progress output as a non-terminal would receive it. */
function pipe(): { isTTY: false; text: string; write(t: string): void } {
  return { isTTY: false, text: '', write(t) { this.text += t; } };
}

describe('importAdminUnits on the fixture folder', () => {
  it('writes everything once; a second run writes nothing and says so', async () => {
    const store = new InMemoryEventStore();
    const progress = pipe();
    const first = await importAdminUnits(store, FIXTURE_FOLDER, progress);
    expect(first).toMatchObject({ planned: 31, written: 31, alreadyStored: 0, streams: 5 });
    expect(progress.text).toMatch(/100% 31\/31 events/);
    expect((await store.readAll()).length).toBe(31);

    const second = await importAdminUnits(store, FIXTURE_FOLDER);
    expect(second).toMatchObject({ planned: 31, written: 0, alreadyStored: 31, lastPosition: first.lastPosition });
    expect((await store.readAll()).length).toBe(31);
    expect(summaryLines(second)).toContain('nothing written: every event was already stored (this import had run before)');
  });

  it('summarises what it loaded and rejected', async () => {
    const lines = summaryLines(await importAdminUnits(new InMemoryEventStore(), FIXTURE_FOLDER));
    expect(lines.join('\n')).toMatch(/rejected \(not loaded\): 3/);
    expect(lines.join('\n')).toMatch(/\[OLD_CODE_NOT_IN_PRE_2025_LIST\] COMMUNE 97099/);
    expect(lines.at(-1)).toMatch(/^events: 31 planned, 31 written, 0 already stored \(5 streams, 5 appends/);
  });

  it('finishes an interrupted import: only the missing streams are written', async () => {
    const store = new InMemoryEventStore();
    const first = await importAdminUnits(store, FIXTURE_FOLDER);
    const events = await store.readAll();
    const partial = new InMemoryEventStore();
    const firstStream = events[0]!.streamName;
    await partial.appendToStream(
      firstStream,
      events.filter((e) => e.streamName === firstStream).map(({ id, type, schemaVersion, data, metadata }) => ({ id, type, schemaVersion, data, metadata })),
    );
    const resumed = await importAdminUnits(partial, FIXTURE_FOLDER);
    expect(resumed.alreadyStored + resumed.written).toBe(first.planned);
    expect(resumed.alreadyStored).toBeGreaterThan(0);
    expect(resumed.written).toBeGreaterThan(0);
  });

  it('refuses to pass off changed content under a stored id', async () => {
    const store = new InMemoryEventStore();
    await importAdminUnits(store, FIXTURE_FOLDER);
    const [event] = await store.readAll();
    const fresh = new InMemoryEventStore();
    await fresh.appendToStream(event!.streamName, [{ ...event!, data: { tampered: true } }]);
    await expect(importAdminUnits(fresh, FIXTURE_FOLDER)).rejects.toBeInstanceOf(EventIdConflictError);
  });

  it('names a wrong folder, and every missing file of a partial one', async () => {
    await expect(importAdminUnits(new InMemoryEventStore(), '/nonexistent')).rejects.toThrow('admin-units folder not found: /nonexistent');
    const partial = await mkdtemp(join(tmpdir(), 'admin-units-'));
    await expect(importAdminUnits(new InMemoryEventStore(), partial)).rejects.toThrow(
      /missing under .*pre-2025-three-tier.*post-2025-two-tier.*merges\.json.*splits\.json/,
    );
  });
});
