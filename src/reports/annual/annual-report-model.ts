// The annual report ("Báo cáo Tổng kết Thi đua, khen thưởng năm N và phương hướng, nhiệm vụ năm N+1")
// written from data: pure, from the facts a loader read and the officer's narrative, to the document
// engine's model. Section order follows the seed report (shared/seed/000_3966117c7f4e1eb6.txt).
import { formatDateVn, type AdministrativeDocument, type BodyBlock } from '../../platform/documents/index.ts';
import { formatVnd } from '../../rules/index.ts';
import type { BodyNaming } from '../documents/issuing-body.ts';
import { defaultNarrative, mergeNarrative, type Narrative } from './annual-narrative.ts';

export type AnnualReportFacts = {
  year: number;
  body: BodyNaming;
  /** The cluster head's letter asking for the year's report (căn cứ). */
  basisLetter: {
    numberText: string;
    date: string | null;
    issuerInSentence: string;
    clusterName: string;
    summary: string | null;
  } | null;
  /** The year-start staff conference (hội nghị cán bộ, công chức), when recorded. */
  conference: { heldOn: string } | null;
  registrations: { individuals: number; collectives: number };
  covenants: number;
  /** Movements launched in the year, with their fields. */
  movements: { name: string; fields: string[] }[];
  /** Movements planned for N+1. */
  plannedMovements: string[];
  /** "Lao động tiên tiến" of N−1 recognized by the body (decided in N). */
  advancedWorkersPreviousYear: number;
  certificates: { collectives: number; individuals: number; households: number; fields: string[] };
  /** Tờ trình to the higher level in the year. */
  higherProposals: { title: string; addressee: string; subjects: number; result: string | null }[];
  /** Awards of higher levels received in the year by subjects of the body: award name → count. */
  higherAwards: { awardName: string; count: number }[];
  unitsWithoutNominations: string[];
  neighbourhoodsWithoutNominations: string[];
  fund: { uncommitted: number; unpaidCount: number; unpaidAmount: number } | null;
  signer: { name: string; position: string };
};

export type ReportFigure = { label: string; value: string };
export type ReportFigures = Record<string, ReportFigure>;

export type AnnualReportOptions = {
  narrative?: Narrative;
  numberText?: string | null;
  issueDate: string;
};

/** The figures a report states, keyed, so that two issues can be compared. */
export function annualReportFigures(f: AnnualReportFacts): ReportFigures {
  const n = (label: string, value: number) => ({ label, value: String(value) });
  const figures: ReportFigures = {
    advancedWorkers: n(`Cá nhân đạt “Lao động tiên tiến” năm ${f.year - 1}`, f.advancedWorkersPreviousYear),
    certificateCollectives: n('Tập thể được tặng Giấy khen', f.certificates.collectives),
    certificateIndividuals: n('Cá nhân được tặng Giấy khen', f.certificates.individuals),
    certificateHouseholds: n('Hộ gia đình được tặng Giấy khen', f.certificates.households),
    certificateFields: { label: 'Lĩnh vực khen thưởng', value: f.certificates.fields.join('; ') },
    movements: { label: 'Phong trào thi đua đã phát động', value: f.movements.map((m) => m.name).join('; ') },
    registrationsIndividuals: n('Cá nhân đăng ký danh hiệu thi đua', f.registrations.individuals),
    registrationsCollectives: n('Tập thể đăng ký danh hiệu thi đua', f.registrations.collectives),
    covenants: n('Giao ước thi đua đã ký kết', f.covenants),
    higherProposals: n('Tờ trình đề nghị cấp trên khen thưởng', f.higherProposals.length),
    higherAwards: {
      label: 'Khen thưởng cấp trên đã nhận',
      value: f.higherAwards.map((h) => `${h.awardName}: ${h.count}`).join('; '),
    },
    unitsWithoutNominations: {
      label: 'Đơn vị chưa có đề nghị khen thưởng',
      value: [...f.unitsWithoutNominations, ...f.neighbourhoodsWithoutNominations].join('; '),
    },
    unpaidRewards: {
      label: 'Tiền thưởng chưa chi trả',
      value: f.fund ? `${f.fund.unpaidCount} khoản, ${formatVnd(f.fund.unpaidAmount)} đồng` : '',
    },
    plannedMovements: { label: `Phong trào dự kiến năm ${f.year + 1}`, value: f.plannedMovements.join('; ') },
  };
  return figures;
}

/** Figures whose value differs from the last issue's (new and dropped keys included). */
export function changedFigures(
  before: ReportFigures | null,
  now: ReportFigures,
): { key: string; label: string; before: string | null; now: string | null }[] {
  if (!before) return [];
  const keys = new Set([...Object.keys(before), ...Object.keys(now)]);
  const out: { key: string; label: string; before: string | null; now: string | null }[] = [];
  for (const key of keys) {
    const a = before[key];
    const b = now[key];
    if (a?.value === b?.value) continue;
    out.push({ key, label: b?.label ?? a?.label ?? key, before: a?.value ?? null, now: b?.value ?? null });
  }
  return out;
}

/** Hints for section II from data: where the year's work is thin. */
export function limitationHints(f: AnnualReportFacts): string[] {
  const hints: string[] = [];
  if (f.unitsWithoutNominations.length > 0) {
    hints.push(
      `Còn ${f.unitsWithoutNominations.length} ban ngành, đoàn thể chưa có đề nghị khen thưởng trong năm: ${f.unitsWithoutNominations.join(', ')}.`,
    );
  }
  if (f.neighbourhoodsWithoutNominations.length > 0) {
    hints.push(
      `Còn ${f.neighbourhoodsWithoutNominations.length} khóm, ấp chưa có đề nghị khen thưởng trong năm: ${f.neighbourhoodsWithoutNominations.join(', ')}.`,
    );
  }
  if (f.fund && f.fund.uncommitted < 0) {
    hints.push(
      `Quỹ thi đua, khen thưởng năm ${f.year} thiếu ${formatVnd(-f.fund.uncommitted)} đồng so với tiền thưởng đã quyết định.`,
    );
  }
  if (f.fund && f.fund.unpaidCount > 0) {
    hints.push(
      `Còn ${f.fund.unpaidCount} khoản tiền thưởng với tổng số ${formatVnd(f.fund.unpaidAmount)} đồng chưa chi trả.`,
    );
  }
  return hints;
}

function para(text: string): BodyBlock {
  return { kind: 'paragraph', content: text };
}

function paragraphs(text: string): BodyBlock[] {
  return text
    .split(/\n\s*\n/)
    .map((t) => t.trim())
    .filter((t) => t !== '')
    .map(para);
}

function lines(text: string): string[] {
  return text
    .split('\n')
    .map((t) => t.trim().replace(/^-\s*/, ''))
    .filter((t) => t !== '');
}

function joinFields(fields: string[]): string {
  return fields.join(', ');
}

export function defaultRecipients(f: AnnualReportFacts): string[] {
  const list: string[] = [];
  const parent = f.body.parentInSentence;
  if (parent) list.push(`UBND ${parent}`, `Phòng Nội vụ ${parent}`);
  if (f.basisLetter) list.push(`UBND ${f.basisLetter.issuerInSentence}`);
  list.push(`TT Đảng ủy, HĐND ${f.body.kindWord}`);
  list.push(`UBMTTQ, các BN - ĐT ${f.body.kindWord}`);
  list.push('Các khóm');
  return list;
}

/** The report as a document model, ready for renderDocx / renderPdf. */
export function buildAnnualReport(f: AnnualReportFacts, o: AnnualReportOptions): AdministrativeDocument {
  const { year, body } = f;
  const next = year + 1;
  const t = mergeNarrative(
    defaultNarrative({ year, committeeShort: body.committeeShort, kindWord: body.kindWord }),
    o.narrative ?? {},
  );

  const basis =
    t.basis.trim() !== ''
      ? t.basis.trim()
      : f.basisLetter
        ? `Căn cứ Công văn số ${f.basisLetter.numberText}${f.basisLetter.date ? ` ngày ${formatDateVn(f.basisLetter.date)}` : ''} của Ủy ban nhân dân ${f.basisLetter.issuerInSentence} - Trưởng ${f.basisLetter.clusterName} năm ${year}${f.basisLetter.summary ? ` về việc ${f.basisLetter.summary.replace(/^[Vv]ề việc\s+/, '').replace(/\.$/, '')}` : ''}.`
        : null;

  const blocks: BodyBlock[] = [];
  blocks.push(
    para(
      t.intro.trim() !== ''
        ? t.intro
        : `${body.committeeFull} báo cáo Tổng kết Thi đua, khen thưởng năm ${year} và phương hướng, nhiệm vụ năm ${next}, trên địa bàn ${body.kindWord} như sau:`,
    ),
  );
  blocks.push({
    kind: 'heading',
    level: 1,
    text: `Kết quả thực hiện công tác thi đua, khen thưởng năm ${year}`,
  });
  blocks.push(...paragraphs(t.context));

  // I.1 Organising: narrative, then what the data says about the conference, registrations, covenants.
  blocks.push({
    kind: 'heading',
    level: 2,
    text: 'Tổ chức triển khai các chủ trương, nhiệm vụ về công tác thi đua khen thưởng',
  });
  blocks.push(...paragraphs(t.organising));
  const organisingFacts: string[] = [];
  if (f.conference) {
    organisingFacts.push(
      `Hội nghị cán bộ, công chức năm ${year} được tổ chức ngày ${formatDateVn(f.conference.heldOn)}`,
    );
  }
  if (f.registrations.individuals + f.registrations.collectives > 0) {
    organisingFacts.push(
      `${f.registrations.individuals} cá nhân và ${f.registrations.collectives} tập thể đã đăng ký danh hiệu thi đua`,
    );
  }
  if (f.covenants > 0) organisingFacts.push(`${f.covenants} giao ước thi đua đã được ký kết`);
  if (organisingFacts.length > 0) blocks.push(para(`${organisingFacts.join('; ')}.`));

  // I.2 Emulation: the movements (data, else the officer's list), then LĐTT of the previous year.
  blocks.push({ kind: 'heading', level: 2, text: 'Công tác thi đua' });
  const movementNames =
    f.movements.length > 0
      ? f.movements
          .map((m, i) => (i === 0 ? m.name : m.name.charAt(0).toLocaleLowerCase('vi') + m.name.slice(1)))
          .join('; ')
      : t.movements.trim();
  const movementFields = [...new Set(f.movements.flatMap((m) => m.fields))];
  blocks.push(
    para(
      `Trong năm qua, ${body.kindWord} đã phát động nhiều phong trào thi đua như: ${movementNames}${movementFields.length > 0 ? ` trên các lĩnh vực ${joinFields(movementFields)}` : ''} nhằm nâng cao hơn nữa ý thức xây dựng đô thị văn minh, xanh, sạch, đẹp trong toàn thể cán bộ, công chức và nhân dân. ${t.emulationDetail.trim()}`.trim(),
    ),
  );
  blocks.push(...paragraphs(t.emulationImpact));
  blocks.push(
    para(
      `Chủ tịch ${body.committeeShort} đã quyết định công nhận ${f.advancedWorkersPreviousYear} cán bộ, công chức đạt danh hiệu “Lao động tiên tiến” năm ${year - 1}.`,
    ),
  );

  // I.3 Commendation.
  blocks.push({ kind: 'heading', level: 2, text: 'Công tác khen thưởng' });
  const c = f.certificates;
  const recipients = [
    c.collectives > 0 ? `${c.collectives} tập thể` : null,
    c.individuals > 0 ? `${c.individuals} cá nhân` : null,
    c.households > 0 ? `${c.households} hộ gia đình` : null,
  ].filter((x): x is string => x !== null);
  blocks.push(
    para(
      recipients.length > 0
        ? `Trong năm ${year}, Chủ tịch ${body.committeeShort} đã tặng giấy khen cho ${recipients.join(', ')}, có thành tích trong các phong trào thi đua${c.fields.length > 0 ? ` trên các lĩnh vực ${joinFields(c.fields)}` : ''}.`
        : `Trong năm ${year}, Chủ tịch ${body.committeeShort} chưa tặng giấy khen.`,
    ),
  );
  if (f.higherProposals.length > 0) {
    const subjects = f.higherProposals.reduce((s, p) => s + p.subjects, 0);
    blocks.push(
      para(
        `${body.committeeShort} đã lập ${f.higherProposals.length} tờ trình đề nghị cấp trên khen thưởng cho ${subjects} tập thể, cá nhân.`,
      ),
    );
  }
  if (f.higherAwards.length > 0) {
    blocks.push(
      para(
        `Tập thể, cá nhân của ${body.kindWord} được cấp trên khen thưởng: ${f.higherAwards.map((h) => `${h.awardName}: ${h.count}`).join('; ')}.`,
      ),
    );
  }
  blocks.push(...paragraphs(t.commendationClosing));

  // II. Assessment: strengths; limitations from the narrative plus hints from data.
  blocks.push({ kind: 'heading', level: 1, text: 'Nhận xét' });
  blocks.push(...paragraphs(t.strengths));
  const limitations = [...lines(t.limitations), ...limitationHints(f)];
  if (limitations.length > 0) {
    blocks.push(para('Tuy nhiên, bên cạnh vẫn còn một số hạn chế như:'));
    blocks.push({ kind: 'list', items: limitations });
  }

  // III. Directions for N+1.
  blocks.push({ kind: 'heading', level: 1, text: `Phương hướng, nhiệm vụ năm ${next}` });
  if (f.plannedMovements.length > 0) {
    blocks.push(
      para(
        `Năm ${next}, ${body.kindWord} tiếp tục phát động các phong trào thi đua: ${f.plannedMovements.join('; ')}.`,
      ),
    );
  }
  blocks.push(...paragraphs(t.directions));
  blocks.push(
    para(
      `Trên đây là báo cáo Tổng kết Thi đua, khen thưởng năm ${year} và phương hướng, nhiệm vụ năm ${next}./.`,
    ),
  );

  const recipientItems = t.recipients.trim() !== '' ? lines(t.recipients) : defaultRecipients(f);
  const numberMatch = o.numberText ? /^(\d+)\/(.+)$/.exec(o.numberText) : null;
  return {
    issuingBody: body.issuingBody,
    numberAndSymbol: numberMatch
      ? { number: numberMatch[1]!, symbol: numberMatch[2]! }
      : { symbol: 'BC-UBND' },
    place: body.place,
    issueDate: o.issueDate,
    typeName: 'BÁO CÁO',
    summaryLines: [`Tổng kết Thi đua, khen thưởng năm ${year}`, `và phương hướng, nhiệm vụ năm ${next}`],
    legalBases: basis ? [basis] : [],
    body: blocks,
    recipients: { items: recipientItems, archiveLine: 'Lưu.' },
    signature: { position: f.signer.position.toLocaleUpperCase('vi'), signerName: f.signer.name },
  };
}
