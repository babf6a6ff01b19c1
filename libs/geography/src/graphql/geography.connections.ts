import { ObjectType } from '@nestjs/graphql';
import { Connection } from '@cdtt/platform';
import { AdminUnitType } from './admin-unit.type';
import { VillageType } from './village.type';

@ObjectType('AdminUnitConnection')
export class AdminUnitConnection extends Connection(AdminUnitType, 'AdminUnit') {}

@ObjectType('VillageConnection')
export class VillageConnection extends Connection(VillageType, 'Village') {}
