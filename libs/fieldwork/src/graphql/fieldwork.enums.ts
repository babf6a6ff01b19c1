import { registerEnumType } from '@nestjs/graphql';
import { TASK_CATEGORIES, type TaskCategory } from '../measures';

/** GraphQL mirrors of the domain's unions (the domain stays free of GraphQL). */
export const TaskCategoryEnum = Object.fromEntries(TASK_CATEGORIES.map((c) => [c, c])) as { readonly [K in TaskCategory]: K };
export type TaskCategoryEnum = TaskCategory;

export enum OrganiserKindEnum {
  MINISTRY_OR_DEPARTMENT = 'MINISTRY_OR_DEPARTMENT',
  YOUTH_UNION = 'YOUTH_UNION',
  ENTERPRISE = 'ENTERPRISE',
}

export enum TrainingLevelEnum {
  NATIONAL = 'NATIONAL',
  PROVINCE = 'PROVINCE',
  COMMUNE = 'COMMUNE',
}

export enum TrainingModeEnum {
  IN_PERSON = 'IN_PERSON',
  ONLINE = 'ONLINE',
  MOOC = 'MOOC',
}

export enum TrainingStatusEnum {
  SCHEDULED = 'SCHEDULED',
  COMPLETED = 'COMPLETED',
  CANCELLED = 'CANCELLED',
}

export enum ActivityStatusEnum {
  ACTIVE = 'ACTIVE',
  RETRACTED = 'RETRACTED',
}

registerEnumType(TaskCategoryEnum, { name: 'TaskCategory', description: "Plan 557's task categories: field-work figures and training topics." });
registerEnumType(OrganiserKindEnum, { name: 'TrainingOrganiserKind', description: 'The ministry or a provincial department, the Youth Union, or an enterprise (post, telecom, digital).' });
registerEnumType(TrainingLevelEnum, { name: 'TrainingLevel', description: 'The unit holding the session: the nation, a province or a commune.' });
registerEnumType(TrainingModeEnum, { name: 'TrainingMode' });
registerEnumType(TrainingStatusEnum, { name: 'TrainingStatus', description: 'SCHEDULED, then COMPLETED (held, with attendance) or CANCELLED; both final.' });
registerEnumType(ActivityStatusEnum, { name: 'ActivityStatus', description: 'RETRACTED activities stay listed, flagged, and count only in activitiesRetracted.' });
