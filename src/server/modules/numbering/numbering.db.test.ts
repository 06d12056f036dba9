import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrgTree, createTestApp, type OrgTree, type TestApp } from '../../../../test/helpers';
import { reserveDocumentNumber } from './numbering.service';

let t: TestApp;
let tree: OrgTree;
beforeAll(async () => {
  t = await createTestApp();
  tree = await createOrgTree(t.database);
});
afterAll(async () => t.close());

describe('document numbering', () => {
  it('gives 50 concurrent issuers 50 distinct consecutive numbers', async () => {
    const numbers = await Promise.all(
      Array.from({ length: 50 }, () =>
        t.database.db.transaction((tx) =>
          reserveDocumentNumber(tx, {
            issuerOrgId: tree.so.id,
            kindAbbr: 'QĐ',
            issuerShort: 'SYT',
            year: 2026,
          }),
        ),
      ),
    );
    const seqs = numbers.map((n) => n.sequence).sort((a, b) => a - b);
    expect(seqs).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    expect(numbers.find((n) => n.sequence === 5)!.documentNumber).toBe('05/QĐ-SYT');
  });

  it('returns a number when the issuing transaction rolls back (no gaps) and restarts each year', async () => {
    const issue = (year: number) =>
      t.database.db.transaction((tx) =>
        reserveDocumentNumber(tx, { issuerOrgId: tree.unitA.id, kindAbbr: 'KH', issuerShort: 'TTYT', year }),
      );
    expect((await issue(2025)).documentNumber).toBe('01/KH-TTYT');
    await expect(
      t.database.db.transaction(async (tx) => {
        await reserveDocumentNumber(tx, {
          issuerOrgId: tree.unitA.id,
          kindAbbr: 'KH',
          issuerShort: 'TTYT',
          year: 2025,
        });
        throw new Error('rendering failed');
      }),
    ).rejects.toThrow();
    expect((await issue(2025)).documentNumber).toBe('02/KH-TTYT');
    expect((await issue(2026)).documentNumber).toBe('01/KH-TTYT');
  });
});
