/** Builders of nominee histories for the tests of this folder (not exported from index.ts). */
import type { AwardCode, Rating } from './codes';
import type {
  AwardRecord,
  BlockLeadership,
  DisciplineRecord,
  InitiativeRecord,
  MemberSummary,
  NomineeHistory,
  ResearchProjectRecord,
} from './history';

export function person(p: Partial<NomineeHistory> & { id?: string } = {}): NomineeHistory {
  return {
    subject: 'individual',
    id: p.id ?? 'p1',
    displayName: p.displayName ?? 'Nguyễn Thị Lan',
    ratings: p.ratings ?? [],
    awards: p.awards ?? [],
    initiatives: p.initiatives ?? [],
    researchProjects: p.researchProjects ?? [],
    disciplines: p.disciplines ?? [],
  };
}

export function collective(p: Partial<NomineeHistory> & { id?: string } = {}): NomineeHistory {
  return {
    subject: 'collective',
    id: p.id ?? 'u1',
    displayName: p.displayName ?? 'Khoa Nội tổng hợp',
    ratings: p.ratings ?? [],
    awards: p.awards ?? [],
    initiatives: p.initiatives ?? [],
    researchProjects: p.researchProjects ?? [],
    disciplines: p.disciplines ?? [],
    members: p.members ?? [],
    emulationBlockLeadership: p.emulationBlockLeadership ?? [],
  };
}

/** The same rating for every year of [from, to]. */
export function ratings(from: number, to: number, rating: Rating): { year: number; rating: Rating }[] {
  const out: { year: number; rating: Rating }[] = [];
  for (let y = from; y <= to; y += 1) out.push({ year: y, rating });
  return out;
}

export function awards(code: AwardCode, ...years: number[]): AwardRecord[] {
  return years.map((year) => ({ code, year }));
}

export function initiative(
  id: string,
  year: number,
  scope: InitiativeRecord['scope'] = 'unit',
  usedBy?: InitiativeRecord['usedBy'],
): InitiativeRecord {
  return {
    id,
    title: `Sáng kiến ${id}`,
    year,
    scope,
    recognisedOn: `${year}-10-15`,
    ...(usedBy ? { usedBy } : {}),
  };
}

export function research(
  id: string,
  year: number,
  scope: ResearchProjectRecord['scope'] = 'unit',
): ResearchProjectRecord {
  return { id, title: `Đề tài ${id}`, year, scope, acceptedOn: `${year}-11-20` };
}

export function discipline(
  from: string,
  to: string | null,
  form: DisciplineRecord['form'] = 'khien_trach',
): DisciplineRecord {
  return { form, from, to };
}

/** A member summary; counts not given are zero. */
export function members(
  year: number,
  total: number,
  counts: {
    ratings?: Partial<Record<Rating, number>>;
    titles?: Partial<Record<AwardCode, number>>;
    warned?: number;
    orgId?: string;
  } = {},
): MemberSummary {
  return {
    year,
    total,
    ratingCounts: counts.ratings ?? {},
    titleCounts: counts.titles ?? {},
    disciplinedAtLeastWarning: counts.warned ?? 0,
    ...(counts.orgId ? { orgId: counts.orgId } : {}),
  };
}

export function leads(year: number, level: BlockLeadership['level'] = 'province'): BlockLeadership {
  return { year, level, groupName: 'Cụm thi đua số 2' };
}
