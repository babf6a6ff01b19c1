import { queueSql } from '@cdtt/platform';
import type { RecordedEvent } from '@cdtt/event-sourcing';
import type { EntityManager } from 'typeorm';
import type { TeamEstablishedData, TeamHeldForSuccessorChoiceData, TeamReattachedData } from '../domain/team.events';

const teamIdOf = (event: RecordedEvent): string => event.streamName.slice('team-'.length);

/** Province of a commune version in force on the date (this lib's copy of the units). */
const PROVINCE_ON = `(SELECT u.province_code FROM team_admin_units_v1 u WHERE u.level = 'COMMUNE' AND u.code = $2
  ORDER BY ((u.valid_from IS NULL OR u.valid_from <= $3::date) AND (u.valid_to IS NULL OR u.valid_to > $3::date)) DESC,
  u.valid_from DESC NULLS LAST LIMIT 1)`;

/** Ends the team's current commune row on the date (a row that never held is deleted). */
async function closeCommune(manager: EntityManager, teamId: string, date: string): Promise<void> {
  await queueSql(manager, 'UPDATE team_communes_v1 SET valid_to = $2 WHERE team_id = $1 AND valid_to IS NULL', [teamId, date]);
  await queueSql(manager, 'DELETE FROM team_communes_v1 WHERE team_id = $1 AND valid_to IS NOT NULL AND valid_to <= valid_from', [teamId]);
}

async function openCommune(manager: EntityManager, teamId: string, communeCode: string, date: string): Promise<void> {
  await queueSql(manager, 
    `INSERT INTO team_communes_v1 (team_id, commune_code, province_code, valid_from) VALUES ($1, $2, ${PROVINCE_ON}, $3)`,
    [teamId, communeCode, date],
  );
}

async function reattach(manager: EntityManager, teamId: string, data: TeamReattachedData): Promise<void> {
  await closeCommune(manager, teamId, data.effectiveDate);
  await openCommune(manager, teamId, data.toCommuneCode, data.effectiveDate);
  await queueSql(manager, 'UPDATE teams_v1 SET commune_code = $2 WHERE id = $1', [teamId, data.toCommuneCode]);
  await queueSql(manager, 
    `INSERT INTO team_reorganisation_v1 (team_id, status, from_commune_code, successor_codes, province_codes, since)
     VALUES ($1, 'AWAITING_REDECISION', $2, ARRAY[$3::text], ARRAY[]::text[], $4)
     ON CONFLICT (team_id) DO UPDATE SET status = EXCLUDED.status, from_commune_code = EXCLUDED.from_commune_code,
       successor_codes = EXCLUDED.successor_codes, province_codes = EXCLUDED.province_codes, since = EXCLUDED.since`,
    [teamId, data.fromCommuneCode, data.toCommuneCode, data.effectiveDate],
  );
}

/**
 * Held for a choice: the team has no commune from the date, but is still counted in the province
 * its successors share (and nationally), so a split never makes a team disappear from the figures.
 */
async function hold(manager: EntityManager, teamId: string, data: TeamHeldForSuccessorChoiceData): Promise<void> {
  const provinces = await manager.query<Array<{ province_code: string }>>(
    `SELECT DISTINCT u.province_code FROM team_admin_units_v1 u WHERE u.level = 'COMMUNE' AND u.code = ANY($1::text[])
       AND (u.valid_from IS NULL OR u.valid_from <= $2::date) AND (u.valid_to IS NULL OR u.valid_to > $2::date) ORDER BY 1`,
    [data.successorCodes, data.effectiveDate],
  );
  const provinceCodes = provinces.map((row) => row.province_code);
  await closeCommune(manager, teamId, data.effectiveDate);
  await queueSql(manager, 'INSERT INTO team_communes_v1 (team_id, commune_code, province_code, valid_from) VALUES ($1, NULL, $2, $3)', [
    teamId,
    provinceCodes.length === 1 ? provinceCodes[0] : null,
    data.effectiveDate,
  ]);
  await queueSql(manager, 
    `INSERT INTO team_reorganisation_v1 (team_id, status, from_commune_code, successor_codes, province_codes, since)
     VALUES ($1, 'AWAITING_ASSIGNMENT', $2, $3, $4, $5)
     ON CONFLICT (team_id) DO UPDATE SET status = EXCLUDED.status, from_commune_code = EXCLUDED.from_commune_code,
       successor_codes = EXCLUDED.successor_codes, province_codes = EXCLUDED.province_codes, since = EXCLUDED.since`,
    [teamId, data.fromCommuneCode, data.successorCodes, provinceCodes, data.effectiveDate],
  );
}

/**
 * Portal scope follows the team's current attachment (ADR 0012, amendment): `province_code` is the
 * province of its current commune (null while held between successors of several provinces), and
 * `visible_province_codes` the provinces whose portals see and change it: that province, or every
 * successor's province while a person must choose, so any of them can make the choice.
 */
async function syncVisibility(manager: EntityManager, teamId: string): Promise<void> {
  await queueSql(manager, 
    `UPDATE teams_v1 t SET
       province_code = CASE WHEN cur.team_id IS NULL THEN t.province_code ELSE cur.province_code END,
       visible_province_codes = COALESCE(
         (SELECT r.province_codes FROM team_reorganisation_v1 r WHERE r.team_id = t.id AND r.status = 'AWAITING_ASSIGNMENT'),
         array_remove(ARRAY[CASE WHEN cur.team_id IS NULL THEN t.province_code ELSE cur.province_code END], NULL))
     FROM (SELECT $1::uuid AS id) k
     LEFT JOIN LATERAL (SELECT c.team_id, c.province_code FROM team_communes_v1 c WHERE c.team_id = k.id ORDER BY c.valid_from DESC LIMIT 1) cur ON true
     WHERE t.id = k.id`,
    [teamId],
  );
}

/**
 * The reorganisation side of the team events (ADR 0012), applied after `applyTeamEvent` in the
 * same transaction: the dated commune of each team and its reorganisation status.
 */
export async function applyTeamSuccessionEvent(event: RecordedEvent, manager: EntityManager): Promise<void> {
  const teamId = teamIdOf(event);
  switch (event.type) {
    case 'TeamEstablished': {
      const data = event.data as TeamEstablishedData;
      // Its first commune, unless it has one (a repeated event): a write, not a read and a write, so it stays in the page's queue.
      await queueSql(
        manager,
        `INSERT INTO team_communes_v1 (team_id, commune_code, province_code, valid_from)
         SELECT $1::uuid, $2::text, ${PROVINCE_ON}, $3::date WHERE NOT EXISTS (SELECT 1 FROM team_communes_v1 WHERE team_id = $1::uuid)`,
        [teamId, data.communeCode, data.effectiveDate],
      );
      return syncVisibility(manager, teamId);
    }
    case 'TeamReattached':
      await reattach(manager, teamId, event.data as TeamReattachedData);
      return syncVisibility(manager, teamId);
    case 'TeamHeldForSuccessorChoice':
      await hold(manager, teamId, event.data as TeamHeldForSuccessorChoiceData);
      return syncVisibility(manager, teamId);
    case 'TeamDecisionReissued':
      await queueSql(manager, 'DELETE FROM team_reorganisation_v1 WHERE team_id = $1', [teamId]);
      return;
  }
}
