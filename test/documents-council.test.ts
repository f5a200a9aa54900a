import { describe, expect, it } from 'vitest';
import { renderDocx } from '../src/platform/documents/index.ts';
import { docxParagraphs, readZipEntry } from '../src/platform/documents/testing/zip-reader.ts';
import { buildCouncilMinutes, buildVoteCountRecord, bodyNaming } from '../src/reports/documents/index.ts';
import type { SessionView } from '../src/council/index.ts';

const BODY = bodyNaming(
  { id: 'b', name: 'Phường Mỹ Quý', placeName: 'Mỹ Quý' },
  { name: 'Thành phố Long Xuyên' },
);

function session(name: string): SessionView {
  const member = (id: string, fullName: string, role: string, present: boolean) => ({
    id,
    fullName,
    position: null,
    role,
    present,
    note: present ? null : 'Có ý kiến bằng văn bản',
  });
  return {
    id: 's',
    orgUnitId: 'b',
    year: 2023,
    councilName: 'Hội đồng Thi đua - Khen thưởng phường Mỹ Quý năm 2023',
    title: 'Phiên họp xét khen thưởng năm 2023',
    heldOn: '2023-12-05',
    location: null,
    status: 'closed',
    totalMembers: 3,
    presentMembers: 2,
    quorumRatio: null,
    conclusion: null,
    members: [
      member('m1', 'Liêu Quốc Bình', 'chairman', true),
      member('m2', name, 'member', true),
      member('m3', 'Nguyễn Thị Thu Hà', 'secretary', false),
    ],
    myMemberId: null,
    items: [
      {
        id: 'i1',
        nominationId: 'n1',
        position: 1,
        subjectName: name,
        awardCode: 'commune_certificate_of_merit',
        awardName: 'Giấy khen của Chủ tịch UBND cấp xã',
        status: 'closed',
        minApprovalRatio: 0.5,
        denominator: 'members',
        ruleCitation: null,
        eligibleVoters: 3,
        ballotsCast: 2,
        votingDeadline: null,
        quorumBallots: 2,
        tallyKind: 'electronic',
        awaiting: 0,
        writtenFrom: [],
        acceptsWritten: false,
        recusals: [{ memberId: 'm2', fullName: name, reason: 'là người được đề nghị' }],
        yesCount: 2,
        noCount: 0,
        abstainCount: 0,
        result: 'approved',
        mine: { canVote: false, hasVoted: false, recused: false },
      },
    ],
  };
}

async function text(model: Parameters<typeof renderDocx>[0]): Promise<string> {
  return docxParagraphs(readZipEntry(await renderDocx(model), 'word/document.xml')!).join('\n');
}

describe('council minutes and vote-count record', () => {
  it('write the date with a leading zero, the absent member with the reason and the default conclusion', async () => {
    const t = await text(buildCouncilMinutes(BODY, session('Trần Văn An')));
    expect(t).toContain(
      'Vào ngày 05/12/2023, Hội đồng Thi đua - Khen thưởng phường Mỹ Quý năm 2023 tổ chức phiên họp',
    );
    expect(t).toContain('Nguyễn Thị Thu Hà - Thư ký (Có ý kiến bằng văn bản)');
    expect(t).toContain('Chủ trì: Liêu Quốc Bình; thư ký: Nguyễn Thị Thu Hà.');
    expect(t).toContain('Hội đồng thống nhất đề nghị khen thưởng 1 trường hợp');
    expect(t).toContain('Mỹ Quý, ngày 05 tháng 12 năm 2023');
  });

  it('print a hostile name as plain text, never as markup', async () => {
    const hostile = '<b>x</b>';
    const docx = await renderDocx(buildVoteCountRecord(BODY, session(hostile)));
    const xml = readZipEntry(docx, 'word/document.xml')!;
    expect(xml).not.toContain('<b>x</b>');
    const t = docxParagraphs(xml).join('\n');
    expect(t).toContain(
      '<b>x</b>: không tham gia biểu quyết do có liên quan — <b>x</b> (là người được đề nghị).',
    );
    expect(t).toContain('2 (66,7%)');
  });
});
