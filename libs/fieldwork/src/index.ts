// Public surface of the field-work context (training, field activities, meetings).
// Import only via '@cdtt/fieldwork'.
export * from './measures';
export * from './domain/training.events';
export * from './domain/activity.events';
export * from './domain/meeting.events';
export { trainingDecider, type TrainingState } from './domain/training.decider';
export { activityDecider, type ActivityState } from './domain/activity.decider';
export { meetingDecider } from './domain/meeting.decider';
export { FieldworkErrors } from './domain/fieldwork.errors';
export { FIELDWORK_PROJECTION, FIELDWORK_PROJECTIONS, fieldworkProjection } from './read-models/fieldwork.projection';
export { FieldworkFiguresService, type FieldworkFigureSet } from './read-models/fieldwork-figures.service';
export { FieldworkReadService } from './read-models/fieldwork-read.service';
export { FieldworkModule } from './fieldwork.module';
export { FIELDWORK_RESOLVERS } from './graphql/fieldwork.resolvers';
export { FIELDWORK_AUDIT_EVENTS } from './graphql/fieldwork-audit-events';
export { TaskCategoryEnum } from './graphql/fieldwork.enums';
