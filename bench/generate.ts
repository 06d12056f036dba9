/**
 * Benchmark dataset generator (deterministic: same options → byte-identical JSON, same rows).
 *
 *   npm run bench:data -- --units 100 --staff 50000 [--seed 20251123] [--out bench/data]
 *
 * Writes into --out (gitignored):
 *   orgs.json      the organisation tree: a Sở Y tế, its offices and N units of realistic types,
 *                  each with khoa / phòng / trạm y tế;
 *   staff.xlsx     the staff list in the import format (headers = STAFF_COLUMNS), every row valid;
 *   manifest.json  the options, counts and SHA-256 of both files (read by `npm run bench`).
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import ExcelJS from 'exceljs';
import type { OrgType } from '../src/domain/org/types';
import { STAFF_COLUMNS } from '../src/domain/staff/import';
import { vietnameseName } from '../src/server/seed/demo/names';
import { createRandom, type Random } from '../src/server/seed/random';

export interface BenchOrg {
  code: string;
  type: OrgType;
  name: string;
  shortName: string;
  /** relative head-count weight of this organisation (its own staff, not its children's) */
  weight: number;
  children?: BenchOrg[];
}

export interface BenchManifest {
  version: 1;
  seed: number;
  units: number;
  staff: number;
  organizations: number;
  generatedIn: string;
  files: {
    orgs: { name: string; sha256: string; bytes: number };
    staff: { name: string; sha256: string; bytes: number };
  };
  /** SHA-256 of the generated rows: equal across runs (the XLSX bytes differ only by zip entry timestamps) */
  rowsSha256: string;
  /** a rare full name present in the data (used as the "rare" search) */
  rareName: string;
  rareNameCount: number;
}

export const DEFAULT_DATA_DIR = path.resolve(path.dirname(new URL(import.meta.url).pathname), 'data');

// ------------------------------------------------------------------ organisation tree

type Dept = readonly [code: string, name: string, shortName: string];

const HOSPITAL_DEPTS: Dept[] = [
  ['KKB', 'Khoa Khám bệnh', 'KKB'],
  ['HSCC', 'Khoa Hồi sức tích cực - Chống độc', 'HSTC'],
  ['CC', 'Khoa Cấp cứu', 'KCC'],
  ['NOI', 'Khoa Nội tổng hợp', 'KNTH'],
  ['TIMMACH', 'Khoa Nội tim mạch', 'KTM'],
  ['NGOAI', 'Khoa Ngoại tổng hợp', 'KNGTH'],
  ['CTCH', 'Khoa Chấn thương chỉnh hình', 'KCTCH'],
  ['GMHS', 'Khoa Gây mê hồi sức', 'KGMHS'],
  ['SAN', 'Khoa Phụ sản', 'KPS'],
  ['NHI', 'Khoa Nhi', 'KNHI'],
  ['TN', 'Khoa Truyền nhiễm', 'KTN'],
  ['LCK', 'Khoa Liên chuyên khoa Tai Mũi Họng - Răng Hàm Mặt - Mắt', 'KLCK'],
  ['YHCT', 'Khoa Y học cổ truyền - Phục hồi chức năng', 'KYHCT'],
  ['XN', 'Khoa Xét nghiệm', 'KXN'],
  ['CDHA', 'Khoa Chẩn đoán hình ảnh', 'KCĐHA'],
  ['KSNK', 'Khoa Kiểm soát nhiễm khuẩn', 'KSNK'],
  ['DUOC', 'Khoa Dược', 'KD'],
  ['DINHDUONG', 'Khoa Dinh dưỡng', 'KDD'],
  ['TCCB', 'Phòng Tổ chức cán bộ', 'TCCB'],
  ['HCQT', 'Phòng Hành chính quản trị', 'HCQT'],
  ['KHTH', 'Phòng Kế hoạch tổng hợp', 'KHTH'],
  ['DD', 'Phòng Điều dưỡng', 'ĐD'],
  ['TCKT', 'Phòng Tài chính - Kế toán', 'TCKT'],
  ['QLCL', 'Phòng Quản lý chất lượng', 'QLCL'],
];
const REGIONAL_HOSPITAL_DEPTS = HOSPITAL_DEPTS.filter(
  ([c]) => !['TIMMACH', 'CTCH', 'LCK', 'DINHDUONG', 'QLCL'].includes(c),
);

const SPECIALIZED: { code: string; name: string; short: string; depts: Dept[] }[] = [
  {
    code: 'BVSN',
    name: 'Bệnh viện Sản - Nhi tỉnh',
    short: 'BVSN',
    depts: [
      ['KKB', 'Khoa Khám bệnh', 'KKB'],
      ['SAN', 'Khoa Sản', 'KS'],
      ['PTS', 'Khoa Phẫu thuật - Gây mê', 'KPT'],
      ['SS', 'Khoa Sơ sinh', 'KSS'],
      ['NHI', 'Khoa Nhi tổng hợp', 'KNHI'],
      ['HSNHI', 'Khoa Hồi sức tích cực Nhi', 'KHSN'],
      ['XN', 'Khoa Xét nghiệm', 'KXN'],
      ['DUOC', 'Khoa Dược', 'KD'],
      ['TCHC', 'Phòng Tổ chức - Hành chính', 'TCHC'],
      ['KHNV', 'Phòng Kế hoạch - Nghiệp vụ', 'KHNV'],
      ['TCKT', 'Phòng Tài chính - Kế toán', 'TCKT'],
    ],
  },
  {
    code: 'BVYHCT',
    name: 'Bệnh viện Y học cổ truyền tỉnh',
    short: 'BVYHCT',
    depts: [
      ['KKB', 'Khoa Khám bệnh', 'KKB'],
      ['CHAM', 'Khoa Châm cứu - Dưỡng sinh', 'KCC'],
      ['PHCN', 'Khoa Phục hồi chức năng', 'KPHCN'],
      ['NOI', 'Khoa Nội', 'KN'],
      ['DUOC', 'Khoa Dược', 'KD'],
      ['TCHC', 'Phòng Tổ chức - Hành chính', 'TCHC'],
      ['KHNV', 'Phòng Kế hoạch - Nghiệp vụ', 'KHNV'],
    ],
  },
  {
    code: 'BVPHOI',
    name: 'Bệnh viện Phổi tỉnh',
    short: 'BVP',
    depts: [
      ['KKB', 'Khoa Khám bệnh', 'KKB'],
      ['LAO', 'Khoa Lao', 'KL'],
      ['BP', 'Khoa Bệnh phổi', 'KBP'],
      ['XN', 'Khoa Xét nghiệm - Chẩn đoán hình ảnh', 'KXN'],
      ['CDT', 'Khoa Chỉ đạo tuyến', 'KCĐT'],
      ['TCHC', 'Phòng Tổ chức - Hành chính', 'TCHC'],
      ['KHNV', 'Phòng Kế hoạch - Nghiệp vụ', 'KHNV'],
    ],
  },
  {
    code: 'BVMAT',
    name: 'Bệnh viện Mắt tỉnh',
    short: 'BVM',
    depts: [
      ['KKB', 'Khoa Khám bệnh', 'KKB'],
      ['PT', 'Khoa Phẫu thuật', 'KPT'],
      ['NHIMAT', 'Khoa Mắt trẻ em', 'KMTE'],
      ['TCHC', 'Phòng Tổ chức - Hành chính', 'TCHC'],
      ['KHNV', 'Phòng Kế hoạch - Nghiệp vụ', 'KHNV'],
    ],
  },
  {
    code: 'BVPHCN',
    name: 'Bệnh viện Phục hồi chức năng tỉnh',
    short: 'BVPHCN',
    depts: [
      ['KKB', 'Khoa Khám bệnh', 'KKB'],
      ['VLTL', 'Khoa Vật lý trị liệu', 'KVLTL'],
      ['NHI', 'Khoa Phục hồi chức năng Nhi', 'KPHCNN'],
      ['TCHC', 'Phòng Tổ chức - Hành chính', 'TCHC'],
      ['KHNV', 'Phòng Kế hoạch - Nghiệp vụ', 'KHNV'],
    ],
  },
  {
    code: 'BVNT',
    name: 'Bệnh viện Nội tiết tỉnh',
    short: 'BVNT',
    depts: [
      ['KKB', 'Khoa Khám bệnh', 'KKB'],
      ['DTD', 'Khoa Đái tháo đường', 'KĐTĐ'],
      ['TUYEN', 'Khoa Bệnh tuyến giáp', 'KTG'],
      ['TCHC', 'Phòng Tổ chức - Hành chính', 'TCHC'],
    ],
  },
  {
    code: 'BVDL',
    name: 'Bệnh viện Da liễu tỉnh',
    short: 'BVDL',
    depts: [
      ['KKB', 'Khoa Khám bệnh', 'KKB'],
      ['DL', 'Khoa Da liễu', 'KDL'],
      ['TM', 'Khoa Thẩm mỹ da', 'KTMD'],
      ['TCHC', 'Phòng Tổ chức - Hành chính', 'TCHC'],
    ],
  },
  {
    code: 'BVUB',
    name: 'Bệnh viện Ung bướu tỉnh',
    short: 'BVUB',
    depts: [
      ['KKB', 'Khoa Khám bệnh', 'KKB'],
      ['XT', 'Khoa Xạ trị', 'KXT'],
      ['HXT', 'Khoa Hóa trị', 'KHT'],
      ['NGOAI', 'Khoa Ngoại', 'KNG'],
      ['GNCS', 'Khoa Chăm sóc giảm nhẹ', 'KCSGN'],
      ['TCHC', 'Phòng Tổ chức - Hành chính', 'TCHC'],
      ['KHNV', 'Phòng Kế hoạch - Nghiệp vụ', 'KHNV'],
    ],
  },
];

const CENTER_DEPTS: Dept[] = [
  ['KKB', 'Khoa Khám bệnh - Cấp cứu', 'KKB'],
  ['NOI', 'Khoa Nội - Nhi - Truyền nhiễm', 'KNNTN'],
  ['NGOAI', 'Khoa Ngoại - Sản', 'KNS'],
  ['YTCC', 'Khoa Kiểm soát bệnh tật - Y tế công cộng', 'KSBT'],
  ['CLS', 'Khoa Xét nghiệm - Chẩn đoán hình ảnh', 'KCLS'],
  ['DUOC', 'Khoa Dược - Vật tư y tế', 'KD'],
  ['DS', 'Phòng Dân số - Truyền thông', 'DSTT'],
  ['TCHC', 'Phòng Tổ chức - Hành chính', 'TCHC'],
  ['KHNV', 'Phòng Kế hoạch - Nghiệp vụ', 'KHNV'],
];

const CDC_DEPTS: Dept[] = [
  ['TN', 'Khoa Phòng, chống bệnh truyền nhiễm', 'KTN'],
  ['KLN', 'Khoa Phòng, chống bệnh không lây nhiễm', 'KKLN'],
  ['HIV', 'Khoa Phòng, chống HIV/AIDS', 'KHIV'],
  ['DD', 'Khoa Dinh dưỡng', 'KDD'],
  ['SKSS', 'Khoa Sức khỏe sinh sản', 'KSKSS'],
  ['SKMT', 'Khoa Sức khỏe môi trường - Y tế trường học', 'KSKMT'],
  ['XN', 'Khoa Xét nghiệm - Chẩn đoán hình ảnh - Thăm dò chức năng', 'KXN'],
  ['TTGDSK', 'Khoa Truyền thông, giáo dục sức khỏe', 'KTT'],
  ['TCHC', 'Phòng Tổ chức - Hành chính', 'TCHC'],
  ['KHNV', 'Phòng Kế hoạch - Nghiệp vụ', 'KHNV'],
  ['TCKT', 'Phòng Tài chính - Kế toán', 'TCKT'],
];

const PSY_DEPTS: Dept[] = [
  ['KKB', 'Khoa Khám bệnh', 'KKB'],
  ['LS1', 'Khoa Điều trị tâm thần nam', 'KĐTN'],
  ['LS2', 'Khoa Điều trị tâm thần nữ', 'KĐTNU'],
  ['CNGN', 'Khoa Cai nghiện - Phục hồi chức năng', 'KCN'],
  ['TCHC', 'Phòng Tổ chức - Hành chính', 'TCHC'],
  ['KHNV', 'Phòng Kế hoạch - Nghiệp vụ', 'KHNV'],
];

const OTHER_UNITS: { code: string; name: string; short: string; depts: Dept[] }[] = [
  {
    code: 'TTKN',
    name: 'Trung tâm Kiểm nghiệm thuốc, mỹ phẩm, thực phẩm tỉnh',
    short: 'TTKN',
    depts: [
      ['HL', 'Khoa Kiểm nghiệm hóa lý', 'KHL'],
      ['VS', 'Khoa Kiểm nghiệm vi sinh', 'KVS'],
      ['TCHC', 'Phòng Tổ chức - Hành chính', 'TCHC'],
    ],
  },
  {
    code: 'TTGDYK',
    name: 'Trung tâm Giám định y khoa tỉnh',
    short: 'TTGĐYK',
    depts: [
      ['GD', 'Khoa Giám định', 'KGĐ'],
      ['TCHC', 'Phòng Tổ chức - Hành chính', 'TCHC'],
    ],
  },
  {
    code: 'TTPY',
    name: 'Trung tâm Pháp y tỉnh',
    short: 'TTPY',
    depts: [
      ['GDPY', 'Khoa Giám định pháp y', 'KPY'],
      ['TCHC', 'Phòng Tổ chức - Hành chính', 'TCHC'],
    ],
  },
  {
    code: 'TTCC115',
    name: 'Trung tâm Cấp cứu 115 tỉnh',
    short: 'TT115',
    depts: [
      ['DH', 'Phòng Điều hành', 'ĐH'],
      ['CC', 'Đội Cấp cứu ngoại viện', 'CCNV'],
      ['TCHC', 'Phòng Tổ chức - Hành chính', 'TCHC'],
    ],
  },
  {
    code: 'CDYT',
    name: 'Trường Cao đẳng Y tế tỉnh',
    short: 'CĐYT',
    depts: [
      ['DD', 'Khoa Điều dưỡng', 'KĐD'],
      ['DUOC', 'Khoa Dược', 'KD'],
      ['KHCB', 'Khoa Khoa học cơ bản', 'KKHCB'],
      ['DT', 'Phòng Đào tạo', 'ĐT'],
      ['TCHC', 'Phòng Tổ chức - Hành chính', 'TCHC'],
    ],
  },
];

// district / regional names (real Vietnamese place names) for centres and regional hospitals
const PLACES = [
  'Tuần Giáo',
  'Mường Ảng',
  'Tủa Chùa',
  'Mường Chà',
  'Mường Lay',
  'Điện Biên Đông',
  'Nậm Pồ',
  'Mường Nhé',
  'Sìn Hồ',
  'Phong Thổ',
  'Tam Đường',
  'Than Uyên',
  'Tân Uyên',
  'Bát Xát',
  'Bảo Thắng',
  'Bảo Yên',
  'Văn Bàn',
  'Bắc Hà',
  'Si Ma Cai',
  'Mường Khương',
  'Sa Pa',
  'Thuận Châu',
  'Quỳnh Nhai',
  'Mường La',
  'Bắc Yên',
  'Phù Yên',
  'Mộc Châu',
  'Yên Châu',
  'Mai Sơn',
  'Sông Mã',
  'Sốp Cộp',
  'Vân Hồ',
  'Đà Bắc',
  'Mai Châu',
  'Tân Lạc',
  'Lạc Sơn',
  'Kim Bôi',
  'Lương Sơn',
  'Cao Phong',
  'Lạc Thủy',
  'Yên Thủy',
  'Mù Cang Chải',
  'Trạm Tấu',
  'Văn Chấn',
  'Văn Yên',
  'Lục Yên',
  'Yên Bình',
  'Nghĩa Lộ',
  'Hàm Yên',
  'Chiêm Hóa',
  'Na Hang',
  'Lâm Bình',
  'Sơn Dương',
  'Yên Sơn',
  'Đồng Văn',
  'Mèo Vạc',
  'Yên Minh',
  'Quản Bạ',
  'Bắc Mê',
  'Hoàng Su Phì',
  'Xín Mần',
  'Bắc Quang',
  'Quang Bình',
  'Vị Xuyên',
  'Bảo Lạc',
  'Bảo Lâm',
  'Hà Quảng',
  'Trùng Khánh',
  'Hạ Lang',
  'Quảng Hòa',
  'Hòa An',
  'Nguyên Bình',
  'Thạch An',
  'Ba Bể',
  'Ngân Sơn',
  'Chợ Đồn',
  'Chợ Mới',
  'Na Rì',
  'Pác Nặm',
  'Bạch Thông',
  'Định Hóa',
  'Võ Nhai',
  'Phú Lương',
  'Đồng Hỷ',
  'Đại Từ',
  'Phú Bình',
  'Lục Ngạn',
  'Sơn Động',
  'Lục Nam',
  'Yên Thế',
  'Tân Yên',
  'Lạng Giang',
  'Hiệp Hòa',
  'Việt Yên',
  'Yên Dũng',
  'Tràng Định',
  'Văn Lãng',
  'Bình Gia',
  'Bắc Sơn',
  'Văn Quan',
  'Cao Lộc',
  'Lộc Bình',
  'Chi Lăng',
  'Đình Lập',
  'Hữu Lũng',
  'Ba Chẽ',
  'Bình Liêu',
  'Đầm Hà',
  'Hải Hà',
  'Tiên Yên',
];
const COMMUNE_A = [
  'Thanh',
  'Mường',
  'Nà',
  'Tân',
  'Phú',
  'Bình',
  'Xuân',
  'Hòa',
  'Quài',
  'Pú',
  'Búng',
  'Sính',
  'Na',
  'Keo',
  'Chiềng',
  'Noong',
  'Sam',
  'Pa',
  'Huổi',
  'Nậm',
];
const COMMUNE_B = [
  'Minh',
  'An',
  'Xương',
  'Hưng',
  'Lộc',
  'Lao',
  'Phình',
  'Tổng',
  'Cang',
  'Nhung',
  'Mùn',
  'Hẹt',
  'Mứn',
  'Phăng',
  'Ham',
  'Tấu',
  'Lư',
  'Sen',
  'Khoen',
  'Pồ',
];

const pad = (n: number, w: number) => String(n).padStart(w, '0');

function deptNodes(unitCode: string, list: readonly Dept[]): BenchOrg[] {
  return list.map(([code, name, short]) => ({
    code: `${unitCode}-${code}`,
    type: (name.startsWith('Khoa') ? 'clinical_department' : 'office') as OrgType,
    name,
    shortName: short,
    weight: name.startsWith('Khoa') ? 1 : 0.6,
  }));
}

/** The tree: a Sở with its offices and `units` units (weights = relative head counts). */
export function generateTree(units: number, rng: Random): BenchOrg {
  const places = [...PLACES];
  // deterministic shuffle
  for (let i = places.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [places[i], places[j]] = [places[j]!, places[i]!];
  }
  let placeIndex = 0;
  const nextPlace = () => {
    const p = places[placeIndex % places.length]!;
    const round = Math.floor(placeIndex / places.length);
    placeIndex++;
    return round === 0 ? p : `${p} ${round + 1}`;
  };
  const specialized = [...SPECIALIZED];
  const others = [...OTHER_UNITS];
  const children: BenchOrg[] = [
    { code: 'SYT-VP', type: 'office', name: 'Văn phòng Sở', shortName: 'VP', weight: 14 },
    { code: 'SYT-TCCB', type: 'office', name: 'Phòng Tổ chức cán bộ', shortName: 'TCCB', weight: 8 },
    { code: 'SYT-NVY', type: 'office', name: 'Phòng Nghiệp vụ Y', shortName: 'NVY', weight: 8 },
    { code: 'SYT-NVD', type: 'office', name: 'Phòng Nghiệp vụ Dược', shortName: 'NVD', weight: 6 },
    { code: 'SYT-KHTC', type: 'office', name: 'Phòng Kế hoạch - Tài chính', shortName: 'KHTC', weight: 8 },
    { code: 'SYT-TTRA', type: 'office', name: 'Thanh tra Sở', shortName: 'TTr', weight: 6 },
  ];
  let regional = 0;
  let centers = 0;
  for (let i = 0; i < units; i++) {
    let unit: BenchOrg;
    const kind =
      i === 0
        ? 'provincial'
        : i === 1
          ? 'cdc'
          : i === 2
            ? 'psy'
            : rng.weighted([
                ['center', 72],
                ['regional', 12],
                ['specialized', 10],
                ['other', 6],
              ] as const);
    if (kind === 'provincial') {
      unit = {
        code: 'BVDK-T',
        type: 'general_hospital',
        name: 'Bệnh viện Đa khoa tỉnh',
        shortName: 'BVĐK',
        weight: 0.1,
        children: deptNodes('BVDK-T', HOSPITAL_DEPTS),
      };
      for (const d of unit.children!) d.weight *= 3; // the provincial hospital is the largest unit
    } else if (kind === 'cdc') {
      unit = {
        code: 'CDC-T',
        type: 'cdc',
        name: 'Trung tâm Kiểm soát bệnh tật tỉnh',
        shortName: 'CDC',
        weight: 0.1,
        children: deptNodes('CDC-T', CDC_DEPTS),
      };
    } else if (kind === 'psy') {
      unit = {
        code: 'BVTT-T',
        type: 'psychiatric_center',
        name: 'Bệnh viện Tâm thần tỉnh',
        shortName: 'BVTT',
        weight: 0.1,
        children: deptNodes('BVTT-T', PSY_DEPTS),
      };
    } else if (kind === 'specialized' && specialized.length > 0) {
      const s = specialized.shift()!;
      unit = {
        code: s.code,
        type: 'specialized_hospital',
        name: s.name,
        shortName: s.short,
        weight: 0.1,
        children: deptNodes(s.code, s.depts),
      };
    } else if (kind === 'other' && others.length > 0) {
      const o = others.shift()!;
      unit = {
        code: o.code,
        type: 'other_unit',
        name: o.name,
        shortName: o.short,
        weight: 0.1,
        children: deptNodes(o.code, o.depts),
      };
    } else if (kind === 'regional') {
      regional++;
      const code = `BVDK-KV${pad(regional, 2)}`;
      unit = {
        code,
        type: 'general_hospital',
        name: `Bệnh viện Đa khoa khu vực ${nextPlace()}`,
        shortName: 'BVĐKKV',
        weight: 0.1,
        children: deptNodes(code, REGIONAL_HOSPITAL_DEPTS),
      };
    } else {
      centers++;
      const code = `TTYT-${pad(centers, 3)}`;
      const place = nextPlace();
      const stations: BenchOrg[] = [];
      const nStations = rng.int(4, 14);
      const used = new Set<string>();
      for (let k = 1; k <= nStations; k++) {
        let commune = '';
        do
          commune = `${rng.chance(0.2) ? 'phường' : rng.chance(0.1) ? 'thị trấn' : 'xã'} ${rng.pick(COMMUNE_A)} ${rng.pick(COMMUNE_B)}`;
        while (used.has(commune));
        used.add(commune);
        stations.push({
          code: `${code}-TYT${pad(k, 2)}`,
          type: 'health_station',
          name: `Trạm Y tế ${commune}`,
          shortName: 'TYT',
          weight: 0.35,
        });
      }
      unit = {
        code,
        type: 'medical_center',
        name: `Trung tâm Y tế khu vực ${place}`,
        shortName: 'TTYT',
        weight: 0.1,
        children: [...deptNodes(code, CENTER_DEPTS), ...stations],
      };
    }
    children.push(unit);
  }
  return {
    code: 'SYT',
    type: 'department_of_health',
    name: 'Sở Y tế tỉnh',
    shortName: 'SYT',
    weight: 0.1,
    children,
  };
}

/** The tree in pre-order (every parent before its children). */
export function flattenTree(root: BenchOrg): { org: BenchOrg; parentCode: string | null }[] {
  const out: { org: BenchOrg; parentCode: string | null }[] = [];
  const walk = (o: BenchOrg, parent: BenchOrg | null) => {
    out.push({ org: o, parentCode: parent?.code ?? null });
    for (const c of o.children ?? []) walk(c, o);
  };
  walk(root, null);
  return out;
}

// ------------------------------------------------------------------ staff

const CLINICAL_ROLES: readonly (readonly [readonly [string, string | null], number])[] = [
  [['Bác sĩ', 'Bác sĩ hạng III'], 22],
  [['Bác sĩ', 'Bác sĩ chính (hạng II)'], 6],
  [['Điều dưỡng', 'Điều dưỡng hạng IV'], 26],
  [['Điều dưỡng', 'Điều dưỡng hạng III'], 12],
  [['Kỹ thuật viên', 'Kỹ thuật y hạng IV'], 8],
  [['Hộ sinh', 'Hộ sinh hạng IV'], 6],
  [['Dược sĩ', 'Dược sĩ hạng III'], 5],
  [['Y sĩ', 'Y sĩ hạng IV'], 8],
  [['Nhân viên', null], 4],
];
const OFFICE_ROLES: readonly (readonly [readonly [string, string | null], number])[] = [
  [['Chuyên viên', 'Chuyên viên'], 50],
  [['Kế toán viên', 'Kế toán viên'], 15],
  [['Cán sự', 'Cán sự'], 15],
  [['Nhân viên', null], 10],
];

function heads(org: BenchOrg): [string, string][] {
  switch (org.type) {
    case 'department_of_health':
      return [
        ['Giám đốc', 'Chuyên viên cao cấp'],
        ['Phó Giám đốc', 'Chuyên viên chính'],
        ['Phó Giám đốc', 'Chuyên viên chính'],
      ];
    case 'clinical_department':
      return [
        ['Trưởng khoa', 'Bác sĩ chính (hạng II)'],
        ['Phó trưởng khoa', 'Bác sĩ hạng III'],
        ['Điều dưỡng trưởng', 'Điều dưỡng hạng III'],
      ];
    case 'health_station':
      return [
        ['Trạm trưởng', 'Bác sĩ hạng III'],
        ['Phó Trạm trưởng', 'Y sĩ hạng IV'],
      ];
    case 'office':
      return [
        ['Trưởng phòng', 'Chuyên viên chính'],
        ['Phó trưởng phòng', 'Chuyên viên'],
      ];
    default: // a unit: its director and deputies
      return [
        ['Giám đốc', 'Bác sĩ chính (hạng II)'],
        ['Phó Giám đốc', 'Bác sĩ chính (hạng II)'],
        ['Phó Giám đốc', 'Bác sĩ hạng III'],
      ];
  }
}

/** Head counts per organisation summing exactly to `total` (largest remainder). */
function allocate(orgs: BenchOrg[], total: number): number[] {
  const sum = orgs.reduce((s, o) => s + o.weight, 0);
  const exact = orgs.map((o) => (total * o.weight) / sum);
  const counts = exact.map(Math.floor);
  let rest = total - counts.reduce((a, b) => a + b, 0);
  const order = exact
    .map((e, i) => [e - Math.floor(e), i] as const)
    .sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; rest > 0; k = (k + 1) % order.length, rest--) counts[order[k]![1]]!++;
  return counts;
}

const CCCD_PROVINCES = ['011', '011', '011', '012', '014', '015', '010', '001', '036', '038'];

export interface StaffRecord {
  staffCode: string;
  fullName: string;
  birthDate: string;
  gender: 'Nam' | 'Nữ';
  position: string | null;
  professionalTitle: string | null;
  employmentType: string;
  personalId: string;
  orgCode: string;
  fromDate: string;
  email: string | null;
  phone: string | null;
}

export function* generateStaff(root: BenchOrg, total: number, rng: Random): Generator<StaffRecord> {
  const all = flattenTree(root).map((f) => f.org);
  const counts = allocate(all, total);
  const date = (from: number, to: number) =>
    `${rng.int(from, to)}-${pad(rng.int(1, 12), 2)}-${pad(rng.int(1, 28), 2)}`;
  let seq = 0;
  for (let i = 0; i < all.length; i++) {
    const org = all[i]!;
    const isOffice = org.type === 'office' || org.type === 'department_of_health';
    const leaders = heads(org);
    for (let k = 0; k < counts[i]!; k++) {
      seq++;
      const female = rng.chance(
        org.type === 'clinical_department' || org.type === 'health_station' ? 0.66 : 0.55,
      );
      const leader = leaders[k];
      const birthDate = leader ? date(1966, 1982) : date(1966, 2002);
      const birthYear = Number(birthDate.slice(0, 4));
      const [position, title] = leader ?? rng.weighted(isOffice ? OFFICE_ROLES : CLINICAL_ROLES);
      const code = `NV${pad(seq, 6)}`;
      const centuryGender = (birthYear >= 2000 ? 2 : 0) + (female ? 1 : 0);
      yield {
        staffCode: code,
        fullName: vietnameseName(rng, female ? 'female' : 'male'),
        birthDate,
        gender: female ? 'Nữ' : 'Nam',
        position,
        professionalTitle: title,
        employmentType: org.code.startsWith('SYT')
          ? 'Công chức'
          : rng.chance(0.9)
            ? 'Viên chức'
            : 'Hợp đồng lao động',
        personalId: `${rng.pick(CCCD_PROVINCES)}${centuryGender}${birthDate.slice(2, 4)}${pad(rng.int(0, 999_999), 6)}`,
        orgCode: org.code,
        fromDate: date(Math.min(Math.max(birthYear + 22, 1990), 2024), 2024),
        email: rng.chance(0.7) ? `${code.toLowerCase()}@syt.gov.vn` : null,
        phone: rng.chance(0.8) ? `0${rng.pick(['9', '8', '3', '7'])}${pad(rng.int(0, 99_999_999), 8)}` : null,
      };
    }
  }
}

// ------------------------------------------------------------------ files

async function sha256(file: string): Promise<string> {
  const h = createHash('sha256');
  for await (const chunk of fs.createReadStream(file)) h.update(chunk as Buffer);
  return h.digest('hex');
}

const DATE_KEYS = new Set(['birthDate', 'fromDate']);

export async function generateDataset(opts: {
  units: number;
  staff: number;
  seed: number;
  out: string;
}): Promise<BenchManifest> {
  const started = performance.now();
  fs.mkdirSync(opts.out, { recursive: true });
  const rng = createRandom(opts.seed);
  const tree = generateTree(opts.units, rng);
  const orgCount = flattenTree(tree).length;
  const orgsFile = path.join(opts.out, 'orgs.json');
  fs.writeFileSync(
    orgsFile,
    `${JSON.stringify({ version: 1, seed: opts.seed, units: opts.units, organizations: orgCount, root: tree }, null, 1)}\n`,
  );

  const staffFile = path.join(opts.out, 'staff.xlsx');
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: staffFile,
    useSharedStrings: true,
    useStyles: true,
  });
  wb.creator = 'thidua bench';
  // fixed timestamps keep the file byte-identical across runs
  wb.created = new Date('2025-01-01T00:00:00Z');
  wb.modified = new Date('2025-01-01T00:00:00Z');
  const ws = wb.addWorksheet('Nhân sự', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = STAFF_COLUMNS.map((c) => ({
    header: c.header,
    key: c.key,
    width: c.width,
    style: DATE_KEYS.has(c.key) ? { numFmt: 'dd/mm/yyyy' } : { numFmt: '@' },
  }));
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).commit();
  const names = new Map<string, number>();
  const rowsHash = createHash('sha256');
  let rows = 0;
  for (const r of generateStaff(tree, opts.staff, rng)) {
    const values: Record<string, unknown> = { ...r };
    for (const k of DATE_KEYS) values[k] = new Date(`${values[k] as string}T00:00:00Z`);
    ws.addRow(values).commit();
    names.set(r.fullName, (names.get(r.fullName) ?? 0) + 1);
    rowsHash.update(`${JSON.stringify(r)}\n`);
    rows++;
  }
  ws.commit();
  await wb.commit();

  // a rare but present name, deterministic: the alphabetically first full name occurring exactly 3 times
  // with a family name outside the five most common ones (or the first name occurring at all)
  const common = /^(Nguyễn|Trần|Lê|Phạm|Hoàng) /;
  const candidates = [...names]
    .filter(([n, c]) => c === 3 && !common.test(n))
    .map(([n]) => n)
    .sort();
  const rareName = candidates[0] ?? [...names.keys()].sort()[0]!;

  const manifest: BenchManifest = {
    version: 1,
    seed: opts.seed,
    units: opts.units,
    staff: rows,
    organizations: orgCount,
    generatedIn: `${((performance.now() - started) / 1000).toFixed(1)} s`,
    files: {
      orgs: { name: 'orgs.json', sha256: await sha256(orgsFile), bytes: fs.statSync(orgsFile).size },
      staff: { name: 'staff.xlsx', sha256: await sha256(staffFile), bytes: fs.statSync(staffFile).size },
    },
    rowsSha256: rowsHash.digest('hex'),
    rareName,
    rareNameCount: names.get(rareName) ?? 0,
  };
  fs.writeFileSync(path.join(opts.out, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

async function main() {
  const { values } = parseArgs({
    options: {
      units: { type: 'string', default: '100' },
      staff: { type: 'string', default: '50000' },
      seed: { type: 'string', default: '20251123' },
      out: { type: 'string', default: DEFAULT_DATA_DIR },
    },
  });
  const int = (name: string, v: string, min: number, max: number) => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < min || n > max)
      throw new Error(`--${name} must be an integer in [${min}, ${max}], got "${v}"`);
    return n;
  };
  const opts = {
    units: int('units', values.units!, 3, 1000),
    staff: int('staff', values.staff!, 1, 100_000),
    seed: int('seed', values.seed!, 0, 2 ** 32 - 1),
    out: path.resolve(values.out!),
  };
  const m = await generateDataset(opts);
  console.log(
    `bench data in ${opts.out}: ${m.organizations} organisations (${m.units} units), ${m.staff} staff rows, ` +
      `staff.xlsx ${(m.files.staff.bytes / 1024 / 1024).toFixed(1)} MiB, generated in ${m.generatedIn}`,
  );
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  main().catch((err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
