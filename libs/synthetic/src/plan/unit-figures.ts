import type { CommunePlan } from './plan.types';

/** What a report's figures are computed from: the commune's plan before its reports. */
export type PlanFacts = Pick<CommunePlan, 'villages' | 'teams' | 'activities' | 'trainings'>;

/** Figures by measure key (the part of an indicator's source after `TEAMS:` or `FIELDWORK:`). */
export type UnitFigures = Readonly<Record<string, number>>;

/**
 * A unit's figures from the plan, as the registry would compute them on `asOf`: stocks on that day
 * (teams, villages, members), flows from 1 January of its year to it (field days, trainings).
 * `codes` are the commune codes the unit covers (a pre-2025 commune's own), null for the whole plan
 * (the commune formed from them all, after the reform).
 */
export function unitFigures(plan: PlanFacts, codes: ReadonlySet<string> | null, asOf: string): UnitFigures {
  const inUnit = (code: string): boolean => codes === null || codes.has(code);
  const yearStart = `${asOf.slice(0, 4)}-01-01`;
  const inYear = (date: string): boolean => date >= yearStart && date <= asOf;
  const activeTeams = plan.teams.filter((t) => inUnit(t.activitySite.communeCode) && t.activitySite.from <= asOf && t.activitySite.until >= asOf);
  let members = 0;
  for (const team of activeTeams) {
    for (const { command, date } of team.commands) {
      if (date > asOf) continue;
      if (command.type === 'AddMember') members += 1;
      if (command.type === 'RemoveMember') members -= 1;
    }
  }
  const villages = plan.villages.filter((v) => inUnit(v.command.communeCode) && v.command.registeredOn <= asOf).length;
  const teamIds = new Set(plan.teams.filter((t) => inUnit(t.activitySite.communeCode)).map((t) => t.teamId));
  const guided = { PEOPLE_GUIDED: 0, HOUSEHOLDS_GUIDED: 0, VISITS: 0 };
  for (const activity of plan.activities) {
    const logged = activity.commands[0]?.command;
    if (logged?.type !== 'LogActivity' || !teamIds.has(logged.teamId) || !inYear(logged.date)) continue;
    for (const f of logged.figures) {
      guided.PEOPLE_GUIDED += f.peopleGuided;
      guided.HOUSEHOLDS_GUIDED += f.householdsGuided;
      guided.VISITS += f.visits;
    }
  }
  let sessions = 0;
  let trained = 0;
  for (const training of plan.trainings) {
    const [scheduled, attendance] = training.commands.map((c) => c.command);
    if (scheduled?.type !== 'ScheduleTraining' || attendance?.type !== 'RecordTrainingAttendance') continue;
    if (!inUnit(scheduled.communeCode ?? '') || !inYear(scheduled.heldOn)) continue;
    sessions += 1;
    trained += attendance.personIds.length;
  }
  return {
    ACTIVE_TEAMS: activeTeams.length,
    VILLAGES: villages,
    VILLAGES_COVERED: activeTeams.length,
    MEMBERS: members,
    LEADERS: activeTeams.length,
    ...guided,
    TRAINING_SESSIONS_HELD: sessions,
    MEMBERS_TRAINED: trained,
  };
}
