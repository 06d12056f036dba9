/** Staff vocabulary: genders, employment types, and the masking of personal identifiers. */
export const GENDERS = ['male', 'female'] as const;
export type Gender = (typeof GENDERS)[number];
export const GENDER_NAMES: Record<Gender, string> = { male: 'Nam', female: 'Nữ' };

export const EMPLOYMENT_TYPES = ['public_employee', 'civil_servant', 'contract'] as const;
export type EmploymentType = (typeof EMPLOYMENT_TYPES)[number];
export const EMPLOYMENT_TYPE_NAMES: Record<EmploymentType, string> = {
  public_employee: 'Viên chức',
  civil_servant: 'Công chức',
  contract: 'Hợp đồng lao động',
};

/** "001203004567" → "001******567": lists never show a full CCCD number. */
export function maskPersonalId(id: string | null | undefined): string | null {
  if (!id) return null;
  if (id.length <= 6) return '*'.repeat(id.length);
  return `${id.slice(0, 3)}${'*'.repeat(id.length - 6)}${id.slice(-3)}`;
}

export const PERSONAL_ID_PATTERN = /^\d{12}$/;
export const STAFF_CODE_PATTERN = /^[A-Za-z0-9._-]{1,30}$/;
/** Letters (any script, with diacritics), spaces, apostrophes and hyphens. */
export const PERSON_NAME_PATTERN = /^[\p{L}\p{M}][\p{L}\p{M}' -]*$/u;
export const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export const PHONE_PATTERN = /^(\+84|0)\d{8,10}$/;
