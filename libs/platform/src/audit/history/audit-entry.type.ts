import { Field, ID, Int, InterfaceType, ObjectType } from '@nestjs/graphql';

@ObjectType('AuditActor', { description: 'Who caused an event: the API client (or operator) and the role it acted in.' })
export class AuditActorType {
  @Field({ description: 'The API client id, or an operator name for CLI imports.' })
  clientId!: string;

  @Field({ description: 'ADMIN, PORTAL, AUDITOR, or SYSTEM for imports.' })
  role!: string;
}

/**
 * The envelope of one recorded event, shared by every concrete `<EventType>AuditEntry`. Values of
 * this interface are plain objects with `type` set; resolveType picks the concrete type from it.
 */
@InterfaceType('AuditEntry', {
  description: 'One recorded event with its audit envelope. Each event type has its own concrete type carrying its `data`.',
  resolveType: (value: { readonly graphqlType: string }) => value.graphqlType,
})
export abstract class AuditEntryInterface {
  @Field(() => ID, { description: 'The event id (UUIDv7), unique in the whole log.' })
  eventId!: string;

  @Field({ description: 'The event type, e.g. `MemberJoined`: a name that never changes.' })
  type!: string;

  @Field(() => Int, { description: 'Shape version of `data` as stored.' })
  schemaVersion!: number;

  @Field({ description: 'The stream, e.g. `team-<uuid>`.' })
  stream!: string;

  @Field(() => Int, { description: '0-based revision within the stream.' })
  revision!: number;

  @Field({ description: 'Position in the whole log (opaque, string-sortable): the paging cursor.' })
  position!: string;

  @Field({ description: 'When the registry recorded the fact (ISO-8601 instant): the recorded clock.' })
  recordedAt!: string;

  @Field({ description: 'When the fact takes effect in the world (ISO-8601 instant): the effective clock.' })
  effectiveAt!: string;

  @Field(() => AuditActorType)
  actor!: AuditActorType;

  @Field(() => ID, { description: 'Groups the events one request caused.' })
  correlationId!: string;

  @Field(() => ID, { nullable: true, description: 'The command or event that caused this one.' })
  causationId!: string | null;

  @Field({ description: 'SHA-256 (hex) of prevHash and the canonical JSON of the event (ADR 0001).' })
  hash!: string;

  @Field({ description: "The previous event's hash in the stream; 64 zeros for revision 0." })
  prevHash!: string;
}
