import { Inject } from '@nestjs/common';
import { Args, Query, Resolver } from '@nestjs/graphql';
import { codedError } from '../../graphql/coded-error';
import { connectionOf, decodeCursor, type ConnectionShape } from '../../graphql/connection';
import { CurrentActor, type RequestActor } from '../../graphql/request-actor';
import { ProvinceScope } from '../../security/scope/province-scope';
import { streamNameOf } from '../stream-verification.resolver';
import { AuditEntryConnection } from './audit-entry.connection';
import { auditEntriesOf, type AuditEntryValue } from './audit-entries';
import { AuditLogArgs, HistoryArgs } from './audit-log.input';
import { AuditLogReader } from './audit-log.reader';
import { AuditPersonalData } from './audit-personal-data';

/** A cursor is the store position of the last entry (history adds its revision to resume the stream read). */
function cursorValues(after: string | null | undefined): unknown[] | null {
  if (after === null || after === undefined) return null;
  const values = decodeCursor(after);
  if (values === null || typeof values[0] !== 'string') throw codedError('BAD_USER_INPUT', 'after is not a cursor of this connection.');
  return values;
}

/** Who did what, when: any stream's events, and the whole log filtered (ADR 0011). */
@Resolver()
export class HistoryResolver {
  constructor(
    @Inject(AuditLogReader) private readonly reader: AuditLogReader,
    @Inject(AuditPersonalData) private readonly personal: AuditPersonalData,
  ) {}

  @Query(() => AuditEntryConnection, {
    description:
      "The events of one stream in revision order. `id` is a stream name or the id of a Team, Person or Village. A portal sees only its provinces' streams; an unknown or hidden stream is an empty connection.",
  })
  async history(@Args() args: HistoryArgs, @CurrentActor() actor: RequestActor): Promise<ConnectionShape<AuditEntryValue>> {
    const streamName = streamNameOf(args.id);
    if (streamName === null) throw codedError('BAD_USER_INPUT', 'id is neither a stream name nor the id of a Team, Person or Village.');
    const after = cursorValues(args.after);
    const fromRevision = after === null ? 0 : Number(after[1]) + 1;
    if (!Number.isInteger(fromRevision) || fromRevision < 0) throw codedError('BAD_USER_INPUT', 'after is not a cursor of this connection.');
    if (!(await this.reader.streamVisible(streamName, ProvinceScope.of(actor)))) return connectionOf([], args.first, 0, (e: AuditEntryValue) => e, () => []);
    const events = await this.reader.streamEvents(streamName, fromRevision, args.first + 1);
    const totalCount = await this.reader.streamLength(streamName);
    const entries = await auditEntriesOf(events, this.personal);
    return connectionOf(entries, args.first, totalCount, (e) => e, (e) => [e.position, e.revision], fromRevision > 0);
  }

  @Query(() => AuditEntryConnection, {
    description:
      "Every recorded event in log order, filtered. Cursors are store positions, so pages are stable while events are appended. A portal sees only events of its provinces' streams.",
  })
  async auditLog(@Args() args: AuditLogArgs, @CurrentActor() actor: RequestActor): Promise<ConnectionShape<AuditEntryValue>> {
    const after = cursorValues(args.after);
    const page = await this.reader.page(args.filter ?? {}, ProvinceScope.of(actor), args.first, (after?.[0] as string | undefined) ?? null);
    const entries = await auditEntriesOf(page.events, this.personal);
    return connectionOf(entries, args.first, page.totalCount, (e) => e, (e) => [e.position], after !== null);
  }
}
