import { sql } from 'drizzle-orm';
import type { PlanContent, PlanRecurrence, ReferenceKind, ReviewType } from '../../../domain/plans/model';
import type { Queryable } from '../../db/client';
import { planPhases, planReferences, planResponsibilities, type plans, planTargets } from '../../db/schema';

export type PlanRow = typeof plans.$inferSelect & {
  orgPath: string;
  orgName: string;
  orgShortName: string;
  orgParentId: string | null;
  orgType: string;
};

export async function findPlan(db: Queryable, id: string): Promise<PlanRow | undefined> {
  const res = await db.execute<Record<string, unknown>>(sql`
    select p.*, o.path as org_path, o.name as org_name, o.short_name as org_short_name, o.parent_id as org_parent_id, o.type as org_type
      from plans p join organizations o on o.id = p.org_id
     where p.id = ${id}`);
  const r = res.rows[0];
  return r ? rowToPlan(r) : undefined;
}

const iso = (v: unknown) => (v == null ? null : v instanceof Date ? v.toISOString() : String(v));

export function rowToPlan(r: Record<string, unknown>): PlanRow {
  return {
    id: r.id as string,
    orgId: r.org_id as string,
    parentPlanId: (r.parent_plan_id as string | null) ?? null,
    status: r.status as string,
    number: r.number == null ? null : Number(r.number),
    symbol: (r.symbol as string | null) ?? null,
    place: (r.place as string | null) ?? null,
    issuedOn: (r.issued_on as string | null) ?? null,
    title: r.title as string,
    yearFrom: r.year_from == null ? null : Number(r.year_from),
    yearTo: r.year_to == null ? null : Number(r.year_to),
    issuerName: (r.issuer_name as string | null) ?? null,
    parentIssuerName: (r.parent_issuer_name as string | null) ?? null,
    purposes: (r.purposes as string | null) ?? null,
    requirements: (r.requirements as string | null) ?? null,
    participants: (r.participants as string | null) ?? null,
    contentAreas: (r.content_areas as string[]) ?? [],
    criteriaCollective: (r.criteria_collective as string | null) ?? null,
    criteriaIndividual: (r.criteria_individual as string | null) ?? null,
    criteriaOther: (r.criteria_other as string | null) ?? null,
    awardForms: (r.award_forms as string[]) ?? [],
    budgetSources: (r.budget_sources as string | null) ?? null,
    recipients: (r.recipients as string[]) ?? [],
    signerTitle: (r.signer_title as string | null) ?? null,
    signerName: (r.signer_name as string | null) ?? null,
    importInfo: r.import_info ?? null,
    version: Number(r.version),
    issuedAt: r.issued_at as Date | null,
    issuedBy: (r.issued_by as string | null) ?? null,
    createdBy: (r.created_by as string | null) ?? null,
    createdAt: r.created_at as Date,
    updatedAt: r.updated_at as Date,
    orgPath: r.org_path as string,
    orgName: r.org_name as string,
    orgShortName: r.org_short_name as string,
    orgParentId: (r.org_parent_id as string | null) ?? null,
    orgType: r.org_type as string,
  };
}

export { iso };

/** The full content of a plan (its row plus phases, targets, responsibilities, references). */
export async function loadContent(db: Queryable, plan: PlanRow): Promise<PlanContent> {
  const [phases, targets, resp, refs] = await Promise.all([
    db.select().from(planPhases).where(sql`${planPhases.planId} = ${plan.id}`).orderBy(planPhases.position),
    db
      .select()
      .from(planTargets)
      .where(sql`${planTargets.planId} = ${plan.id}`)
      .orderBy(planTargets.position),
    db
      .select()
      .from(planResponsibilities)
      .where(sql`${planResponsibilities.planId} = ${plan.id}`)
      .orderBy(planResponsibilities.position),
    db
      .select()
      .from(planReferences)
      .where(sql`${planReferences.planId} = ${plan.id}`)
      .orderBy(planReferences.position),
  ]);
  return {
    title: plan.title,
    place: plan.place,
    issuedOn: plan.issuedOn,
    yearFrom: plan.yearFrom,
    yearTo: plan.yearTo,
    issuerName: plan.issuerName,
    parentIssuerName: plan.parentIssuerName,
    purposes: plan.purposes,
    requirements: plan.requirements,
    participants: plan.participants,
    contentAreas: plan.contentAreas,
    criteriaCollective: plan.criteriaCollective,
    criteriaIndividual: plan.criteriaIndividual,
    criteriaOther: plan.criteriaOther,
    awardForms: plan.awardForms,
    budgetSources: plan.budgetSources,
    recipients: plan.recipients,
    signerTitle: plan.signerTitle,
    signerName: plan.signerName,
    references: refs.map((r) => ({
      kind: r.kind as ReferenceKind,
      number: r.number,
      issuedOn: r.issuedOn,
      issuer: r.issuer,
      title: r.title,
      referencedPlanId: r.referencedPlanId,
    })),
    phases: phases.map((p) => ({
      name: p.name,
      fromYear: p.fromYear,
      toYear: p.toYear,
      reviewType: (p.reviewType as ReviewType | null) ?? null,
      reviewYear: p.reviewYear,
    })),
    targets: targets.map((t) => ({
      content: t.content,
      indicatorCode: t.indicatorCode,
      targetValue: t.targetValue == null ? null : Number(t.targetValue),
      unit: t.unit,
      dueOn: t.dueOn,
    })),
    responsibilities: resp.map((r) => ({
      orgId: r.orgId,
      department: r.department,
      content: r.content,
      dueOn: r.dueOn,
      recurrence: (r.recurrence as PlanRecurrence | null) ?? null,
    })),
  };
}

/** Columns of `plans` for the scalar content fields. */
export function scalarColumns(c: Partial<PlanContent>) {
  const out: Partial<typeof plans.$inferInsert> = {};
  const keys = [
    'title',
    'place',
    'issuedOn',
    'yearFrom',
    'yearTo',
    'issuerName',
    'parentIssuerName',
    'purposes',
    'requirements',
    'participants',
    'contentAreas',
    'criteriaCollective',
    'criteriaIndividual',
    'criteriaOther',
    'awardForms',
    'budgetSources',
    'recipients',
    'signerTitle',
    'signerName',
  ] as const;
  for (const k of keys) {
    if (c[k] !== undefined) (out as Record<string, unknown>)[k] = c[k];
  }
  return out;
}

/** Replaces the list parts given in `c` (phases, targets, responsibilities, references). */
export async function replaceLists(db: Queryable, planId: string, c: Partial<PlanContent>) {
  if (c.phases) {
    await db.delete(planPhases).where(sql`${planPhases.planId} = ${planId}`);
    if (c.phases.length > 0)
      await db.insert(planPhases).values(c.phases.map((p, i) => ({ ...p, planId, position: i })));
  }
  if (c.targets) {
    await db.delete(planTargets).where(sql`${planTargets.planId} = ${planId}`);
    if (c.targets.length > 0)
      await db.insert(planTargets).values(
        c.targets.map((t, i) => ({
          ...t,
          targetValue: t.targetValue == null ? null : String(t.targetValue),
          planId,
          position: i,
        })),
      );
  }
  if (c.responsibilities) {
    await db.delete(planResponsibilities).where(sql`${planResponsibilities.planId} = ${planId}`);
    if (c.responsibilities.length > 0)
      await db
        .insert(planResponsibilities)
        .values(c.responsibilities.map((r, i) => ({ ...r, planId, position: i })));
  }
  if (c.references) {
    await db.delete(planReferences).where(sql`${planReferences.planId} = ${planId}`);
    if (c.references.length > 0)
      await db.insert(planReferences).values(c.references.map((r, i) => ({ ...r, planId, position: i })));
  }
}
