import { TASK_CATEGORIES, type TaskCategory } from '@cdtt/fieldwork';
import type { Aggregation } from '../domain/reporting.model';
import type { Indicator } from './indicator';

/** The first year of Plan 557; the built-in catalogue starts here. */
export const FIRST_CATALOGUE_YEAR = 2022;

type Entry = Omit<Indicator, 'year' | 'provinceCode' | 'builtIn' | 'denominatorSource'> & {
  readonly denominatorSource?: string;
  /** The first year the indicator is reported (e.g. Bình dân học vụ số from 2025). */
  readonly since?: number;
};

const e = (code: string, nameVi: string, nameEn: string, unit: string, aggregation: Aggregation, source: string, extra: Partial<Entry> = {}): Entry => ({
  code, nameVi, nameEn, unit, aggregation, source, ...extra,
});

const CATEGORY_NAMES: Record<TaskCategory, readonly [string, string]> = {
  ONLINE_PUBLIC_SERVICES: ['dịch vụ công trực tuyến', 'online public services'],
  E_COMMERCE: ['thương mại điện tử', 'e-commerce'],
  E_PAYMENT: ['thanh toán điện tử', 'e-payment'],
  E_HEALTH: ['sức khỏe điện tử', 'e-health'],
  VIRTUAL_ASSISTANTS: ['trợ lý ảo', 'virtual assistants'],
  INFORMATION_SECURITY: ['an toàn thông tin', 'information security'],
  SOCIAL_MEDIA_SAFETY: ['mạng xã hội an toàn', 'safe social media'],
  MAKE_IN_VIETNAM_PLATFORMS: ['nền tảng Make in Viet Nam', 'Make in Viet Nam platforms'],
  VNEID: ['VNeID', 'VNeID'],
  OTHER: ['nhiệm vụ khác', 'other tasks'],
};

/**
 * The indicators of Plan 557 and of national practice since 2022 (domain.md §2). Codes are stored
 * in targets and report snapshots: add entries (with `since`), never rename or drop one.
 */
const ENTRIES: readonly Entry[] = [
  e('TEAMS', 'Số Tổ CNSCĐ', 'Teams', 'tổ', 'END_OF_PERIOD', 'TEAMS:ACTIVE_TEAMS'),
  e('VILLAGES_COVERED', 'Số thôn, tổ dân phố có Tổ CNSCĐ', 'Villages with a team', 'thôn', 'END_OF_PERIOD', 'TEAMS:VILLAGES_COVERED'),
  e('VILLAGE_COVERAGE', 'Tỷ lệ thôn, tổ dân phố có Tổ CNSCĐ', 'Share of villages with a team', '%', 'RATIO', 'TEAMS:VILLAGES_COVERED', { denominatorSource: 'TEAMS:VILLAGES' }),
  e('COMMUNES_FULL_COVERAGE', 'Số xã có 100% thôn có Tổ CNSCĐ', 'Communes at full coverage', 'xã', 'END_OF_PERIOD', 'TEAMS:COMMUNES_AT_FULL_COVERAGE'),
  e('MEMBERS', 'Số thành viên Tổ CNSCĐ', 'Team members', 'người', 'END_OF_PERIOD', 'TEAMS:MEMBERS'),
  e('LEADERS', 'Số tổ trưởng', 'Team leaders', 'người', 'END_OF_PERIOD', 'TEAMS:LEADERS'),
  e('YOUTH_UNION_MEMBERS', 'Số thành viên là đoàn viên', 'Members in the Youth Union', 'người', 'END_OF_PERIOD', 'TEAMS:YOUTH_UNION_MEMBERS'),
  e('YOUTH_UNION_SHARE', 'Tỷ lệ thành viên là đoàn viên', 'Share of members in the Youth Union', '%', 'RATIO', 'TEAMS:YOUTH_UNION_MEMBERS', { denominatorSource: 'TEAMS:MEMBERS' }),
  e('MEMBERS_TRAINED', 'Số lượt thành viên được bồi dưỡng, tập huấn', 'Members trained', 'lượt người', 'SUM', 'FIELDWORK:MEMBERS_TRAINED'),
  e('TRAINING_SESSIONS', 'Số buổi bồi dưỡng, tập huấn', 'Training sessions', 'buổi', 'SUM', 'FIELDWORK:TRAINING_SESSIONS_HELD'),
  e('PEOPLE_GUIDED', 'Số người dân được hướng dẫn', 'Citizens guided', 'người', 'SUM', 'FIELDWORK:PEOPLE_GUIDED'),
  ...TASK_CATEGORIES.map((category) =>
    e(`PEOPLE_GUIDED_${category}`, `Số người dân được hướng dẫn: ${CATEGORY_NAMES[category][0]}`, `Citizens guided: ${CATEGORY_NAMES[category][1]}`, 'người', 'SUM', `FIELDWORK:PEOPLE_GUIDED.${category}`),
  ),
  e('HOUSEHOLDS_GUIDED', 'Số hộ gia đình được hướng dẫn', 'Households guided', 'hộ', 'SUM', 'FIELDWORK:HOUSEHOLDS_GUIDED'),
  e('VISITS', 'Số lượt hướng dẫn', 'Guidance visits', 'lượt', 'SUM', 'FIELDWORK:VISITS'),
  e('HOUSEHOLDS_REACHED', 'Số hộ gia đình được tiếp cận', 'Households reached', 'hộ', 'SUM', 'FIELDWORK:HOUSEHOLDS_REACHED'),
  e('ACCOUNTS_CREATED', 'Số tài khoản được tạo', 'Accounts created', 'tài khoản', 'SUM', 'FIELDWORK:ACCOUNTS_CREATED'),
  e('VNEID_ACTIVATIONS', 'Số tài khoản VNeID được kích hoạt', 'VNeID accounts activated', 'tài khoản', 'SUM', 'FIELDWORK:ACCOUNTS_CREATED.VNEID'),
  e('EPAYMENT_ACCOUNTS', 'Số tài khoản thanh toán điện tử được mở', 'E-payment accounts opened', 'tài khoản', 'SUM', 'FIELDWORK:EPAYMENT_ACCOUNTS_OPENED'),
  e('ECOMMERCE_SELLERS', 'Số hộ, người bán trên sàn thương mại điện tử', 'E-commerce sellers onboarded', 'người', 'SUM', 'FIELDWORK:SELLERS_ONBOARDED'),
  e('PUBLIC_SERVICE_DOSSIERS', 'Số hồ sơ dịch vụ công trực tuyến được hỗ trợ', 'Online public-service dossiers filed with help', 'hồ sơ', 'SUM', 'FIELDWORK:PUBLIC_SERVICE_DOSSIERS_FILED'),
  e('MEETINGS', 'Số cuộc họp của Tổ', 'Team meetings', 'cuộc', 'SUM', 'FIELDWORK:MEETINGS_HELD'),
  e('DIGITAL_SKILLS_CERTIFIED', 'Số người được chứng nhận kỹ năng số cơ bản (Bình dân học vụ số)', 'Adults certified in basic digital skills', 'người', 'SUM', 'MANUAL', { since: 2025 }),
];

/** The built-in national catalogue of a year (empty before 2022). */
export function builtInCatalogue(year: number): Indicator[] {
  if (year < FIRST_CATALOGUE_YEAR) return [];
  return ENTRIES.filter((entry) => (entry.since ?? FIRST_CATALOGUE_YEAR) <= year).map(({ since: _since, denominatorSource, ...entry }) => ({
    ...entry,
    year,
    provinceCode: null,
    denominatorSource: denominatorSource ?? null,
    builtIn: true,
  }));
}
