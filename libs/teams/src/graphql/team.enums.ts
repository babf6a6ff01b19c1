import { registerEnumType } from '@nestjs/graphql';

/** GraphQL mirrors of the domain's unions (the domain stays free of GraphQL). */
export enum TeamLevelEnum {
  VILLAGE = 'VILLAGE',
  COMMUNE = 'COMMUNE',
}

export enum MemberRoleEnum {
  LEADER = 'LEADER',
  DEPUTY = 'DEPUTY',
  MEMBER = 'MEMBER',
}

export enum TeamStatusEnum {
  ACTIVE = 'ACTIVE',
  DISSOLVED = 'DISSOLVED',
}

export enum GenderEnum {
  FEMALE = 'FEMALE',
  MALE = 'MALE',
  OTHER = 'OTHER',
}

export enum TeamOrderField {
  NAME = 'NAME',
  ESTABLISHED_ON = 'ESTABLISHED_ON',
}

export enum OrderDirection {
  ASC = 'ASC',
  DESC = 'DESC',
}

export enum StatisticsLevelEnum {
  COMMUNE = 'COMMUNE',
  DISTRICT = 'DISTRICT',
  PROVINCE = 'PROVINCE',
  NATIONAL = 'NATIONAL',
}

registerEnumType(TeamLevelEnum, { name: 'TeamLevel', description: 'VILLAGE: serves one or more villages; COMMUNE: a commune-level team.' });
registerEnumType(MemberRoleEnum, { name: 'MemberRole', description: 'tổ trưởng (LEADER), tổ phó (DEPUTY), thành viên (MEMBER).' });
registerEnumType(TeamStatusEnum, { name: 'TeamStatus' });
registerEnumType(GenderEnum, { name: 'Gender' });
registerEnumType(TeamOrderField, { name: 'TeamOrderField' });
// Named for teams: the kit has no shared OrderDirection yet, and two contexts must not both define one.
registerEnumType(OrderDirection, { name: 'TeamOrderDirection' });
registerEnumType(StatisticsLevelEnum, {
  name: 'StatisticsLevel',
  description:
    'NATIONAL (code VN), PROVINCE (2 digits), DISTRICT (3 digits, dates before 2025-07-01 only) or COMMUNE (5 digits), in the unit tree in force on the date.',
});
