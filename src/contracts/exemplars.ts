import { z } from 'zod';
import { Paged, QueryBool, QueryInt, Text, Uuid } from './common';

export const ExemplarListQuery = z.strictObject({
  orgId: Uuid.optional(),
  year: QueryInt(1945, 2100).optional(),
  published: QueryBool.optional(),
  page: QueryInt(1, 100_000).optional(),
  pageSize: QueryInt(1, 200).optional(),
});
export type ExemplarListQueryT = z.infer<typeof ExemplarListQuery>;

const Story = z
  .string()
  .trim()
  .min(1, 'Nội dung gương điển hình không được để trống')
  .max(20_000, 'Nội dung gương điển hình không được dài quá 20.000 ký tự');

/** A story is about a person (`personId`) or a collective (`orgId`), exactly one of them. */
export const CreateExemplarBody = z
  .strictObject({
    personId: Uuid.optional(),
    orgId: Uuid.optional(),
    year: z.number().int().min(1945).max(2100),
    title: Text(300, 'Tiêu đề'),
    story: Story,
    published: z.boolean().optional(),
  })
  .refine((b) => (b.personId ? 1 : 0) + (b.orgId ? 1 : 0) === 1, {
    message: 'Chọn đúng một cá nhân hoặc một tập thể',
    path: ['personId'],
  });
export type CreateExemplarBodyT = z.infer<typeof CreateExemplarBody>;

export const UpdateExemplarBody = z.strictObject({
  version: z.number().int().min(1),
  year: z.number().int().min(1945).max(2100).optional(),
  title: Text(300, 'Tiêu đề').optional(),
  story: Story.optional(),
  published: z.boolean().optional(),
});
export type UpdateExemplarBodyT = z.infer<typeof UpdateExemplarBody>;

export const Exemplar = z.object({
  id: z.string(),
  subject: z.enum(['individual', 'collective']),
  person: z.object({ id: z.string(), fullName: z.string() }).nullable(),
  collective: z.object({ id: z.string(), name: z.string() }).nullable(),
  org: z.object({ id: z.string(), name: z.string() }),
  year: z.number(),
  title: z.string(),
  story: z.string(),
  published: z.boolean(),
  publishedAt: z.string().nullable(),
  version: z.number(),
});
export type ExemplarT = z.infer<typeof Exemplar>;
export const ExemplarPage = Paged(Exemplar);
