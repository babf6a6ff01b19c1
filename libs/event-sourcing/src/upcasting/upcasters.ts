import type { RecordedEvent } from '../envelope/envelope';

type Upcast = (data: unknown) => unknown;

/**
 * Upcasters turn stored shapes into the current one, step by step: v1 → v2 → v3. Stored events
 * are never rewritten; the type string never changes.
 */
export class Upcasters {
  private readonly steps = new Map<string, Map<number, Upcast>>();

  /** Registers the step from `fromVersion` to `fromVersion + 1` for `type`. */
  register(type: string, fromVersion: number, upcast: Upcast): this {
    const byVersion = this.steps.get(type) ?? new Map<number, Upcast>();
    if (byVersion.has(fromVersion)) throw new Error(`Upcaster ${type} v${fromVersion} registered twice`);
    byVersion.set(fromVersion, upcast);
    this.steps.set(type, byVersion);
    return this;
  }

  apply<T extends RecordedEvent>(event: T): T {
    const byVersion = this.steps.get(event.type);
    if (!byVersion) return event;
    let { data, schemaVersion } = event;
    for (let step = byVersion.get(schemaVersion); step; step = byVersion.get(schemaVersion)) {
      data = step(data);
      schemaVersion += 1;
    }
    return schemaVersion === event.schemaVersion ? event : { ...event, data, schemaVersion };
  }
}

export const noUpcasters = new Upcasters();
