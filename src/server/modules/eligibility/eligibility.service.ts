/**
 * Eligibility of a nominee (a person or a collective) for the titles and forms of the rules
 * catalog: loads the history from the database, picks the rule-set version in force, and runs the
 * pure engine (`evaluateNominee`). Persists nothing — except `markEvidenceUsed`, which records the
 * single use of initiatives and research projects when an award is decided.
 *
 * Other modules (proposals, decisions) import these functions; routes live in
 * eligibility.routes.ts.
 */
import { sql } from 'drizzle-orm';
import {
  AWARD_NAMES,
  type AwardCode,
  evaluateNominee,
  isAwardCode,
  type NomineeHistory,
  type RuleSet,
  type Verdict,
} from '../../../domain/commendation';
import { todayInVietnam } from '../../../domain/time/dates';
import type { Db, Queryable } from '../../db/client';
import { AppError } from '../../platform/http/errors';
import { activeRuleSet, ruleSetByVersion } from '../rules/rulesets.repo';
import { loadCollectiveHistory, loadPersonHistories } from './history.loader';

export type EligibilitySubject = { personId: string } | { orgId: string };

export interface EvaluateSubjectOptions {
  /** Restrict to these award codes (unknown codes are rejected). */
  awardCodes?: string[];
  /** Evaluation date (rule set in force, disciplines in force). Default: today (Việt Nam). */
  asOf?: string;
  /** Evaluate under this rule-set version instead of the one in force. */
  ruleSetVersion?: number;
  /** Evidence reserved elsewhere (e.g. by other pending proposals). */
  reserved?: { initiatives?: string[]; researchProjects?: string[] };
}

export interface SubjectEvaluation {
  ruleSetId: string;
  ruleSetVersion: number;
  verdicts: Verdict[];
}

/** Today's date in Việt Nam (UTC+7), 'YYYY-MM-DD'. */
export function todayIso(now: Date = new Date()): string {
  return todayInVietnam(now);
}

/** Validates award codes, with a Vietnamese field error for unknown ones. */
export function parseAwardCodes(
  codes: readonly string[] | undefined,
  field = 'codes',
): AwardCode[] | undefined {
  if (!codes || codes.length === 0) return undefined;
  const bad = codes.filter((c) => !isAwardCode(c));
  if (bad.length > 0) {
    throw new AppError('VALIDATION_FAILED', [
      { field, message: `Mã danh hiệu, hình thức khen thưởng không tồn tại: ${bad.join(', ')}` },
    ]);
  }
  return codes as AwardCode[];
}

/** The rule set used for an evaluation: a given version, or the one in force on `asOf`. */
export async function resolveRuleSet(db: Queryable, asOf: string, version?: number): Promise<RuleSet> {
  if (version === undefined) return activeRuleSet(db, asOf);
  const rs = await ruleSetByVersion(db, version);
  if (!rs) {
    throw new AppError('VALIDATION_FAILED', [
      { field: 'ruleSetVersion', message: `Không có phiên bản bộ quy định số ${version}.` },
    ]);
  }
  return rs;
}

/** The nominee's history (person: their own; organisation: merged across its lineage). 404 when missing. */
export async function loadSubjectHistory(
  db: Queryable,
  subject: EligibilitySubject,
  year: number,
): Promise<NomineeHistory> {
  const history =
    'personId' in subject
      ? (await loadPersonHistories(db, [subject.personId])).get(subject.personId)
      : await loadCollectiveHistory(db, subject.orgId, year);
  if (!history) throw new AppError('NOT_FOUND');
  return history;
}

export function evaluateHistory(
  history: NomineeHistory,
  year: number,
  ruleSet: RuleSet,
  opts: { codes?: AwardCode[]; asOf: string; reserved?: EvaluateSubjectOptions['reserved'] },
): Verdict[] {
  return evaluateNominee(history, year, ruleSet, {
    asOf: opts.asOf,
    ...(opts.codes ? { codes: opts.codes } : {}),
    ...(opts.reserved ? { reserved: opts.reserved } : {}),
  });
}

/**
 * Verdicts for every title and form (or `opts.awardCodes`) of the rule set in force, for a
 * person or an organisation in `year`, with explanations. Scoping is the caller's job.
 */
export async function evaluateSubject(
  db: Db | Queryable,
  subject: EligibilitySubject,
  year: number,
  opts: EvaluateSubjectOptions = {},
): Promise<SubjectEvaluation> {
  if (!Number.isInteger(year) || year < 1990 || year > 2100) {
    throw new AppError('VALIDATION_FAILED', [{ field: 'year', message: 'Năm xét không hợp lệ.' }]);
  }
  const codes = parseAwardCodes(opts.awardCodes);
  const asOf = opts.asOf ?? todayIso();
  const [ruleSet, history] = await Promise.all([
    resolveRuleSet(db, asOf, opts.ruleSetVersion),
    loadSubjectHistory(db, subject, year),
  ]);
  const verdicts = evaluateHistory(history, year, ruleSet, {
    asOf,
    ...(codes ? { codes } : {}),
    ...(opts.reserved ? { reserved: opts.reserved } : {}),
  });
  return { ruleSetId: ruleSet.id, ruleSetVersion: ruleSet.version, verdicts };
}

export interface MarkEvidenceInput {
  initiativeIds: string[];
  researchProjectIds: string[];
  awardCode: string;
  year: number;
  personId?: string;
}

/**
 * Records that initiatives and research projects support `awardCode` for `year` ("one
 * achievement, one use"). Locks the rows; throws CONFLICT (409) with a Vietnamese message naming
 * every record already used, NOT_FOUND when one does not exist. Call inside the transaction that
 * decides the award.
 */
export async function markEvidenceUsed(tx: Db | Queryable, input: MarkEvidenceInput): Promise<void> {
  if (!isAwardCode(input.awardCode)) {
    throw new AppError('VALIDATION_FAILED', [
      {
        field: 'awardCode',
        message: `Mã danh hiệu, hình thức khen thưởng không tồn tại: ${input.awardCode}`,
      },
    ]);
  }
  const initiativeIds = [...new Set(input.initiativeIds)];
  const researchIds = [...new Set(input.researchProjectIds)];
  const problems: { field: string; message: string }[] = [];
  if (initiativeIds.length > 0) {
    const rows = await tx.execute<{
      id: string;
      title: string;
      used_by_award_code: string | null;
      used_for_year: number | null;
    }>(sql`select id, title, used_by_award_code, used_for_year from initiatives
            where id = any(${sql.param(initiativeIds)}::uuid[]) order by id for update`);
    if (rows.rows.length !== initiativeIds.length)
      throw new AppError('NOT_FOUND', null, 'Không tìm thấy sáng kiến.');
    for (const r of rows.rows) {
      if (r.used_by_award_code) {
        problems.push({
          field: 'initiativeIds',
          message: `Sáng kiến “${r.title}” đã được sử dụng để xét tặng ${usedName(r.used_by_award_code)} năm ${r.used_for_year}; mỗi sáng kiến chỉ được sử dụng một lần.`,
        });
      }
    }
  }
  if (researchIds.length > 0) {
    const rows = await tx.execute<{
      id: string;
      title: string;
      used_by_award_code: string | null;
      used_for_year: number | null;
    }>(sql`select id, title, used_by_award_code, used_for_year from research_projects
            where id = any(${sql.param(researchIds)}::uuid[]) order by id for update`);
    if (rows.rows.length !== researchIds.length)
      throw new AppError('NOT_FOUND', null, 'Không tìm thấy đề tài khoa học.');
    for (const r of rows.rows) {
      if (r.used_by_award_code) {
        problems.push({
          field: 'researchProjectIds',
          message: `Đề tài “${r.title}” đã được sử dụng để xét tặng ${usedName(r.used_by_award_code)} năm ${r.used_for_year}; mỗi đề tài chỉ được sử dụng một lần.`,
        });
      }
    }
  }
  if (problems.length > 0) {
    throw new AppError('CONFLICT', problems, problems.map((p) => p.message).join(' '));
  }
  if (initiativeIds.length > 0) {
    await tx.execute(sql`update initiatives
         set used_by_award_code = ${input.awardCode}, used_for_year = ${input.year},
             used_by_person_id = ${input.personId ?? null}, used_at = now()
       where id = any(${sql.param(initiativeIds)}::uuid[]) and used_by_award_code is null`);
  }
  if (researchIds.length > 0) {
    await tx.execute(sql`update research_projects
         set used_by_award_code = ${input.awardCode}, used_for_year = ${input.year}
       where id = any(${sql.param(researchIds)}::uuid[]) and used_by_award_code is null`);
  }
}

function usedName(code: string): string {
  return isAwardCode(code) ? `“${AWARD_NAMES[code]}”` : code;
}
