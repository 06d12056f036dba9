import type { Random } from '../random';

// Family names with rough national frequencies, plus names common in Điện Biên
// (Thái: Lò, Quàng, Lường, Cà, Tòng; Hmông: Giàng, Sùng, Vàng, Thào; Khơ Mú: Lầu).
const FAMILY: readonly (readonly [string, number])[] = [
  ['Nguyễn', 30], ['Trần', 10], ['Lê', 9], ['Phạm', 7], ['Hoàng', 5], ['Vũ', 4], ['Phan', 3], ['Đặng', 2.5],
  ['Bùi', 2.5], ['Đỗ', 2.5], ['Hồ', 1.5], ['Ngô', 1.5], ['Dương', 1.5], ['Lý', 1], ['Đinh', 1], ['Trịnh', 1],
  ['Mai', 0.8], ['Lương', 0.8], ['Tạ', 0.5], ['Đào', 0.8], ['Cao', 0.6], ['Lò', 3], ['Quàng', 2], ['Lường', 1.5],
  ['Cà', 1.2], ['Tòng', 0.8], ['Giàng', 1.2], ['Sùng', 0.8], ['Vàng', 0.8], ['Thào', 0.6], ['Lầu', 0.4], ['Điêu', 0.6],
];
const MIDDLE_MALE = ['Văn', 'Văn', 'Văn', 'Đức', 'Minh', 'Quang', 'Hữu', 'Thanh', 'Công', 'Ngọc', 'Xuân', 'Trọng', 'Anh', 'Mạnh', 'Tiến'];
const MIDDLE_FEMALE = ['Thị', 'Thị', 'Thị', 'Thị', 'Thu', 'Ngọc', 'Thanh', 'Minh', 'Hồng', 'Phương', 'Thúy', 'Kim', 'Diệu', 'Hải'];
const GIVEN_MALE = [
  'An', 'Anh', 'Bình', 'Cường', 'Dũng', 'Duy', 'Đạt', 'Đông', 'Đức', 'Giang', 'Hải', 'Hào', 'Hiếu', 'Hoàng', 'Hùng', 'Huy',
  'Khánh', 'Khoa', 'Kiên', 'Lâm', 'Long', 'Lực', 'Mạnh', 'Minh', 'Nam', 'Nghĩa', 'Phong', 'Phúc', 'Quân', 'Quang', 'Sơn',
  'Tài', 'Thắng', 'Thành', 'Thịnh', 'Toàn', 'Trung', 'Tuấn', 'Tùng', 'Việt', 'Vinh', 'Vũ', 'Xuân', 'Chiến', 'Ước',
];
const GIVEN_FEMALE = [
  'An', 'Anh', 'Ánh', 'Bích', 'Chi', 'Cúc', 'Dung', 'Duyên', 'Giang', 'Hà', 'Hạnh', 'Hằng', 'Hiền', 'Hoa', 'Huệ', 'Hương',
  'Huyền', 'Lan', 'Liên', 'Linh', 'Loan', 'Mai', 'My', 'Nga', 'Ngân', 'Ngọc', 'Nhung', 'Oanh', 'Phương', 'Quỳnh', 'Tâm',
  'Thảo', 'Thu', 'Thủy', 'Trang', 'Tuyết', 'Uyên', 'Vân', 'Yến', 'Xuân', 'Diệp', 'Đào', 'Ly', 'Khuyên', 'Ngà',
];

export function vietnameseName(rng: Random, gender: 'male' | 'female'): string {
  const family = rng.weighted(FAMILY);
  const middle = rng.pick(gender === 'male' ? MIDDLE_MALE : MIDDLE_FEMALE);
  const given = rng.pick(gender === 'male' ? GIVEN_MALE : GIVEN_FEMALE);
  // some people carry two middle names ("Nguyễn Thị Thu Hà")
  const second = rng.chance(0.12) ? ` ${rng.pick(gender === 'male' ? MIDDLE_MALE.slice(3) : MIDDLE_FEMALE.slice(4))}` : '';
  const full = `${family} ${middle}${second} ${given}`;
  return full.replace(/\b(\S+) \1\b/g, '$1');
}
