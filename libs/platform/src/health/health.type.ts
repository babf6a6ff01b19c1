import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType('Health', { description: 'Whether this API instance can serve, and what it runs on.' })
export class HealthType {
  @Field({ description: '`ok` when the database answers, else `degraded`.' })
  status!: string;

  @Field({ description: '`up` or `down`.' })
  database!: string;

  @Field({ description: 'Which event store holds the events: `postgres` or `eventstoredb`.' })
  eventStore!: string;

  @Field({ description: 'When this report was made (ISO-8601).' })
  checkedAt!: string;
}
