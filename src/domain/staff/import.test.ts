import { describe, expect, it } from 'vitest';
import { findDuplicateCodes, mapHeaders, validateStaffRow } from './import';
import { maskPersonalId } from './staff';

const opts = { today: '2026-11-23', knownOrgCodes: new Set(['TTYT-DBP', 'KHOA-NOI']) };

describe('staff import rows', () => {
  it('maps headers without diacritics and reports missing required columns', () => {
    const { map, missing, unknown } = mapHeaders(['ma nhan su', 'HỌ VÀ TÊN', 'Ghi chú']);
    expect([...map.values()]).toEqual(['staffCode', 'fullName']);
    expect(missing).toEqual(['Mã đơn vị']);
    expect(unknown).toEqual(['Ghi chú']);
  });

  it('accepts a valid row and normalises its values', () => {
    const { value, errors } = validateStaffRow(
      2,
      {
        staffCode: 'NV001',
        fullName: '  Nguyễn   Thị Hoa ',
        birthDate: '05/02/1990',
        gender: 'nữ',
        employmentType: 'Viên chức',
        personalId: '001190004567',
        orgCode: 'ttyt-dbp',
        fromDate: new Date('2020-03-01T00:00:00Z'),
      },
      opts,
    );
    expect(errors).toEqual([]);
    expect(value).toMatchObject({
      fullName: 'Nguyễn Thị Hoa',
      birthDate: '1990-02-05',
      gender: 'female',
      employmentType: 'public_employee',
      orgCode: 'TTYT-DBP',
      fromDate: '2020-03-01',
    });
  });

  it('names the row, the column and the reason in Vietnamese', () => {
    const { value, errors } = validateStaffRow(
      7,
      {
        staffCode: 'NV002',
        fullName: 'Trần Văn Nam',
        birthDate: '31/02/1990',
        personalId: 1190004567,
        orgCode: 'KHONG-CO',
      },
      opts,
    );
    expect(value).toBeNull();
    expect(errors).toEqual([
      { row: 7, column: 'Ngày sinh', message: 'Ngày sinh không hợp lệ (định dạng dd/mm/yyyy).' },
      { row: 7, column: 'Số CCCD', message: expect.stringContaining('12 chữ số') },
      { row: 7, column: 'Mã đơn vị', message: expect.stringContaining('KHONG-CO') },
    ]);
  });

  it('flags duplicate staff codes within one file', () => {
    const base = {
      fullName: 'A B',
      birthDate: null,
      gender: null,
      position: null,
      professionalTitle: null,
      employmentType: null,
      personalId: null,
      orgCode: 'X',
      fromDate: null,
      email: null,
      phone: null,
    };
    const errs = findDuplicateCodes([
      { ...base, row: 2, staffCode: 'nv1' },
      { ...base, row: 3, staffCode: 'NV1' },
    ]);
    expect(errs).toEqual([{ row: 3, column: 'Mã nhân sự', message: 'Mã nhân sự "NV1" trùng với dòng 2.' }]);
  });

  it('masks CCCD numbers', () => {
    expect(maskPersonalId('001190004567')).toBe('001******567');
    expect(maskPersonalId(null)).toBeNull();
  });
});
