import { Transform } from 'class-transformer';
import { registerDecorator, type ValidationOptions } from 'class-validator';
import { isLocalDate } from '../time/effective-at';

/** C0 and C1 control characters (tab and newlines included) and lone UTF-16 surrogates. */
// With the u flag a surrogate pair is one code point, so the range matches lone surrogates only.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const FORBIDDEN_CHARACTERS = /[\u{0}-\u{1f}\u{7f}-\u{9f}\u{d800}-\u{dfff}]/u;

const toNfc = (value: unknown): unknown => {
  if (typeof value === 'string') return value.normalize('NFC');
  if (Array.isArray(value)) return value.map((item: unknown) => (typeof item === 'string' ? item.normalize('NFC') : item));
  return value;
};

const cleanText = (value: unknown): boolean =>
  value === null || value === undefined || (typeof value === 'string' && !FORBIDDEN_CHARACTERS.test(value)) ||
  (Array.isArray(value) && value.every((item) => typeof item !== 'string' || !FORBIDDEN_CHARACTERS.test(item)));

/**
 * Text is normalised to Unicode NFC before it is validated (so length limits count composed
 * characters) and stored: names are compared and indexed as stored, and a decomposed "Hòa" must
 * not become a second village. Control characters and broken UTF-16 are refused, not cleaned: they
 * have no place in a name, and PostgreSQL's jsonb cannot store some of them (ADR 0005, amended).
 */
export function NfcText(options?: ValidationOptions): PropertyDecorator {
  const normalise = Transform(({ value }: { value: unknown }) => toNfc(value));
  return (target: object, propertyName: string | symbol) => {
    normalise(target, propertyName);
    registerDecorator({
      name: 'nfcText',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: `${String(propertyName)} must not contain control characters or broken Unicode`, ...options },
      validator: { validate: cleanText },
    });
  };
}

/** The name every input used while non-NFC text was refused; it now normalises (see NfcText). */
export const IsNfc = NfcText;

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
