import { uuidv7, type EventStore } from '@cdtt/event-sourcing';

/**
 * A small geography of a test's own, written as the geography context's events: units in force
 * during one year only (`year`), so that test's statistics meet no other test's data.
 */
export class TestGeography {
  constructor(
    private readonly store: EventStore,
    private readonly year: number,
    /** The events' `source` and `actor.clientId`, so a reader can tell which test wrote them. */
    private readonly label: string,
    /** Units are named `<prefix> <code>`. */
    private readonly unitNamePrefix: string,
  ) {}

  recordUnit(level: 'PROVINCE' | 'COMMUNE', code: string, provinceCode: string): Promise<void> {
    return this.append(`adminunit-${uuidv7()}`, 'AdministrativeUnitRecorded', {
      level,
      code,
      name: `${this.unitNamePrefix} ${code}`,
      fullName: `${this.unitNamePrefix} ${code}`,
      nameEn: `${this.unitNamePrefix} ${code}`,
      type: level === 'PROVINCE' ? 'Tỉnh' : 'Xã',
      parentCode: level === 'PROVINCE' ? null : provinceCode,
      provinceCode,
      validFrom: `${this.year}-01-01`,
      validTo: `${this.year + 1}-01-01`,
      source: this.label,
    });
  }

  /** Registers a village on 1 January of the year; returns its local id. */
  async registerVillage(communeCode: string): Promise<string> {
    const villageId = uuidv7();
    await this.append(`village-${villageId}`, 'VillageRegistered', {
      villageId,
      communeCode,
      name: `Thôn ${villageId.slice(-6)}`,
      kind: 'THON',
      households: 50,
      registeredOn: `${this.year}-01-01`,
    });
    return villageId;
  }

  private async append(streamName: string, type: string, data: unknown): Promise<void> {
    const id = uuidv7();
    const metadata = { correlationId: id, causationId: null, actor: { clientId: this.label, role: 'ADMIN' }, effectiveAt: `${this.year}-01-01T00:00:00.000Z` };
    await this.store.appendToStream(streamName, [{ id, type, schemaVersion: 1, data, metadata }]);
  }
}
