import type { DomainEvent } from '@cdtt/event-sourcing';
import type { LocalDate } from './training.events';

/**
 * A periodic or ad-hoc team meeting, convened by the team leader (Plan 557's working regime): who
 * attended, what was decided, which initiatives were proposed to the commune Youth Union.
 */
export interface MeetingRecordedData {
  readonly meetingId: string;
  readonly teamId: string;
  readonly communeCode: string;
  readonly provinceCode: string | null;
  readonly date: LocalDate;
  /** The team's leader on `date`, who convened it. */
  readonly convenedBy: string;
  readonly attendeeIds: readonly string[];
  readonly decisions: readonly string[];
  readonly initiatives: readonly string[];
}

export type MeetingRecorded = DomainEvent<'MeetingRecorded', MeetingRecordedData>;
export type MeetingEvent = MeetingRecorded;

/** Names are forever once shipped. */
export const MEETING_EVENT_TYPES = ['MeetingRecorded'] as const satisfies readonly MeetingEvent['type'][];

export const meetingStreamName = (meetingId: string): string => `meeting-${meetingId}`;
