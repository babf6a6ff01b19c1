import { FIELDWORK_RESOLVERS } from '@cdtt/fieldwork';
import { GEOGRAPHY_RESOLVERS } from '@cdtt/geography';
import { REPORTING_RESOLVERS } from '@cdtt/reporting';
import { TEAMS_RESOLVERS } from '@cdtt/teams';
import { HealthResolver, NodeResolver, ProjectionStatusResolver, SECURITY_RESOLVERS, StreamVerificationResolver, HistoryResolver } from '@cdtt/platform';

/** Resolvers the app module provides itself (context modules provide their own). */
export const PLATFORM_RESOLVERS = [HealthResolver, ProjectionStatusResolver, StreamVerificationResolver, HistoryResolver] as const;

/**
 * Every resolver of the public API, for the schema printer: the platform's, NodeResolver
 * (provided by PlatformModule) and each context's `<CONTEXT>_RESOLVERS`.
 */
export const API_RESOLVERS = [
  ...PLATFORM_RESOLVERS,
  NodeResolver,
  ...SECURITY_RESOLVERS,
  ...GEOGRAPHY_RESOLVERS,
  ...TEAMS_RESOLVERS,
  ...FIELDWORK_RESOLVERS,
  ...REPORTING_RESOLVERS,
] as const;
