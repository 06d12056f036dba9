import { z } from 'zod';
import { QueryInt, Uuid } from './common';

/**
 * Public pages (no login): only public fields — names, units, position titles, awards sought or
 * received, achievement summaries. Never staff codes, CCCD numbers, birth dates or people's ids.
 */
export const PublicOrganization = z.object({ id: z.string(), name: z.string(), level: z.number() });

export const PublicRound = z.object({
  id: z.string(),
  title: z.string(),
  organization: z.string(),
  year: z.number(),
  kindName: z.string(),
  publicCommentFrom: z.string().nullable(),
  publicCommentUntil: z.string().nullable(),
});

export const PublicNominee = z.object({
  subject: z.enum(['individual', 'collective']),
  name: z.string(),
  unit: z.string().nullable(),
  positionTitle: z.string().nullable(),
  awardName: z.string(),
  achievementSummary: z.string().nullable(),
});

export const PublicNominees = z.object({
  round: PublicRound,
  /** true during the round's public comment period; outside it no nominee is listed */
  open: z.boolean(),
  message: z.string().nullable(),
  nominees: z.array(PublicNominee),
});

export const HonourBoardQuery = z.strictObject({
  org: Uuid.optional(),
  year: QueryInt(1945, 2100).optional(),
});

export const HonourBoard = z.object({
  organization: z.object({ id: z.string(), name: z.string() }).nullable(),
  year: z.number().nullable(),
  years: z.array(z.number()),
  awardees: z.array(
    z.object({
      subject: z.enum(['individual', 'collective']),
      name: z.string(),
      unit: z.string().nullable(),
      positionTitle: z.string().nullable(),
      awardName: z.string(),
      decisionNumber: z.string().nullable(),
      decidedOn: z.string().nullable(),
    }),
  ),
  stories: z.array(
    z.object({
      title: z.string(),
      story: z.string(),
      subject: z.enum(['individual', 'collective']),
      name: z.string(),
      unit: z.string().nullable(),
      positionTitle: z.string().nullable(),
      year: z.number(),
    }),
  ),
});
export type HonourBoardT = z.infer<typeof HonourBoard>;
