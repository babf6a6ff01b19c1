/** Shapes of the codes reporting inputs and arguments take (checked by class-validator). */
export const PERIOD = /^\d{4}(-(H[12]|Q[1-4]|0[1-9]|1[0-2]))?$/;
export const PERIOD_MESSAGE = 'periodCode must be a period code: 2025, 2025-H1, 2025-Q3 or 2025-07';
export const UNIT_CODE = /^(\d{2}|\d{5}|[A-Za-z0-9_=-]{8,200})$/;
export const UNIT_MESSAGE = 'unitCode must be a province (2 digits) or commune (5 digits) code, or a team id';
