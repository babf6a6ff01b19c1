import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { NodeInterface } from '../../graphql/node.interface';

export enum ApiClientRoleEnum {
  PORTAL = 'PORTAL',
  AUDITOR = 'AUDITOR',
  ADMIN = 'ADMIN',
}
registerEnumType(ApiClientRoleEnum, {
  name: 'ApiClientRole',
  description: 'PORTAL: a provincial portal, scoped to its provinces; AUDITOR: reads everything; ADMIN: operates the registry.',
});

export enum ApiClientStatusEnum {
  ACTIVE = 'ACTIVE',
  REVOKED = 'REVOKED',
}
registerEnumType(ApiClientStatusEnum, { name: 'ApiClientStatus' });

@ObjectType('ApiClient', { implements: () => [NodeInterface], description: 'A system allowed to call the API (OAuth 2.0 client credentials).' })
export class ApiClientType {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'The OAuth `client_id` to send to POST /oauth/token.' })
  clientId!: string;

  @Field()
  name!: string;

  @Field(() => ApiClientRoleEnum)
  role!: ApiClientRoleEnum;

  @Field(() => [String], { description: 'Provinces a PORTAL may see and change; empty for other roles.' })
  provinceCodes!: string[];

  @Field(() => ApiClientStatusEnum)
  status!: ApiClientStatusEnum;

  @Field({ description: 'True: the client may run only operation documents registered for it (registerApiClientOperation).' })
  registeredOperationsOnly!: boolean;
}
