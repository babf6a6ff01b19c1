import { ANY_EVENT_TYPE } from './postgres-projection';
import { ProjectionConsumers } from './projection-consumers';

describe('ProjectionConsumers', () => {
  const consumers = new ProjectionConsumers([
    { name: 'villages_v1', eventTypes: ['VillageRegistered', 'VillageRetired'] },
    { name: 'teams_v1', eventTypes: ['TeamEstablished', 'VillageRegistered'] },
    { name: 'fieldwork_v1', eventTypes: ['ActivityLogged', 'VillageRetired'] },
    { name: 'audit_index_v1', eventTypes: [ANY_EVENT_TYPE] },
  ]);

  it('names every projection that copies one of the types, once, with the caller’s own', () => {
    expect(consumers.of(['VillageRegistered', 'VillageRetired'], ['villages_v1'])).toEqual(['fieldwork_v1', 'teams_v1', 'villages_v1']);
    expect(consumers.of(['TeamEstablished'])).toEqual(['teams_v1']);
  });

  it('leaves out the projections that read every event, and keeps the own list when nothing else reads the types', () => {
    expect(consumers.of(['SomethingElse'], ['x_v1'])).toEqual(['x_v1']);
    expect(ProjectionConsumers.NONE.of(['VillageRegistered'], ['villages_v1'])).toEqual(['villages_v1']);
  });
});
