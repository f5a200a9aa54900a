// Issuing a decision with 1,000 awardees on PGlite (issue 4, acceptance: ≤ 2 s), beside its floor:
// the same 1,000 award records written by one raw INSERT … SELECT in the same run.
import { sql } from 'drizzle-orm';
import { openDatabase } from '../src/platform/db/client.ts';
import { runMigrations } from '../src/platform/db/migrate.ts';
import { seedDemo } from '../src/demo/index.ts';
import { insertPeople, type NewPerson } from '../src/people/index.ts';
import { insertNominations } from '../src/nominations/index.ts';
import { createDraft, getDecision, issueDecisionIn, itemsFromNominations } from '../src/decisions/index.ts';
import { fmt, report, timeIt, writeResults } from './support/stats.ts';

const N = 1000;
const database = await openDatabase({ kind: 'pglite-memory' });
await runMigrations(database);
const ids = await seedDemo(database.db);
const unit = ids.myQuyUnits['MQ-VP']!;
const people: NewPerson[] = Array.from({ length: N }, (_, i) => ({
  code: `BENCH-${String(i).padStart(6, '0')}`,
  fullName: `Nguyễn Văn Thử ${i}`,
  gender: 'male',
  orgUnitId: unit,
  staffCategory: 'civil_servant',
  provinceCode: 'AG',
  startDate: '2015-01-01',
}));
const personIds = await insertPeople(database.db, people);
const nominations = await insertNominations(
  database.db,
  personIds.map((personId, i) => ({
    orgUnitId: unit,
    bodyOrgUnitId: ids.myQuy,
    year: 2024,
    kind: 'regular',
    subjectKind: 'individual',
    personId,
    subjectName: `Nguyễn Văn Thử ${i}`,
    subjectSortKey: `thu ${i}`,
    subjectSearch: `nguyen van thu ${i}`,
    awardCode: 'commune_certificate_of_merit',
    status: 'approved',
  })),
);
const actor = { userId: null, name: 'bench' };
const env = {
  actor,
  isChairman: true,
  bodyName: 'Ủy ban nhân dân phường Mỹ Quý',
  provinceCode: 'AG',
  capRatio: 0.01,
};

/** A draft of N lines: from the approved nominations, or the same subjects entered directly. */
async function draftOf(fromNominations: boolean): Promise<string> {
  return database.db.transaction(async (tx) => {
    const items = await itemsFromNominations(
      tx,
      ids.myQuy,
      nominations.map((n) => n.id),
    );
    return createDraft(
      tx,
      { actor },
      ids.myQuy,
      'award',
      { year: 2024, title: 'Tặng Giấy khen (đo hiệu năng)', awardCode: 'commune_certificate_of_merit' },
      fromNominations ? items : items.map((i) => ({ ...i, nominationId: null })),
      null,
      null,
      null,
    );
  });
}

async function issue(id: string) {
  const draft = (await getDecision(database.db, id))!;
  return timeIt(() =>
    database.db.transaction((tx) =>
      issueDecisionIn(tx, env, draft, {
        decisionDate: '2024-12-20',
        signerName: 'Liêu Quốc Bình',
        signerTitle: 'Chủ tịch UBND phường',
        officeNumber: null,
        signedFileSha256: 'b'.repeat(64),
        signedFileName: 'bench.pdf',
        fundOverrideReason: 'Đo hiệu năng',
      }),
    ),
  );
}

const directId = await draftOf(false);
const nominatedId = await draftOf(true);
// Floor: the same rows, one statement, no money, no nominations, no fund, no audit.
const floor = await timeIt(() =>
  database.db.transaction(async (tx) => {
    await tx.execute(sql`insert into award_records (subject_kind, person_id, org_unit_id, issuer_org_unit_id, year, award_code,
        decision_id, decision_number, decision_date, amount, source)
      select subject_kind, person_id, org_unit_id, ${ids.myQuy}, 2024, award_code, decision_id, 'floor', '2024-12-20', amount, 'bench'
      from decision_items where decision_id = ${directId}`);
  }),
);
const direct = await issue(directId);
const issued = await issue(nominatedId);
report(
  `issue a decision with ${N} awardees entered directly (PGlite)`,
  fmt(direct.ms),
  '≤ 2000 ms',
  fmt(floor.ms),
  direct.ms <= 2000,
);

const ok = issued.ms <= 2000 && issued.value.awardRecords === N;
report(
  `issue a decision with ${N} awardees from approved nominations (PGlite)`,
  fmt(issued.ms),
  '≤ 2000 ms',
  fmt(floor.ms),
  ok,
);
writeResults('decisions', {
  awardees: N,
  issueFromNominationsMs: Math.round(issued.ms),
  issueDirectSubjectsMs: Math.round(direct.ms),
  note: 'From nominations, each nomination is moved to decided one by one (nominations API: select, update, audit row per nomination).',
  floorInsertSelectMs: Math.round(floor.ms),
  targetMs: 2000,
  awardRecords: issued.value.awardRecords,
  totalAmount: issued.value.totalAmount,
  ok,
});
await database.close();
process.exit(ok ? 0 : 1);
