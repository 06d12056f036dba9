/**
 * Test support: what __fixtures__/kh-118-bvt-quang-ngai-2025.txt says, field by field, written by hand
 * from the text. Its stripped and noisy variants must read the same.
 */
export const KH_118_FACTS = {
  documentNumber: '118/KH-BVT',
  issuer: 'BỆNH VIỆN ĐA KHOA TỈNH QUẢNG NGÃI',
  parentIssuer: 'SỞ Y TẾ TỈNH QUẢNG NGÃI',
  place: 'Quảng Ngãi',
  issuedOn: '2025-09-05',
  title:
    'Tổ chức Phong trào thi đua “Cả nước thi đua đổi mới sáng tạo và chuyển đổi số” tại Bệnh viện Đa khoa tỉnh Quảng Ngãi giai đoạn 2025 - 2030',
  implements: [
    { number: '1570/KH-SYT', issuedOn: '2025-08-20' },
    { number: '45/KH-UBND', issuedOn: '2025-08-12' },
  ],
  legalBases: [
    { number: '06/2022/QH15', issuedOn: '2022-06-15' },
    { number: '152/2025/NĐ-CP', issuedOn: '2025-06-14' },
    { number: '15/2025/TT-BNV', issuedOn: null },
    { number: '923/QĐ-TTg', issuedOn: '2025-05-14' },
    { number: '57-NQ/TW', issuedOn: '2024-12-22' }, // cited inside 45/KH-UBND's description
  ],
  phases: [
    { fromYear: 2025, toYear: 2026 },
    { fromYear: 2027, toYear: 2030 },
  ],
  reviews: [
    { type: 'interim', year: 2026 },
    { type: 'final', year: 2030 },
  ],
  // the Bằng khen Thủ tướng / Cờ thi đua Chính phủ of section 3 are explicitly *not* offered
  awardForms: ['LDTT', 'CSTDCS', 'TTLDTT', 'GIAY_KHEN', 'BANG_KHEN_BO', 'HCLD_3'],
  reportDeadlines: [
    { day: 20, month: 11, recurrence: 'yearly' },
    { day: 30, month: 11, recurrence: 'once', year: 2026 },
    { day: 25, month: null, recurrence: 'quarterly' },
  ],
  signer: { title: 'KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC', name: 'Lê Thị Hồng Nhung' },
  recipients: [
    'Sở Y tế tỉnh Quảng Ngãi (để báo cáo)',
    'Ban Giám đốc Bệnh viện',
    'Các khoa, phòng',
    'Lưu: VT, TCHC',
  ],
} as const;
