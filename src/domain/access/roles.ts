/**
 * Roles and permissions. A role is granted on an organisation and is valid for its whole
 * subtree. A permission names one kind of action; routes declare the permission they need and
 * services scope their queries to the subtrees where the actor holds it.
 */
export const ROLES = ['admin', 'tdkt', 'dept_head', 'council_member', 'director', 'staff'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_NAMES: Record<Role, string> = {
  admin: 'Quản trị hệ thống',
  tdkt: 'Cán bộ thi đua – khen thưởng',
  dept_head: 'Trưởng khoa/phòng',
  council_member: 'Thành viên Hội đồng',
  director: 'Lãnh đạo đơn vị',
  staff: 'Viên chức, người lao động',
};

/**
 * Every permission, with what it allows. Features check these at the route (does the caller
 * hold it anywhere) and in SQL (is the record inside a subtree where the caller holds it).
 */
export const PERMISSION_DESCRIPTIONS = {
  // foundation
  'org.read': 'Xem cây tổ chức và lịch sử đơn vị',
  'org.write': 'Ghi nhận sự kiện tổ chức',
  'staff.read': 'Xem hồ sơ nhân sự',
  'staff.write': 'Thêm, sửa, điều chuyển nhân sự',
  'staff.import': 'Nhập nhân sự từ Excel',
  'staff.readPersonalId': 'Xem số CCCD đầy đủ',
  'account.manage': 'Quản lý tài khoản và phân quyền',
  'audit.read': 'Xem nhật ký hệ thống',
  'settings.manage': 'Cấu hình hệ thống',
  // commendation: history and rules
  'history.read': 'Xem xếp loại, khen thưởng, sáng kiến, kỷ luật',
  'rating.write': 'Nhập xếp loại chất lượng hằng năm',
  'history.write': 'Cập nhật khen thưởng đã có, sáng kiến, đề tài, kỷ luật',
  'history.import': 'Nhập lịch sử xếp loại, khen thưởng từ Excel',
  'rules.read': 'Xem danh mục danh hiệu, hình thức và tiêu chuẩn',
  'rules.manage': 'Tạo phiên bản mới của tiêu chuẩn, mức lương cơ sở',
  'eligibility.read': 'Xét điều kiện danh hiệu, hình thức khen thưởng',
  // commendation: registration, rounds, proposals
  'registration.read': 'Xem đăng ký thi đua',
  'registration.submit': 'Lập và gửi đăng ký thi đua',
  'registration.review': 'Duyệt hoặc trả lại đăng ký thi đua',
  'round.manage': 'Mở và quản lý đợt khen thưởng',
  'proposal.read': 'Xem đề nghị khen thưởng và hồ sơ',
  'proposal.submit': 'Lập và gửi đề nghị khen thưởng',
  'proposal.appraise': 'Thẩm định, trả lại, trình Hội đồng',
  'proposal.forward': 'Trình cấp trên',
  // councils and ballots
  'council.read': 'Xem Hội đồng, phiên họp và kết quả',
  'council.manage': 'Lập Hội đồng, thành viên, phiên họp',
  'council.manageBallot': 'Mở, đóng phiếu (Chủ tịch Hội đồng)',
  'council.vote': 'Bỏ phiếu kín',
  'council.record': 'Ghi nhận kết quả của Hội đồng',
  // decisions, money, register
  'decision.read': 'Xem quyết định khen thưởng',
  'decision.draft': 'Soạn quyết định khen thưởng',
  'decision.sign': 'Ký ban hành quyết định',
  'fund.read': 'Xem quỹ thi đua, khen thưởng',
  'fund.manage': 'Ghi nhận phân bổ, chi quỹ',
  'register.read': 'Tra cứu sổ khen thưởng, thống kê',
  'exemplar.manage': 'Quản lý gương điển hình, bảng vàng',
  // movements and plans
  'plan.read': 'Xem kế hoạch, phong trào',
  'plan.write': 'Soạn kế hoạch, kế hoạch thực hiện',
  'plan.issue': 'Ban hành kế hoạch (cấp số)',
  'indicator.read': 'Xem chỉ tiêu, chỉ số',
  'indicator.write': 'Nhập số liệu chỉ tiêu',
  'indicator.manage': 'Định nghĩa chỉ số, chỉ tiêu',
  'emulationGroup.read': 'Xem khối, cụm thi đua và kết quả chấm điểm',
  'emulationGroup.manage': 'Lập khối, cụm thi đua, bộ tiêu chí',
  'score.self': 'Tự chấm điểm thi đua',
  'score.appraise': 'Thẩm định điểm thi đua',
  'report.read': 'Xem yêu cầu báo cáo và báo cáo',
  'report.submit': 'Nộp báo cáo định kỳ',
  'report.request': 'Gửi yêu cầu báo cáo, nhắc hạn',
  'task.read': 'Xem nhiệm vụ',
  'task.write': 'Giao và cập nhật nhiệm vụ',
  'digitalSkills.write': 'Ghi nhận hoàn thành Bình dân học vụ số',
  'mail.read': 'Xem hộp thư đi',
} as const;

export const PERMISSIONS = Object.keys(PERMISSION_DESCRIPTIONS) as (keyof typeof PERMISSION_DESCRIPTIONS)[];
export type Permission = keyof typeof PERMISSION_DESCRIPTIONS;

const ALL = PERMISSIONS;

/** The one table of who may do what. Features add their permissions here. */
export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  admin: ALL,
  tdkt: ALL.filter((p) => !['account.manage', 'settings.manage', 'rules.manage', 'decision.sign', 'council.vote', 'council.manageBallot'].includes(p)),
  director: [
    'org.read', 'staff.read', 'staff.readPersonalId', 'audit.read',
    'history.read', 'rules.read', 'eligibility.read', 'registration.read', 'proposal.read', 'proposal.forward',
    'council.read', 'decision.read', 'decision.sign', 'fund.read', 'register.read',
    'plan.read', 'plan.issue', 'indicator.read', 'emulationGroup.read', 'report.read', 'task.read', 'mail.read',
  ],
  dept_head: [
    'org.read', 'staff.read',
    'history.read', 'rating.write', 'rules.read', 'eligibility.read',
    'registration.read', 'registration.submit', 'proposal.read', 'proposal.submit', 'decision.read', 'register.read',
    'plan.read', 'plan.write', 'indicator.read', 'indicator.write', 'emulationGroup.read',
    'report.read', 'report.submit', 'task.read', 'task.write', 'digitalSkills.write',
  ],
  council_member: [
    'org.read', 'staff.read', 'history.read', 'rules.read', 'eligibility.read', 'proposal.read',
    'council.read', 'council.manageBallot', 'council.vote', 'council.record', 'decision.read', 'register.read',
    'plan.read', 'indicator.read', 'emulationGroup.read',
  ],
  staff: ['org.read', 'rules.read', 'plan.read', 'indicator.read'],
};

export function roleHasPermission(role: Role, permission: string): boolean {
  return (ROLE_PERMISSIONS[role] as readonly string[]).includes(permission);
}

export function permissionsOf(role: Role): string[] {
  return [...ROLE_PERMISSIONS[role]];
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
