// The council's meeting minutes (biên bản họp) and vote-count record (biên bản kiểm phiếu), written
// from a session as the council module shows it: attendance, agenda, tallies — never who voted how.
import type { AdministrativeDocument, BodyBlock, TableCell } from '../../platform/documents/index.ts';
import { formatDateVn } from '../../platform/documents/index.ts';
import type { SessionView } from '../../council/index.ts';
import type { BodyNaming } from './issuing-body.ts';

export type CouncilDocumentKind = 'council-minutes' | 'vote-count';

const ROLE_LABELS: Readonly<Record<string, string>> = {
  chairman: 'Chủ tịch Hội đồng',
  vice_chairman: 'Phó Chủ tịch Hội đồng',
  member: 'Ủy viên',
  secretary: 'Thư ký',
};

const RESULT_LABELS = { approved: 'Đạt', not_approved: 'Không đạt' } as const;

function roleOf(role: string): string {
  return ROLE_LABELS[role] ?? role;
}

function paragraph(content: Extract<BodyBlock, { kind: 'paragraph' }>['content']): BodyBlock {
  return { kind: 'paragraph', content };
}

function percent(part: number, whole: number | null): string {
  if (!whole) return '';
  return `${((part / whole) * 100).toFixed(1).replace('.', ',')}%`;
}

function memberLine(m: SessionView['members'][number]): string {
  const parts = [m.fullName, m.position, roleOf(m.role)].filter((x): x is string => !!x);
  return parts.join(' - ');
}

/**
 * Minutes are usually signed by whoever presided and by the secretary; the engine has one signature
 * block, so the chair signs and the secretary is named in the closing line.
 */
function chairAndSecretary(session: SessionView) {
  const chair = session.members.find((m) => m.role === 'chairman') ?? session.members[0];
  const secretary = session.members.find((m) => m.role === 'secretary');
  return { chair, secretary };
}

function header(
  body: BodyNaming,
  session: SessionView,
  summary: string,
): Omit<AdministrativeDocument, 'body' | 'signature'> {
  return {
    issuingBody: {
      parentLines: body.issuingBody.nameLines,
      nameLines: [session.councilName.toLocaleUpperCase('vi')],
    },
    numberAndSymbol: { symbol: 'BB-HĐTĐKT' },
    place: body.place,
    issueDate: session.heldOn,
    typeName: 'BIÊN BẢN',
    summaryLines: [summary],
    recipients: {
      items: [`${body.committeeShort} ${body.inSentence.replace(/^\S+\s/, '')}`, 'Thành viên Hội đồng'],
    },
  };
}

function tallyRows(session: SessionView): TableCell[][] {
  return session.items.map((i) => {
    const voters = i.eligibleVoters;
    const yes = i.yesCount;
    return [
      String(i.position),
      i.subjectName,
      i.awardName,
      voters === null ? '' : String(voters),
      yes === null ? '' : `${yes} (${percent(yes, voters)})`,
      i.noCount === null ? '' : String(i.noCount),
      i.abstainCount === null ? '' : String(i.abstainCount),
      i.result ? RESULT_LABELS[i.result] : 'Chưa biểu quyết',
    ];
  });
}

const TALLY_TABLE = {
  columnWidths: [6, 26, 22, 10, 14, 10, 10, 12],
  headerRows: [
    [
      'TT',
      'Tập thể, cá nhân',
      'Hình thức',
      'Số người bỏ phiếu',
      'Đồng ý',
      'Không đồng ý',
      'Không biểu quyết',
      'Kết quả',
    ],
  ],
  columnAlign: ['center', 'left', 'left', 'center', 'center', 'center', 'center', 'center'] as const,
  fontSize: 11,
};

/** Biên bản họp Hội đồng Thi đua - Khen thưởng. */
export function buildCouncilMinutes(body: BodyNaming, session: SessionView): AdministrativeDocument {
  const present = session.members.filter((m) => m.present === true);
  const absent = session.members.filter((m) => m.present === false);
  const { chair, secretary } = chairAndSecretary(session);
  const approved = session.items.filter((i) => i.result === 'approved');
  const blocks: BodyBlock[] = [
    paragraph(
      `Vào ngày ${formatDateVn(session.heldOn)}${session.location ? `, tại ${session.location}` : ''}, ${session.councilName} tổ chức ${session.title.charAt(0).toLocaleLowerCase('vi')}${session.title.slice(1)}.`,
    ),
    { kind: 'heading', level: 1, text: 'Thành phần' },
    paragraph(
      `Hội đồng có ${session.members.length} thành viên; có mặt ${present.length} thành viên${absent.length > 0 ? `, vắng ${absent.length} thành viên` : ''}.`,
    ),
    ...(present.length > 0 ? [{ kind: 'list' as const, items: present.map(memberLine) }] : []),
    ...(absent.length > 0
      ? [
          paragraph('Vắng mặt:'),
          {
            kind: 'list' as const,
            items: absent.map((m) => `${memberLine(m)}${m.note ? ` (${m.note})` : ''}`),
          },
        ]
      : []),
    paragraph(`Chủ trì: ${chair ? chair.fullName : '…'}; thư ký: ${secretary ? secretary.fullName : '…'}.`),
    { kind: 'heading', level: 1, text: 'Nội dung' },
    paragraph(
      `Hội đồng xem xét ${session.items.length} hồ sơ đề nghị khen thưởng và biểu quyết bằng phiếu kín đối với từng trường hợp. Kết quả như sau:`,
    ),
    {
      kind: 'table',
      table: { ...TALLY_TABLE, columnAlign: [...TALLY_TABLE.columnAlign], rows: tallyRows(session) },
    },
    { kind: 'heading', level: 1, text: 'Kết luận' },
    paragraph(
      session.conclusion ??
        `Hội đồng thống nhất đề nghị khen thưởng ${approved.length} trường hợp đạt tỷ lệ phiếu đồng ý theo quy định.`,
    ),
    paragraph(
      `Biên bản được lập xong vào cùng ngày, đã thông qua trước các thành viên dự họp${secretary ? `; thư ký ${secretary.fullName}` : ''}.`,
    ),
  ];
  return {
    ...header(body, session, `Họp ${session.councilName} năm ${session.year}`),
    body: blocks,
    signature: {
      authority: 'TM.',
      authorityOf: 'HỘI ĐỒNG',
      position: 'CHỦ TỊCH',
      signerName: chair?.fullName ?? '',
    },
  };
}

/** Biên bản kiểm phiếu: ballots counted per agenda item, with the ratio each needed. */
export function buildVoteCountRecord(body: BodyNaming, session: SessionView): AdministrativeDocument {
  const { chair } = chairAndSecretary(session);
  const blocks: BodyBlock[] = [
    paragraph(
      `Tại phiên họp ngày ${formatDateVn(session.heldOn)} của ${session.councilName}, có mặt ${session.presentMembers}/${session.totalMembers} thành viên có quyền biểu quyết, việc kiểm phiếu biểu quyết đề nghị khen thưởng được tiến hành như sau:`,
    ),
    {
      kind: 'table',
      table: { ...TALLY_TABLE, columnAlign: [...TALLY_TABLE.columnAlign], rows: tallyRows(session) },
    },
    ...session.items
      .filter((i) => i.recusals.length > 0)
      .map((i) =>
        paragraph(
          `${i.subjectName}: không tham gia biểu quyết do có liên quan — ${i.recusals.map((r) => `${r.fullName} (${r.reason})`).join('; ')}.`,
        ),
      ),
    paragraph(
      'Tỷ lệ đồng ý tính trên tổng số thành viên Hội đồng có quyền biểu quyết, theo quy chế hoạt động của Hội đồng.',
    ),
    paragraph(
      `Kết quả: ${session.items.filter((i) => i.result === 'approved').length} trường hợp đạt, ${session.items.filter((i) => i.result === 'not_approved').length} trường hợp không đạt.`,
    ),
  ];
  return {
    ...header(body, session, 'Kiểm phiếu biểu quyết đề nghị khen thưởng'),
    body: blocks,
    signature: {
      authority: 'TM.',
      authorityOf: 'HỘI ĐỒNG',
      position: 'CHỦ TỊCH',
      signerName: chair?.fullName ?? '',
    },
  };
}
