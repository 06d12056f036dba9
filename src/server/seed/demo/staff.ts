import type { Gender } from '../../../domain/staff/staff';
import type { OrgRow } from '../../modules/organizations/organizations.repo';
import type { Random } from '../random';
import { vietnameseName } from './names';
import type { DemoOrg } from './organizations';

export interface DemoPerson {
  staffCode: string;
  fullName: string;
  birthDate: string;
  gender: Gender;
  position: string | null;
  professionalTitle: string | null;
  employmentType: 'public_employee' | 'civil_servant' | 'contract';
  personalId: string;
  email: string | null;
  phone: string | null;
  orgId: string;
  fromDate: string;
}

const pad = (n: number, w: number) => String(n).padStart(w, '0');

function date(rng: Random, fromYear: number, toYear: number): string {
  return `${rng.int(fromYear, toYear)}-${pad(rng.int(1, 12), 2)}-${pad(rng.int(1, 28), 2)}`;
}

/** CCCD: province code (011 = Điện Biên), century-and-gender digit, birth year, 6 digits. */
function personalId(rng: Random, birthDate: string, gender: Gender): string {
  const year = Number(birthDate.slice(0, 4));
  const centuryGender = (year >= 2000 ? 2 : 0) + (gender === 'female' ? 1 : 0);
  return `011${centuryGender}${birthDate.slice(2, 4)}${pad(rng.int(0, 999_999), 6)}`;
}

const CLINICAL_ROLES: readonly (readonly [[string, string], number])[] = [
  [['Bác sĩ', 'Bác sĩ hạng III'], 22],
  [['Bác sĩ', 'Bác sĩ chính (hạng II)'], 6],
  [['Điều dưỡng', 'Điều dưỡng hạng IV'], 26],
  [['Điều dưỡng', 'Điều dưỡng hạng III'], 12],
  [['Kỹ thuật viên', 'Kỹ thuật y hạng IV'], 8],
  [['Hộ sinh', 'Hộ sinh hạng IV'], 6],
  [['Dược sĩ', 'Dược sĩ hạng III'], 5],
  [['Y sĩ', 'Y sĩ hạng IV'], 8],
  [['Nhân viên', null as unknown as string], 4],
];
const OFFICE_ROLES: readonly (readonly [[string, string], number])[] = [
  [['Chuyên viên', 'Chuyên viên'], 50],
  [['Kế toán viên', 'Kế toán viên'], 15],
  [['Cán sự', 'Cán sự'], 15],
  [['Nhân viên', null as unknown as string], 10],
];

function headTitle(org: DemoOrg, deputy: boolean): string {
  const prefix = deputy ? 'Phó ' : '';
  if (org.type === 'clinical_department') return `${deputy ? 'Phó trưởng' : 'Trưởng'} khoa`;
  if (org.type === 'health_station') return deputy ? 'Phó Trạm trưởng' : 'Trạm trưởng';
  return `${prefix}${deputy ? 'trưởng phòng' : 'Trưởng phòng'}`;
}

/**
 * Staff for every unit: a director and deputies in the unit itself, then each department filled
 * up to the unit's head count, with a head (and deputy) first.
 */
export function generateStaff(tree: DemoOrg, orgs: Map<string, OrgRow>, rng: Random): DemoPerson[] {
  const out: DemoPerson[] = [];
  let seq = 0;
  const person = (
    org: DemoOrg,
    position: string,
    title: string | null,
    _isOffice: boolean,
    seniorityYear?: number,
  ): DemoPerson => {
    seq++;
    const gender: Gender = rng.chance(0.62) ? 'female' : 'male';
    const birthDate = seniorityYear ? date(rng, seniorityYear - 2, seniorityYear + 4) : date(rng, 1966, 2001);
    const hireFrom = Math.max(Number(birthDate.slice(0, 4)) + 22, 1990);
    const fullName = vietnameseName(rng, gender);
    return {
      staffCode: `NV${pad(seq, 5)}`,
      fullName,
      birthDate,
      gender,
      position,
      professionalTitle: title,
      // staff of the Sở are công chức; unit staff are viên chức, some on labour contracts
      employmentType: org.code.startsWith('SYT')
        ? 'civil_servant'
        : rng.chance(0.92)
          ? 'public_employee'
          : 'contract',
      personalId: personalId(rng, birthDate, gender),
      email: rng.chance(0.7) ? `nv${pad(seq, 5)}@dienbien.gov.vn` : null,
      phone: rng.chance(0.8) ? `09${pad(rng.int(0, 99_999_999), 8)}` : null,
      orgId: orgs.get(org.key)!.id,
      fromDate: date(rng, Math.min(hireFrom, 2024), 2024),
    };
  };

  const fillUnit = (unit: DemoOrg, isSo: boolean) => {
    out.push(person(unit, 'Giám đốc', isSo ? null : 'Bác sĩ chính (hạng II)', isSo, 1970));
    for (let i = 0; i < (isSo ? 3 : 2); i++)
      out.push(person(unit, 'Phó Giám đốc', isSo ? null : 'Bác sĩ chính (hạng II)', isSo, 1972));
    const children = unit.children?.filter((c) => !c.children) ?? [];
    const total = unit.staff ?? 20;
    const weights = children.map((c) => (c.type === 'office' ? 0.6 : c.type === 'health_station' ? 0.5 : 1));
    const sum = weights.reduce((a, b) => a + b, 0);
    children.forEach((dept, i) => {
      const isOffice = dept.type === 'office';
      const size = Math.max(4, Math.round(((total - 3) * weights[i]!) / sum));
      out.push(
        person(
          dept,
          headTitle(dept, false),
          isOffice ? 'Chuyên viên chính' : 'Bác sĩ chính (hạng II)',
          isOffice,
          1973,
        ),
      );
      out.push(
        person(dept, headTitle(dept, true), isOffice ? 'Chuyên viên' : 'Bác sĩ hạng III', isOffice, 1978),
      );
      let count = 2;
      if (dept.type === 'clinical_department') {
        out.push(person(dept, 'Điều dưỡng trưởng', 'Điều dưỡng hạng III', false, 1978));
        count++;
      }
      for (; count < size; count++) {
        const [position, title] = rng.weighted(isOffice ? OFFICE_ROLES : CLINICAL_ROLES);
        out.push(person(dept, position, title ?? null, isOffice));
      }
    });
  };

  fillUnit(tree, true);
  for (const unit of tree.children ?? []) if (unit.children) fillUnit(unit, false);
  return out;
}
