import type { EventStore, IdGenerator } from '@cdtt/event-sourcing';
import { NEW_STREAM } from '@cdtt/platform';
import type { FiguresInput } from '../domain/activity.commands';
import { activityDecider } from '../domain/activity.decider';
import { activityStreamName, type ActivityLoggedData } from '../domain/activity.events';
import { FieldworkErrors } from '../domain/fieldwork.errors';
import { meetingDecider } from '../domain/meeting.decider';
import { meetingStreamName } from '../domain/meeting.events';
import { execute, refused, type Caller, type CommandResult } from './command-execution';
import type { FieldworkFacts } from './fieldwork.ports';
import { checkExisting } from './scoped-stream';

export interface LogActivityRequest {
  readonly teamId: string;
  readonly villageId: string;
  readonly date: string;
  readonly participantIds: readonly string[];
  readonly figures: readonly FiguresInput[];
}

export interface RecordMeetingRequest {
  readonly teamId: string;
  readonly date: string;
  readonly attendeeIds: readonly string[];
  readonly decisions: readonly string[];
  readonly initiatives: readonly string[];
}

export type ActivityChange =
  | { readonly type: 'CorrectActivity'; readonly figures: readonly FiguresInput[]; readonly reason: string | null }
  | { readonly type: 'RetractActivity'; readonly reason: string };

/** Field activities and team meetings: team and village facts, then the pure deciders. */
export class ActivityCommandService {
  constructor(
    private readonly store: EventStore,
    private readonly ids: IdGenerator,
    private readonly facts: FieldworkFacts,
  ) {}

  async log(request: LogActivityRequest, caller: Caller): Promise<CommandResult> {
    caller.scope.assertCanWrite();
    const activityId = this.ids.next();
    const team = await this.facts.team(request.teamId, request.date, caller.scope);
    const village = await this.facts.village(request.villageId, request.date, caller.scope);
    const command = { type: 'LogActivity' as const, activityId, ...request, today: caller.today, team, village };
    const stream = { id: activityId, name: activityStreamName(activityId) };
    return execute(this.store, this.ids, activityDecider, stream, command, request.date, { ...caller, expectedVersion: null }, NEW_STREAM);
  }

  async change(activityId: string, change: ActivityChange, caller: Caller): Promise<CommandResult> {
    const stream = { id: activityId, name: activityStreamName(activityId) };
    const provinceOf = (first: { data: unknown }): string | null => (first.data as ActivityLoggedData).provinceCode;
    const rejected = await checkExisting(this.store, stream.name, caller, FieldworkErrors.activityNotFound, provinceOf);
    if (rejected) return refused(rejected);
    return execute(this.store, this.ids, activityDecider, stream, { ...change, today: caller.today }, caller.today, caller);
  }

  async recordMeeting(request: RecordMeetingRequest, caller: Caller): Promise<CommandResult> {
    caller.scope.assertCanWrite();
    const meetingId = this.ids.next();
    const team = await this.facts.team(request.teamId, request.date, caller.scope);
    const command = { type: 'RecordMeeting' as const, meetingId, ...request, today: caller.today, team };
    const stream = { id: meetingId, name: meetingStreamName(meetingId) };
    return execute(this.store, this.ids, meetingDecider, stream, command, request.date, { ...caller, expectedVersion: null }, NEW_STREAM);
  }
}
