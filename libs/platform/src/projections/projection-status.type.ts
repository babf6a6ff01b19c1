import { Field, Float, GraphQLISODateTime, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('ProjectionLease', { description: 'Which runner holds a projection, and until when.' })
export class ProjectionLeaseType {
  @Field({ description: 'Runner id: host, process and a per-start suffix.' })
  owner!: string;

  @Field(() => GraphQLISODateTime)
  expiresAt!: Date;

  @Field({ description: 'True while the lease has not expired (database clock).' })
  active!: boolean;
}

@ObjectType('ProjectionStatus', { description: 'How far one versioned projection has read the event log.' })
export class ProjectionStatusType {
  @Field({ description: 'Versioned name, e.g. `event_type_counts_v1`.' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Opaque checkpoint position; null before the first batch.' })
  position!: string | null;

  @Field(() => Float, { description: 'Events read past, applied or not.' })
  eventsProcessed!: number;

  @Field(() => Float, { description: 'Events this projection handled.' })
  eventsApplied!: number;

  @Field(() => Int, { description: 'Events after the checkpoint (a lower bound when lagEventsCapped).' })
  lagEvents!: number;

  @Field()
  lagEventsCapped!: boolean;

  @Field(() => Float, { description: 'Age in seconds of the oldest unprocessed event; 0 when caught up.' })
  lagSeconds!: number;

  @Field(() => GraphQLISODateTime, { nullable: true })
  lastEventRecordedAt!: Date | null;

  @Field(() => GraphQLISODateTime)
  updatedAt!: Date;

  @Field(() => ProjectionLeaseType, { nullable: true })
  lease!: ProjectionLeaseType | null;

  @Field(() => [String], {
    description: 'Indexes only reads use, dropped while this projection catches up from the start of the log and built again at the head; reads that need them scan meanwhile. Empty when caught up.',
  })
  deferredIndexes!: string[];
}
