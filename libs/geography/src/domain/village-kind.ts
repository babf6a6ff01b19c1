/**
 * What a village-level unit is called locally (the names differ by region and ethnicity; the
 * level is the same): thôn, bản, tổ dân phố, khu phố, ấp, khóm, buôn, sóc, làng, phum, xóm, khu.
 * The string values are stable: they are stored in events.
 */
export enum VillageKind {
  /** Thôn: rural village (most provinces). */
  THON = 'THON',
  /** Bản: village in the northern mountains. */
  BAN = 'BAN',
  /** Tổ dân phố: residential group in a phường or thị trấn. */
  TO_DAN_PHO = 'TO_DAN_PHO',
  /** Khu phố: urban quarter (southern cities). */
  KHU_PHO = 'KHU_PHO',
  /** Ấp: hamlet in the south. */
  AP = 'AP',
  /** Khóm: urban group in the Mekong delta. */
  KHOM = 'KHOM',
  /** Buôn: village in the Central Highlands. */
  BUON = 'BUON',
  /** Sóc: Khmer village in the Mekong delta. */
  SOC = 'SOC',
  /** Làng: traditional village (Central Highlands, north). */
  LANG = 'LANG',
  /** Phum: Khmer hamlet. */
  PHUM = 'PHUM',
  /** Xóm: small hamlet (north central). */
  XOM = 'XOM',
  /** Khu: residential area. */
  KHU = 'KHU',
  /** Another local name. */
  OTHER = 'OTHER',
}

const KINDS = new Set<string>(Object.values(VillageKind));

export function isVillageKind(value: unknown): value is VillageKind {
  return typeof value === 'string' && KINDS.has(value);
}
