/**
 * The real administrative units a synthetic country is built on: the communes in force since the
 * 2025 reform, each with the pre-2025 communes merged into it (from the official mapping).
 */
export interface OldCommune {
  readonly code: string;
  /** Its province before the reform (63 provinces then). */
  readonly provinceCode: string;
  /** Urban (phường, thị trấn) communes have tổ dân phố; rural ones thôn, bản, ấp… */
  readonly urban: boolean;
}

export interface NewCommune {
  readonly code: string;
  readonly name: string;
  readonly provinceCode: string;
  readonly urban: boolean;
  /** Pre-2025 communes merged into this one, fully or partly; empty for the special zones. */
  readonly predecessors: readonly OldCommune[];
}

export interface Country {
  /** In the official order of the post-2025 list (province, then commune code). */
  readonly communes: readonly NewCommune[];
}
