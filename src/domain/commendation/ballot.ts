/**
 * Outcome of a council ballot. Integer arithmetic only: a threshold is a ratio of integers, and
 * "agree ≥ 9/10 × members" is checked as agree × 10 ≥ 9 × members.
 *
 * Threshold denominators: 'all_members' (e.g. the old NĐ 91 rule for CSTĐ: ≥ 90 % of ALL council
 * members, absentees voting in writing, so agree + disagree may exceed those present) or
 * 'present_members'. Quorum: present members compared with ratio × council size; default "more
 * than half of the members present" (UNCONFIRMED — set by NĐ 152/TT 15 and each council's quy
 * chế; the rule set carries it as `policies.councilQuorum`).
 */
import type { QuorumRule } from './catalog';
import type { Ratio } from './conditions';
import type { VoteRule } from './rules/types';

export const DEFAULT_QUORUM: QuorumRule & { unconfirmed: true } = {
  ratio: { num: 1, den: 2 },
  strict: true,
  unconfirmed: true,
};

export interface BallotInput {
  agree: number;
  disagree: number;
  /** Blank or invalid ballots (counted as not agreeing). */
  invalid?: number;
  councilSize: number;
  present: number;
  threshold: Pick<VoteRule, 'ratio' | 'strict' | 'denominator'>;
  quorum?: QuorumRule;
}

export interface BallotOutcome {
  /** 'no_quorum' when the quorum is not met, whatever the votes. */
  status: 'passed' | 'failed' | 'no_quorum';
  quorumMet: boolean;
  /** The agree votes reach the threshold (independently of the quorum). */
  thresholdMet: boolean;
  /** Smallest number of present members that makes the quorum. */
  quorumRequired: number;
  /** Number the threshold is applied to (council size or members present). */
  denominatorCount: number;
  /** Smallest number of "agree" votes that passes. */
  required: number;
  agree: number;
  /** Vietnamese sentence for the minutes. */
  summary: string;
}

/** Smallest integer k with k/n ≥ r (or > r when strict). */
export function minimumCount(r: Ratio, n: number, strict: boolean): number {
  // k × den ≥ num × n  ⇔  k ≥ ceil(num × n / den);  strict: k × den > num × n ⇔ k ≥ floor(num × n / den) + 1
  const prod = r.num * n;
  return strict ? Math.floor(prod / r.den) + 1 : Math.ceil(prod / r.den);
}

function check(n: number, what: string) {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`${what} must be a non-negative integer`);
}

export function ballotOutcome(input: BallotInput): BallotOutcome {
  const { agree, disagree, councilSize, present } = input;
  const invalid = input.invalid ?? 0;
  for (const [v, w] of [
    [agree, 'agree'],
    [disagree, 'disagree'],
    [invalid, 'invalid'],
    [councilSize, 'councilSize'],
    [present, 'present'],
  ] as const) {
    check(v, w);
  }
  if (councilSize === 0) throw new RangeError('councilSize must be positive');
  if (present > councilSize) throw new RangeError('present cannot exceed councilSize');
  const { ratio, strict, denominator } = input.threshold;
  if (!(ratio.den > 0 && ratio.num >= 0 && ratio.num <= ratio.den))
    throw new RangeError('invalid threshold ratio');
  const cast = agree + disagree + invalid;
  const maxVotes = denominator === 'all_members' ? councilSize : present;
  if (cast > maxVotes) {
    throw new RangeError(
      denominator === 'all_members'
        ? 'more votes than council members'
        : 'more votes than members present (written votes only count towards all-member thresholds)',
    );
  }
  const quorum = input.quorum ?? DEFAULT_QUORUM;
  const quorumRequired = minimumCount(quorum.ratio, councilSize, quorum.strict);
  const quorumMet = present >= quorumRequired;
  const denominatorCount = denominator === 'all_members' ? councilSize : present;
  const required = minimumCount(ratio, denominatorCount, strict);
  const passes = agree >= required && agree > 0;
  const status = !quorumMet ? 'no_quorum' : passes ? 'passed' : 'failed';
  const base = denominator === 'all_members' ? 'tổng số thành viên Hội đồng' : 'số thành viên có mặt';
  const summary =
    status === 'no_quorum'
      ? `Không đủ số thành viên tham dự: có mặt ${present}/${councilSize}, cần ít nhất ${quorumRequired}.`
      : `${agree}/${denominatorCount} ${base} đồng ý (cần ít nhất ${required}): ${status === 'passed' ? 'đạt' : 'không đạt'}.`;
  return {
    status,
    quorumMet,
    thresholdMet: passes,
    quorumRequired,
    denominatorCount,
    required,
    agree,
    summary,
  };
}
