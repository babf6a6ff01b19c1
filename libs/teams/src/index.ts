// Public surface of the teams context. Import only via '@cdtt/teams'.
export * from './domain/team.events';
export * from './domain/team.commands';
export * from './domain/person.events';
export type { PersonCommand } from './domain/person.commands';
export { teamDecider } from './domain/team.decider';
export type { TeamState } from './domain/team.state';
export { personDecider, PersonErrors, type PersonState } from './domain/person.decider';
export { TeamErrors } from './domain/team.errors';
export { TEAMS_PROJECTIONS } from './read-models/teams.projections';
export { TEAMS_PROJECTION, teamsProjection } from './read-models/teams.projection';
export { TeamStatisticsService, NATIONAL_CODE, type UnitStatistics, type StatisticsLevel } from './read-models/team-statistics.service';
export { StatisticsCache } from './read-models/statistics-cache';
export { loadPersonalDataMasterKey, MASTER_KEY_FILE } from './personal-data/master-key.loader';
export { ERASED, PersonalDataVault } from './personal-data/personal-data.vault';
export type { PersonalDataKeys } from './personal-data/personal-data-keys.repository';
export { TeamsModule } from './teams.module';
export { TEAMS_RESOLVERS } from './graphql/teams.resolvers';
export { TeamReadService } from './read-models/team-read.service';
export { TeamFiguresRead, type TeamFigureSet } from './read-models/team-figures.read';
export { REORGANISATION_PROJECTION, reorganisationProjection } from './application/reorganisation/reorganisation.projection';
export { ReorganisationDispatcher, ReorganisationDispatchLoop, REORGANISATION_ACTOR } from './application/reorganisation/reorganisation.dispatcher';
export { TEAM_AUDIT_EVENTS } from './graphql/team-audit-events';
// GraphQL types other contexts extend with resolve fields (field work adds `fieldwork(period)`).
export { UnitStatisticsType } from './graphql/unit-statistics.type';
export { TeamType } from './graphql/team.type';
// Teams-list answers remembered per teams_v1 version (ADR 0024); the API composes the plugin.
export { TEAMS_CACHEABLE_ANSWERS } from './graphql/team-answers';
