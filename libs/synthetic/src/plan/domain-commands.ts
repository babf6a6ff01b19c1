import type { activityDecider, trainingDecider } from '@cdtt/fieldwork';
import type { reportDecider, targetPlanDecider } from '@cdtt/reporting';

// The field-work and reporting contexts export their deciders, not their command types: they are read off the deciders.
export type ActivityCommand = Parameters<typeof activityDecider.decide>[0];
export type LogActivity = Extract<ActivityCommand, { type: 'LogActivity' }>;
export type FiguresInput = LogActivity['figures'][number];
export type TrainingCommand = Parameters<typeof trainingDecider.decide>[0];
export type ReportCommand = Parameters<typeof reportDecider.decide>[0];
export type TargetPlanCommand = Parameters<typeof targetPlanDecider.decide>[0];
