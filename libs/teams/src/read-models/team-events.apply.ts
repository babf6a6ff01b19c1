import { queueSql } from '@cdtt/platform';
import type { RecordedEvent } from '@cdtt/event-sourcing';
import type { EntityManager } from 'typeorm';
import type {
  MemberJoinedData,
  MemberLeftData,
  MemberRoleChangedData,
  TeamCoverageChangedData,
  TeamDecisionReissuedData,
  TeamDissolvedData,
  TeamEstablishedData,
  TeamRenamedData,
} from '../domain/team.events';
import { closeOpenRows, YOUTH_UNION_MEMBER_NOW } from './dated-rows.sql';

const teamIdOf = (event: RecordedEvent): string => event.streamName.slice('team-'.length);

async function establish(event: RecordedEvent, manager: EntityManager): Promise<void> {
  const t = event.data as TeamEstablishedData;
  // The province the commune belonged to when the team took effect (from this lib's unit copy).
  await queueSql(manager, 
    `INSERT INTO teams_v1 (id, name, level, commune_code, province_code, status, established_on,
       decision_number, decision_date, decision_issuing_commune_code, decision_signer_name, decision_signer_title, version)
     VALUES ($1, $2, $3, $4, (
       SELECT province_code FROM team_admin_units_v1 WHERE level = 'COMMUNE' AND code = $4
       ORDER BY ((valid_from IS NULL OR valid_from <= $5::date) AND (valid_to IS NULL OR valid_to > $5::date)) DESC,
                valid_from DESC NULLS LAST LIMIT 1),
       'ACTIVE', $5, $6, $7, $8, $9, $10, $11)
     ON CONFLICT (id) DO NOTHING`,
    [
      teamIdOf(event),
      t.name,
      t.level,
      t.communeCode,
      t.effectiveDate,
      t.decision.number,
      t.decision.date,
      t.decision.issuingCommuneCode,
      t.decision.signerName,
      t.decision.signerTitle,
      event.revision,
    ],
  );
  await cover(manager, teamIdOf(event), t.villageIds, t.effectiveDate);
}

async function cover(manager: EntityManager, teamId: string, villageIds: readonly string[], date: string): Promise<void> {
  await closeOpenRows(manager, 'team_coverage_v1', 'team_id = $1 AND NOT (village_id = ANY($2::text[]))', [teamId, villageIds], date);
  await queueSql(manager, 
    `INSERT INTO team_coverage_v1 (team_id, village_id, valid_from)
     SELECT $1, v, $3 FROM unnest($2::text[]) AS v
     WHERE NOT EXISTS (SELECT 1 FROM team_coverage_v1 c WHERE c.team_id = $1 AND c.village_id = v AND c.valid_to IS NULL)`,
    [teamId, villageIds, date],
  );
}

async function join(manager: EntityManager, teamId: string, data: MemberJoinedData | MemberRoleChangedData): Promise<void> {
  await queueSql(manager, 
    `INSERT INTO team_memberships_v1 (team_id, person_id, role, valid_from, decision_ref) VALUES ($1, $2, $3, $4, $5)`,
    [teamId, data.personId, data.role, data.effectiveDate, data.decisionRef],
  );
}

async function leave(manager: EntityManager, teamId: string, data: MemberLeftData): Promise<void> {
  await closeOpenRows(manager, 'team_memberships_v1', 'team_id = $1 AND person_id = $2', [teamId, data.personId], data.effectiveDate);
}

/**
 * A run of `MemberJoined` (of one recorded instant, see `withRecordedClock`) in two statements:
 * the memberships in log order (their ids as one at a time would give them), then each team's
 * version and Youth Union flag once. The same rows as `applyTeamEvent` on each event in turn; the
 * intermediate versions of a team it skips were empty in the history and are not kept there.
 */
export async function joinMembersOfRun(events: readonly RecordedEvent[], manager: EntityManager): Promise<void> {
  const joined = events.map((event) => ({ teamId: teamIdOf(event), data: event.data as MemberJoinedData, revision: event.revision }));
  await queueSql(manager, 
    `INSERT INTO team_memberships_v1 (team_id, person_id, role, valid_from, decision_ref)
     SELECT m.team_id, m.person_id, m.role, m.valid_from, m.decision_ref
     FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::date[], $5::text[]) WITH ORDINALITY AS m(team_id, person_id, role, valid_from, decision_ref, ord)
     ORDER BY m.ord`,
    [
      joined.map((j) => j.teamId),
      joined.map((j) => j.data.personId),
      joined.map((j) => j.data.role),
      joined.map((j) => j.data.effectiveDate),
      joined.map((j) => j.data.decisionRef),
    ],
  );
  const versions = new Map<string, number>();
  for (const j of joined) versions.set(j.teamId, Math.max(versions.get(j.teamId) ?? -1, j.revision));
  // One statement per team (a run is almost always one team's roster), the single event's own: its
  // prepared plan reads the team by key. Joined against an unnest of teams, the generic plan scanned
  // teams_v1 (6.1 s against 1.4 s over the province catch-up), so the server planned it afresh on
  // every run: 0.26 ms a run, 0.9 s of the catch-up (ADR 0022).
  for (const [teamId, revision] of versions) await setVersion(manager, teamId, revision);
}

/** The version and the Youth Union flag in one statement: one round trip and one history version. */
const setVersion = (manager: EntityManager, teamId: string, revision: number): Promise<void> =>
  queueSql(manager, `UPDATE teams_v1 t SET version = $2, has_youth_union_member = ${YOUTH_UNION_MEMBER_NOW} WHERE t.id = $1`, [teamId, revision]);

/** Applies one team event; every event also moves the team's `version` to its revision. */
export async function applyTeamEvent(event: RecordedEvent, manager: EntityManager): Promise<void> {
  const teamId = teamIdOf(event);
  switch (event.type) {
    case 'TeamEstablished':
      return establish(event, manager);
    case 'MemberJoined':
      await join(manager, teamId, event.data as MemberJoinedData);
      break;
    case 'MemberRoleChanged':
      await leave(manager, teamId, event.data as MemberRoleChangedData);
      await join(manager, teamId, event.data as MemberRoleChangedData);
      break;
    case 'MemberLeft':
      await leave(manager, teamId, event.data as MemberLeftData);
      break;
    case 'TeamRenamed':
      await queueSql(manager, 'UPDATE teams_v1 SET name = $2 WHERE id = $1', [teamId, (event.data as TeamRenamedData).name]);
      break;
    case 'TeamCoverageChanged': {
      const data = event.data as TeamCoverageChangedData;
      await cover(manager, teamId, data.villageIds, data.effectiveDate);
      break;
    }
    case 'TeamDecisionReissued': {
      const { decision } = event.data as TeamDecisionReissuedData;
      await queueSql(manager, 
        `UPDATE teams_v1 SET decision_number = $2, decision_date = $3, decision_issuing_commune_code = $4,
           decision_signer_name = $5, decision_signer_title = $6 WHERE id = $1`,
        [teamId, decision.number, decision.date, decision.issuingCommuneCode, decision.signerName, decision.signerTitle],
      );
      break;
    }
    case 'TeamDissolved': {
      const { effectiveDate } = event.data as TeamDissolvedData;
      await queueSql(manager, `UPDATE teams_v1 SET status = 'DISSOLVED', dissolved_on = $2 WHERE id = $1`, [teamId, effectiveDate]);
      await closeOpenRows(manager, 'team_memberships_v1', 'team_id = $1', [teamId], effectiveDate);
      await closeOpenRows(manager, 'team_coverage_v1', 'team_id = $1', [teamId], effectiveDate);
      break;
    }
  }
  await setVersion(manager, teamId, event.revision);
}
