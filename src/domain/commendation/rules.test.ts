/**
 * One eligible and one failing history for every title/form and subject of the catalog. The
 * failing case also names the condition expected to fail, so that a case cannot pass by failing
 * for an unrelated reason. A coverage test makes sure no rule of the catalog is left untested.
 */
import { describe, expect, it } from 'vitest';
import { RULE_SET_2024 } from './catalog';
import { type AwardCode, type Rating, SUBJECTS, type Subject } from './codes';
import { evaluateAward } from './eligibility';
import type { NomineeHistory } from './history';
import { awards, collective, discipline, initiative, leads, members, person, ratings } from './test-fixtures';

const Y = 2024;

/** Ratings from..to with the given overrides. */
function ratingsWith(from: number, to: number, base: Rating, overrides: Record<number, Rating> = {}) {
  return ratings(from, to, base).map((r) => ({ year: r.year, rating: overrides[r.year] ?? r.rating }));
}

interface Case {
  code: AwardCode;
  subject: Subject;
  eligible: NomineeHistory;
  failing: NomineeHistory;
  /** Id of a condition that must be unmet in the failing case. */
  failsOn: string;
}

const bkIndividual = (code: 'BANG_KHEN_TINH' | 'BANG_KHEN_BO', prefix: string): Case => ({
  code,
  subject: 'individual',
  eligible: person({
    ratings: ratings(2023, 2024, 'HTTNV'),
    awards: [...awards('CSTDCS', 2023, 2024), ...awards('LDTT', 2023, 2024)],
    initiatives: [
      initiative('SK-A', 2023, 'unit', { code: 'CSTDCS', year: 2023 }),
      initiative('SK-B', 2024, 'unit', { code: 'CSTDCS', year: 2024 }),
      initiative('SK-C', 2023),
      initiative('SK-D', 2024),
    ],
  }),
  failing: person({
    ratings: ratings(2023, 2024, 'HTTNV'),
    awards: [...awards('CSTDCS', 2023, 2024), ...awards('LDTT', 2023, 2024)],
    initiatives: [
      initiative('SK-A', 2023, 'unit', { code: 'CSTDCS', year: 2023 }),
      initiative('SK-B', 2024, 'unit', { code: 'CSTDCS', year: 2024 }),
      initiative('SK-C', 2024),
    ],
  }),
  failsOn: `${prefix}.evidence`,
});

const bkCollective = (code: 'BANG_KHEN_TINH' | 'BANG_KHEN_BO', prefix: string): Case => ({
  code,
  subject: 'collective',
  eligible: collective({ ratings: ratings(2023, 2024, 'HTXSNV') }),
  failing: collective({ ratings: [...ratings(2023, 2023, 'HTTNV'), ...ratings(2024, 2024, 'HTXSNV')] }),
  failsOn: `${prefix}.htxsnv`,
});

const CASES: Case[] = [
  {
    code: 'LDTT',
    subject: 'individual',
    eligible: person({ ratings: ratings(Y, Y, 'HTTNV') }),
    failing: person({ ratings: ratings(Y, Y, 'HTNV') }),
    failsOn: 'ldtt.rating',
  },
  {
    code: 'CSTDCS',
    subject: 'individual',
    eligible: person({ ratings: ratings(Y, Y, 'HTXSNV') }),
    failing: person({ ratings: ratings(Y, Y, 'HTTNV'), initiatives: [initiative('SK-1', 2023)] }),
    failsOn: 'cstdcs.merit',
  },
  {
    code: 'CSTD_TINH',
    subject: 'individual',
    eligible: person({
      ratings: ratings(2022, Y, 'HTXSNV'),
      awards: awards('CSTDCS', 2022, 2023, 2024),
      initiatives: [initiative('SK-T', 2023, 'province')],
    }),
    failing: person({
      ratings: ratings(2022, Y, 'HTXSNV'),
      awards: awards('CSTDCS', 2022, 2023, 2024),
      initiatives: [initiative('SK-T', 2023, 'unit')],
    }),
    failsOn: 'cstd-tinh.evidence',
  },
  {
    code: 'CSTD_TQ',
    subject: 'individual',
    eligible: person({
      ratings: ratings(2019, Y, 'HTXSNV'),
      awards: [...awards('CSTDCS', 2019, 2020, 2021, 2022, 2023, 2024), ...awards('CSTD_TINH', 2021, 2024)],
      initiatives: [initiative('SK-N', 2023, 'national')],
    }),
    failing: person({
      ratings: ratings(2019, Y, 'HTXSNV'),
      awards: awards('CSTD_TINH', 2023, 2024),
      initiatives: [initiative('SK-N', 2023, 'national')],
    }),
    failsOn: 'cstd-tq.cstd-tinh-run',
  },
  {
    code: 'GIAY_KHEN',
    subject: 'individual',
    eligible: person({ ratings: ratings(Y, Y, 'HTTNV') }),
    failing: person({
      ratings: ratings(Y, Y, 'HTTNV'),
      disciplines: [discipline('2024-03-01', '2024-08-31')],
    }),
    failsOn: 'gk-cn.no-discipline',
  },
  bkIndividual('BANG_KHEN_TINH', 'bk-tinh'),
  bkIndividual('BANG_KHEN_BO', 'bk-bo'),
  {
    code: 'BANG_KHEN_TTG',
    subject: 'individual',
    eligible: person({
      ratings: ratings(2019, Y, 'HTTNV'),
      awards: [...awards('BANG_KHEN_TINH', 2019), ...awards('CSTDCS', 2020, 2022, 2024)],
    }),
    failing: person({
      ratings: ratings(2019, Y, 'HTTNV'),
      awards: [...awards('BANG_KHEN_TINH', 2019), ...awards('CSTDCS', 2022, 2024)],
    }),
    failsOn: 'bk-ttg.run',
  },
  {
    code: 'HCLD_3',
    subject: 'individual',
    eligible: person({
      ratings: ratingsWith(2018, Y, 'HTTNV', { 2023: 'HTXSNV' }),
      awards: [...awards('BANG_KHEN_TTG', 2018), ...awards('CSTDCS', 2019, 2021, 2023)],
    }),
    failing: person({
      ratings: ratings(2018, Y, 'HTTNV'),
      awards: [...awards('BANG_KHEN_TTG', 2018), ...awards('CSTDCS', 2019, 2021, 2023)],
    }),
    failsOn: 'hcld_3.run',
  },
  {
    code: 'HCLD_2',
    subject: 'individual',
    eligible: person({
      ratings: ratingsWith(2018, Y, 'HTTNV', { 2022: 'HTXSNV', 2023: 'HTXSNV' }),
      awards: [...awards('HCLD_3', 2018), ...awards('CSTD_TINH', 2021)],
    }),
    failing: person({
      ratings: ratingsWith(2018, Y, 'HTTNV', { 2022: 'HTXSNV', 2023: 'HTXSNV' }),
      awards: [...awards('BANG_KHEN_TTG', 2018), ...awards('CSTD_TINH', 2021)],
    }),
    failsOn: 'hcld_2.run',
  },
  {
    code: 'HCLD_1',
    subject: 'individual',
    eligible: person({
      ratings: ratingsWith(2017, Y, 'HTTNV', { 2019: 'HTXSNV', 2021: 'HTXSNV', 2023: 'HTXSNV' }),
      awards: [...awards('HCLD_2', 2017), ...awards('CSTD_TINH', 2020, 2023)],
    }),
    failing: person({
      ratings: ratingsWith(2017, Y, 'HTXSNV'),
      awards: [...awards('HCLD_2', 2020), ...awards('CSTD_TINH', 2021, 2024)],
    }),
    failsOn: 'hcld_1.run',
  },
  {
    code: 'TTLDTT',
    subject: 'collective',
    eligible: collective({
      ratings: ratings(Y, Y, 'HTTNV'),
      members: [members(Y, 20, { titles: { LDTT: 11 } })],
    }),
    // exactly 50 % is not "more than 50 %"
    failing: collective({
      ratings: ratings(Y, Y, 'HTTNV'),
      members: [members(Y, 20, { titles: { LDTT: 10 } })],
    }),
    failsOn: 'ttldtt.ldtt-share',
  },
  {
    code: 'TTLDXS',
    subject: 'collective',
    eligible: collective({
      ratings: ratings(Y, Y, 'HTXSNV'),
      members: [
        members(Y, 20, { ratings: { HTXSNV: 4, HTTNV: 12, HTNV: 4 }, titles: { LDTT: 14, CSTDCS: 1 } }),
      ],
    }),
    failing: collective({
      ratings: ratings(Y, Y, 'HTXSNV'),
      members: [
        members(Y, 20, {
          ratings: { HTXSNV: 4, HTTNV: 12, HTNV: 3, KHTNV: 1 },
          titles: { LDTT: 14, CSTDCS: 1 },
        }),
      ],
    }),
    failsOn: 'ttldxs.all-htnv',
  },
  {
    code: 'CO_THI_DUA_TINH',
    subject: 'collective',
    eligible: collective({ emulationBlockLeadership: [leads(Y)] }),
    failing: collective({ emulationBlockLeadership: [leads(2023)] }),
    failsOn: 'co-tinh.leads',
  },
  {
    code: 'CO_THI_DUA_CP',
    subject: 'collective',
    eligible: collective({ emulationBlockLeadership: [leads(Y, 'national')] }),
    failing: collective({ emulationBlockLeadership: [] }),
    failsOn: 'co-cp.leads',
  },
  {
    code: 'GIAY_KHEN',
    subject: 'collective',
    eligible: collective({ ratings: ratings(Y, Y, 'HTTNV') }),
    failing: collective({ ratings: ratings(Y, Y, 'HTNV') }),
    failsOn: 'gk-tt.rating',
  },
  bkCollective('BANG_KHEN_TINH', 'bk-tinh-tt'),
  bkCollective('BANG_KHEN_BO', 'bk-bo-tt'),
  {
    code: 'BANG_KHEN_TTG',
    subject: 'collective',
    eligible: collective({ ratings: ratings(2020, Y, 'HTXSNV'), awards: awards('CO_THI_DUA_TINH', 2022) }),
    failing: collective({ ratings: ratings(2020, Y, 'HTXSNV'), awards: awards('BANG_KHEN_TINH', 2022) }),
    failsOn: 'bk-ttg-tt.run',
  },
  {
    code: 'HCLD_3',
    subject: 'collective',
    eligible: collective({ ratings: ratings(2020, Y, 'HTXSNV'), awards: awards('CO_THI_DUA_CP', 2023) }),
    failing: collective({
      ratings: [...ratings(2020, 2020, 'HTTNV'), ...ratings(2021, Y, 'HTXSNV')],
      awards: awards('CO_THI_DUA_CP', 2023),
    }),
    failsOn: 'hcld_3-tt.run',
  },
  {
    code: 'HCLD_2',
    subject: 'collective',
    eligible: collective({
      awards: [
        ...awards('HCLD_3', 2018),
        ...awards('TTLDXS', 2019, 2020, 2021, 2022, 2023, 2024),
        ...awards('CO_THI_DUA_TINH', 2020, 2022),
      ],
    }),
    failing: collective({
      awards: [
        ...awards('HCLD_3', 2018),
        ...awards('TTLDXS', 2019, 2020, 2021, 2022, 2023, 2024),
        ...awards('CO_THI_DUA_TINH', 2022),
      ],
    }),
    failsOn: 'hcld_2-tt.run',
  },
  {
    code: 'HCLD_1',
    subject: 'collective',
    eligible: collective({
      awards: [
        ...awards('HCLD_2', 2019),
        ...awards('TTLDXS', 2020, 2021, 2022, 2023, 2024),
        ...awards('CO_THI_DUA_CP', 2021),
      ],
    }),
    failing: collective({
      awards: [
        ...awards('HCLD_2', 2019),
        ...awards('TTLDXS', 2020, 2021, 2022, 2023, 2024),
        ...awards('CO_THI_DUA_TINH', 2021),
      ],
    }),
    failsOn: 'hcld_1-tt.run',
  },
];

describe('every rule of the catalog', () => {
  it('has an eligible and a failing case for every title/form and subject', () => {
    const expected = RULE_SET_2024.rules.flatMap((r) =>
      SUBJECTS.filter((s) => r.subjects[s]).map((s) => `${r.code}/${s}`),
    );
    const covered = CASES.map((c) => `${c.code}/${c.subject}`);
    expect(new Set(covered)).toEqual(new Set(expected));
    expect(covered.length).toBe(expected.length);
  });

  for (const c of CASES) {
    describe(`${c.code} (${c.subject})`, () => {
      it('is eligible on a history that meets the standard', () => {
        const v = evaluateAward(c.eligible, Y, c.code, RULE_SET_2024);
        expect(v.status, v.summary).toBe('eligible');
        expect(v.conditions.filter((x) => x.met === false && x.depth === 0)).toEqual([]);
        expect(v.summary).toContain('đủ điều kiện');
      });
      it('is not eligible on a history that misses it, for the expected reason', () => {
        const v = evaluateAward(c.failing, Y, c.code, RULE_SET_2024);
        expect(v.status, v.summary).toBe('not_eligible');
        const failed = v.conditions.find((x) => x.id === c.failsOn);
        expect(failed?.met, JSON.stringify(v.conditions, null, 1)).toBe(false);
        expect(failed?.citation).toMatch(/Điều \d+|Luật/);
        expect(v.summary).toContain('chưa đủ điều kiện');
      });
    });
  }
});
