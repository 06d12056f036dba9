/**
 * Codes of the emulation titles (danh hiệu thi đua) and commendation forms (hình thức khen thưởng)
 * known to thidua. These codes are stable identifiers shared by the rules catalog, the plan reader,
 * registrations, proposals, decisions and the award register. Their legal content (conditions,
 * coefficients, citations) lives in the versioned rules catalog, never here.
 */
export const AWARD_CODES = [
  // Danh hiệu thi đua — individuals
  'LDTT', // Lao động tiên tiến
  'CSTDCS', // Chiến sĩ thi đua cơ sở
  'CSTD_TINH', // Chiến sĩ thi đua cấp tỉnh (cấp bộ, ngành, tỉnh)
  'CSTD_TQ', // Chiến sĩ thi đua toàn quốc
  // Danh hiệu thi đua — collectives
  'TTLDTT', // Tập thể lao động tiên tiến
  'TTLDXS', // Tập thể lao động xuất sắc
  'CO_THI_DUA_TINH', // Cờ thi đua cấp tỉnh (cấp bộ, ngành, tỉnh)
  'CO_THI_DUA_CP', // Cờ thi đua của Chính phủ
  // Hình thức khen thưởng
  'GIAY_KHEN', // Giấy khen (of a unit head or of the Giám đốc Sở)
  'BANG_KHEN_TINH', // Bằng khen của Chủ tịch UBND tỉnh
  'BANG_KHEN_BO', // Bằng khen của Bộ trưởng (e.g. Bộ trưởng Bộ Y tế)
  'BANG_KHEN_TTG', // Bằng khen của Thủ tướng Chính phủ
  'HCLD_3', // Huân chương Lao động hạng Ba
  'HCLD_2', // Huân chương Lao động hạng Nhì
  'HCLD_1', // Huân chương Lao động hạng Nhất
] as const;

export type AwardCode = (typeof AWARD_CODES)[number];

export type AwardKind = 'title' | 'form';

/** Official Vietnamese names, exactly as written in decisions. */
export const AWARD_NAMES: Record<AwardCode, string> = {
  LDTT: 'Lao động tiên tiến',
  CSTDCS: 'Chiến sĩ thi đua cơ sở',
  CSTD_TINH: 'Chiến sĩ thi đua cấp tỉnh',
  CSTD_TQ: 'Chiến sĩ thi đua toàn quốc',
  TTLDTT: 'Tập thể lao động tiên tiến',
  TTLDXS: 'Tập thể lao động xuất sắc',
  CO_THI_DUA_TINH: 'Cờ thi đua cấp tỉnh',
  CO_THI_DUA_CP: 'Cờ thi đua của Chính phủ',
  GIAY_KHEN: 'Giấy khen',
  BANG_KHEN_TINH: 'Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh',
  BANG_KHEN_BO: 'Bằng khen của Bộ trưởng',
  BANG_KHEN_TTG: 'Bằng khen của Thủ tướng Chính phủ',
  HCLD_3: 'Huân chương Lao động hạng Ba',
  HCLD_2: 'Huân chương Lao động hạng Nhì',
  HCLD_1: 'Huân chương Lao động hạng Nhất',
};

export const AWARD_KIND: Record<AwardCode, AwardKind> = {
  LDTT: 'title',
  CSTDCS: 'title',
  CSTD_TINH: 'title',
  CSTD_TQ: 'title',
  TTLDTT: 'title',
  TTLDXS: 'title',
  CO_THI_DUA_TINH: 'title',
  CO_THI_DUA_CP: 'title',
  GIAY_KHEN: 'form',
  BANG_KHEN_TINH: 'form',
  BANG_KHEN_BO: 'form',
  BANG_KHEN_TTG: 'form',
  HCLD_3: 'form',
  HCLD_2: 'form',
  HCLD_1: 'form',
};

/** Annual quality rating levels (xếp loại chất lượng), best first. */
export const RATINGS = ['HTXSNV', 'HTTNV', 'HTNV', 'KHTNV'] as const;
export type Rating = (typeof RATINGS)[number];

export const RATING_NAMES: Record<Rating, string> = {
  HTXSNV: 'Hoàn thành xuất sắc nhiệm vụ',
  HTTNV: 'Hoàn thành tốt nhiệm vụ',
  HTNV: 'Hoàn thành nhiệm vụ',
  KHTNV: 'Không hoàn thành nhiệm vụ',
};

/** Scope of an initiative's influence (phạm vi ảnh hưởng của sáng kiến). */
export const INITIATIVE_SCOPES = ['unit', 'province', 'national'] as const;
export type InitiativeScope = (typeof INITIATIVE_SCOPES)[number];

export const INITIATIVE_SCOPE_NAMES: Record<InitiativeScope, string> = {
  unit: 'Cơ sở',
  province: 'Cấp tỉnh',
  national: 'Toàn quốc',
};

// ---------------------------------------------------------------------------------------------
// Additions for the rules engine (no legal content: names, abbreviations and orderings only).
// ---------------------------------------------------------------------------------------------

export function isAwardCode(value: string): value is AwardCode {
  return (AWARD_CODES as readonly string[]).includes(value);
}

/**
 * Short forms used in explanations ("CSTĐCS 2022, 2023, 2024: 3 năm liên tục"). These are the
 * abbreviations used in Vietnamese TĐKT practice; decisions always use AWARD_NAMES.
 */
export const AWARD_ABBREVIATIONS: Record<AwardCode, string> = {
  LDTT: 'LĐTT',
  CSTDCS: 'CSTĐCS',
  CSTD_TINH: 'CSTĐ cấp tỉnh',
  CSTD_TQ: 'CSTĐ toàn quốc',
  TTLDTT: 'TTLĐTT',
  TTLDXS: 'TTLĐXS',
  CO_THI_DUA_TINH: 'Cờ thi đua cấp tỉnh',
  CO_THI_DUA_CP: 'Cờ thi đua của Chính phủ',
  GIAY_KHEN: 'Giấy khen',
  BANG_KHEN_TINH: 'Bằng khen của Chủ tịch UBND tỉnh',
  BANG_KHEN_BO: 'Bằng khen của Bộ trưởng',
  BANG_KHEN_TTG: 'Bằng khen của Thủ tướng Chính phủ',
  HCLD_3: 'Huân chương Lao động hạng Ba',
  HCLD_2: 'Huân chương Lao động hạng Nhì',
  HCLD_1: 'Huân chương Lao động hạng Nhất',
};

/** Rank of a rating: higher is better (HTXSNV = 3 … KHTNV = 0). */
export const RATING_RANK: Record<Rating, number> = { HTXSNV: 3, HTTNV: 2, HTNV: 1, KHTNV: 0 };

export function isRating(value: string): value is Rating {
  return (RATINGS as readonly string[]).includes(value);
}

/** True when `rating` is `minimum` or better. */
export function ratingAtLeast(rating: Rating, minimum: Rating): boolean {
  return RATING_RANK[rating] >= RATING_RANK[minimum];
}

/** Lower-case phrase used inside sentences: "hoàn thành tốt nhiệm vụ trở lên". */
export const RATING_PHRASES: Record<Rating, string> = {
  HTXSNV: 'hoàn thành xuất sắc nhiệm vụ',
  HTTNV: 'hoàn thành tốt nhiệm vụ',
  HTNV: 'hoàn thành nhiệm vụ',
  KHTNV: 'không hoàn thành nhiệm vụ',
};

/** Rank of an initiative / research scope: higher is wider. */
export const INITIATIVE_SCOPE_RANK: Record<InitiativeScope, number> = { unit: 0, province: 1, national: 2 };

/** Who a title or form is conferred on. */
export const SUBJECTS = ['individual', 'collective'] as const;
export type Subject = (typeof SUBJECTS)[number];
export const SUBJECT_NAMES: Record<Subject, string> = { individual: 'cá nhân', collective: 'tập thể' };

/**
 * Disciplinary measures (hình thức kỷ luật) for cán bộ, công chức, viên chức, mildest first.
 * Viên chức: khiển trách, cảnh cáo, cách chức, buộc thôi việc; công chức also hạ bậc lương and
 * giáng chức. The order is used for "cảnh cáo or above".
 */
export const DISCIPLINE_FORMS = [
  'khien_trach',
  'canh_cao',
  'ha_bac_luong',
  'giang_chuc',
  'cach_chuc',
  'buoc_thoi_viec',
] as const;
export type DisciplineForm = (typeof DISCIPLINE_FORMS)[number];

export const DISCIPLINE_FORM_NAMES: Record<DisciplineForm, string> = {
  khien_trach: 'Khiển trách',
  canh_cao: 'Cảnh cáo',
  ha_bac_luong: 'Hạ bậc lương',
  giang_chuc: 'Giáng chức',
  cach_chuc: 'Cách chức',
  buoc_thoi_viec: 'Buộc thôi việc',
};

export function disciplineAtLeast(form: DisciplineForm, minimum: DisciplineForm): boolean {
  return DISCIPLINE_FORMS.indexOf(form) >= DISCIPLINE_FORMS.indexOf(minimum);
}
