// @vitest-environment jsdom
import '../../test-setup';
import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { OrgEventInput } from '../../../contracts/organizations';
import { initialEventValues, toEventInput } from './OrgEventForm';

const A = '11111111-1111-4111-8111-111111111111';
const B = '22222222-2222-4222-8222-222222222222';
const P = '33333333-3333-4333-8333-333333333333';
const date = (iso: string) => dayjs(iso, 'YYYY-MM-DD');

describe('organisation event form → API body', () => {
  it('merges A into an existing B, with the document, as the server schema expects', () => {
    const body = toEventInput({
      type: 'merge',
      mergeMode: 'existing',
      sourceIds: [A],
      targetId: B,
      effectiveOn: date('2025-07-01'),
      documentNumber: ' 1126/QĐ-UBND ',
      documentDate: date('2025-06-27'),
      documentIssuer: 'Ủy ban nhân dân tỉnh Điện Biên',
      note: '   ',
    });
    expect(body).toEqual({
      type: 'merge',
      sourceIds: [A],
      targetId: B,
      effectiveOn: '2025-07-01',
      documentNumber: '1126/QĐ-UBND',
      documentDate: '2025-06-27',
      documentIssuer: 'Ủy ban nhân dân tỉnh Điện Biên',
      note: undefined,
    });
    expect(OrgEventInput.safeParse(JSON.parse(JSON.stringify(body))).success).toBe(true);
  });

  it('merges A and B into a new C', () => {
    const body = toEventInput({
      type: 'merge',
      mergeMode: 'new',
      sourceIds: [A, B],
      targetId: P, // left over from the other mode: not sent
      newOrg: {
        parentId: P,
        type: 'medical_center',
        code: 'TTYT-KV',
        name: ' Trung tâm Y tế khu vực Mường Lay ',
        shortName: 'TTYT',
      },
      effectiveOn: date('2025-07-01'),
    });
    expect(body).toMatchObject({
      type: 'merge',
      sourceIds: [A, B],
      newOrg: { name: 'Trung tâm Y tế khu vực Mường Lay', code: 'TTYT-KV' },
    });
    expect('targetId' in body).toBe(false);
    expect(OrgEventInput.safeParse(JSON.parse(JSON.stringify(body))).success).toBe(true);
  });

  it('splits with staff going to the chosen new unit only when the source closes', () => {
    const base = {
      type: 'split' as const,
      sourceId: A,
      newOrgs: [
        { parentId: P, type: 'clinical_department' as const, code: 'K1', name: 'Khoa Nội', shortName: 'KN' },
        {
          parentId: P,
          type: 'clinical_department' as const,
          code: 'K2',
          name: 'Khoa Nhi',
          shortName: 'KNHI',
        },
      ],
      staffToIndex: 1,
      effectiveOn: date('2025-01-01'),
    };
    expect(toEventInput({ ...base, keepSource: false })).toMatchObject({
      keepSource: false,
      staffToIndex: 1,
    });
    expect(toEventInput({ ...base, keepSource: true })).toMatchObject({
      keepSource: true,
      staffToIndex: undefined,
    });
    expect(
      OrgEventInput.safeParse(JSON.parse(JSON.stringify(toEventInput({ ...base, keepSource: false }))))
        .success,
    ).toBe(true);
  });

  it('starts each event type from the unit it was opened on', () => {
    const org = {
      id: A,
      parentId: P,
      type: 'medical_center',
      name: 'Trung tâm Y tế huyện Tủa Chùa',
      shortName: 'TTYT',
    } as never;
    expect(initialEventValues('merge', org)).toMatchObject({
      sourceIds: [A],
      newOrg: { parentId: P, type: 'medical_center' },
    });
    expect(initialEventValues('rename', org)).toMatchObject({
      orgId: A,
      name: 'Trung tâm Y tế huyện Tủa Chùa',
    });
    expect(initialEventValues('create', org)).toMatchObject({ org: { parentId: A } });
    expect(initialEventValues('split', org).sourceId).toBe(A);
  });
});
