import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Connection, NodeInterface, toGlobalId } from '@cdtt/platform';
import type { MeetingRow } from '../read-models/fieldwork.rows';

@ObjectType('Meeting', { implements: () => [NodeInterface], description: 'A team meeting convened by its leader.' })
export class MeetingType implements NodeInterface {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  teamId!: string;

  @Field()
  communeCode!: string;

  @Field(() => String, { nullable: true })
  provinceCode!: string | null;

  @Field()
  date!: string;

  @Field(() => ID, { description: 'Global id of the leader who convened it.' })
  convenedBy!: string;

  @Field(() => [ID])
  attendeeIds!: string[];

  @Field(() => [String])
  decisions!: string[];

  @Field(() => [String])
  initiatives!: string[];

  @Field(() => Int)
  version!: number;

  static of(row: MeetingRow): MeetingType {
    return Object.assign(new MeetingType(), {
      id: toGlobalId('Meeting', row.id),
      teamId: toGlobalId('Team', row.team_id),
      communeCode: row.commune_code,
      provinceCode: row.province_code,
      date: row.held_on,
      convenedBy: toGlobalId('Person', row.convened_by),
      attendeeIds: row.attendee_ids.map((id) => toGlobalId('Person', id)),
      decisions: row.decisions,
      initiatives: row.initiatives,
      version: row.version,
    });
  }
}

@ObjectType('MeetingConnection')
export class MeetingConnection extends Connection(MeetingType, 'Meeting') {}
