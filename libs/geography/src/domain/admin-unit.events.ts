import type { DomainEvent } from '@cdtt/event-sourcing';

/** Tier of the administrative tree. DISTRICT exists only before the 2025 reform (history). */
export type AdminLevel = 'PROVINCE' | 'DISTRICT' | 'COMMUNE';
export const ADMIN_LEVELS: readonly AdminLevel[] = ['PROVINCE', 'DISTRICT', 'COMMUNE'];

/** Resolution 202/2025/QH15: the two-tier tree is in force from this civil date (inclusive). */
export const REFORM_DATE = '2025-07-01';

/**
 * One version of an official unit: the same code may have two versions (a pre-2025 commune
 * whose code a post-2025 commune reuses), told apart by their validity dates.
 * `validFrom` inclusive, `validTo` exclusive; null = unknown start / still in force.
 */
export interface AdministrativeUnitRecordedData {
  readonly level: AdminLevel;
  readonly code: string;
  readonly name: string;
  readonly fullName: string;
  readonly nameEn: string;
  /** The unit type as officially written: Xã, Phường, Thị trấn, Đặc khu, Huyện, Quận, Thị xã, Thành phố, Tỉnh. */
  readonly type: string;
  /** The unit directly above (district for a pre-2025 commune, province otherwise); null for a province. */
  readonly parentCode: string | null;
  /** Province the unit rolls up to (its own code for a province): saves every reader a tree walk. */
  readonly provinceCode: string;
  readonly validFrom: string | null;
  readonly validTo: string | null;
  /** Dataset the fact came from: relative file path and the SHA-256 prefix of its bytes. */
  readonly source: string;
}

/** FULL: the whole old unit went to the new one; PARTIAL: part of it (the old unit was split). */
export type SuccessionKind = 'FULL' | 'PARTIAL';

/** An edge of the 2025 mapping: old unit → new unit, effective on the reform date. */
export interface AdministrativeUnitSucceededData {
  readonly fromLevel: AdminLevel;
  readonly fromCode: string;
  readonly toLevel: AdminLevel;
  readonly toCode: string;
  readonly kind: SuccessionKind;
  readonly effectiveOn: string;
  readonly source: string;
}

export type AdministrativeUnitRecorded = DomainEvent<'AdministrativeUnitRecorded', AdministrativeUnitRecordedData>;
export type AdministrativeUnitSucceeded = DomainEvent<'AdministrativeUnitSucceeded', AdministrativeUnitSucceededData>;
export type AdminUnitEvent = AdministrativeUnitRecorded | AdministrativeUnitSucceeded;

export const ADMIN_UNIT_EVENT_TYPES = ['AdministrativeUnitRecorded', 'AdministrativeUnitSucceeded'] as const;
