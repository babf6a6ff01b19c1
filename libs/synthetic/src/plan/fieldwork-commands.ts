import type { activityDecider } from '@cdtt/fieldwork';

// The field-work context exports its decider, not its command types: they are read off the decider.
export type ActivityCommand = Parameters<typeof activityDecider.decide>[0];
export type LogActivity = Extract<ActivityCommand, { type: 'LogActivity' }>;
export type FiguresInput = LogActivity['figures'][number];
