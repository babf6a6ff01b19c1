/** Injection tokens of the security slice. */
export const AUTH_REQUIRED = Symbol('AUTH_REQUIRED');
