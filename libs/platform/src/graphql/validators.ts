import { registerDecorator, type ValidationOptions } from 'class-validator';
import { isLocalDate } from '../time/effective-at';

/**
 * Text must already be Unicode NFC: names are compared and indexed as stored, and a decomposed
 * "Hòa" must not become a second village. Refused, not silently rewritten (docs/errors.md).
 */
export function IsNfc(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isNfc',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: `${String(propertyName)} must be Unicode NFC text`, ...options },
      validator: {
        validate: (value: unknown) =>
          value === null || value === undefined || (typeof value === 'string' && value === value.normalize('NFC')) ||
          (Array.isArray(value) && value.every((item) => typeof item !== 'string' || item === item.normalize('NFC'))),
      },
    });
}

/** A real calendar date `YYYY-MM-DD` (1900–2200). */
export function IsLocalDate(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isLocalDate',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: `${String(propertyName)} must be a date YYYY-MM-DD`, ...options },
      validator: { validate: (value: unknown) => value === null || value === undefined || isLocalDate(value) },
    });
}
