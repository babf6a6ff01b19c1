/**
 * Pure deciders: no framework, ORM, clock or randomness. Time and ids arrive inside commands.
 */

/** A domain event as a decider emits it; the application wraps it in an envelope. */
export interface DomainEvent<TType extends string = string, TData = unknown> {
  readonly type: TType;
  readonly data: TData;
}

/** A rejection with a stable code, for `userErrors` and clear CLI messages. */
export class DomainError {
  constructor(
    readonly code: string,
    readonly message: string,
    readonly field: readonly string[] | null = null,
  ) {}
}

export interface Decider<TCommand, TState, TEvent extends DomainEvent> {
  readonly initialState: TState;
  decide(command: TCommand, state: TState): readonly TEvent[] | DomainError;
  evolve(state: TState, event: TEvent): TState;
}

/** Folds events into state. */
export function fold<TState, TEvent extends DomainEvent>(
  decider: Pick<Decider<unknown, TState, TEvent>, 'initialState' | 'evolve'>,
  events: readonly TEvent[],
): TState {
  return events.reduce((state, event) => decider.evolve(state, event), decider.initialState);
}
