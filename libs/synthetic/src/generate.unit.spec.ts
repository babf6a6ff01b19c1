import { InMemoryEventStore, type NewEvent } from '@cdtt/event-sourcing';
import type { SealedPersonalData } from '@cdtt/teams';
import type { Country } from './model/country';
import { selectScale } from './model/scale';
import { generateCountry } from './run/generate-country';
import type { SealingSession } from './run/vault-sealer';

// Two real communes' shapes: one formed from three pre-2025 communes (one urban), one new zone.
const country: Country = {
  communes: [
    { code: '00004', name: 'Ba Đình', provinceCode: '01', urban: true, predecessors: [{ code: '00004', provinceCode: '01', urban: true }, { code: '00013', provinceCode: '01', urban: true }, { code: '00016', provinceCode: '01', urban: false }] },
    { code: '26732', name: 'Côn Đảo', provinceCode: '79', urban: false, predecessors: [] },
  ],
};

/** Sealing is random by design (fresh nonces); the test seals by a pure function instead. */
const fakeSealing = (): SealingSession => ({
  seal: (personId, fields) => Promise.resolve<SealedPersonalData>({ alg: 'A256GCM', iv: personId, tag: '', ciphertext: fields.fullName }),
  flush: () => Promise.resolve(),
});

async function generate(seed: number): Promise<InMemoryEventStore> {
  const store = new InMemoryEventStore();
  const scale = selectScale(country, 'national');
  await generateCountry({ store, scale, seed, today: '2026-11-28', concurrency: 2, sealing: fakeSealing, progress: null });
  return store;
}

/** The events as facts, without what the store adds (positions, record time, hashes over it). */
const facts = async (store: InMemoryEventStore) =>
  (await store.readAll()).map((e) => ({ id: e.id, stream: e.streamName, revision: e.revision, type: e.type, data: e.data, effectiveAt: e.metadata.effectiveAt }));

const byStreamThenRevision = (a: { stream: string; revision: number }, b: { stream: string; revision: number }): number =>
  a.stream === b.stream ? a.revision - b.revision : a.stream < b.stream ? -1 : 1;

describe('generateCountry', () => {
  it('gives the same events for the same seed, and other events for another seed', async () => {
    const first = (await facts(await generate(7))).sort(byStreamThenRevision);
    const second = (await facts(await generate(7))).sort(byStreamThenRevision);
    expect(first.length).toBeGreaterThan(100);
    expect(second).toEqual(first);
    const other = (await facts(await generate(8))).sort(byStreamThenRevision);
    expect(other).not.toEqual(first);
  });

  it('spreads effective dates from 2022 over the reform, and puts some people on two teams', async () => {
    const events = await facts(await generate(3));
    const dates = events.map((e) => e.effectiveAt).sort();
    expect(dates[0]! < '2023-01-01').toBe(true);
    expect(dates.at(-1)! > '2025-07-01').toBe(true);
    const types = new Set(events.map((e) => e.type));
    for (const type of ['VillageRegistered', 'PersonRegistered', 'TeamEstablished', 'MemberJoined', 'TeamDecisionReissued', 'ActivityLogged', 'ActivityCorrected']) expect(types).toContain(type);
    const joins = events.filter((e) => e.type === 'MemberJoined').map((e) => (e.data as { personId: string }).personId);
    expect(new Set(joins).size).toBeLessThan(joins.length);
  });

  it('holds trainings with attendance by registered members, yearly reports and target plans before and after the reform', async () => {
    const events = await facts(await generate(3));
    const types = new Set(events.map((e) => e.type));
    for (const type of ['TrainingScheduled', 'TrainingAttendanceRecorded', 'TrainingCompleted', 'ReportSubmitted', 'ReportAccepted', 'TargetAssigned']) expect(types).toContain(type);
    const registered = new Map(events.filter((e) => e.type === 'PersonRegistered').map((e) => [(e.data as { personId: string }).personId, e.effectiveAt]));
    for (const attendance of events.filter((e) => e.type === 'TrainingAttendanceRecorded')) {
      for (const personId of (attendance.data as { personIds: string[] }).personIds) expect(registered.get(personId)! <= attendance.effectiveAt).toBe(true);
    }
    const plans = new Set(events.filter((e) => e.type === 'TargetAssigned').map((e) => e.stream));
    // Hà Nội's old communes report to the old province 01 until 2024 and Côn Đảo (a zone formed in 2025) to 79 from 2025 only.
    expect([...plans].sort()).toEqual(['targetplan-01-2022', 'targetplan-01-2023', 'targetplan-01-2024', 'targetplan-01-2025', 'targetplan-01-2026', 'targetplan-79-2025', 'targetplan-79-2026']);
    const reportUnits = new Set(events.filter((e) => e.type === 'ReportSubmitted').map((e) => (e.data as { unit: { code: string }; periodCode: string }).unit.code));
    expect(reportUnits).toEqual(new Set(['00004', '00013', '00016', '26732']));
  });

  it('completes a data set written before trainings, reports and targets with what a full run writes', async () => {
    const full = await generate(9);
    const older = new InMemoryEventStore();
    const streams = new Map<string, NewEvent[]>();
    for (const e of await full.readAll()) {
      if (/^(training|report|targetplan)-/.test(e.streamName)) continue;
      streams.set(e.streamName, [...(streams.get(e.streamName) ?? []), { id: e.id, type: e.type, schemaVersion: e.schemaVersion, data: e.data, metadata: e.metadata }]);
    }
    for (const [stream, events] of streams) await older.appendToStream(stream, events, { expected: 'no_stream' });
    const completed = await generateCountry({ store: older, scale: selectScale(country, 'national'), seed: 9, today: '2026-11-28', concurrency: 2, sealing: fakeSealing, progress: null });
    expect(completed.villages).toBe(0);
    expect(completed.trainings).toBeGreaterThan(0);
    const comparable = (list: Awaited<ReturnType<typeof facts>>) => list.filter((e) => !e.stream.startsWith('targetplan-')).sort(byStreamThenRevision);
    expect(comparable(await facts(older))).toEqual(comparable(await facts(full)));
    const targets = async (store: InMemoryEventStore) => (await facts(store)).filter((e) => e.type === 'TargetAssigned').map((e) => JSON.stringify([e.stream, e.data])).sort();
    expect(await targets(older)).toEqual(await targets(full));
  });

  it('grows a smaller scale\'s target plans with the communes a larger scale adds, keeping the targets assigned', async () => {
    const store = new InMemoryEventStore();
    const run = (name: 'commune' | 'national') =>
      generateCountry({ store, scale: name === 'commune' ? selectScale(country, 'commune', '00004') : selectScale(country, 'national'), seed: 4, today: '2026-11-28', concurrency: 1, sealing: fakeSealing, progress: null });
    await run('commune');
    const before = (await facts(store)).filter((e) => e.type === 'TargetAssigned');
    const grown = await run('national');
    expect(grown.targetEvents).toBeGreaterThan(0);
    const after = (await facts(store)).filter((e) => e.type === 'TargetAssigned');
    expect(after.slice(0, before.length)).toEqual(before);
    const direct = (await facts(await generate(4))).filter((e) => e.type === 'TargetAssigned');
    const units = (list: typeof after) => list.map((e) => JSON.stringify(e.data)).sort();
    expect(units(after)).toEqual(units(direct));
  });

  it('writes nothing when the same seed was generated already', async () => {
    const store = await generate(5);
    const before = (await store.readAll()).length;
    const again = await generateCountry({ store, scale: selectScale(country, 'national'), seed: 5, today: '2026-11-28', concurrency: 1, sealing: fakeSealing, progress: null });
    expect(again.skippedCommunes).toBe(2);
    expect(again.events).toBe(0);
    expect((await store.readAll()).length).toBe(before);
  });
});
