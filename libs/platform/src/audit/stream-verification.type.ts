import { Field, Int, ObjectType, registerEnumType } from '@nestjs/graphql';

/** GraphQL mirror of the kernel's verdict reasons. */
export enum ChainFailureReasonEnum {
  HASH_MISMATCH = 'HASH_MISMATCH',
  PREV_HASH_MISMATCH = 'PREV_HASH_MISMATCH',
  REVISION_GAP = 'REVISION_GAP',
}

registerEnumType(ChainFailureReasonEnum, {
  name: 'ChainFailureReason',
  description: 'HASH_MISMATCH: the event was edited; PREV_HASH_MISMATCH: it was re-linked; REVISION_GAP: an event before it is missing.',
});

@ObjectType('StreamVerification', { description: "One stream's audit chain checked from revision 0 (ADR 0009)." })
export class StreamVerificationType {
  @Field({ description: 'The event stream checked, e.g. `team-<uuid>`.' })
  streamName!: string;

  @Field({ description: 'True when every event links to the previous one and hashes to its recorded hash.' })
  ok!: boolean;

  @Field(() => Int, { description: 'Events that verified (up to the first bad one).' })
  eventCount!: number;

  @Field(() => String, { nullable: true, description: "The last event's hash when ok: compare it with a copy kept elsewhere." })
  headHash!: string | null;

  @Field(() => Int, { nullable: true, description: 'Revision of the first event that does not verify.' })
  firstBadRevision!: number | null;

  @Field(() => String, { nullable: true, description: 'Id of the first event that does not verify.' })
  firstBadEventId!: string | null;

  @Field(() => ChainFailureReasonEnum, { nullable: true, description: 'Why the first bad event does not verify.' })
  reason!: ChainFailureReasonEnum | null;
}
