/** Deterministic, realistic Vietnamese names for demo data and tests (invented people). */
const FAMILY = [
  'Nguyễn',
  'Trần',
  'Lê',
  'Phạm',
  'Huỳnh',
  'Võ',
  'Đặng',
  'Bùi',
  'Đỗ',
  'Hồ',
  'Ngô',
  'Dương',
  'Lý',
  'Trương',
  'Phan',
  'Châu',
  'Lâm',
  'Tô',
];
const MIDDLE_M = ['Văn', 'Hữu', 'Minh', 'Quốc', 'Thanh', 'Công', 'Đức', 'Hoàng', 'Tấn', 'Phước'];
const MIDDLE_F = ['Thị', 'Ngọc', 'Thu', 'Kim', 'Thanh', 'Mỹ', 'Bích', 'Hồng', 'Diễm', 'Phương'];
const GIVEN_M = [
  'An',
  'Bình',
  'Cường',
  'Dũng',
  'Đạt',
  'Hải',
  'Hiếu',
  'Khang',
  'Lộc',
  'Minh',
  'Nghĩa',
  'Phúc',
  'Quang',
  'Sơn',
  'Tài',
  'Thắng',
  'Toàn',
  'Trí',
  'Tuấn',
  'Vinh',
];
const GIVEN_F = [
  'Anh',
  'Ánh',
  'Châu',
  'Diễm',
  'Giang',
  'Hằng',
  'Hoa',
  'Hương',
  'Lan',
  'Linh',
  'Mai',
  'Ngân',
  'Nhung',
  'Oanh',
  'Phượng',
  'Quyên',
  'Thảo',
  'Trang',
  'Uyên',
  'Yến',
];

/** A small deterministic PRNG (mulberry32), so demo data is identical on every machine. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pick<T>(rand: () => number, list: readonly T[]): T {
  return list[Math.floor(rand() * list.length)] as T;
}

export function randomName(rand: () => number, gender: 'male' | 'female'): string {
  const family = pick(rand, FAMILY);
  const middle = pick(rand, gender === 'male' ? MIDDLE_M : MIDDLE_F);
  const given = pick(rand, gender === 'male' ? GIVEN_M : GIVEN_F);
  return `${family} ${middle} ${given}`;
}
