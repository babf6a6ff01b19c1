import { Field, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, IsEnum, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import { IsNfc } from '../../graphql/validators';
import { ApiClientRoleEnum } from './api-client.type';

@InputType()
export class RegisterApiClientInput {
  @Field({ description: 'Who the client is, e.g. "Cổng thông tin tỉnh Lào Cai".' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  @IsNfc()
  name!: string;

  @Field(() => ApiClientRoleEnum)
  @IsEnum(ApiClientRoleEnum)
  role!: ApiClientRoleEnum;

  @Field(() => [String], { defaultValue: [], description: 'Two-digit province codes: required for a PORTAL, empty otherwise.' })
  @ArrayMaxSize(63)
  @Matches(/^\d{2}$/, { each: true, message: 'each province code must be two digits' })
  provinceCodes: string[] = [];

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  idempotencyKey?: string | null;
}

@InputType()
export class RotateApiClientSecretInput {
  @Field({ description: 'The OAuth client_id.' })
  @IsUUID()
  clientId!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  idempotencyKey?: string | null;
}

@InputType()
export class RevokeApiClientInput {
  @Field({ description: 'The OAuth client_id.' })
  @IsUUID()
  clientId!: string;

  @Field(() => String, { nullable: true, description: 'Why, for the audit trail (no personal data).' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  @IsNfc()
  reason?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  idempotencyKey?: string | null;
}
