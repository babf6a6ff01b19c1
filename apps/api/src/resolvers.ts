import { GEOGRAPHY_RESOLVERS } from '@cdtt/geography';
import { TEAMS_RESOLVERS } from '@cdtt/teams';
import { HealthResolver, NodeResolver, ProjectionStatusResolver, SECURITY_RESOLVERS, StreamVerificationResolver } from '@cdtt/platform';

/** Resolvers the app module provides itself (context modules provide their own). */
export const PLATFORM_RESOLVERS = [HealthResolver, ProjectionStatusResolver, StreamVerificationResolver] as const;

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
] as const;
