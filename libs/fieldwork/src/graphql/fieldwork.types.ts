// The field-work GraphQL object types, one file per record kind.
export { TrainingConnection, TrainingType } from './training.type';
export { ActivityConnection, ActivityRevisionType, ActivityType, CategoryFiguresType } from './activity.type';
export { MeetingConnection, MeetingType } from './meeting.type';
