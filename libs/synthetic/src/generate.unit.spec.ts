import { InMemoryEventStore } from '@cdtt/event-sourcing';
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

  it('writes nothing when the same seed was generated already', async () => {
    const store = await generate(5);
    const before = (await store.readAll()).length;
    const again = await generateCountry({ store, scale: selectScale(country, 'national'), seed: 5, today: '2026-11-28', concurrency: 1, sealing: fakeSealing, progress: null });
    expect(again.skippedCommunes).toBe(2);
    expect(again.events).toBe(0);
    expect((await store.readAll()).length).toBe(before);
  });
});
