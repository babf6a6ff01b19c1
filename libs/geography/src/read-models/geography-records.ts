import type { AdminLevel, SuccessionKind } from '../domain/admin-unit.events';

/** A unit version as read models hold it (not a GraphQL type). */
export interface AdminUnitRecord {
  level: AdminLevel;
  code: string;
  name: string;
  fullName: string;
  type: string;
  parentCode: string | null;
  provinceCode: string;
  validFrom: string | null;
  validTo: string | null;
}

export interface VillageRecord {
  id: string;
  communeCode: string;
  name: string;
  kind: string;
  households: number | null;
  status: 'ACTIVE' | 'RETIRED';
  registeredOn: string;
  retiredOn: string | null;
  /** Stream revision of the village: what `expectedVersion` compares with. */
  version: number;
}

export interface SuccessionRecord {
  fromLevel: AdminLevel;
  fromCode: string;
  toLevel: AdminLevel;
  toCode: string;
  kind: SuccessionKind;
  effectiveOn: string;
}

/** One page of a keyset-paginated list; `cursor` resumes after that record. */
export interface RecordPage<T> {
  readonly edges: ReadonlyArray<{ readonly cursor: string; readonly record: T }>;
  readonly totalCount: number;
  readonly hasNextPage: boolean;
}
