import { HealthResolver, ProjectionStatusResolver } from '@cdtt/platform';

/** Every resolver of the public API: the app module registers them, print-schema prints them. */
export const API_RESOLVERS = [HealthResolver, ProjectionStatusResolver] as const;
