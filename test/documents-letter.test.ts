import { describe, expect, it } from 'vitest';
import { renderDocx } from '../src/platform/documents/index.ts';
import { docxParagraphs, readZipEntry } from '../src/platform/documents/testing/zip-reader.ts';
import { bodyNaming, buildClusterRequestLetter } from '../src/reports/documents/index.ts';

const HEAD = bodyNaming(
  { id: 'b', name: 'Phường Mỹ Quý', placeName: 'Mỹ Quý' },
  { name: 'Thành phố Long Xuyên' },
);

describe('the cluster head’s request letter (công văn)', () => {
  it('puts the subject under the number as "V/v …", lists the members and keeps a hostile name literal', async () => {
    const model = buildClusterRequestLetter(
      HEAD,
      {
        clusterName: 'Cụm thi đua số 2',
        year: 2023,
        members: ['UBND phường Mỹ Thới', '<b>x</b>'],
        dueDate: '2023-12-15',
        signerName: 'Liêu Quốc Bình',
      },
      '2023-12-01',
    );
    const xml = readZipEntry(await renderDocx(model), 'word/document.xml')!;
    expect(xml).not.toContain('<b>x</b>');
    const text = docxParagraphs(xml).join('\n');
    expect(text).not.toContain('CÔNG VĂN');
    expect(text).toMatch(/Số:\s+\/UBND-VP\s*\n?.*V\/v báo cáo tổng kết công tác thi đua,/s);
    expect(text).toContain('- <b>x</b>;');
    expect(text).toContain('trước ngày 15/12/2023');
    expect(text).toContain('Mỹ Quý, ngày 01 tháng 12 năm 2023');
  });
});
