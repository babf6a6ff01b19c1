import { ConfigError, loadConfig, type PostgresProjection } from '@cdtt/platform';
import { selectProjections } from './projection-selection';

const projection = (name: string): PostgresProjection => ({ name, eventTypes: ['X'], apply: () => Promise.resolve() });
const all = [projection('teams_v1'), projection('fieldwork_v1'), projection('audit_index_v1')];

describe('PROJECTIONS: the projections one projector process runs', () => {
  it('runs every projection when unset', () => {
    expect(loadConfig({}).projections).toBeNull();
    expect(selectProjections(all, null)).toBe(all);
  });

  it('runs only the named ones, in the registered order, once each', () => {
    const { projections } = loadConfig({ PROJECTIONS: ' audit_index_v1, teams_v1 ,teams_v1' });
    expect(projections).toEqual(['audit_index_v1', 'teams_v1']);
    expect(selectProjections(all, projections).map((p) => p.name)).toEqual(['teams_v1', 'audit_index_v1']);
  });

  it('refuses malformed lists at start, and names unknown projections with the known ones', () => {
    expect(() => loadConfig({ PROJECTIONS: 'teams' })).toThrow(/PROJECTIONS must list projection names/);
    expect(() => loadConfig({ PROJECTIONS: ' , ' })).toThrow(/PROJECTIONS must list projection names/);
    expect(() => selectProjections(all, ['teams_v2'])).toThrow(ConfigError);
    expect(() => selectProjections(all, ['teams_v2'])).toThrow(/unknown projections: teams_v2 \(known: teams_v1, fieldwork_v1, audit_index_v1\)/);
  });
});
