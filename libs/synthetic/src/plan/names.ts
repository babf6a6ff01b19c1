import type { SeededRandom } from '../model/seeded-random';

// Common Vietnamese family, middle and given names: enough variety for realistic payload sizes.
const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý'];
const MIDDLE_FEMALE = ['Thị', 'Ngọc', 'Thu', 'Minh', 'Thanh', 'Hồng', 'Kim'];
const MIDDLE_MALE = ['Văn', 'Đức', 'Minh', 'Hữu', 'Quang', 'Thành', 'Công'];
const GIVEN_FEMALE = ['An', 'Chi', 'Hà', 'Hạnh', 'Hoa', 'Hương', 'Lan', 'Linh', 'Mai', 'Nga', 'Phương', 'Tâm', 'Thảo', 'Trang', 'Yến', 'Vân'];
const GIVEN_MALE = ['Bình', 'Dũng', 'Hải', 'Hùng', 'Long', 'Nam', 'Quân', 'Sơn', 'Tuấn', 'Khánh', 'Phúc', 'Thắng', 'Trung', 'Việt'];
const SIGNER_TITLES = ['Chủ tịch UBND', 'KT. Chủ tịch, Phó Chủ tịch UBND'];

export type Gender = 'FEMALE' | 'MALE';

export function personName(random: SeededRandom, gender: Gender): string {
  const female = gender === 'FEMALE';
  const middle = random.pick(female ? MIDDLE_FEMALE : MIDDLE_MALE);
  return `${random.pick(FAMILY)} ${middle} ${random.pick(female ? GIVEN_FEMALE : GIVEN_MALE)}`.normalize('NFC');
}

export function phoneNumber(random: SeededRandom): string {
  return `0${random.pick(['3', '5', '7', '8', '9'])}${String(random.int(0, 99_999_999)).padStart(8, '0')}`;
}

export function signerTitle(random: SeededRandom): string {
  return random.pick(SIGNER_TITLES);
}

/** Village names are numbered per commune code ("Thôn 7", "Tổ dân phố số 12"). */
export function villageName(urban: boolean, number: number): string {
  return urban ? `Tổ dân phố số ${number}` : `Thôn ${number}`;
}
