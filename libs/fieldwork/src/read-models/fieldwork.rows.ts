/** Rows as the read models hold them (not GraphQL types). Dates are `YYYY-MM-DD` strings. */
export interface TrainingRow {
  id: string;
  title: string;
  organiser_kind: string;
  organiser_name: string;
  level: string;
  mode: string;
  held_on: string;
  province_code: string | null;
  commune_code: string | null;
  topics: string[];
  status: string;
  completed_on: string | null;
  cancelled_on: string | null;
  cancel_reason: string | null;
  attendee_count: number;
  version: number;
}

export interface ActivityRow {
  id: string;
  team_id: string;
  commune_code: string;
  province_code: string | null;
  village_id: string;
  held_on: string;
  participant_ids: string[];
  status: string;
  corrections: number;
  retracted_on: string | null;
  retract_reason: string | null;
  /** CategoryFigures[] (current). */
  figures: unknown;
  /** [{ kind, revision, recordedAt, on, reason?, figures? }] */
  history: unknown;
  version: number;
}

export interface MeetingRow {
  id: string;
  team_id: string;
  commune_code: string;
  province_code: string | null;
  held_on: string;
  convened_by: string;
  attendee_ids: string[];
  decisions: string[];
  initiatives: string[];
  version: number;
}

/** Filters shared by the three lists; dates inclusive. */
export interface FieldworkFilter {
  readonly provinceCode?: string | null;
  readonly communeCode?: string | null;
  readonly teamId?: string | null;
  readonly from?: string | null;
  readonly to?: string | null;
}

export interface Page<T> {
  readonly rows: T[];
  readonly totalCount: number;
}

export const TRAINING_COLUMNS = `t.id, t.title, t.organiser_kind, t.organiser_name, t.level, t.mode, t.held_on::text AS held_on,
  t.province_code, t.commune_code, t.topics, t.status, t.completed_on::text AS completed_on, t.cancelled_on::text AS cancelled_on,
  t.cancel_reason, t.attendee_count, t.version`;

export const ACTIVITY_COLUMNS = `a.id, a.team_id, a.commune_code, a.province_code, a.village_id, a.held_on::text AS held_on,
  a.participant_ids::text[] AS participant_ids, a.status, a.corrections, a.retracted_on::text AS retracted_on, a.retract_reason,
  a.figures, a.history, a.version`;

export const MEETING_COLUMNS = `a.id, a.team_id, a.commune_code, a.province_code, a.held_on::text AS held_on, a.convened_by,
  a.attendee_ids::text[] AS attendee_ids, a.decisions, a.initiatives, a.version`;
