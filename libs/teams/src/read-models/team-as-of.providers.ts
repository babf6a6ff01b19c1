import type { Provider } from '@nestjs/common';
import type { Runtime } from '@cdtt/platform';
import type { PersonalDataVault } from '../personal-data/personal-data.vault';
import { RecordedTeamStatistics } from './recorded-team-statistics';
import { TeamAsOfReads } from './team-as-of.reads';

/** Time travel's services for TeamsModule (ADR 0011). */
export function teamAsOfProviders(runtime: Runtime, vault: PersonalDataVault, portalsSeeNational: boolean): Provider[] {
  return [
    { provide: TeamAsOfReads, useValue: new TeamAsOfReads(runtime.dataSource, vault) },
    { provide: RecordedTeamStatistics, useValue: new RecordedTeamStatistics(runtime.dataSource, { portalsSeeNational }) },
  ];
}
