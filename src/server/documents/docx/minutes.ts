/**
 * Biên bản họp Hội đồng Thi đua - Khen thưởng as an `OfficialDocument`: time, place, chair,
 * secretary, attendance, agenda items with their vote counts and results, conclusion, and the
 * secretary's and chair's signatures side by side. Render it with `renderOfficialDocx` or
 * `renderOfficialPdf`.
 */
import { formatLongDate } from '../format';
import type { Block, Issuer, OfficialDocument } from '../model';

export const MINUTES_TEMPLATE_VERSION = 'bien-ban-hdtdkt@1';

export interface MinutesPerson {
  name: string;
  /** Chức vụ: "Giám đốc Sở Y tế". */
  position: string;
}

export interface MinutesVotes {
  agree: number;
  disagree: number;
  /** Members who did not vote (or blank/invalid ballots). */
  abstain?: number;
}

export interface MinutesAgendaItem {
  /** "Xét tặng danh hiệu Chiến sĩ thi đua cơ sở năm 2025". */
  title: string;
  /** What was presented and discussed, one paragraph each. */
  discussion?: string[];
  /** Hand vote (biểu quyết) or secret ballot (bỏ phiếu kín). */
  method: 'show-of-hands' | 'secret-ballot';
  votes: MinutesVotes;
  /** The result as decided by the council, e.g. "Thống nhất đề nghị tặng … cho 12 cá nhân". */
  result: string;
}

export interface MinutesInput {
  templateVersion?: string;
  /** The council's header, e.g. { parentName: 'SỞ Y TẾ TỈNH ĐIỆN BIÊN', name: 'HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG' }. */
  issuer: Issuer;
  /** "01/BB-HĐTĐKT". */
  documentNumber: string;
  place: string;
  /** Meeting date, ISO. */
  date: string;
  /** "Hội đồng Thi đua - Khen thưởng Sở Y tế". */
  councilName: string;
  /** What the meeting was for: "xét khen thưởng tổng kết năm 2025". */
  purpose: string;
  /** "14:00". */
  startTime: string;
  /** "16:30". */
  endTime: string;
  /** Meeting room: "Phòng họp tầng 2, Sở Y tế". */
  venue: string;
  chair: MinutesPerson;
  secretary: MinutesPerson;
  membersTotal: number;
  membersPresent: number;
  /** Absent members with a reason, if recorded. */
  absentees?: { name: string; reason?: string }[];
  /** Invited guests (not voting). */
  guests?: string[];
  agenda: MinutesAgendaItem[];
  conclusion: string[];
  recipients?: string[];
  draft?: boolean;
}

/** "14:05" → "14 giờ 05 phút". */
export function formatClock(hhmm: string): string {
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(hhmm);
  if (!m) throw new RangeError(`Invalid time (expected HH:mm): ${hhmm}`);
  return `${m[1]} giờ ${m[2]} phút`;
}

const percentFormat = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 });

/**
 * Share of all council members, truncated (not rounded) to two decimals so that a result just
 * under a threshold never prints as the threshold: 8/9 → "88,88%", 2/3 → "66,66%".
 */
export function votePercent(count: number, total: number): string {
  if (!Number.isInteger(count) || !Number.isInteger(total) || total <= 0 || count < 0 || count > total) {
    throw new RangeError(`Invalid vote count ${count}/${total}`);
  }
  return `${percentFormat.format(Math.floor((count * 10_000) / total) / 100)}%`;
}

/** "Đồng ý: 9/11 thành viên (81,81%); không đồng ý: 1/11 thành viên (9,09%)…". */
export function voteLine(votes: MinutesVotes, total: number): string {
  const part = (label: string, n: number) => `${label}: ${n}/${total} thành viên (${votePercent(n, total)})`;
  const parts = [part('Đồng ý', votes.agree), part('không đồng ý', votes.disagree)];
  if (votes.abstain) parts.push(part('không biểu quyết', votes.abstain));
  return `${parts.join('; ')}.`;
}

function check(input: MinutesInput): void {
  const { membersTotal: total, membersPresent: present } = input;
  if (!Number.isInteger(total) || total <= 0) throw new RangeError('membersTotal must be a positive integer');
  if (!Number.isInteger(present) || present < 0 || present > total) {
    throw new RangeError(`membersPresent must be between 0 and ${total}`);
  }
  formatClock(input.startTime);
  formatClock(input.endTime);
  input.agenda.forEach((item, i) => {
    const cast = item.votes.agree + item.votes.disagree + (item.votes.abstain ?? 0);
    // absent members may vote in writing, so votes are bounded by all members, not by those present
    if (cast > total) throw new RangeError(`agenda item ${i + 1}: ${cast} votes for ${total} members`);
  });
}

/** Builds the minutes as an official document ("BIÊN BẢN"). */
export function buildMinutes(input: MinutesInput): OfficialDocument {
  check(input);
  const total = input.membersTotal;
  const absent = total - input.membersPresent;
  const absentees = (input.absentees ?? []).map((a) => (a.reason ? `${a.name} (${a.reason})` : a.name));

  const attendance =
    `Có mặt ${input.membersPresent}/${total} thành viên Hội đồng; vắng mặt ${absent} thành viên` +
    (absentees.length ? `: ${absentees.join('; ')}.` : '.');

  const body: Block[] = [
    { kind: 'heading', level: 1, text: 'Thời gian, địa điểm, thành phần' },
    {
      kind: 'bullets',
      items: [
        `Thời gian: bắt đầu vào hồi ${formatClock(input.startTime)}, ${formatLongDate(input.date)}.`,
        `Địa điểm: ${input.venue}.`,
        `Chủ trì: ${input.chair.name}, ${input.chair.position}, Chủ tịch Hội đồng.`,
        `Thư ký: ${input.secretary.name}, ${input.secretary.position}.`,
        `Thành phần: ${attendance}`,
        ...(input.guests?.length ? [`Khách mời: ${input.guests.join('; ')}.`] : []),
      ],
    },
    { kind: 'heading', level: 1, text: 'Nội dung' },
  ];

  for (const item of input.agenda) {
    body.push({ kind: 'heading', level: 2, text: item.title });
    for (const p of item.discussion ?? []) body.push({ kind: 'paragraph', text: p });
    body.push({
      kind: 'paragraph',
      lead: item.method === 'secret-ballot' ? 'Kết quả bỏ phiếu kín:' : 'Kết quả biểu quyết:',
      text: voteLine(item.votes, total),
    });
    body.push({ kind: 'paragraph', lead: 'Kết quả:', text: item.result });
  }

  body.push({ kind: 'heading', level: 1, text: 'Kết luận' });
  for (const p of input.conclusion) body.push({ kind: 'paragraph', text: p });
  body.push({
    kind: 'paragraph',
    text: `Cuộc họp kết thúc vào hồi ${formatClock(input.endTime)} cùng ngày. Biên bản đã được thông qua trước các thành viên dự họp và thống nhất ký tên./.`,
  });

  return {
    templateVersion: input.templateVersion ?? MINUTES_TEMPLATE_VERSION,
    issuer: input.issuer,
    documentNumber: input.documentNumber,
    place: input.place,
    date: input.date,
    kindTitle: 'BIÊN BẢN',
    subject: `Họp ${input.councilName}\n${input.purpose}`,
    preamble: [],
    body,
    annexes: [],
    recipients: input.recipients ?? [],
    signature: { title: 'Chủ tịch Hội đồng', name: input.chair.name },
    secondSignature: { title: 'Thư ký', name: input.secretary.name },
    draft: input.draft,
  };
}
