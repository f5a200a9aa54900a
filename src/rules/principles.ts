import { CATALOGUE } from './catalogue.ts';
import { CITATIONS, type Citation } from './citations.ts';
import { countsAsBasis } from './evaluate-person.ts';
import { REGIMES } from './regimes.ts';
import { reason } from './reasons.ts';
import type {
  AwardCode,
  AwardHistoryEntry,
  CommendationKind,
  IssuerLevel,
  Reason,
  RegimeCode,
  SubjectKind,
} from './types.ts';

/** One proposed or granted award, as nominations and decisions hold it. */
export type AwardRecord = {
  readonly id: string;
  readonly subjectId: string;
  readonly subjectKind: SubjectKind;
  readonly award: AwardCode;
  /** The achievement the award is for; one achievement gets one form. */
  readonly achievementId?: string | null;
  /** Year of the achievement; for a title counted over several years, the last of them. */
  readonly year: number;
  /** Years counted to reach the title when it differs from the catalogue's (e.g. a thematic title). */
  readonly periodYears?: number;
  readonly kind?: CommendationKind;
  readonly revoked?: boolean;
};

export type PrincipleViolation = {
  readonly recordIds: readonly string[];
  readonly reason: Reason;
};

/** Luật 2022 Điều 5: no multiple forms (or multiple awards) for one achievement. */
export function checkOneAchievementOneForm(records: readonly AwardRecord[]): PrincipleViolation[] {
  const groups = new Map<string, AwardRecord[]>();
  for (const r of records) {
    if (!r.achievementId || r.revoked) continue;
    const key = `${r.subjectKind}\u0000${r.subjectId}\u0000${r.achievementId}`;
    const list = groups.get(key);
    if (list) list.push(r);
    else groups.set(key, [r]);
  }
  const violations: PrincipleViolation[] = [];
  for (const list of [...groups.values()].sort((a, b) => ((a[0]?.id ?? '') < (b[0]?.id ?? '') ? -1 : 1))) {
    if (list.length < 2) continue;
    const ids = list.map((r) => r.id).sort();
    violations.push({
      recordIds: ids,
      reason: reason(
        'PRINCIPLE.ONE_ACHIEVEMENT_ONE_FORM',
        'fail',
        `Một thành tích chỉ được khen một hình thức: thành tích “${list[0]?.achievementId ?? ''}” đang có ${list.length} đề nghị (${ids.join(', ')}).`,
        CITATIONS.law2022Art5,
      ),
    });
  }
  return violations;
}

export type PayableDecision = {
  readonly paid: readonly AwardRecord[];
  readonly unpaid: readonly { readonly record: AwardRecord; readonly reason: Reason }[];
  /** Why a title was paid beside another title of the same subject and year (different counted time). */
  readonly notes: readonly { readonly record: AwardRecord; readonly reason: Reason }[];
};

type PeriodRules = { readonly same: Citation; readonly different: Citation };

// NĐ 152 Điều 49 khoản 5 read in the text; NĐ 98's principles only in a press summary ("một đối
// tượng đạt nhiều danh hiệu … có thời gian … khác nhau thì được nhận tiền thưởng tương ứng"); NĐ 91
// Điều 68's wording on several titles not read — applied by analogy, flagged.
const PERIOD_RULES: Readonly<Record<RegimeCode, PeriodRules>> = Object.freeze({
  law2022_nd152: { same: CITATIONS.nd152Art49K5, different: CITATIONS.nd152Art49K5Different },
  law2022_nd98: { same: CITATIONS.nd98MoneyPrinciples, different: CITATIONS.nd98MoneyPrinciples },
  law2003_nd91: { same: CITATIONS.nd91MoneyPrinciples, different: CITATIONS.nd91MoneyPrinciples },
});

/** Years counted to reach a title record: [first, last]; the record's year is the last. */
export function countedYears(record: AwardRecord): { readonly first: number; readonly last: number } {
  const years = record.periodYears ?? CATALOGUE[record.award].period?.years ?? 1;
  return { first: record.year - years + 1, last: record.year };
}

const yearsText = (p: { first: number; last: number }) =>
  p.first === p.last ? `năm ${p.last}` : `${p.first}–${p.last}`;

/**
 * NĐ 152/2025 Điều 49 khoản 5: a subject with several titles whose counted time is the same
 * receives only the money of the highest; a title whose counted time differs (e.g. "Chiến sĩ thi
 * đua cấp tỉnh", counted over three years of "Chiến sĩ thi đua cơ sở" — Luật 2022 Điều 22 khoản 1
 * điểm a) is paid too. Forms (Giấy khen, Bằng khen) are paid apart (khoản 6, 7).
 */
export function payableForSamePeriod(records: readonly AwardRecord[], regime: RegimeCode): PayableDecision {
  const rules = PERIOD_RULES[regime];
  const best = new Map<string, AwardRecord>();
  const subjectKey = (r: AwardRecord) => `${r.subjectKind}\u0000${r.subjectId}`;
  const key = (r: AwardRecord) => {
    const p = countedYears(r);
    return `${subjectKey(r)}\u0000${p.first}\u0000${p.last}`;
  };
  const rankOf = (r: AwardRecord) => CATALOGUE[r.award].rank;
  const titlesOfSubject = new Map<string, AwardRecord[]>();
  for (const r of records) {
    if (r.revoked || CATALOGUE[r.award].category !== 'title') continue;
    const k = key(r);
    const current = best.get(k);
    if (!current || rankOf(r) > rankOf(current) || (rankOf(r) === rankOf(current) && r.id < current.id))
      best.set(k, r);
    const sk = subjectKey(r);
    const list = titlesOfSubject.get(sk);
    if (list) list.push(r);
    else titlesOfSubject.set(sk, [r]);
  }
  const periodVerified = (r: AwardRecord) =>
    r.periodYears !== undefined || (CATALOGUE[r.award].period?.verified ?? false);
  const paid: AwardRecord[] = [];
  const unpaid: { record: AwardRecord; reason: Reason }[] = [];
  const notes: { record: AwardRecord; reason: Reason }[] = [];
  for (const r of records) {
    if (r.revoked) {
      unpaid.push({
        record: r,
        reason: reason(
          'PRINCIPLE.REVOKED',
          'fail',
          'Khen thưởng đã bị thu hồi: không chi tiền thưởng.',
          CITATIONS.law2022Ch7,
        ),
      });
      continue;
    }
    if (CATALOGUE[r.award].category !== 'title') {
      paid.push(r);
      continue;
    }
    const top = best.get(key(r));
    const mine = countedYears(r);
    if (top === r) {
      paid.push(r);
      // Another paid title of the same subject overlapping these years, with other counted time.
      const others = (titlesOfSubject.get(subjectKey(r)) ?? []).filter((o) => {
        if (o === r || best.get(key(o)) !== o) return false;
        const p = countedYears(o);
        return (
          p.first <= mine.last && mine.first <= p.last && (p.first !== mine.first || p.last !== mine.last)
        );
      });
      const other = others[0];
      if (other) {
        notes.push({
          record: r,
          reason: reason(
            'PRINCIPLE.DIFFERENT_PERIOD_PAID',
            'note',
            `“${CATALOGUE[r.award].name}” tính thành tích ${yearsText(mine)}, khác thời gian được tính của “${CATALOGUE[other.award].name}” (${yearsText(countedYears(other))}): được nhận tiền thưởng của cả hai danh hiệu.`,
            {
              text: rules.different.text,
              verified: rules.different.verified && periodVerified(r) && periodVerified(other),
            },
          ),
        });
      }
    } else {
      unpaid.push({
        record: r,
        reason: reason(
          'PRINCIPLE.ONLY_HIGHEST_TITLE_PAID',
          'fail',
          `Cùng thời gian được tính (${yearsText(mine)}) để đạt nhiều danh hiệu: chỉ nhận tiền thưởng của danh hiệu cao nhất “${top ? CATALOGUE[top.award].name : ''}”, không nhận tiền thưởng “${CATALOGUE[r.award].name}”.`,
          {
            text: rules.same.text,
            verified: rules.same.verified && periodVerified(r) && (top ? periodVerified(top) : false),
          },
        ),
      });
    }
  }
  return { paid, unpaid, notes };
}

/** NĐ 152/2025 Điều 4: from 01/07/2025 đột xuất and chuyên đề results are no basis for a higher award. */
export function checkBasisForHigherAward(entry: AwardHistoryEntry, regime: RegimeCode): Reason | null {
  if (entry.revoked) {
    return reason(
      'PRINCIPLE.REVOKED_NOT_BASIS',
      'fail',
      `Khen thưởng năm ${entry.year} đã bị thu hồi nên không được dùng làm căn cứ đề nghị khen thưởng.`,
      CITATIONS.law2022Ch7,
    );
  }
  if (regime === 'law2022_nd152' && (entry.kind === 'unexpected' || entry.kind === 'thematic')) {
    return reason(
      'PRINCIPLE.NON_REGULAR_NOT_BASIS',
      'fail',
      `Kết quả khen thưởng ${entry.kind === 'unexpected' ? 'đột xuất' : 'theo chuyên đề'} năm ${entry.year} không được dùng làm căn cứ đề nghị khen thưởng cấp cao hơn.`,
      CITATIONS.nd152Art4,
    );
  }
  return null;
}

/** Whether an earlier award counts in a consecutive-year chain in that regime. */
export function countsInChain(entry: AwardHistoryEntry, regime: RegimeCode): boolean {
  return countsAsBasis(entry, regime === 'law2022_nd152');
}

export type AuthorityCheck = { readonly allowed: boolean; readonly reason: Reason };

/** The signer's level may grant that title or form to that subject kind in that regime (brief §4.4). */
export function checkSignerAuthority(
  award: AwardCode,
  issuer: IssuerLevel,
  subjectKind: SubjectKind,
  regime: RegimeCode,
): AuthorityCheck {
  const entry = CATALOGUE[award];
  const inRegime = entry.regimes[regime];
  const cite = inRegime
    ? { text: inRegime.issuersCitation, verified: inRegime.issuersVerified }
    : { text: REGIMES[regime].citation, verified: true };
  if (!inRegime) {
    return {
      allowed: false,
      reason: reason(
        'AUTHORITY.NOT_IN_REGIME',
        'fail',
        `“${entry.name}” không có trong chế độ ${REGIMES[regime].name}.`,
        cite,
      ),
    };
  }
  if (!entry.subjectKinds.includes(subjectKind)) {
    return {
      allowed: false,
      reason: reason(
        'AUTHORITY.WRONG_SUBJECT',
        'fail',
        `“${entry.name}” không tặng cho loại đối tượng này.`,
        cite,
      ),
    };
  }
  const own = inRegime.issuerCitations?.[issuer];
  const issuerCite = own ? { text: own.text, verified: own.verified } : cite;
  if (!inRegime.issuers.includes(issuer)) {
    return {
      allowed: false,
      reason: reason(
        'AUTHORITY.NOT_ALLOWED',
        'fail',
        `Cấp ký quyết định không có thẩm quyền tặng “${entry.name}” theo chế độ ${REGIMES[regime].name}.`,
        cite,
      ),
    };
  }
  return {
    allowed: true,
    reason: reason(
      'AUTHORITY.ALLOWED',
      'pass',
      `Cấp ký quyết định có thẩm quyền tặng “${entry.name}”.`,
      issuerCite,
    ),
  };
}
