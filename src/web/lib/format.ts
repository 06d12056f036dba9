/**
 * Display formats: dates dd/mm/yyyy, times in Asia/Ho_Chi_Minh (the server stores UTC).
 */
import dayjs, { type Dayjs } from 'dayjs';
import { formatViDate } from '../../domain/time/dates';

export const DATE_FORMAT = 'DD/MM/YYYY';
export const VN_TIME_ZONE = 'Asia/Ho_Chi_Minh';

/** 'YYYY-MM-DD' (or an ISO timestamp's date part) → 'dd/mm/yyyy'; '' for nothing. */
export function formatDate(iso: string | null | undefined): string {
  return formatViDate(iso);
}

const dateTimeFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: VN_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** An ISO UTC timestamp → 'dd/mm/yyyy HH:mm:ss' in Vietnam time. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const parts = Object.fromEntries(dateTimeFormat.formatToParts(date).map((p) => [p.type, p.value]));
  return `${parts.day}/${parts.month}/${parts.year} ${parts.hour}:${parts.minute}:${parts.second}`;
}

/** A DatePicker value → 'YYYY-MM-DD' (calendar date, no time zone); null when empty. */
export function toIsoDate(value: Dayjs | null | undefined): string | null {
  return value ? value.format('YYYY-MM-DD') : null;
}

/** 'YYYY-MM-DD' → a DatePicker value. */
export function fromIsoDate(iso: string | null | undefined): Dayjs | null {
  return iso ? dayjs(iso, 'YYYY-MM-DD') : null;
}

/** Today in Vietnam as a DatePicker value. */
export function todayVn(): Dayjs {
  const parts = Object.fromEntries(dateTimeFormat.formatToParts(new Date()).map((p) => [p.type, p.value]));
  return dayjs(`${parts.year}-${parts.month}-${parts.day}`, 'YYYY-MM-DD');
}

export function formatNumber(value: number): string {
  return value.toLocaleString('vi-VN');
}
