/** Rows as the teams query services return them (dates as `YYYY-MM-DD` text). */
export interface TeamRow {
  id: string;
  name: string;
  level: 'VILLAGE' | 'COMMUNE';
  commune_code: string;
  province_code: string | null;
  status: 'ACTIVE' | 'DISSOLVED';
  established_on: string;
  dissolved_on: string | null;
  decision_number: string;
  decision_date: string;
  decision_issuing_commune_code: string;
  decision_signer_name: string;
  decision_signer_title: string;
  version: number;
  has_youth_union_member: boolean;
}

export const TEAM_COLUMNS = `t.id, t.name, t.level, t.commune_code, t.province_code, t.status,
  t.established_on::text AS established_on, t.dissolved_on::text AS dissolved_on, t.decision_number,
  t.decision_date::text AS decision_date, t.decision_issuing_commune_code, t.decision_signer_name,
  t.decision_signer_title, t.version, t.has_youth_union_member`;

/** A current member with personal fields opened, or `[erased]` once the person was forgotten. */
export interface MemberView {
  readonly personId: string;
  readonly role: 'LEADER' | 'DEPUTY' | 'MEMBER';
  /** The date the current role took effect. */
  readonly since: string;
  readonly fullName: string;
  readonly phone: string | null;
  readonly youthUnionMember: boolean;
  readonly erased: boolean;
}

export interface VillageView {
  readonly villageId: string;
  readonly name: string | null;
  readonly since: string;
}

export interface TeamFilter {
  readonly provinceCode?: string | null;
  readonly communeCode?: string | null;
  readonly status?: 'ACTIVE' | 'DISSOLVED' | null;
  readonly hasYouthUnionMember?: boolean | null;
}

export interface TeamOrder {
  readonly field: 'NAME' | 'ESTABLISHED_ON';
  readonly direction: 'ASC' | 'DESC';
}
