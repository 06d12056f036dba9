import { cleanText, foldVi } from '../text/vietnamese';
import { parseViDate } from '../time/dates';
import {
  EMAIL_PATTERN,
  EMPLOYMENT_TYPE_NAMES,
  type EmploymentType,
  GENDER_NAMES,
  type Gender,
  PERSON_NAME_PATTERN,
  PERSONAL_ID_PATTERN,
  PHONE_PATTERN,
  STAFF_CODE_PATTERN,
} from './staff';

/**
 * The staff XLSX format, and pure validation of its rows. The server reads the cells, this
 * module decides what each row means and why it is wrong (row, column, Vietnamese reason).
 */
export const STAFF_COLUMNS = [
  { key: 'staffCode', header: 'Mã nhân sự', required: true, width: 14 },
  { key: 'fullName', header: 'Họ và tên', required: true, width: 28 },
  { key: 'birthDate', header: 'Ngày sinh', required: false, width: 12 },
  { key: 'gender', header: 'Giới tính', required: false, width: 10 },
  { key: 'position', header: 'Chức vụ', required: false, width: 20 },
  { key: 'professionalTitle', header: 'Chức danh nghề nghiệp', required: false, width: 24 },
  { key: 'employmentType', header: 'Loại hình', required: false, width: 18 },
  { key: 'personalId', header: 'Số CCCD', required: false, width: 16 },
  { key: 'orgCode', header: 'Mã đơn vị', required: true, width: 18 },
  { key: 'fromDate', header: 'Ngày vào đơn vị', required: false, width: 14 },
  { key: 'email', header: 'Email', required: false, width: 24 },
  { key: 'phone', header: 'Số điện thoại', required: false, width: 14 },
] as const;

export type StaffColumnKey = (typeof STAFF_COLUMNS)[number]['key'];
export type RawCell = string | number | boolean | Date | null | undefined;

export interface StaffImportRow {
  row: number;
  staffCode: string;
  fullName: string;
  birthDate: string | null;
  gender: Gender | null;
  position: string | null;
  professionalTitle: string | null;
  employmentType: EmploymentType | null;
  personalId: string | null;
  orgCode: string;
  fromDate: string | null;
  email: string | null;
  phone: string | null;
}

export interface RowError {
  row: number;
  column: string;
  message: string;
}

/** Maps header cells to column keys, matching without diacritics or case ("ho va ten" works). */
export function mapHeaders(headerCells: RawCell[]): {
  map: Map<number, StaffColumnKey>;
  missing: string[];
  unknown: string[];
} {
  const map = new Map<number, StaffColumnKey>();
  const unknown: string[] = [];
  headerCells.forEach((cell, index) => {
    const text = cellText(cell);
    if (!text) return;
    const col = STAFF_COLUMNS.find((c) => foldVi(c.header) === foldVi(text));
    if (col) map.set(index, col.key);
    else unknown.push(text);
  });
  const present = new Set(map.values());
  const missing = STAFF_COLUMNS.filter((c) => c.required && !present.has(c.key)).map((c) => c.header);
  return { map, missing, unknown };
}

export function cellText(cell: RawCell): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  return cleanText(String(cell));
}

function cellDate(cell: RawCell): string | null | 'invalid' {
  if (cell === null || cell === undefined || cell === '') return null;
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return 'invalid';
    // Excel dates arrive as UTC midnight (or a few hours off); round to the nearest day
    return new Date(cell.getTime() + 12 * 3_600_000).toISOString().slice(0, 10);
  }
  return parseViDate(String(cell)) ?? 'invalid';
}

const header = (key: StaffColumnKey) => STAFF_COLUMNS.find((c) => c.key === key)!.header;

function lookup<T extends string>(names: Record<T, string>, text: string): T | null {
  const f = foldVi(text);
  for (const [k, v] of Object.entries(names) as [T, string][]) if (foldVi(v) === f) return k;
  return null;
}

/**
 * Validates one data row. `today` bounds dates; `knownOrgCodes` (folded to upper case) are the
 * units the importer may import into.
 */
export function validateStaffRow(
  rowNumber: number,
  cells: Partial<Record<StaffColumnKey, RawCell>>,
  opts: { today: string; knownOrgCodes: Set<string> },
): { value: StaffImportRow | null; errors: RowError[] } {
  const errors: RowError[] = [];
  const err = (key: StaffColumnKey, message: string) =>
    errors.push({ row: rowNumber, column: header(key), message });
  const text = (key: StaffColumnKey) => cellText(cells[key]);
  const optional = (key: StaffColumnKey, max: number) => {
    const t = text(key);
    if (t.length > max) err(key, `Không được dài quá ${max} ký tự.`);
    return t || null;
  };

  const staffCode = text('staffCode');
  if (!staffCode) err('staffCode', 'Thiếu mã nhân sự.');
  else if (!STAFF_CODE_PATTERN.test(staffCode))
    err('staffCode', 'Mã nhân sự chỉ gồm chữ không dấu, chữ số, dấu chấm, gạch ngang (tối đa 30 ký tự).');

  const fullName = text('fullName');
  if (!fullName) err('fullName', 'Thiếu họ và tên.');
  else if (fullName.length > 100) err('fullName', 'Họ và tên không được dài quá 100 ký tự.');
  else if (!PERSON_NAME_PATTERN.test(fullName) || !fullName.includes(' '))
    err('fullName', 'Họ và tên không hợp lệ (cần có họ và tên, chỉ gồm chữ cái).');

  let birthDate = cellDate(cells.birthDate);
  if (birthDate === 'invalid') {
    err('birthDate', 'Ngày sinh không hợp lệ (định dạng dd/mm/yyyy).');
    birthDate = null;
  } else if (birthDate) {
    const age = Number(opts.today.slice(0, 4)) - Number(birthDate.slice(0, 4));
    if (birthDate > opts.today || age < 15 || age > 90)
      err('birthDate', 'Ngày sinh không hợp lý (tuổi phải từ 15 đến 90).');
  }

  let gender: Gender | null = null;
  if (text('gender')) {
    gender = lookup(GENDER_NAMES, text('gender'));
    if (!gender) err('gender', 'Giới tính phải là "Nam" hoặc "Nữ".');
  }

  let employmentType: EmploymentType | null = null;
  if (text('employmentType')) {
    employmentType = lookup(EMPLOYMENT_TYPE_NAMES, text('employmentType'));
    if (!employmentType)
      err(
        'employmentType',
        `Loại hình phải là một trong: ${Object.values(EMPLOYMENT_TYPE_NAMES).join(', ')}.`,
      );
  }

  let personalId: string | null = text('personalId').replace(/\s/g, '') || null;
  if (personalId && !PERSONAL_ID_PATTERN.test(personalId)) {
    err('personalId', 'Số CCCD phải gồm đúng 12 chữ số (định dạng cột là Văn bản để giữ số 0 ở đầu).');
    personalId = null;
  }

  const orgCode = text('orgCode');
  if (!orgCode) err('orgCode', 'Thiếu mã đơn vị.');
  else if (!opts.knownOrgCodes.has(orgCode.toUpperCase()))
    err('orgCode', `Mã đơn vị "${orgCode}" không tồn tại hoặc ngoài phạm vi quản lý của bạn.`);

  let fromDate = cellDate(cells.fromDate);
  if (fromDate === 'invalid') {
    err('fromDate', 'Ngày vào đơn vị không hợp lệ (định dạng dd/mm/yyyy).');
    fromDate = null;
  } else if (fromDate && fromDate > opts.today)
    err('fromDate', 'Ngày vào đơn vị không được sau ngày hôm nay.');

  const email = optional('email', 200);
  if (email && !EMAIL_PATTERN.test(email)) err('email', 'Email không hợp lệ.');
  const phone = text('phone').replace(/[\s.]/g, '') || null;
  if (phone && !PHONE_PATTERN.test(phone)) err('phone', 'Số điện thoại không hợp lệ.');

  const position = optional('position', 200);
  const professionalTitle = optional('professionalTitle', 200);

  if (errors.length > 0) return { value: null, errors };
  return {
    value: {
      row: rowNumber,
      staffCode,
      fullName,
      birthDate: birthDate as string | null,
      gender,
      position,
      professionalTitle,
      employmentType,
      personalId,
      orgCode: orgCode.toUpperCase(),
      fromDate: fromDate as string | null,
      email,
      phone,
    },
    errors: [],
  };
}

/** A staff code may appear once per file: later duplicates are errors that name the first row. */
export function findDuplicateCodes(rows: StaffImportRow[]): RowError[] {
  const first = new Map<string, number>();
  const errors: RowError[] = [];
  for (const r of rows) {
    const key = r.staffCode.toUpperCase();
    const seen = first.get(key);
    if (seen !== undefined)
      errors.push({
        row: r.row,
        column: header('staffCode'),
        message: `Mã nhân sự "${r.staffCode}" trùng với dòng ${seen}.`,
      });
    else first.set(key, r.row);
  }
  return errors;
}
