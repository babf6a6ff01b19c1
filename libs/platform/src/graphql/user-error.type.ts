import { Field, ObjectType } from '@nestjs/graphql';
import type { DomainError } from '@cdtt/event-sourcing';

/** A domain rejection, returned in a payload's `userErrors` (not a top-level error). */
@ObjectType('UserError', { description: 'Why a mutation was refused. Codes are listed in docs/errors.md.' })
export class UserErrorType {
  @Field({ description: 'Stable, documented code, e.g. `LEADER_REQUIRED`.' })
  code!: string;

  @Field(() => [String], { nullable: true, description: 'Path to the input field at fault, e.g. ["input", "name"].' })
  field!: string[] | null;

  @Field({ description: 'A human-readable explanation (never personal data).' })
  message!: string;
}

export function userErrorsOf(error: DomainError): UserErrorType[] {
  return [Object.assign(new UserErrorType(), { code: error.code, field: error.field ? [...error.field] : null, message: error.message })];
}
