import type { RecordedEvent } from '@cdtt/event-sourcing';
import type { AdministrativeUnitSucceededData, AdministrativeUnitSuccessionWithdrawnData } from '@cdtt/geography';
import { queueSql, type PostgresProjection } from '@cdtt/platform';
import type { EntityManager } from 'typeorm';
import type { TeamDissolvedData, TeamEstablishedData, TeamReattachedData } from '../../domain/team.events';

export const REORGANISATION_PROJECTION = 'reorganisation_v1';

/**
 * Queues "team T follows the succession of commune C on date D", one row per (T, C, D). Another
 * edge of the same split (recorded later, or in a later batch) queues the row again: the dispatcher
 * then offers the held team the full set of successors. Only teams active in C before D.
 */
async function enqueueTeamsOf(manager: EntityManager, fromCode: string, effectiveOn: string, causedBy: string): Promise<void> {
  await queueSql(manager, 
    `INSERT INTO reorganisation_commands_v1 (command_key, team_id, from_code, effective_on, caused_by)
     SELECT t.team_id || '|' || $1 || '|' || $2, t.team_id, $1, $2::date, $3 FROM reorganisation_teams_v1 t
     WHERE t.commune_code = $1 AND t.since < $2::date AND (t.dissolved_on IS NULL OR t.dissolved_on > $2::date)
     ORDER BY t.team_id
     ON CONFLICT (command_key) DO UPDATE SET dispatched_at = NULL, outcome = NULL, caused_by = EXCLUDED.caused_by`,
    [fromCode, effectiveOn, causedBy],
  );
}

/** A team that arrives in a commune (established late, or re-attached) after its succession was recorded. */
async function enqueueLaterSuccession(manager: EntityManager, teamId: string, communeCode: string, since: string, causedBy: string): Promise<void> {
  await queueSql(manager, 
    `INSERT INTO reorganisation_commands_v1 (command_key, team_id, from_code, effective_on, caused_by)
     SELECT $1 || '|' || $2 || '|' || min(e.effective_on)::text, $1::uuid, $2, min(e.effective_on), $4
     FROM reorganisation_edges_v1 e WHERE e.from_code = $2 AND e.effective_on > $3::date
     HAVING min(e.effective_on) IS NOT NULL
     ON CONFLICT (command_key) DO NOTHING`,
    [teamId, communeCode, since, causedBy],
  );
}

async function onTeamEvent(event: RecordedEvent, manager: EntityManager): Promise<void> {
  const teamId = event.streamName.slice('team-'.length);
  // A team merged into another or split ends like a dissolved one: it follows nothing any more.
  if (event.type === 'TeamDissolved' || event.type === 'TeamMergedInto' || event.type === 'TeamSplit') {
    const { effectiveDate } = event.data as TeamDissolvedData;
    await queueSql(manager, 'UPDATE reorganisation_teams_v1 SET dissolved_on = $2 WHERE team_id = $1', [teamId, effectiveDate]);
    return;
  }
  const { communeCode, since } =
    event.type === 'TeamEstablished'
      ? { communeCode: (event.data as TeamEstablishedData).communeCode, since: (event.data as TeamEstablishedData).effectiveDate }
      : { communeCode: (event.data as TeamReattachedData).toCommuneCode, since: (event.data as TeamReattachedData).effectiveDate };
  await queueSql(manager, 
    `INSERT INTO reorganisation_teams_v1 (team_id, commune_code, since) VALUES ($1, $2, $3)
     ON CONFLICT (team_id) DO UPDATE SET commune_code = EXCLUDED.commune_code, since = EXCLUDED.since`,
    [teamId, communeCode, since],
  );
  await enqueueLaterSuccession(manager, teamId, communeCode, since, event.id);
}

async function onSuccession(event: RecordedEvent, manager: EntityManager): Promise<void> {
  if (event.type === 'AdministrativeUnitSuccessionWithdrawn') {
    const w = event.data as AdministrativeUnitSuccessionWithdrawnData;
    await queueSql(manager, 'DELETE FROM reorganisation_edges_v1 WHERE from_code = $1 AND to_code = $2 AND effective_on = $3', [
      w.fromCode,
      w.toCode,
      w.effectiveOn,
    ]);
    return;
  }
  const e = event.data as AdministrativeUnitSucceededData;
  // Teams live in communes: province and island-district edges move no team by themselves.
  if (e.fromLevel !== 'COMMUNE' || e.toLevel !== 'COMMUNE') return;
  await queueSql(manager, 
    `INSERT INTO reorganisation_edges_v1 (from_code, to_code, effective_on, kind) VALUES ($1, $2, $3, $4)
     ON CONFLICT (from_code, to_code, effective_on) DO UPDATE SET kind = EXCLUDED.kind`,
    [e.fromCode, e.toCode, e.effectiveOn, e.kind],
  );
  await enqueueTeamsOf(manager, e.fromCode, e.effectiveOn, event.id);
}

/**
 * The reorganisation process manager's first half (ADR 0012): a projection under its own lease
 * and checkpoint that keeps its own copy of team communes and succession edges, and queues, in
 * the same transaction as its checkpoint, the team commands a succession calls for. The
 * `ReorganisationDispatcher` issues them after commit: appending from inside the batch
 * transaction would deadlock the embedded database's single connection.
 */
export const reorganisationProjection: PostgresProjection = {
  name: REORGANISATION_PROJECTION,
  eventTypes: ['AdministrativeUnitSucceeded', 'AdministrativeUnitSuccessionWithdrawn', 'TeamEstablished', 'TeamReattached', 'TeamDissolved', 'TeamMergedInto', 'TeamSplit'],
  async apply(event: RecordedEvent, manager: EntityManager): Promise<void> {
    if (event.type.startsWith('Team')) return event.streamName.startsWith('team-') ? onTeamEvent(event, manager) : undefined;
    if (event.streamName.startsWith('admin_successions-')) return onSuccession(event, manager);
  },
};
