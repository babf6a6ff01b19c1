import { registerEnumType } from '@nestjs/graphql';
import { VillageKind } from '../domain/village-kind';

/** GraphQL mirror of the domain's `AdminLevel` union (the domain stays free of GraphQL). */
export enum AdminLevelEnum {
  PROVINCE = 'PROVINCE',
  DISTRICT = 'DISTRICT',
  COMMUNE = 'COMMUNE',
}

export enum VillageStatusEnum {
  ACTIVE = 'ACTIVE',
  RETIRED = 'RETIRED',
}

registerEnumType(AdminLevelEnum, {
  name: 'AdminLevel',
  description: 'Tier of the administrative tree; DISTRICT exists only before 2025-07-01.',
});
registerEnumType(VillageKind, {
  name: 'VillageKind',
  description: 'Local name of the village level: thôn, bản, tổ dân phố, khu phố, ấp, khóm, buôn, sóc, làng, phum, xóm, khu.',
});
registerEnumType(VillageStatusEnum, { name: 'VillageStatus' });
