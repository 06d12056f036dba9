/** Organisation types of a provincial health sector, with their Vietnamese names. */
export const ORG_TYPES = [
  'department_of_health',
  'medical_center',
  'cdc',
  'general_hospital',
  'specialized_hospital',
  'psychiatric_center',
  'other_unit',
  'clinical_department',
  'office',
  'health_station',
] as const;
export type OrgType = (typeof ORG_TYPES)[number];

export const ORG_TYPE_NAMES: Record<OrgType, string> = {
  department_of_health: 'Sở Y tế',
  medical_center: 'Trung tâm Y tế',
  cdc: 'Trung tâm Kiểm soát bệnh tật',
  general_hospital: 'Bệnh viện đa khoa',
  specialized_hospital: 'Bệnh viện chuyên khoa',
  psychiatric_center: 'Cơ sở điều trị tâm thần',
  other_unit: 'Đơn vị trực thuộc khác',
  clinical_department: 'Khoa',
  office: 'Phòng',
  health_station: 'Trạm Y tế',
};

/** Unit-level types (đơn vị trực thuộc Sở); the others are departments inside a unit. */
export const UNIT_TYPES: readonly OrgType[] = [
  'medical_center',
  'cdc',
  'general_hospital',
  'specialized_hospital',
  'psychiatric_center',
  'other_unit',
];
export const DEPARTMENT_TYPES: readonly OrgType[] = ['clinical_department', 'office', 'health_station'];

export function isOrgType(v: string): v is OrgType {
  return (ORG_TYPES as readonly string[]).includes(v);
}

/** Which child types an organisation type may contain. */
export function allowedChildTypes(parent: OrgType): readonly OrgType[] {
  if (parent === 'department_of_health') return [...UNIT_TYPES, 'office'];
  if (UNIT_TYPES.includes(parent)) return DEPARTMENT_TYPES;
  return [];
}

export const ORG_EVENT_TYPES = ['create', 'rename', 'move', 'merge', 'split', 'dissolve'] as const;
export type OrgEventType = (typeof ORG_EVENT_TYPES)[number];
export const ORG_EVENT_NAMES: Record<OrgEventType, string> = {
  create: 'Thành lập',
  rename: 'Đổi tên',
  move: 'Điều chuyển trực thuộc',
  merge: 'Sáp nhập / hợp nhất',
  split: 'Chia tách',
  dissolve: 'Giải thể',
};

export const ORG_STATUS_NAMES: Record<string, string> = {
  active: 'Đang hoạt động',
  merged: 'Đã sáp nhập',
  split: 'Đã chia tách',
  dissolved: 'Đã giải thể',
};
