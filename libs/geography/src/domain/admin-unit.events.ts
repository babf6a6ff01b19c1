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

/**
 * A succession edge recorded earlier is withdrawn (a correction: the mapping was wrong). The edge
 * is identified by its from/to units and date; recording it again later restores it.
 */
export interface AdministrativeUnitSuccessionWithdrawnData {
  readonly fromLevel: AdminLevel;
  readonly fromCode: string;
  readonly toLevel: AdminLevel;
  readonly toCode: string;
  readonly effectiveOn: string;
  /** Why, for the audit trail (e.g. "Nghị quyết 1664/NQ-UBTVQH15 lists it under Xã X"). */
  readonly reason: string;
}

/**
 * A defect the import found in the official files (README of shared/data/admin-units, "Caveats"),
 * kept as a fact so it can be listed and followed up: REJECTED (not loaded), PATCHED (loaded after a
 * known correction), NOTE (loaded as is; a human should confirm).
 */
export interface AdministrativeMappingIssueRecordedData {
  readonly kind: 'REJECTED' | 'PATCHED' | 'NOTE';
  /** Stable reason, e.g. OLD_CODE_NOT_IN_PRE_2025_LIST, CODE_REUSED_WITHOUT_EDGE. */
  readonly reason: string;
  /** What it is about, e.g. "COMMUNE 23710" or "COMMUNE 07693 → COMMUNE 07696". */
  readonly subject: string;
  readonly message: string;
  readonly source: string;
}

export type AdministrativeUnitRecorded = DomainEvent<'AdministrativeUnitRecorded', AdministrativeUnitRecordedData>;
export type AdministrativeUnitSucceeded = DomainEvent<'AdministrativeUnitSucceeded', AdministrativeUnitSucceededData>;
export type AdministrativeUnitSuccessionWithdrawn = DomainEvent<'AdministrativeUnitSuccessionWithdrawn', AdministrativeUnitSuccessionWithdrawnData>;
export type AdministrativeMappingIssueRecorded = DomainEvent<'AdministrativeMappingIssueRecorded', AdministrativeMappingIssueRecordedData>;
export type AdminUnitEvent =
  | AdministrativeUnitRecorded
  | AdministrativeUnitSucceeded
  | AdministrativeUnitSuccessionWithdrawn
  | AdministrativeMappingIssueRecorded;

export const ADMIN_UNIT_EVENT_TYPES = [
  'AdministrativeUnitRecorded',
  'AdministrativeUnitSucceeded',
  'AdministrativeUnitSuccessionWithdrawn',
  'AdministrativeMappingIssueRecorded',
] as const;
