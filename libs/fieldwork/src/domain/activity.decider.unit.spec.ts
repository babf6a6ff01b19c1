import { DomainError } from '@cdtt/event-sourcing';
import type { ActivityCommand, FiguresInput, LogActivity } from './activity.commands';
import { activityDecider, type ActivityState } from './activity.decider';
import type { ActivityEvent } from './activity.events';
import { meetingDecider, type RecordMeeting } from './meeting.decider';
import type { TeamFacts } from './team-facts';

const team: TeamFacts = { found: true, communeCode: '00004', succeededCommunes: new Set(['00002']), provinceCode: '01', activeOnDate: true, membersOnDate: new Set(['m1', 'm2']), leaderOnDate: 'm1' };
const guided: FiguresInput = { category: 'E_COMMERCE', peopleGuided: 5, householdsGuided: 3, visits: 2, outcomes: { SELLERS_ONBOARDED: 1 } };
const log: LogActivity = {
  type: 'LogActivity',
  activityId: 'a-1',
  teamId: 'team-1',
  villageId: 'v-1',
  date: '2025-09-10',
  participantIds: ['m1'],
  figures: [guided],
  today: '2025-09-12',
  team,
  village: { found: true, communeCode: '00004', activeOnDate: true },
};

function when(given: readonly ActivityEvent[], command: ActivityCommand): readonly ActivityEvent[] | string {
  const state = given.reduce<ActivityState>((s, e) => activityDecider.evolve(s, e), activityDecider.initialState);
  const result = activityDecider.decide(command, state);
  return result instanceof DomainError ? result.code : result;
}

const logged = when([], log) as ActivityEvent[];

describe('activity decider', () => {
  it('logs an activity with complete figures and the team commune and province', () => {
    expect(logged).toEqual([
      {
        type: 'ActivityLogged',
        data: expect.objectContaining({
          communeCode: '00004',
          provinceCode: '01',
          figures: [{ category: 'E_COMMERCE', peopleGuided: 5, householdsGuided: 3, visits: 2, outcomes: { ACCOUNTS_CREATED: 0, PUBLIC_SERVICE_DOSSIERS_FILED: 0, SELLERS_ONBOARDED: 1, EPAYMENT_ACCOUNTS_OPENED: 0 } }],
        }) as object,
      },
    ]);
  });

  it("accepts a village still coded with a commune the team's commune succeeded, and records the team's commune of the day", () => {
    // Reorganised: the team followed 00002 into 00004; the village keeps the code it was registered with.
    const inFormer = when([], { ...log, village: { found: true, communeCode: '00002', activeOnDate: true } });
    expect(inFormer).toEqual([{ type: 'ActivityLogged', data: expect.objectContaining({ communeCode: '00004', villageId: 'v-1' }) as object }]);
    // A commune the team never followed stays outside, even if it is a neighbour.
    expect(when([], { ...log, team: { ...team, succeededCommunes: new Set() }, village: { found: true, communeCode: '00002', activeOnDate: true } })).toBe('VILLAGE_OUTSIDE_COMMUNE');
  });

  it('refuses each broken rule with its code', () => {
    expect(when([], { ...log, team: { ...team, found: false } })).toBe('TEAM_NOT_FOUND');
    expect(when([], { ...log, team: { ...team, activeOnDate: false } })).toBe('TEAM_NOT_ACTIVE');
    expect(when([], { ...log, date: '2025-09-13' })).toBe('DATE_IN_FUTURE');
    expect(when([], { ...log, village: { found: false, communeCode: '', activeOnDate: false } })).toBe('VILLAGE_NOT_FOUND');
    expect(when([], { ...log, village: { found: true, communeCode: '00007', activeOnDate: true } })).toBe('VILLAGE_OUTSIDE_COMMUNE');
    expect(when([], { ...log, village: { found: true, communeCode: '00004', activeOnDate: false } })).toBe('VILLAGE_NOT_ACTIVE');
    expect(when([], { ...log, participantIds: [] })).toBe('PARTICIPANTS_REQUIRED');
    expect(when([], { ...log, participantIds: ['m1', 'm1'] })).toBe('DUPLICATE_PARTICIPANT');
    expect(when([], { ...log, participantIds: ['m1', 'x9'] })).toBe('PARTICIPANT_NOT_MEMBER');
    expect(when([], { ...log, figures: [] })).toBe('FIGURES_REQUIRED');
    expect(when([], { ...log, figures: [guided, guided] })).toBe('DUPLICATE_CATEGORY');
    expect(when([], { ...log, figures: [{ ...guided, visits: -1 }] })).toBe('FIGURES_INVALID');
    expect(when([], { ...log, figures: [{ ...guided, peopleGuided: 2.5 }] })).toBe('FIGURES_INVALID');
    expect(when([], { ...log, figures: [{ ...guided, householdsGuided: 6 }] })).toBe('HOUSEHOLDS_EXCEED_PEOPLE');
    expect(when(logged, log)).toBe('ACTIVITY_ALREADY_LOGGED');
  });

  it('corrects with new figures as a new event, refuses a no-op, and retracts for good', () => {
    expect(when([], { type: 'CorrectActivity', figures: [guided], reason: null, today: '2025-09-12' })).toBe('ACTIVITY_NOT_FOUND');
    expect(when(logged, { type: 'CorrectActivity', figures: [guided], reason: null, today: '2025-09-12' })).toBe('FIGURES_UNCHANGED');
    // As read back from a jsonb column: the same figures with their keys in another order.
    const reverse = (o: object): object => Object.fromEntries(Object.entries(o).reverse().map(([k, v]) => [k, typeof v === 'object' && v ? reverse(v as object) : (v as unknown)]));
    const reordered = (logged as unknown as Array<{ type: string; data: { figures: object[] } }>).map((e) => ({
      ...e,
      data: { ...e.data, figures: e.data.figures.map(reverse) },
    })) as unknown as ActivityEvent[];
    expect(when(reordered, { type: 'CorrectActivity', figures: [guided], reason: null, today: '2025-09-12' })).toBe('FIGURES_UNCHANGED');
    const corrected = when(logged, { type: 'CorrectActivity', figures: [{ ...guided, peopleGuided: 7 }], reason: 'Đếm lại', today: '2025-09-14' });
    expect(corrected).toEqual([{ type: 'ActivityCorrected', data: expect.objectContaining({ correctedOn: '2025-09-14', reason: 'Đếm lại' }) as object }]);
    expect(when(logged, { type: 'RetractActivity', reason: '', today: '2025-09-14' })).toBe('REASON_REQUIRED');
    const retracted = [...logged, ...(when(logged, { type: 'RetractActivity', reason: 'Trùng', today: '2025-09-14' }) as ActivityEvent[])];
    expect(retracted.at(-1)).toEqual({ type: 'ActivityRetracted', data: { retractedOn: '2025-09-14', reason: 'Trùng' } });
    expect(when(retracted, { type: 'RetractActivity', reason: 'again', today: '2025-09-15' })).toBe('ACTIVITY_RETRACTED');
    expect(when(retracted, { type: 'CorrectActivity', figures: [{ ...guided, visits: 9 }], reason: null, today: '2025-09-15' })).toBe('ACTIVITY_RETRACTED');
  });
});

describe('meeting decider', () => {
  const meeting: RecordMeeting = { type: 'RecordMeeting', meetingId: 'mt-1', teamId: 'team-1', date: '2025-09-10', attendeeIds: ['m1', 'm2'], decisions: ['Chia ca hỗ trợ'], initiatives: [], today: '2025-09-10', team };
  const code = (command: RecordMeeting, recorded = false): string | null => {
    const result = meetingDecider.decide(command, { recorded });
    return result instanceof DomainError ? result.code : null;
  };

  it('records a meeting convened by the leader of that day', () => {
    expect(meetingDecider.decide(meeting, meetingDecider.initialState)).toEqual([{ type: 'MeetingRecorded', data: expect.objectContaining({ convenedBy: 'm1', communeCode: '00004' }) as object }]);
  });

  it('refuses each broken rule with its code', () => {
    expect(code({ ...meeting, team: { ...team, leaderOnDate: null } })).toBe('MEETING_WITHOUT_LEADER');
    expect(code({ ...meeting, attendeeIds: [] })).toBe('ATTENDEES_REQUIRED');
    expect(code({ ...meeting, attendeeIds: ['m1', 'm1'] })).toBe('DUPLICATE_ATTENDEE');
    expect(code({ ...meeting, attendeeIds: ['m3'] })).toBe('ATTENDEE_NOT_MEMBER');
    expect(code({ ...meeting, decisions: [' '] })).toBe('TEXT_INVALID');
    expect(code({ ...meeting, date: '2025-09-11' })).toBe('DATE_IN_FUTURE');
    expect(code({ ...meeting, team: { ...team, found: false } })).toBe('TEAM_NOT_FOUND');
    expect(code({ ...meeting, team: { ...team, activeOnDate: false } })).toBe('TEAM_NOT_ACTIVE');
    expect(code(meeting, true)).toBe('MEETING_ALREADY_RECORDED');
  });
});
