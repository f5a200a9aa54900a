import type {
  DashboardView,
  DrillView,
  FundForecastView,
  ProvinceView,
  TrendView,
  UnevennessView,
  UnitParticipation,
} from '../../contracts/dashboard.ts';
import { getFund, positionOf } from '../../fund/index.ts';
import { queryRows } from '../../platform/db/client.ts';
import type { RequestCtx } from '../../platform/http/context.ts';
import { invalid } from '../../platform/errors.ts';
import { CATALOGUE, formatVnd, isAwardCode, rewardAmount, type SubjectKind } from '../../rules/index.ts';
import { sql } from 'drizzle-orm';
import {
  forecastSentence,
  genderSentence,
  leaderSentence,
  participationSentence,
  withoutNominationSentence,
  formatDecimal,
} from './assessment-sentences.ts';
import {
  awardCube,
  drillRecords,
  rollUpOf,
  nominationCounts,
  registrationCounts,
  staffCells,
  trendCells,
  YEAR_BASIS,
  type DrillFilter,
} from './dashboard.queries.ts';
import { COMMUNE_KINDS, reportScope, scopeOf, type ReportScope } from './scope.ts';
import {
  awardCategoryOf,
  awardLabelOf,
  byAward,
  byField,
  byGender,
  byStaffCategory,
  byUnit,
  emptyCounts,
  per100,
  share,
  totalsOf,
  type AwardCell,
} from './summarize.ts';
import { assertCanRead } from '../../platform/auth/access.ts';
import { notFound } from '../../platform/errors.ts';

export async function getDashboard(ctx: RequestCtx, orgUnitId: string, year: number): Promise<DashboardView> {
  const scope = await reportScope(ctx, orgUnitId, year);
  const db = ctx.deps.database.db;
  const [cells, fund] = await Promise.all([
    awardCube(db, scope.ids, year, rollUpOf(scope.ids, scope.topOf)),
    fundSummary(ctx, orgUnitId, year),
  ]);
  const totals = totalsOf(cells);
  const units = [
    ...scope.units,
    { id: scope.body.id, name: `Trực tiếp ${scope.body.name}`, kind: scope.body.kind },
  ];
  return {
    orgUnit: { id: scope.body.id, name: scope.body.name, kind: scope.body.kind },
    year,
    yearBasis: YEAR_BASIS,
    totals,
    byAward: byAward(cells),
    byField: byField(cells),
    byUnit: byUnit(cells, units, scope.topOf).filter((u) => u.orgUnitId !== scope.body.id || u.total > 0),
    byGender: byGender(cells),
    byStaffCategory: byStaffCategory(cells),
    money: { awarded: totals.amount, fund },
  };
}

async function fundSummary(
  ctx: RequestCtx,
  orgUnitId: string,
  year: number,
): Promise<DashboardView['money']['fund']> {
  const fund = await getFund(ctx.deps.database.db, orgUnitId, year);
  if (!fund) return null;
  const p = await positionOf(ctx.deps.database.db, fund);
  return {
    income: p.income,
    rewardBudget: p.rewardBudget,
    committed: p.committed,
    paid: p.paid,
    unpaid: p.unpaid,
    uncommitted: p.uncommitted,
  };
}

export async function getTrend(
  ctx: RequestCtx,
  orgUnitId: string,
  from: number | undefined,
  to: number | undefined,
): Promise<TrendView> {
  const last = to ?? new Date().getFullYear();
  const first = from ?? last - 9;
  if (first > last || last - first > 30) throw invalid('Khoảng năm không hợp lệ (tối đa 30 năm).');
  const scope = await reportScope(ctx, orgUnitId, last);
  const cells = await trendCells(ctx.deps.database.db, scope.ids, first, last);
  const years: TrendView['years'] = [];
  for (let y = first; y <= last; y++) {
    const row = { year: y, ...emptyCounts(), titles: 0, forms: 0, amount: 0 };
    for (const c of cells) {
      if (c.year !== y) continue;
      if (c.subjectKind === 'collective') row.collective += c.count;
      else if (c.subjectKind === 'household') row.household += c.count;
      else row.individual += c.count;
      row.total += c.count;
      row.amount += c.amount;
      if (awardCategoryOf(c.awardCode) === 'title') row.titles += c.count;
      else row.forms += c.count;
    }
    years.push(row);
  }
  return { orgUnit: { id: scope.body.id, name: scope.body.name }, years };
}

type Participation = {
  units: UnitParticipation[];
  cells: AwardCell[];
  staffTotal: number;
  women: number;
  leaders: number;
};

/** With `composition: false` the staff's women and leaders are not counted (0). */
async function participation(
  ctx: RequestCtx,
  scope: ReportScope,
  year: number,
  composition = true,
): Promise<Participation> {
  const db = ctx.deps.database.db;
  const [cells, staff, noms, regs] = await Promise.all([
    awardCube(db, scope.ids, year, rollUpOf(scope.ids, scope.topOf)),
    staffCells(db, scope.ids, year, { composition }),
    nominationCounts(db, scope.ids, year),
    registrationCounts(db, scope.ids, year),
  ]);
  const directory = await ctx.deps.directory.get();
  const sum = (m: Map<string, number>, ids: readonly string[]) =>
    ids.reduce((s, id) => s + (m.get(id) ?? 0), 0);
  const staffBy = new Map(staff.map((s) => [s.orgUnitId, s.people]));
  const awardsBy = new Map<string, number>();
  for (const c of cells) awardsBy.set(c.orgUnitId, (awardsBy.get(c.orgUnitId) ?? 0) + c.count);
  const units = scope.units.map((u): UnitParticipation => {
    const ids = scope.unitIdsOf(u.id);
    const members = directory.get(u.id)?.memberCount ?? sum(staffBy, ids);
    const registrations = regs ? sum(regs, ids) : null;
    const nominations = sum(noms, ids);
    const awards = sum(awardsBy, ids);
    const rates = [per100(nominations, members), per100(awards, members)];
    const registrationsPer100 = registrations === null ? null : per100(registrations, members);
    if (registrationsPer100 !== null) rates.push(registrationsPer100);
    return {
      orgUnitId: u.id,
      name: u.name,
      kind: u.kind,
      members,
      registrations,
      nominations,
      awards,
      registrationsPer100,
      nominationsPer100: per100(nominations, members),
      awardsPer100: per100(awards, members),
      index: Math.round((rates.reduce((s, r) => s + r, 0) / rates.length) * 10) / 10,
    };
  });
  return {
    units,
    cells,
    staffTotal: staff.reduce((s, c) => s + c.people, 0),
    women: staff.reduce((s, c) => s + c.women, 0),
    leaders: staff.reduce((s, c) => s + c.leaders, 0),
  };
}

export async function getUnevenness(
  ctx: RequestCtx,
  orgUnitId: string,
  year: number,
): Promise<UnevennessView> {
  const scope = await reportScope(ctx, orgUnitId, year);
  const p = await participation(ctx, scope, year);
  const individuals = p.cells.filter((c) => c.subjectKind === 'individual');
  const individualsAwarded = individuals.reduce((s, c) => s + c.count, 0);
  const leadersAwarded = individuals.filter((c) => c.isLeader).reduce((s, c) => s + c.count, 0);
  const womenAwarded = individuals.filter((c) => c.gender === 'female').reduce((s, c) => s + c.count, 0);
  const without = p.units.filter((u) => u.nominations === 0);
  const leaders = {
    individualsAwarded,
    staffTotal: p.staffTotal,
    awarded: leadersAwarded,
    awardedShare: share(leadersAwarded, individualsAwarded),
    staff: p.leaders,
    staffShare: share(p.leaders, p.staffTotal),
  };
  const women = {
    individualsAwarded,
    staffTotal: p.staffTotal,
    awarded: womenAwarded,
    awardedShare: share(womenAwarded, individualsAwarded),
    staff: p.women,
    staffShare: share(p.women, p.staffTotal),
  };
  return {
    orgUnit: { id: scope.body.id, name: scope.body.name },
    year,
    units: p.units,
    unitsWithoutNomination: without.map((u) => ({ orgUnitId: u.orgUnitId, name: u.name })),
    leaders,
    women,
    sentences: {
      participation: participationSentence(year, p.units),
      withoutNomination: withoutNominationSentence(
        year,
        without.map((u) => u.name),
        p.units.length,
      ),
      leaders: leaderSentence(
        year,
        individualsAwarded,
        leadersAwarded,
        leaders.awardedShare,
        leaders.staffShare,
      ),
      gender: genderSentence(year, individualsAwarded, womenAwarded, women.awardedShare, women.staffShare),
    },
  };
}

/** Statuses of a nomination still on its way to a decision: the money it would cost is not committed yet. */
const PENDING_STATUSES = ['submitted', 'accepted', 'at_council', 'approved'] as const;

export async function getFundForecast(
  ctx: RequestCtx,
  orgUnitId: string,
  year: number,
  decisionDate?: string,
): Promise<FundForecastView> {
  assertCanRead(ctx.auth, orgUnitId, 'đơn vị');
  const directory = await ctx.deps.directory.get();
  const body = directory.get(orgUnitId);
  if (!body) throw notFound('đơn vị');
  const db = ctx.deps.database.db;
  const date = decisionDate ?? `${year}-12-31`;
  // The candidates and the fund's position are independent: read them side by side.
  const [rows, available] = await Promise.all([
    queryRows<{ award_code: string; subject_kind: string; n: number }>(
      db,
      sql`select award_code, subject_kind, count(*)::int as n from nominations
        where body_org_unit_id = ${orgUnitId} and year = ${year}
          and status = any(${`{${PENDING_STATUSES.join(',')}}`}::text[])
        group by 1, 2`,
    ),
    getFund(db, orgUnitId, year).then(async (fund) =>
      fund ? (await positionOf(db, fund)).uncommitted : null,
    ),
  ]);
  const lines = rows
    .map((r) => {
      const subjectKind = (
        ['individual', 'collective', 'household'].includes(r.subject_kind) ? r.subject_kind : 'individual'
      ) as SubjectKind;
      const money = isAwardCode(r.award_code)
        ? rewardAmount({ award: r.award_code, subjectKind, decisionDate: date })
        : null;
      const unitAmount = money?.amount ?? null;
      return {
        awardCode: r.award_code,
        label: awardLabelOf(r.award_code),
        subjectKind,
        candidates: Number(r.n),
        unitAmount,
        total: (unitAmount ?? 0) * Number(r.n),
        cumulative: 0,
        covered: null as boolean | null,
        verified: money?.verified ?? false,
        rank: isAwardCode(r.award_code) ? CATALOGUE[r.award_code].rank : 10_000,
      };
    })
    .sort((a, b) => a.rank - b.rank || a.subjectKind.localeCompare(b.subjectKind));
  let running = 0;
  for (const l of lines) {
    running += l.total;
    l.cumulative = running;
    l.covered = available === null ? null : running <= available;
  }
  const total = running;
  return {
    orgUnit: { id: body.id, name: body.name },
    year,
    decisionDate: date,
    lines: lines.map(({ rank: _rank, ...l }) => l),
    total,
    available,
    shortfall: available === null ? null : Math.max(0, total - available),
    sentence: forecastSentence(year, total, available, (n) => `${formatVnd(n)} đồng`),
  };
}

export async function getProvinceView(
  ctx: RequestCtx,
  orgUnitId: string,
  year: number,
): Promise<ProvinceView> {
  assertCanRead(ctx.auth, orgUnitId, 'đơn vị');
  const directory = await ctx.deps.directory.get();
  const body = directory.get(orgUnitId);
  if (!body) throw notFound('đơn vị');
  const scope = scopeOf(directory, body, year, ctx.auth.readOrgIds, COMMUNE_KINDS);
  // The communes' women and leader shares come from the awards; the staff is only a headcount.
  const p = await participation(ctx, scope, year, false);
  const cellsBy = new Map<string, AwardCell[]>();
  for (const c of p.cells) {
    const top = scope.topOf(c.orgUnitId);
    cellsBy.set(top, [...(cellsBy.get(top) ?? []), c]);
  }
  const communes = p.units.map((u) => {
    const cells = cellsBy.get(u.orgUnitId) ?? [];
    const t = totalsOf(cells);
    const individuals = cells.filter((c) => c.subjectKind === 'individual');
    const ind = individuals.reduce((s, c) => s + c.count, 0);
    return {
      orgUnitId: u.orgUnitId,
      name: u.name,
      members: u.members,
      awards: t.total,
      collective: t.collective,
      individual: t.individual,
      nominations: u.nominations,
      awardsPer100: u.awardsPer100,
      nominationsPer100: u.nominationsPer100,
      womenShare: share(
        individuals.filter((c) => c.gender === 'female').reduce((s, c) => s + c.count, 0),
        ind,
      ),
      leaderShare: share(
        individuals.filter((c) => c.isLeader).reduce((s, c) => s + c.count, 0),
        ind,
      ),
      amount: t.amount,
    };
  });
  return {
    orgUnit: { id: body.id, name: body.name },
    year,
    communes,
    sentence: provinceSentence(year, communes),
  };
  function provinceSentence(y: number, rows: ProvinceView['communes']): string {
    if (rows.length === 0) return `Năm ${y}, không có xã, phường nào trong phạm vi xem.`;
    const sorted = [...rows].sort((a, b) => b.awardsPer100 - a.awardsPer100);
    const none = rows.filter((r) => r.nominations === 0).length;
    return (
      `Năm ${y}, ${rows.length} xã, phường có ${rows.reduce((s, r) => s + r.awards, 0)} lượt khen thưởng; ` +
      `nhiều nhất là ${sorted[0]!.name} (${formatDecimal(sorted[0]!.awardsPer100)}/100 người), ít nhất là ` +
      `${sorted[sorted.length - 1]!.name} (${formatDecimal(sorted[sorted.length - 1]!.awardsPer100)}/100 người); ` +
      `${none} đơn vị chưa có đề nghị khen thưởng.`
    );
  }
}

export async function getDrill(
  ctx: RequestCtx,
  orgUnitId: string,
  year: number,
  q: DrillFilter & { unitId?: string | undefined; limit: number },
): Promise<DrillView> {
  const scope = await reportScope(ctx, orgUnitId, year);
  let ids = scope.ids;
  if (q.unitId) {
    if (!scope.ids.includes(q.unitId)) throw notFound('đơn vị');
    ids = q.unitId === scope.body.id ? [scope.body.id] : scope.unitIdsOf(q.unitId);
    if (ids.length === 0) {
      const directory = await ctx.deps.directory.get();
      ids = directory.subtreeWithPredecessors(q.unitId).filter((id) => ctx.auth.readOrgIds.has(id));
    }
  }
  const rows = await drillRecords(ctx.deps.database.db, ids, year, q, q.limit + 1);
  return {
    truncated: rows.length > q.limit,
    items: rows.slice(0, q.limit).map((r) => ({
      awardRecordId: r.id,
      subjectKind: r.subject_kind,
      subjectName: r.subject_name,
      personId: r.person_id,
      orgUnitId: r.org_unit_id,
      unitName: r.unit_name,
      awardCode: r.award_code,
      awardLabel: awardLabelOf(r.award_code),
      achievementYear: Number(r.year),
      decisionId: r.decision_id,
      decisionNumber: r.decision_number,
      decisionDate: r.decision_date,
      amount: r.amount === null ? null : Number(r.amount),
    })),
  };
}
