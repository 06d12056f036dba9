/**
 * Reporting periods of an indicator value: the whole year ('Y'), a quarter ('Q1'…'Q4') or a
 * month ('M01'…'M12'). Every value carries its period's last day, used to order values in time.
 */

export type Periodicity = 'month' | 'quarter' | 'year';
export const PERIODICITIES: readonly Periodicity[] = ['month', 'quarter', 'year'];
export const PERIODICITY_NAMES: Record<Periodicity, string> = {
  month: 'Hằng tháng',
  quarter: 'Hằng quý',
  year: 'Hằng năm',
};

export const PERIOD_PATTERN = /^(Y|Q[1-4]|M(0[1-9]|1[0-2]))$/;

export function isPeriod(p: string): boolean {
  return PERIOD_PATTERN.test(p);
}

/** The last month (1–12) a period covers. */
export function periodLastMonth(period: string): number {
  if (!isPeriod(period)) throw new Error(`Kỳ báo cáo không hợp lệ: ${period}`);
  if (period === 'Y') return 12;
  if (period.startsWith('Q')) return Number(period.slice(1)) * 3;
  return Number(period.slice(1));
}

/** The last day of the period as 'YYYY-MM-DD'. */
export function periodEnd(year: number, period: string): string {
  const month = periodLastMonth(period);
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(last).padStart(2, '0')}`;
}

/** Vietnamese label: "Tháng 3/2025", "Quý II/2025", "Năm 2025". */
export function periodLabel(year: number, period: string): string {
  if (period === 'Y') return `Năm ${year}`;
  if (period.startsWith('Q')) return `Quý ${['I', 'II', 'III', 'IV'][Number(period.slice(1)) - 1]}/${year}`;
  return `Tháng ${Number(period.slice(1))}/${year}`;
}

/**
 * Reads a period typed by a person: "Y", "Năm", "Q2", "Quý 2", "Quý II", "M3", "Tháng 3", "T03", "3".
 * Returns the canonical form or null.
 */
export function parsePeriod(text: string): string | null {
  const t = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/gi, 'd')
    .trim()
    .toUpperCase()
    .replace(/\s+/g, ' ');
  if (t === '') return null;
  if (t === 'Y' || t === 'NAM' || t === 'CA NAM') return 'Y';
  const roman: Record<string, number> = { I: 1, II: 2, III: 3, IV: 4 };
  const q = /^(?:Q|QUY) ?(\d|I{1,3}|IV)$/.exec(t);
  if (q) {
    const n = roman[q[1]!] ?? Number(q[1]);
    return n >= 1 && n <= 4 ? `Q${n}` : null;
  }
  const m = /^(?:M|T|THANG) ?(\d{1,2})$/.exec(t) ?? /^(\d{1,2})$/.exec(t);
  if (m) {
    const n = Number(m[1]);
    return n >= 1 && n <= 12 ? `M${String(n).padStart(2, '0')}` : null;
  }
  return null;
}

export type YearAggregation = 'last' | 'sum' | 'average';
export const YEAR_AGGREGATIONS: readonly YearAggregation[] = ['last', 'sum', 'average'];
export const YEAR_AGGREGATION_NAMES: Record<YearAggregation, string> = {
  last: 'Lấy số liệu kỳ gần nhất',
  sum: 'Cộng các kỳ',
  average: 'Bình quân các kỳ',
};

/**
 * The value of a year from its periods. A yearly value ('Y'), when reported, is the year's value.
 * Otherwise: 'last' takes the latest period, 'sum' adds the periods of the finest granularity
 * reported (months if any, else quarters — never both, which would count twice), 'average'
 * averages them. No period → null.
 */
export function yearValue(
  values: ReadonlyArray<{ period: string; value: number }>,
  aggregation: YearAggregation,
): number | null {
  const yearly = values.find((v) => v.period === 'Y');
  if (yearly) return yearly.value;
  if (values.length === 0) return null;
  if (aggregation === 'last') {
    let best = values[0]!;
    for (const v of values) {
      const a = periodLastMonth(v.period);
      const b = periodLastMonth(best.period);
      // at the same end month a month beats a quarter (finer, same day)
      if (a > b || (a === b && v.period.startsWith('M') && best.period.startsWith('Q'))) best = v;
    }
    return best.value;
  }
  const months = values.filter((v) => v.period.startsWith('M'));
  const chosen = months.length > 0 ? months : values.filter((v) => v.period.startsWith('Q'));
  const sum = chosen.reduce((s, v) => s + v.value, 0);
  return aggregation === 'sum' ? sum : sum / chosen.length;
}
