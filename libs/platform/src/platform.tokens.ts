/** Injection tokens for what every context needs from the platform. */
export const RUNTIME = Symbol('RUNTIME');
export const EVENT_STORE = Symbol('EVENT_STORE');
export const DATA_SOURCE = Symbol('DATA_SOURCE');
export const CLOCK = Symbol('CLOCK');
export const ID_GENERATOR = Symbol('ID_GENERATOR');
