import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { codedError } from './coded-error';

interface FieldProblem {
  field: string;
  problems: string[];
}

function flatten(errors: readonly ValidationError[], prefix: string[] = []): FieldProblem[] {
  return errors.flatMap((error) => {
    const path = [...prefix, error.property];
    const own = error.constraints ? [{ field: path.join('.'), problems: Object.values(error.constraints) }] : [];
    return [...own, ...flatten(error.children ?? [], path)];
  });
}

/**
 * class-validator on every input: unknown fields refused, values checked; a failure is one
 * top-level `BAD_USER_INPUT` error listing each field and what is wrong with it.
 */
export function inputValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    transform: true,
    whitelist: true,
    forbidNonWhitelisted: true,
    stopAtFirstError: false,
    exceptionFactory: (errors) => {
      const fields = flatten(errors);
      const summary = fields.map((f) => `${f.field}: ${f.problems.join('; ')}`).join(' | ');
      return codedError('BAD_USER_INPUT', `Invalid input: ${summary}`, { fields });
    },
  });
}
