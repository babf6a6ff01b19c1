import type { Type } from '@nestjs/common';
import { ObjectType } from '@nestjs/graphql';
import { Connection } from '../../graphql/connection';
import { AuditEntryInterface } from './audit-entry.type';

@ObjectType('AuditEntryConnection', { description: 'Events in log order; cursors are store positions.' })
export class AuditEntryConnection extends Connection(AuditEntryInterface as unknown as Type<AuditEntryInterface>, 'AuditEntry') {}
