import { ObjectType } from '@nestjs/graphql';
import { Connection } from '@cdtt/platform';
import { TeamType } from './team.type';

@ObjectType('TeamConnection')
export class TeamConnection extends Connection(TeamType, 'Team') {}
