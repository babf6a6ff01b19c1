import { Field, Int, ObjectType } from '@nestjs/graphql';
import { UserErrorType } from '../../graphql/user-error.type';
import { ApiClientType } from './api-client.type';

@ObjectType('ApiClientPayload', { description: 'The result of registerApiClient, rotateApiClientSecret and revokeApiClient.' })
export class ApiClientPayload {
  @Field(() => ApiClientType, { nullable: true })
  apiClient!: ApiClientType | null;

  @Field(() => String, {
    nullable: true,
    description:
      'The new client secret, shown this once (registration and rotation): it is stored only as a hash. ' +
      'Null on a retry with the same idempotencyKey: rotate again if it was lost.',
  })
  clientSecret!: string | null;

  @Field(() => Int, { nullable: true, description: 'Revision of the client stream after the change.' })
  version!: number | null;

  @Field(() => [UserErrorType])
  userErrors!: UserErrorType[];
}

@ObjectType('ApiClientOperationPayload', { description: 'The result of registerApiClientOperation.' })
export class ApiClientOperationPayload {
  @Field(() => ApiClientType, { nullable: true })
  apiClient!: ApiClientType | null;

  @Field(() => String, { nullable: true, description: 'SHA-256 (lowercase hex) of the document: send it as extensions.persistedQuery.sha256Hash.' })
  sha256Hash!: string | null;

  @Field(() => Int, { nullable: true, description: 'Revision of the client stream after the change.' })
  version!: number | null;

  @Field(() => [UserErrorType])
  userErrors!: UserErrorType[];
}
