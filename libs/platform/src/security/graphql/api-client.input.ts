import { Field, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, IsBoolean, IsEnum, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import { IsNfc } from '../../graphql/validators';
import { ApiClientRoleEnum } from './api-client.type';

/** A registered document fits in a request body (100 kB) with room for variables. */
const MAX_OPERATION_DOCUMENT_LENGTH = 50_000;

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

@InputType()
export class SetApiClientOperationPolicyInput {
  @Field({ description: 'The OAuth client_id.' })
  @IsUUID()
  clientId!: string;

  @Field({ description: 'True: from now on the client may run only documents registered for it; false: any document.' })
  @IsBoolean()
  registeredOperationsOnly!: boolean;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  idempotencyKey?: string | null;
}

@InputType()
export class RegisterApiClientOperationInput {
  @Field({ description: 'The OAuth client_id the document is registered for.' })
  @IsUUID()
  clientId!: string;

  @Field({
    description:
      'The GraphQL document, exactly as the client will send it or hash it: its id is the SHA-256 (lowercase hex) of this text, ' +
      'sent as extensions.persistedQuery.sha256Hash. Not NFC-normalised: the hash is of these exact characters.',
  })
  @IsString()
  @MinLength(1)
  @MaxLength(MAX_OPERATION_DOCUMENT_LENGTH)
  document!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  idempotencyKey?: string | null;
}
