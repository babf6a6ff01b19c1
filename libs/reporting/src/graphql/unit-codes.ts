import { fromGlobalId, toGlobalId } from '@cdtt/platform';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A unit code as the API shows it: a team by its global id, the others by code. */
export const apiUnitCode = (level: string, code: string): string => (level === 'TEAM' ? toGlobalId('Team', code) : code);

/** The stored code of a unit given by a client; a team id that is not a Team global id stays as given (it then matches nothing). */
export function storedUnitCode(level: string, code: string): string {
  if (level !== 'TEAM') return code;
  const parsed = fromGlobalId(code);
  return parsed?.typeName === 'Team' && UUID.test(parsed.localId) ? parsed.localId : code;
}

/** The local report id of a Report global id, or null. */
export function reportIdOf(globalId: string): string | null {
  const parsed = fromGlobalId(globalId);
  return parsed?.typeName === 'Report' ? parsed.localId : null;
}
