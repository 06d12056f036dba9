import { describe, expect, it } from 'vitest';
import {
  canRemindManually,
  countStatuses,
  DEFAULT_YEARLY_TEMPLATE,
  isTaskOverdue,
  missingParts,
  needsReminder,
  periodLabel,
  rollUpFigures,
  submissionProblems,
  submissionStatus,
  templateProblems,
} from './reports';

describe('submissionStatus', () => {
  it('on or before the due date is submitted, after it late', () => {
    expect(submissionStatus('2026-11-15', '2026-11-15', '2026-12-01')).toBe('submitted');
    expect(submissionStatus('2026-11-15', '2026-11-01', '2026-11-02')).toBe('submitted');
    expect(submissionStatus('2026-11-15', '2026-11-16', '2026-12-01')).toBe('late');
  });
  it('not submitted: pending until the due date has passed, then missing', () => {
    expect(submissionStatus('2026-11-15', null, '2026-11-15')).toBe('pending');
    expect(submissionStatus('2026-11-15', null, '2026-11-16')).toBe('missing');
  });
  it('reminds automatically only missing reports, manually any unsubmitted one', () => {
    expect(needsReminder('missing')).toBe(true);
    expect(needsReminder('late')).toBe(false);
    expect(needsReminder('pending')).toBe(false);
    expect(canRemindManually('pending')).toBe(true);
    expect(canRemindManually('submitted')).toBe(false);
  });
  it('counts statuses', () => {
    expect(countStatuses(['late', 'late', 'missing'])).toEqual({
      submitted: 0,
      late: 2,
      missing: 1,
      pending: 0,
    });
  });
});

describe('rollUpFigures', () => {
  const fields = [
    { code: 'a', label: 'A', unit: 'người', aggregate: 'sum' as const },
    { code: 'r', label: 'R', unit: '%', aggregate: 'avg' as const },
    { code: 'z', label: 'Z', unit: '', aggregate: 'sum' as const },
  ];
  it('sums and averages only the values given (hand-checked)', () => {
    const out = rollUpFigures(fields, [
      { figures: { a: 10, r: 90 } },
      { figures: { a: 5, r: 80, z: null } },
      { figures: { r: 95.5 } },
    ]);
    expect(out.map((f) => [f.code, f.value, f.count])).toEqual([
      ['a', 15, 2],
      ['r', 88.5, 3],
      ['z', null, 0],
    ]);
  });
  it('rounds averages to two decimals', () => {
    expect(
      rollUpFigures([fields[1]!], [{ figures: { r: 1 } }, { figures: { r: 1 } }, { figures: { r: 2 } }])[0]!
        .value,
    ).toBe(1.33);
  });
});

describe('templates and submissions', () => {
  it('accepts the default template and rejects duplicate codes or an empty one', () => {
    expect(templateProblems(DEFAULT_YEARLY_TEMPLATE)).toEqual([]);
    expect(templateProblems({ fields: [], sections: [] })).toHaveLength(1);
    const dup = templateProblems({
      fields: [
        { code: 'x', label: 'X', unit: '', aggregate: 'sum' },
        { code: 'x', label: 'Y', unit: '', aggregate: 'sum' },
      ],
      sections: [],
    });
    expect(dup[0]!.field).toBe('template.fields.1.code');
  });
  it('rejects figures and sections outside the template', () => {
    const p = submissionProblems(
      DEFAULT_YEARLY_TEMPLATE,
      { initiatives: 3, unknown: 1 },
      { results: 'x', other: 'y' },
    );
    expect(p.map((x) => x.field)).toEqual(['figures.unknown', 'narrative.other']);
  });
  it('lists the empty parts', () => {
    const m = missingParts(DEFAULT_YEARLY_TEMPLATE, { initiatives: 3, emr_rate: null }, { results: ' ' });
    expect(m.fields).toContain('emr_rate');
    expect(m.fields).not.toContain('initiatives');
    expect(m.sections).toEqual(['results', 'limitations', 'proposals']);
  });
});

describe('labels and tasks', () => {
  it('names periods', () => {
    expect(periodLabel('year', 2026)).toBe('Năm 2026');
    expect(periodLabel('interim', 2027)).toBe('Sơ kết 2027');
    expect(periodLabel('final', 2030)).toBe('Tổng kết 2030');
  });
  it('overdue = open and past due', () => {
    expect(isTaskOverdue({ status: 'open', dueOn: '2026-11-30' }, '2026-12-01')).toBe(true);
    expect(isTaskOverdue({ status: 'open', dueOn: '2026-12-01' }, '2026-12-01')).toBe(false);
    expect(isTaskOverdue({ status: 'done', dueOn: '2026-01-01' }, '2026-12-01')).toBe(false);
    expect(isTaskOverdue({ status: 'open', dueOn: null }, '2026-12-01')).toBe(false);
  });
});
