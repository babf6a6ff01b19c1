import type { Type } from '@nestjs/common';
import { Field, Float, ID, Int, ObjectType, type ReturnTypeFunc } from '@nestjs/graphql';
import type { GraphQLScalarType } from 'graphql';
import { AuditEntryInterface } from './audit-entry.type';

export type AuditScalar = 'String' | 'ID' | 'Int' | 'Float' | 'Boolean';

/** Sealed personal fields (ADR 0007): shown opened, or as `[erased]` once the person was forgotten. */
export interface AuditPersonalSpec {
  readonly personal: { readonly [field: string]: AuditScalar };
}

/** A list of objects is written as a one-element tuple: `figures: [{ category: 'String', … }]`. */
export type AuditListSpec = readonly [{ readonly [field: string]: AuditFieldSpec }];

export type AuditFieldSpec = AuditScalar | `[${AuditScalar}]` | AuditPersonalSpec | AuditListSpec | { readonly [field: string]: AuditFieldSpec };

/** The shape of an event type's `data`, field by field, as auditors should see it. */
export type AuditDataSpec = { readonly [field: string]: AuditFieldSpec };

/** What the registry keeps per event type: its generated GraphQL type and where personal fields sit. */
export interface AuditEventType {
  readonly eventType: string;
  readonly graphqlType: string;
  /** Paths (in `data`) of sealed personal fields, with their field names. */
  readonly personalPaths: ReadonlyArray<{ readonly path: readonly string[]; readonly fields: Readonly<Record<string, AuditScalar>> }>;
}

const SCALARS: Readonly<Record<AuditScalar, () => GraphQLScalarType | StringConstructor | BooleanConstructor>> = {
  String: () => String,
  ID: () => ID,
  Int: () => Int,
  Float: () => Float,
  Boolean: () => Boolean,
};

const registered = new Map<string, AuditEventType>();

/** The concrete type for values of unregistered event types (data as JSON text). */
export const UNREGISTERED_ENTRY_TYPE = 'UnregisteredAuditEntry';

@ObjectType(UNREGISTERED_ENTRY_TYPE, {
  implements: () => [AuditEntryInterface],
  description: 'An event whose type no context registered for audit: the envelope only. Its data is withheld, since only a registration says which fields are personal.',
})
export class UnregisteredAuditEntryType extends AuditEntryInterface {}

const pascal = (word: string): string => word.charAt(0).toUpperCase() + word.slice(1);

const isPersonal = (spec: AuditFieldSpec): spec is AuditPersonalSpec =>
  typeof spec === 'object' &&
  !Array.isArray(spec) && Object.keys(spec).length === 1 && typeof (spec as Partial<AuditPersonalSpec>).personal === 'object';

const isList = (spec: AuditFieldSpec): spec is AuditListSpec => Array.isArray(spec);

/** A class with one nullable @Field per spec entry, decorated as a GraphQL object type. */
function objectTypeOf(name: string, spec: Readonly<Record<string, AuditFieldSpec>>, personalPaths: AuditEventType['personalPaths'][number][], path: readonly string[], description?: string): Type<unknown> {
  const target = { [name]: class {} }[name] as Type<unknown>;
  for (const [key, fieldSpec] of Object.entries(spec)) {
    // Every data field is nullable: an old event may lack a field a later schema version added.
    Field(fieldTypeOf(`${name}${pascal(key)}`, fieldSpec, personalPaths, [...path, key]), { nullable: true })(target.prototype as object, key);
  }
  ObjectType(name, { description })(target);
  return target;
}

function fieldTypeOf(name: string, spec: AuditFieldSpec, personalPaths: AuditEventType['personalPaths'][number][], path: readonly string[]): ReturnTypeFunc {
  if (typeof spec === 'string') {
    const list = spec.startsWith('[');
    const scalar = SCALARS[(list ? spec.slice(1, -1) : spec) as AuditScalar];
    return list ? () => [scalar()] : scalar;
  }
  if (isList(spec)) {
    // Personal fields are not looked for inside lists: no event carries sealed data in one.
    const element = objectTypeOf(name, spec[0], [], path);
    return () => [element];
  }
  if (isPersonal(spec)) {
    personalPaths.push({ path, fields: spec.personal });
    const type = objectTypeOf(name, spec.personal, [], path, 'Personal fields as readable now, or `[erased]` once the person was forgotten (ADR 0007).');
    return () => type;
  }
  const type = objectTypeOf(name, spec, personalPaths, path);
  return () => type;
}

/**
 * Registers event types for history and the audit log: for each, a concrete GraphQL type
 * `<EventType>AuditEntry` implementing `AuditEntry`, whose `data` is `<EventType>AuditData`.
 * Call once per context at import time (before the schema is built), e.g.
 * `export const TEAM_AUDIT_EVENTS = registerAuditEvents({ TeamEstablished: { teamId: 'ID', … } })`.
 */
export function registerAuditEvents(specs: Readonly<Record<string, AuditDataSpec>>): readonly AuditEventType[] {
  const added: AuditEventType[] = [];
  for (const [eventType, spec] of Object.entries(specs)) {
    if (registered.has(eventType)) throw new Error(`Audit event type ${eventType} is registered twice`);
    const personalPaths: AuditEventType['personalPaths'][number][] = [];
    const dataType = objectTypeOf(`${eventType}AuditData`, spec, personalPaths, [], `The data of one ${eventType} event.`);
    const graphqlType = `${eventType}AuditEntry`;
    const entry = { [graphqlType]: class extends AuditEntryInterface {} }[graphqlType] as Type<unknown>;
    Field(() => dataType, { nullable: true })(entry.prototype as object, 'data');
    ObjectType(graphqlType, { implements: () => [AuditEntryInterface], description: `One recorded ${eventType} event.` })(entry);
    const registration = { eventType, graphqlType, personalPaths };
    registered.set(eventType, registration);
    added.push(registration);
  }
  return added;
}

/** The registration of an event type; undefined when no context registered it. */
export function auditEventTypeOf(eventType: string): AuditEventType | undefined {
  return registered.get(eventType);
}

/** Every registered event type name, sorted (for the filter's documentation and tests). */
export function registeredAuditEventTypes(): string[] {
  return [...registered.keys()].sort();
}
