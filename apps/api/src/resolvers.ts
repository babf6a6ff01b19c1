import { HealthResolver, NodeResolver, ProjectionStatusResolver } from '@cdtt/platform';

/** Resolvers the app module provides itself (context modules provide their own). */
export const PLATFORM_RESOLVERS = [HealthResolver, ProjectionStatusResolver] as const;

/**
 * Every resolver of the public API, for the schema printer: the platform's, NodeResolver
 * (provided by PlatformModule) and each context's `<CONTEXT>_RESOLVERS`.
 */
export const API_RESOLVERS = [...PLATFORM_RESOLVERS, NodeResolver] as const;
