import { ANY_EVENT_TYPE, type PostgresProjection } from './postgres-projection';

/**
 * Which projections read which event types, across contexts. A command of one context can decide
 * on another's copy of its events (team commands check villages in the teams lib's copy, not in
 * geography's): read-your-writes for such events waits for every projection that copies them, not
 * only for the writer's own read model, so the next command sees the change wherever it looks.
 * The composition root knows every projection; a context asks by event type, never by name.
 */
export class ProjectionConsumers {
  /** No projection known (a context wired without the composition root's list): waits only for what it names. */
  static readonly NONE = new ProjectionConsumers([]);

  constructor(private readonly projections: ReadonlyArray<Pick<PostgresProjection, 'name' | 'eventTypes'>>) {}

  /**
   * `own` and the projections that name any of `types`. Those that read every event (counters,
   * the audit index) are left out: no command decides on them, and waiting for them would make
   * every write wait for the slowest projection of the process.
   */
  of(types: readonly string[], own: readonly string[] = []): string[] {
    const wanted = new Set(types);
    const names = new Set(own);
    for (const projection of this.projections) {
      if (projection.eventTypes.includes(ANY_EVENT_TYPE)) continue;
      if (projection.eventTypes.some((type) => wanted.has(type))) names.add(projection.name);
    }
    return [...names].sort();
  }
}
