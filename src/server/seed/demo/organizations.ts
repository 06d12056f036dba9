import type { OrgType } from '../../../domain/org/types';

/**
 * The demo provincial health sector: Sở Y tế tỉnh Điện Biên and its units, as they stood before
 * the 2025 reorganisation. seed.ts then applies a 2025 rename and a 2025 merger through the
 * organisation service, so their history and lineage are real events.
 */
export interface DemoOrg {
  key: string;
  type: OrgType;
  code: string;
  name: string;
  shortName: string;
  /** approximate head count of the unit's departments */
  staff?: number;
  children?: DemoOrg[];
}

const HOSPITAL_DEPTS: [string, string, string][] = [
  ['KKB', 'Khoa Khám bệnh', 'KKB'],
  ['HSCC', 'Khoa Hồi sức tích cực - Chống độc', 'HSTC'],
  ['NOI', 'Khoa Nội tổng hợp', 'KNTH'],
  ['NGOAI', 'Khoa Ngoại tổng hợp', 'KNGTH'],
  ['SAN', 'Khoa Phụ sản', 'KPS'],
  ['NHI', 'Khoa Nhi', 'KNHI'],
  ['TN', 'Khoa Truyền nhiễm', 'KTN'],
  ['XN', 'Khoa Xét nghiệm', 'KXN'],
  ['CDHA', 'Khoa Chẩn đoán hình ảnh', 'KCĐHA'],
  ['DUOC', 'Khoa Dược', 'KD'],
  ['TCHC', 'Phòng Tổ chức - Hành chính', 'TCHC'],
  ['KHNV', 'Phòng Kế hoạch - Nghiệp vụ', 'KHNV'],
  ['DD', 'Phòng Điều dưỡng', 'ĐD'],
  ['TCKT', 'Phòng Tài chính - Kế toán', 'TCKT'],
];

const CENTER_DEPTS: [string, string, string][] = [
  ['KKB', 'Khoa Khám bệnh - Cấp cứu', 'KKB'],
  ['NOI', 'Khoa Nội - Nhi - Truyền nhiễm', 'KNNTN'],
  ['NGOAI', 'Khoa Ngoại - Sản', 'KNS'],
  ['YTCC', 'Khoa Kiểm soát bệnh tật - Y tế công cộng', 'KSBT'],
  ['CLS', 'Khoa Xét nghiệm - Chẩn đoán hình ảnh', 'KCLS'],
  ['TCHC', 'Phòng Tổ chức - Hành chính', 'TCHC'],
  ['KHNV', 'Phòng Kế hoạch - Nghiệp vụ', 'KHNV'],
];

const CDC_DEPTS: [string, string, string][] = [
  ['TN', 'Khoa Phòng, chống bệnh truyền nhiễm', 'KTN'],
  ['KLN', 'Khoa Phòng, chống bệnh không lây nhiễm', 'KKLN'],
  ['DD', 'Khoa Dinh dưỡng', 'KDD'],
  ['SKSS', 'Khoa Sức khỏe sinh sản', 'KSKSS'],
  ['XN', 'Khoa Xét nghiệm - Chẩn đoán hình ảnh - Thăm dò chức năng', 'KXN'],
  ['TTGDSK', 'Khoa Truyền thông, giáo dục sức khỏe', 'KTT'],
  ['TCHC', 'Phòng Tổ chức - Hành chính', 'TCHC'],
  ['KHNV', 'Phòng Kế hoạch - Nghiệp vụ', 'KHNV'],
];

function depts(unitCode: string, list: [string, string, string][], stations: string[] = []): DemoOrg[] {
  return [
    ...list.map(([code, name, short]) => ({
      key: `${unitCode}-${code}`,
      type: (name.startsWith('Phòng') ? 'office' : 'clinical_department') as OrgType,
      code: `${unitCode}-${code}`,
      name,
      shortName: short,
    })),
    ...stations.map((commune, i) => ({
      key: `${unitCode}-TYT${i + 1}`,
      type: 'health_station' as OrgType,
      code: `${unitCode}-TYT${String(i + 1).padStart(2, '0')}`,
      name: `Trạm Y tế ${commune}`,
      shortName: 'TYT',
    })),
  ];
}

const center = (key: string, code: string, place: string, staff: number, stations: string[]): DemoOrg => ({
  key,
  type: 'medical_center',
  code,
  name: `Trung tâm Y tế ${place}`,
  shortName: 'TTYT',
  staff,
  children: depts(code, CENTER_DEPTS, stations),
});

export const DEMO_TREE: DemoOrg = {
  key: 'SYT',
  type: 'department_of_health',
  code: 'SYT-DB',
  name: 'Sở Y tế tỉnh Điện Biên',
  shortName: 'SYT',
  staff: 45,
  children: [
    { key: 'SYT-VP', type: 'office', code: 'SYT-VP', name: 'Văn phòng Sở', shortName: 'VP' },
    { key: 'SYT-TCCB', type: 'office', code: 'SYT-TCCB', name: 'Phòng Tổ chức cán bộ', shortName: 'TCCB' },
    { key: 'SYT-NVY', type: 'office', code: 'SYT-NVY', name: 'Phòng Nghiệp vụ Y', shortName: 'NVY' },
    {
      key: 'SYT-KHTC',
      type: 'office',
      code: 'SYT-KHTC',
      name: 'Phòng Kế hoạch - Tài chính',
      shortName: 'KHTC',
    },
    {
      key: 'BVDK',
      type: 'general_hospital',
      code: 'BVDK-DB',
      name: 'Bệnh viện Đa khoa tỉnh Điện Biên',
      shortName: 'BVĐK',
      staff: 460,
      children: depts('BVDK-DB', HOSPITAL_DEPTS),
    },
    {
      key: 'KSBT',
      type: 'cdc',
      code: 'KSBT-DB',
      name: 'Trung tâm Kiểm soát bệnh tật tỉnh Điện Biên',
      shortName: 'KSBT',
      staff: 130,
      children: depts('KSBT-DB', CDC_DEPTS),
    },
    {
      key: 'BVTT',
      type: 'psychiatric_center',
      code: 'BVTT-DB',
      name: 'Bệnh viện Tâm thần tỉnh Điện Biên',
      shortName: 'BVTT',
      staff: 75,
      children: depts('BVTT-DB', [
        ['KKB', 'Khoa Khám bệnh', 'KKB'],
        ['LS1', 'Khoa Điều trị tâm thần nam', 'KĐTN'],
        ['LS2', 'Khoa Điều trị tâm thần nữ', 'KĐTNU'],
        ['TCHC', 'Phòng Tổ chức - Hành chính', 'TCHC'],
      ]),
    },
    {
      key: 'BVYHCT',
      type: 'specialized_hospital',
      code: 'BVYHCT-DB',
      name: 'Bệnh viện Y học cổ truyền tỉnh Điện Biên',
      shortName: 'BVYHCT',
      staff: 110,
      children: depts('BVYHCT-DB', [
        ['KKB', 'Khoa Khám bệnh', 'KKB'],
        ['CHAM', 'Khoa Châm cứu - Dưỡng sinh', 'KCC'],
        ['PHCN', 'Khoa Phục hồi chức năng', 'KPHCN'],
        ['NOI', 'Khoa Nội', 'KN'],
        ['DUOC', 'Khoa Dược', 'KD'],
        ['TCHC', 'Phòng Tổ chức - Hành chính', 'TCHC'],
      ]),
    },
    center('TTYT-DBP', 'TTYT-DBP', 'thành phố Điện Biên Phủ', 190, [
      'phường Him Lam',
      'phường Mường Thanh',
      'phường Tân Thanh',
      'xã Thanh Minh',
    ]),
    center('TTYT-DB', 'TTYT-DB', 'huyện Điện Biên', 260, [
      'xã Thanh Xương',
      'xã Thanh An',
      'xã Noong Hẹt',
      'xã Sam Mứn',
      'xã Mường Phăng',
    ]),
    center('TTYT-TG', 'TTYT-TG', 'huyện Tuần Giáo', 200, [
      'thị trấn Tuần Giáo',
      'xã Quài Cang',
      'xã Mường Mùn',
      'xã Pú Nhung',
    ]),
    center('TTYT-MA', 'TTYT-MA', 'huyện Mường Ảng', 150, ['thị trấn Mường Ảng', 'xã Búng Lao', 'xã Ẳng Nưa']),
    center('TTYT-TC', 'TTYT-TC', 'huyện Tủa Chùa', 140, [
      'thị trấn Tủa Chùa',
      'xã Sính Phình',
      'xã Mường Báng',
    ]),
    center('TTYT-MC', 'TTYT-MC', 'huyện Mường Chà', 150, [
      'thị trấn Mường Chà',
      'xã Sá Tổng',
      'xã Ma Thì Hồ',
    ]),
    center('TTYT-ML', 'TTYT-ML', 'thị xã Mường Lay', 70, ['phường Na Lay', 'xã Lay Nưa']),
    center('TTYT-DBD', 'TTYT-DBD', 'huyện Điện Biên Đông', 170, [
      'thị trấn Điện Biên Đông',
      'xã Keo Lôm',
      'xã Phình Giàng',
    ]),
  ],
};

/** 2025 events applied after seeding (effective 01/07/2025, when district level ended). */
export const DEMO_EVENTS_2025 = {
  rename: {
    key: 'TTYT-TG',
    name: 'Trung tâm Y tế khu vực Tuần Giáo',
    effectiveOn: '2025-07-01',
    documentNumber: '1125/QĐ-UBND',
    documentDate: '2025-06-27',
    documentIssuer: 'Ủy ban nhân dân tỉnh Điện Biên',
  },
  merge: {
    sourceKey: 'TTYT-ML',
    targetKey: 'TTYT-MC',
    effectiveOn: '2025-07-01',
    documentNumber: '1126/QĐ-UBND',
    documentDate: '2025-06-27',
    documentIssuer: 'Ủy ban nhân dân tỉnh Điện Biên',
    note: 'Sáp nhập Trung tâm Y tế thị xã Mường Lay vào Trung tâm Y tế huyện Mường Chà khi kết thúc cấp huyện.',
  },
};
