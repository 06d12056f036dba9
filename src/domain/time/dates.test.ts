import { describe, expect, it } from 'vitest';
import { addDays, dayBefore, formatViDate, parseViDate, todayInVietnam } from './dates';

describe('dates', () => {
  it('adds days across months and leap years', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(dayBefore('2025-03-01')).toBe('2025-02-28');
  });
  it('uses the Vietnamese calendar day', () => {
    expect(todayInVietnam(new Date('2025-12-31T17:30:00Z'))).toBe('2026-01-01');
  });
  it('parses and formats dd/mm/yyyy', () => {
    expect(parseViDate('5/2/2026')).toBe('2026-02-05');
    expect(parseViDate('30/02/2024')).toBeNull();
    expect(parseViDate('2024-02-29')).toBe('2024-02-29');
    expect(parseViDate('hôm qua')).toBeNull();
    expect(formatViDate('2026-02-05')).toBe('05/02/2026');
  });
});
