import { Field, InputType } from '@nestjs/graphql';
import { IsOptional, IsString, MaxLength } from 'class-validator';

/** Every mutation input extends this: the client's key for safe retries (ADR 0005). */
@InputType({ isAbstract: true })
export abstract class IdempotentInput {
  @Field(() => String, { nullable: true, description: 'A retry with the same key and input returns the first result.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  idempotencyKey?: string | null;
}
