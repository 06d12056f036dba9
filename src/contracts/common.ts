import { z } from 'zod';

/** ISO calendar date 'YYYY-MM-DD' that exists (2024-02-30 is rejected). */
export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày phải có dạng YYYY-MM-DD')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, 'Ngày không tồn tại');

export const Uuid = z.uuid('Mã định danh không hợp lệ');
export const IdParams = z.strictObject({ id: Uuid });

/** Trimmed single-line text with a length limit; empty after trimming is rejected. */
export const Text = (max = 500, label = 'Giá trị') =>
  z
    .string()
    .trim()
    .min(1, `${label} không được để trống`)
    .max(max, `${label} không được dài quá ${max} ký tự`);

export const OptionalText = (max = 500) =>
  z.string().trim().max(max, `Không được dài quá ${max} ký tự`).nullable().optional();

/** Positive integer passed in a query string ("2" → 2); anything else is rejected, not coerced. */
export const QueryInt = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d{1,9}$/, 'Phải là số nguyên')
    .transform(Number)
    .pipe(z.number().int().min(min).max(max));

export const QueryBool = z.enum(['true', 'false']).transform((v) => v === 'true');

export const Paged = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number(), page: z.number(), pageSize: z.number() });

export const DocumentRef = z.strictObject({
  number: OptionalText(100),
  date: IsoDate.nullable().optional(),
  issuer: OptionalText(300),
});
