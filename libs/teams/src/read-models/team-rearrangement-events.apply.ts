import { queueSql } from '@cdtt/platform';
import type { RecordedEvent } from '@cdtt/event-sourcing';
import type { EntityManager } from 'typeorm';
import type { TeamMergedIntoData, TeamsMergedData, TeamSplitData } from '../domain/team.events';
import { closeOpenRows, refreshYouthUnionFlag } from './dated-rows.sql';

/** The survivor of a merge: the united roster and the new coverage, both from the merge date. */
async function merged(manager: EntityManager, teamId: string, data: TeamsMergedData): Promise<void> {
  const date = data.effectiveDate;
  await closeOpenRows(manager, 'team_memberships_v1', 'team_id = $1', [teamId], date);
  for (const m of data.members) {
    await queueSql(manager, `INSERT INTO team_memberships_v1 (team_id, person_id, role, valid_from, decision_ref) VALUES ($1, $2, $3, $4, $5)`, [
      teamId,
      m.personId,
      m.role,
      date,
      data.decision.number,
    ]);
  }
  await closeOpenRows(manager, 'team_coverage_v1', 'team_id = $1', [teamId], date);
  await queueSql(manager, `INSERT INTO team_coverage_v1 (team_id, village_id, valid_from) SELECT $1, v, $3 FROM unnest($2::text[]) AS v`, [teamId, data.villageIds, date]);
  await refreshYouthUnionFlag(manager, '$1::uuid', [teamId]);
}

/** A team merged into another or split into new ones ends like a dissolved team. */
async function ended(manager: EntityManager, teamId: string, date: string): Promise<void> {
  await queueSql(manager, `UPDATE teams_v1 SET status = 'DISSOLVED', dissolved_on = $2 WHERE id = $1`, [teamId, date]);
  await closeOpenRows(manager, 'team_memberships_v1', 'team_id = $1', [teamId], date);
  await closeOpenRows(manager, 'team_coverage_v1', 'team_id = $1', [teamId], date);
  await refreshYouthUnionFlag(manager, '$1::uuid', [teamId]);
}

/** Merges and splits of teams (ADR 0012), applied after `applyTeamEvent` in the same transaction. */
export async function applyTeamRearrangementEvent(event: RecordedEvent, manager: EntityManager): Promise<void> {
  const teamId = event.streamName.slice('team-'.length);
  switch (event.type) {
    case 'TeamsMerged':
      return merged(manager, teamId, event.data as TeamsMergedData);
    case 'TeamMergedInto':
      return ended(manager, teamId, (event.data as TeamMergedIntoData).effectiveDate);
    case 'TeamSplit':
      return ended(manager, teamId, (event.data as TeamSplitData).effectiveDate);
  }
}
