/**
 * Secret ballot and the logs: with the most verbose logger, the lines written while members vote
 * and the chair closes name requests, never a choice.
 */
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { createProposal, createRound } from '../../../../test/councils-fixtures';
import { as, createOrgTree, createPerson, createUser, login } from '../../../../test/helpers';
import { buildApp } from '../../app';
import { loadConfig } from '../../config';
import { connect, type Database } from '../../db/client';

vi.setConfig({ testTimeout: 60_000, hookTimeout: 120_000 });

const lines: string[] = [];
const stream = new Writable({
  write(chunk, _enc, cb) {
    lines.push(String(chunk));
    cb();
  },
});

let database: Database;
let app: Awaited<ReturnType<typeof buildApp>>;

beforeAll(async () => {
  const engine = inject('databaseEngine');
  database = connect(inject('databaseUrl'), engine === 'postgres' ? 'server' : 'embedded', 4);
  const config = { ...loadConfig({}), loginRateLimitPerMinute: 100_000, databaseUrl: null, demo: false };
  app = await buildApp({ config, database, logger: { level: 'trace', stream } });
});
afterAll(async () => {
  await app.close();
  await database.close();
});

describe('secret ballot logging', () => {
  it('no log line carries a choice', async () => {
    const tree = await createOrgTree(database);
    const tdkt = await login(app, (await createUser(database, [{ role: 'tdkt', org: tree.so }])).username);
    const council = (
      await as(app, tdkt).post('/api/councils', { orgId: tree.so.id, name: 'Hội đồng Thi đua - Khen thưởng' })
    ).json().id;
    const members = [];
    for (let i = 0; i < 3; i++) {
      const u = await createUser(database, [{ role: 'council_member', org: tree.so }]);
      await as(app, tdkt).post(`/api/councils/${council}/members`, {
        userId: u.id,
        role: i === 0 ? 'chu_tich' : 'uy_vien',
      });
      members.push(await login(app, u.username));
    }
    const round = await createRound(database, tree.so);
    const person = await createPerson(database, tree.khoaA);
    const p = await createProposal(database, {
      roundId: round.id,
      proposingOrg: tree.unitA,
      personId: person.id,
      awardCode: 'LDTT',
      status: 'in_council',
    });
    const session = (
      await as(app, tdkt).post(`/api/councils/${council}/sessions`, {
        title: 'Phiên họp',
        meetingDate: '2025-12-20',
      })
    ).json().id;
    await as(app, tdkt).post(`/api/council-sessions/${session}/items`, { proposalIds: [p.id] });
    const item = (await as(app, tdkt).get(`/api/council-sessions/${session}`)).json().items[0].id;
    expect((await as(app, members[0]!).post(`/api/session-items/${item}/open`)).statusCode).toBe(204);

    lines.length = 0;
    const choices = ['agree', 'disagree', 'agree'];
    for (const [i, m] of members.entries()) {
      expect(
        (await as(app, m).post(`/api/session-items/${item}/vote`, { choice: choices[i] })).statusCode,
      ).toBe(200);
    }
    // a second vote is refused (and its error is logged without the choice either)
    expect(
      (await as(app, members[1]!).post(`/api/session-items/${item}/vote`, { choice: 'agree' })).statusCode,
    ).toBe(409);
    const voting = lines.join('');
    expect(voting).toContain(`/api/session-items/${item}/vote`);
    expect(voting).not.toMatch(/agree|đồng ý|Đồng ý/i);

    lines.length = 0;
    expect((await as(app, members[0]!).post(`/api/session-items/${item}/close`)).statusCode).toBe(200);
    expect(lines.join('')).not.toMatch(/agree|đồng ý/i);
  });
});
