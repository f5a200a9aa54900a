import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import {
  getNominationWithSubject,
  insertNominations,
  listNominations,
  markNominationsDecided,
  placeOnCouncilAgenda,
  recordCouncilOutcome,
  applyNominationAction,
} from '../src/nominations/index.ts';
import { queryRows } from '../src/platform/db/client.ts';
import { AppError } from '../src/platform/errors.ts';
import { DRIVERS, openTestApp, type TestApp } from './support/test-app.ts';
import { demoWorld } from './nominations-fixtures.ts';

const actor = { userId: null, name: 'Thư ký Hội đồng (kiểm thử)', correlationId: null };

describe.each(DRIVERS)('nominations API for the council and decisions on %s', (driver) => {
  let t: TestApp;
  let personId: string;
  let unitId: string;
  let myQuy: string;

  const newNomination = async (status = 'accepted') => {
    const [row] = await insertNominations(t.database.db, [
      {
        orgUnitId: unitId,
        bodyOrgUnitId: myQuy,
        year: 2023,
        kind: 'regular',
        subjectKind: 'individual',
        personId,
        subjectName: 'Người kiểm thử',
        subjectSortKey: 'thu kiem nguoi',
        subjectSearch: 'nguoi kiem thu',
        awardCode: 'commune_certificate_of_merit',
        status,
      },
    ]);
    return row!;
  };

  beforeAll(async () => {
    t = await openTestApp(driver);
    const w = await demoWorld(t);
    personId = w.staff[0]!.id;
    unitId = w.office;
    myQuy = w.myQuy;
  });
  afterAll(() => t.close());

  it('moves accepted nominations onto the agenda, approves one and marks it decided, with an audit row each', async () => {
    const a = await newNomination();
    const b = await newNomination();
    await t.database.db.transaction(async (tx) => {
      await placeOnCouncilAgenda(tx, actor, [a.id, b.id]);
      await recordCouncilOutcome(tx, actor, a.id, true);
      await recordCouncilOutcome(tx, actor, b.id, false);
    });
    const decisionId = '00000000-0000-4000-8000-000000000001';
    await t.database.db.transaction((tx) => markNominationsDecided(tx, actor, [a.id], decisionId));
    const after = await getNominationWithSubject(t.database.db, a.id);
    expect(after?.status).toBe('decided');
    expect(after?.decisionId).toBe(decisionId);
    expect(after?.subject).toMatchObject({ kind: 'individual', personId });
    expect((await getNominationWithSubject(t.database.db, b.id))?.status).toBe('not_approved');
    const audit = await queryRows<{ action: string }>(
      t.database.db,
      sql`select action from audit_log where entity_id = ${a.id} order by seq`,
    );
    expect(audit.map((r) => r.action)).toEqual([
      'nomination.schedule',
      'nomination.approve',
      'nomination.decide',
    ]);
  });

  it('rolls back the whole batch when one nomination is not in the expected status', async () => {
    const ok = await newNomination();
    const draft = await newNomination('draft');
    await expect(
      t.database.db.transaction((tx) => placeOnCouncilAgenda(tx, actor, [ok.id, draft.id])),
    ).rejects.toMatchObject({ code: 'NOMINATION.TRANSITION_FORBIDDEN', status: 409 });
    expect((await getNominationWithSubject(t.database.db, ok.id))?.status).toBe('accepted');
  });

  it('lists a body year by status, in Vietnamese name order', async () => {
    const rows = await listNominations(t.database.db, {
      bodyOrgUnitId: myQuy,
      year: 2023,
      statuses: ['decided', 'not_approved'],
      limit: 50,
    });
    // The demo 2023 year has its own decided nominations besides the two this file made.
    expect(rows.length).toBeGreaterThanOrEqual(2);
    expect(rows.every((r) => r.status === 'decided' || r.status === 'not_approved')).toBe(true);
  });

  it('lets only one of two concurrent approvals of one nomination succeed; the other gets 409', async () => {
    const n = await newNomination('at_council');
    const attempt = () =>
      t.database.db.transaction(async (tx) => {
        const row = await applyNominationAction(tx, actor, { id: n.id, action: 'approve' });
        // Hold the transaction open a moment so the two really overlap on PostgreSQL.
        await tx.execute(sql`select pg_sleep(0.2)`);
        return row;
      });
    const results = await Promise.allSettled([attempt(), attempt()]);
    const ok = results.filter((r) => r.status === 'fulfilled');
    const failed = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(ok).toHaveLength(1);
    expect(failed).toHaveLength(1);
    const err = failed[0]!.reason as AppError;
    expect(err).toBeInstanceOf(AppError);
    expect(err.status).toBe(409);
    expect(err.userMessage).toMatch(/hồ sơ/i);
    const audits = await queryRows<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from audit_log where entity_id = ${n.id} and action = 'nomination.approve'`,
    );
    expect(audits[0]?.n).toBe(1);
  });
});
