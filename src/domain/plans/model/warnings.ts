/**
 * The plan reader (src/domain/plans/parse) writes its notes in English for developers; the people
 * reviewing an imported draft read them in Vietnamese. Each known note has a pattern and its
 * Vietnamese sentence; an unknown note is kept as is (a new reader note then shows up in English
 * rather than disappearing).
 */
const NOTES: [RegExp, (m: RegExpExecArray) => string][] = [
  [/^The text is empty\.$/, () => 'Văn bản trống.'],
  [
    /^"Bằng khen" without an authority/,
    () =>
      'Có "Bằng khen" nhưng không rõ cấp khen (Thủ tướng / Bộ trưởng / Chủ tịch UBND): chưa đưa vào danh mục.',
  ],
  [
    /^"Cờ thi đua" without an authority/,
    () => 'Có "Cờ thi đua" nhưng không rõ cấp (Chính phủ / bộ / tỉnh): chưa đưa vào danh mục.',
  ],
  [
    /^"Chiến sĩ thi đua" without a level/,
    () => 'Có "Chiến sĩ thi đua" nhưng không rõ cấp (cơ sở / tỉnh / toàn quốc): chưa đưa vào danh mục.',
  ],
  [
    /^"Huân chương Lao động" is offered without a class/,
    () =>
      '"Huân chương Lao động" không ghi hạng: đã ghi cả ba hạng Nhất, Nhì, Ba — hãy bỏ hạng không áp dụng.',
  ],
  [
    /^No "Hình thức khen thưởng" section/,
    () => 'Không thấy mục "Hình thức khen thưởng": hình thức khen thưởng được tìm trong toàn văn bản.',
  ],
  [/^No "KẾ HOẠCH" line found/, () => 'Không thấy dòng "KẾ HOẠCH": chưa đọc được trích yếu.'],
  [/^The document number is blank \(symbol (.+)\)\.$/, (m) => `Văn bản chưa có số (ký hiệu ${m[1]}).`],
  [/^A "Số:" line was found but no number/, () => 'Có dòng "Số:" nhưng không đọc được số, ký hiệu.'],
  [/^No "Số: …" document number found\.$/, () => 'Không thấy số, ký hiệu văn bản ("Số: …").'],
  [/^The issue date is incomplete/, () => 'Ngày ban hành chưa đầy đủ (thiếu ngày hoặc tháng).'],
  [/^The place before ", ngày …" was not found\.$/, () => 'Không đọc được địa danh trước ", ngày …".'],
  [/^No "<place>, ngày … tháng … năm …" line found\.$/, () => 'Không thấy dòng địa danh, ngày tháng năm.'],
  [
    /^The issuing body \(left header\) was not found\.$/,
    () => 'Không đọc được tên cơ quan ban hành (góc trái).',
  ],
  [/^Section "I\." not found/, () => 'Không thấy mục "I.": phần mở đầu được lấy trong 5.000 ký tự đầu.'],
  [
    /^No "Thực hiện Kế hoạch …" clause; the legal bases include plan\(s\) (.+), possibly the parent plan\.$/,
    (m) =>
      `Không có câu "Thực hiện Kế hoạch …"; phần căn cứ có kế hoạch ${m[1]}, có thể là kế hoạch cấp trên.`,
  ],
  [
    /^No "Thực hiện Kế hoạch …" clause: the implemented plan is unknown\.$/,
    () => 'Không có câu "Thực hiện Kế hoạch …": chưa biết kế hoạch cấp trên.',
  ],
  [/^The signer's name was not found\.$/, () => 'Không đọc được họ tên người ký.'],
  [/^The signer's title .* was not found\.$/, () => 'Không đọc được chức vụ người ký (GIÁM ĐỐC, KT. …).'],
];

export function readerNoteVi(note: string): string {
  for (const [re, vi] of NOTES) {
    const m = re.exec(note);
    if (m) return vi(m);
  }
  return note;
}
