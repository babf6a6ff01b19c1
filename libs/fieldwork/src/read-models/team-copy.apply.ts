import { queueSql } from '@cdtt/platform';
import type { RecordedEvent } from '@cdtt/event-sourcing';
import type { AdministrativeUnitRecordedData, VillageRegisteredData, VillageRetiredData } from '@cdtt/geography';
import type {
  MemberJoinedData,
  MemberLeftData,
  MemberRoleChangedData,
  TeamCoverageChangedData,
  TeamDissolvedData,
  TeamEstablishedData,
  TeamHeldForSuccessorChoiceData,
  TeamReattachedData,
} from '@cdtt/teams';
import type { EntityManager } from 'typeorm';

export const COPIED_TEAM_TYPES = [
  'TeamEstablished',
  'MemberJoined',
  'MemberRoleChanged',
  'MemberLeft',
  'TeamCoverageChanged',
  'TeamDissolved',
  'TeamReattached',
  'TeamHeldForSuccessorChoice',
] as const;

/** Province of a commune version in force on `$date` (else its latest), from this lib's unit copy. */
const provinceOn = (code: string, date: string): string => `(SELECT province_code FROM fw_admin_units_v1 WHERE level = 'COMMUNE' AND code = ${code}
  ORDER BY ((valid_from IS NULL OR valid_from <= ${date}::date) AND (valid_to IS NULL OR valid_to > ${date}::date)) DESC, valid_from DESC NULLS LAST LIMIT 1)`;
export const COPIED_GEOGRAPHY_TYPES = ['AdministrativeUnitRecorded', 'VillageRegistered', 'VillageRetired'] as const;

type DatedTable = 'fw_team_memberships_v1' | 'fw_team_coverage_v1';

/** Closes open rows on `date`; a row closed on the day it opened never held and is deleted. */
async function close(manager: EntityManager, table: DatedTable, where: string, params: unknown[], date: string): Promise<void> {
  const p = `$${params.length + 1}`;
  await queueSql(manager, `UPDATE ${table} SET valid_to = ${p} WHERE valid_to IS NULL AND ${where}`, [...params, date]);
  await queueSql(manager, `DELETE FROM ${table} WHERE valid_to IS NOT NULL AND valid_to <= valid_from AND ${where}`, params);
}

async function cover(manager: EntityManager, teamId: string, villageIds: readonly string[], date: string): Promise<void> {
  await close(manager, 'fw_team_coverage_v1', 'team_id = $1 AND NOT (village_id = ANY($2::text[]))', [teamId, villageIds], date);
  await queueSql(manager, 
    `INSERT INTO fw_team_coverage_v1 (team_id, village_id, valid_from) SELECT $1, v, $3 FROM unnest($2::text[]) AS v
     WHERE NOT EXISTS (SELECT 1 FROM fw_team_coverage_v1 c WHERE c.team_id = $1 AND c.village_id = v AND c.valid_to IS NULL)`,
    [teamId, villageIds, date],
  );
}

/**
 * Members joining, any number in one statement (a membership row each, in log order): rows of their
 * own, so a run of MemberJoined events lands as one round trip, as one at a time would leave them.
 */
export async function joinMembers(events: readonly RecordedEvent[], manager: EntityManager): Promise<void> {
  if (events.length === 0) return;
  const joined = events.map((event) => ({ teamId: event.streamName.slice('team-'.length), data: event.data as MemberJoinedData }));
  await queueSql(manager, 
    `INSERT INTO fw_team_memberships_v1 (team_id, person_id, role, valid_from)
     SELECT t, p, r, d FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::date[]) WITH ORDINALITY AS m(t, p, r, d, ord) ORDER BY ord`,
    [joined.map((j) => j.teamId), joined.map((j) => j.data.personId), joined.map((j) => j.data.role), joined.map((j) => j.data.effectiveDate)],
  );
}

/**
 * This context's copy of the team facts its figures need: each team's commune and province, its
 * dated memberships (who was a member on a session's day) and coverage (the households a team's
 * share is over). Only events of `team-` streams are read.
 */
export async function applyTeamCopy(event: RecordedEvent, manager: EntityManager): Promise<void> {
  const teamId = event.streamName.slice('team-'.length);
  switch (event.type) {
    case 'TeamEstablished': {
      const t = event.data as TeamEstablishedData;
      await queueSql(manager, 
        `INSERT INTO fw_teams_v1 (id, commune_code, province_code, level, established_on) VALUES ($1, $2, ${provinceOn('$2', '$4')}, $3, $4)
         ON CONFLICT (id) DO NOTHING`,
        [teamId, t.communeCode, t.level, t.effectiveDate],
      );
      await queueSql(manager, 'UPDATE fw_teams_v1 SET visible_province_codes = array_remove(ARRAY[province_code], NULL) WHERE id = $1', [teamId]);
      return cover(manager, teamId, t.villageIds, t.effectiveDate);
    }
    case 'MemberJoined':
    case 'MemberRoleChanged': {
      const m = event.data as MemberJoinedData | MemberRoleChangedData;
      if (event.type === 'MemberRoleChanged') await close(manager, 'fw_team_memberships_v1', 'team_id = $1 AND person_id = $2', [teamId, m.personId], m.effectiveDate);
      await queueSql(manager, 'INSERT INTO fw_team_memberships_v1 (team_id, person_id, role, valid_from) VALUES ($1, $2, $3, $4)', [teamId, m.personId, m.role, m.effectiveDate]);
      return;
    }
    case 'MemberLeft': {
      const m = event.data as MemberLeftData;
      return close(manager, 'fw_team_memberships_v1', 'team_id = $1 AND person_id = $2', [teamId, m.personId], m.effectiveDate);
    }
    case 'TeamCoverageChanged': {
      const c = event.data as TeamCoverageChangedData;
      return cover(manager, teamId, c.villageIds, c.effectiveDate);
    }
    case 'TeamReattached': {
      // The team now belongs to its new commune: access to its rows follows (ADR 0012, amendment);
      // rows already logged keep the province of their date.
      const r = event.data as TeamReattachedData;
      await queueSql(manager, 
        `UPDATE fw_teams_v1 SET commune_code = $2, province_code = ${provinceOn('$2', '$3')}, visible_province_codes = array_remove(ARRAY[${provinceOn('$2', '$3')}], NULL)
         WHERE id = $1`,
        [teamId, r.toCommuneCode, r.effectiveDate],
      );
      return;
    }
    case 'TeamHeldForSuccessorChoice': {
      // While a person chooses, every successor's province may see the team's rows.
      const h = event.data as TeamHeldForSuccessorChoiceData;
      await queueSql(manager, 
        `UPDATE fw_teams_v1 SET visible_province_codes = ARRAY(SELECT DISTINCT ${provinceOn('s', '$3')} FROM unnest($2::text[]) AS s ORDER BY 1)
         WHERE id = $1`,
        [teamId, h.successorCodes, h.effectiveDate],
      );
      return;
    }
    case 'TeamDissolved': {
      const { effectiveDate } = event.data as TeamDissolvedData;
      await queueSql(manager, 'UPDATE fw_teams_v1 SET dissolved_on = $2 WHERE id = $1', [teamId, effectiveDate]);
      await close(manager, 'fw_team_memberships_v1', 'team_id = $1', [teamId], effectiveDate);
      return close(manager, 'fw_team_coverage_v1', 'team_id = $1', [teamId], effectiveDate);
    }
  }
}

/** Units (with their province and validity) and villages (with their household count). */
export async function applyGeographyCopy(event: RecordedEvent, manager: EntityManager): Promise<void> {
  switch (event.type) {
    case 'AdministrativeUnitRecorded': {
      const u = event.data as AdministrativeUnitRecordedData;
      await queueSql(manager, 
        `INSERT INTO fw_admin_units_v1 (unit_key, level, code, province_code, valid_from, valid_to) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (unit_key) DO UPDATE SET province_code = EXCLUDED.province_code, valid_to = EXCLUDED.valid_to`,
        [`${u.level}:${u.code}:${u.validFrom ?? '-'}`, u.level, u.code, u.provinceCode, u.validFrom, u.validTo],
      );
      if (u.level === 'COMMUNE') {
        // A team recorded before its commune's unit gets its province now.
        await queueSql(manager, 
          `UPDATE fw_teams_v1 SET province_code = $2, visible_province_codes = ARRAY[$2::text]
           WHERE commune_code = $1 AND province_code IS NULL AND cardinality(visible_province_codes) = 0`,
          [u.code, u.provinceCode],
        );
      }
      return;
    }
    case 'VillageRegistered': {
      const v = event.data as VillageRegisteredData;
      await queueSql(manager, 
        `INSERT INTO fw_villages_v1 (village_id, commune_code, households, registered_on) VALUES ($1, $2, $3, $4) ON CONFLICT (village_id) DO NOTHING`,
        [v.villageId, v.communeCode, v.households, v.registeredOn],
      );
      return;
    }
    case 'VillageRetired': {
      const v = event.data as VillageRetiredData;
      await queueSql(manager, 'UPDATE fw_villages_v1 SET retired_on = $2 WHERE village_id = $1', [v.villageId, v.retiredOn]);
      return;
    }
  }
}
