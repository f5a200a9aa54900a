// Sample documents: the seed's 2023 annual report of Phường Mỹ Quý (shared/seed/000_3966117c7f4e1eb6.txt),
// a decision with a long annex, and a certificate. Tests, the bench and the reference images use them; the
// real report is assembled from data by the reports module.
import type { AdministrativeDocument, AnnexSection, TableCell } from './document-model.ts';
import type { CertificateModel } from './certificate-model.ts';

export const SAMPLE_ISSUING_BODY = {
  parentLines: ['UBND THÀNH PHỐ LONG XUYÊN'],
  nameLines: ['UBND PHƯỜNG MỸ QUÝ'],
};

export function sampleAnnualReport(): AdministrativeDocument {
  return {
    issuingBody: SAMPLE_ISSUING_BODY,
    numberAndSymbol: { number: 184, symbol: 'BC-UBND' },
    place: 'Mỹ Quý',
    issueDate: '2023-12-26',
    typeName: 'BÁO CÁO',
    summaryLines: ['Tổng kết Thi đua, khen thưởng năm 2023', 'và phương hướng, nhiệm vụ năm 2024'],
    legalBases: [
      'Căn cứ Công văn số 455/UBND-NV ngày 25/12/2023 của Ủy ban nhân dân phường Đông Xuyên - Trường Cụm thi đua xã, phường năm 2023 về việc thực hiện bình xét thi đua, khen thưởng Cụm thi đua xã, phường năm 2023.',
    ],
    body: [
      {
        kind: 'paragraph',
        content:
          'Ủy ban nhân dân phường Mỹ Quý báo cáo Tổng kết Thi đua, khen thưởng năm 2023 và phương hướng, nhiệm vụ năm 2024, trên địa bàn phường như sau:',
      },
      { kind: 'heading', level: 1, text: 'Kết quả thực hiện công tác thi đua, khen thưởng năm 2023' },
      {
        kind: 'paragraph',
        content:
          'Năm 2023, trong bối cảnh có nhiều khó khăn đã tác động đến các mục tiêu, nhiệm vụ phát triển kinh tế - xã hội của địa phương. Tuy nhiên, với quyết tâm của toàn thể cán bộ, công chức đã đề xuất, tìm ra nhiều giải pháp, tranh thủ tối đa thời cơ, vượt qua khó khăn thách thức để thực hiện đạt và vượt các chỉ tiêu kế hoạch phát triển kinh tế - xã hội và các phong trào thi đua yêu nước năm 2023.',
      },
      {
        kind: 'heading',
        level: 2,
        text: 'Tổ chức triển khai các chủ trương, nhiệm vụ về công tác thi đua khen thưởng',
      },
      {
        kind: 'paragraph',
        content:
          'Thực hiện Luật Thi đua - Khen thưởng và các văn bản liên quan về đổi mới công tác thi đua khen thưởng trong giai đoạn mới, đẩy mạnh phong trào thi đua yêu nước, phát hiện, bồi dưỡng, tổng kết và nhân điển hình tiên tiến. Ngay từ đầu năm 2023, UBND phường kết hợp Công đoàn tổ chức Hội nghị cán bộ, công chức, thông qua đó đã tổng kết phong trào thi đua năm 2022, phát động phong trào thi đua, cho đăng ký các danh hiệu thi đua và ký kết giao ước thi đua năm 2023. Đồng thời, ban hành văn bản phát động nhiều phong trào thi đua yêu nước. Trên cơ sở đó, các ban ngành, đoàn thể đã xây dựng chương trình hành động và kế hoạch thực hiện một cách cụ thể, phù hợp với điều kiện, đặc điểm và nhiệm vụ chính trị của đơn vị mình.',
      },
      { kind: 'heading', level: 2, text: 'Công tác thi đua' },
      {
        kind: 'paragraph',
        content:
          'Trong năm qua, phường đã phát động nhiều phong trào thi đua như: Thu ngân sách địa phương; lập lại trật tự đô thị; xây dựng cơ quan văn hóa, đẩy lùi tệ nạn xã hội; dân vận khéo; học tập và làm theo tấm gương đạo đức Hồ Chí Minh; tổ chức tốt các hoạt động văn hóa, thể dục thể thao và vệ sinh môi trường nhằm nâng cao hơn nữa ý thức xây dựng đô thị văn minh, xanh, sạch, đẹp trong toàn thể cán bộ, công chức và nhân dân. Phát động phong trào thi đua thực hiện tốt các chính sách xã hội, điển hình như: Giúp nhau giảm nghèo, cất nhà tình thương, giúp đỡ các gia đình chính sách, nhằm khơi dậy, phát huy đạo lý truyền thống “Uống nước nhớ nguồn” và lòng nhân ái sâu sắc của dân tộc Việt Nam. Thi đua đảm bảo trật tự an toàn giao thông, đảm bảo an ninh quốc phòng, giữ vững ổn định chính trị và trật tự an toàn xã hội, loại trừ những nguy cơ gây mất ổn định và những tình huống đột xuất xảy ra, đẩy mạnh phong trào toàn dân bảo vệ an ninh Tổ quốc.',
      },
      {
        kind: 'paragraph',
        content:
          'Các phong trào trên đã thu hút nhân dân và cán bộ tham gia nhằm phấn đấu thực hiện tốt các chỉ tiêu kinh tế, xã hội và thúc đẩy phong trào thi đua yêu nước trên địa bàn phường.',
      },
      {
        kind: 'paragraph',
        content:
          'Chủ tịch UBND phường đã quyết định công nhận 64 cán bộ, công chức đạt danh hiệu “Lao động tiên tiến” năm 2022.',
      },
      { kind: 'heading', level: 2, text: 'Công tác khen thưởng' },
      {
        kind: 'paragraph',
        content:
          'Trong năm 2023, Chủ tịch UBND phường đã tặng giấy khen cho 12 tập thể, 50 cá nhân, có thành tích trong các phong trào thi đua trên các lĩnh vực an ninh quốc phòng, kinh tế, giáo dục, văn hóa - xã hội, thực hiện mô hình dân vận khéo....',
      },
      { kind: 'heading', level: 1, text: 'Nhận xét' },
      {
        kind: 'paragraph',
        content:
          'Để làm tốt công tác thi đua, khen thưởng, Đảng ủy - UBND phường thường xuyên kiểm tra, nắm tình hình việc triển khai công tác thi đua, khen thưởng ở các đơn vị, nhờ vậy công tác thi đua, khen thưởng đã có chuyển biến tích cực, từng bước đi vào nề nếp và đảm bảo thực hiện nghiêm túc các quy định của Luật Thi đua, Khen thưởng và các văn bản khác có liên quan đến công tác thi đua, khen thưởng. Nhìn chung việc lãnh đạo, chỉ đạo của Đảng ủy, UBND phường đối với công tác thi đua khen thưởng trong năm 2023 đã có chuyển biến tích cực khen thưởng đúng người, đúng việc, từ đó tạo phần khởi cho cán bộ, công chức và nhân dân tham gia và có sức lan tỏa trong cơ quan, đơn vị và cộng đồng dân cư.',
      },
      { kind: 'paragraph', content: 'Tuy nhiên, bên cạnh vẫn còn một số hạn chế như:' },
      {
        kind: 'list',
        items: [
          'Phong trào thi đua tổ chức chưa sâu rộng, chưa thường xuyên hoặc chưa lồng ghép các phong trào, các chương trình với nhau một cách hài hòa.',
          'Phong trào thi đua giữa các ban ngành, đoàn thể và xóm không đồng đều.',
          'Do nguồn thu ngân sách địa phương gặp khó khăn nên ảnh hưởng đến việc chi khen thưởng theo quy định.',
        ],
      },
      { kind: 'heading', level: 1, text: 'Phương hướng, nhiệm vụ năm 2024' },
      {
        kind: 'paragraph',
        content:
          'Đẩy mạnh công tác tuyên truyền các chủ trương chính sách, pháp luật của Đảng và Nhà nước trong cán bộ, công chức; tiếp tục phát huy tinh thần làm chủ và tích cực phấn đấu hoàn thành chỉ tiêu Kinh tế - Xã hội năm 2024.',
      },
      {
        kind: 'paragraph',
        content: [
          {
            text: 'Phát động phong trào thi đua lao động giỏi, lao động sáng tạo, phát huy sáng kiến cải tiến lề lối làm việc trong công tác với mục tiêu “',
          },
          { text: 'năng suất, chất lượng, hiệu quả', italic: true },
          {
            text: '” kết hợp vận động cán bộ, công chức tự học để nâng cao trình độ văn hoá, chuyên môn nghiệp vụ đáp ứng yêu cầu chuẩn hoá cán bộ, chấp hành nội quy cơ quan góp phần cải cách thủ tục hành chính.',
          },
        ],
      },
      {
        kind: 'paragraph',
        content:
          'Luôn quan tâm đến các hoạt động VHVN - TDTT và các loại hình vui chơi giải trí lành mạnh, thúc đẩy phong trào rèn luyện sức khoẻ theo gương Bác Hồ vĩ đại góp phần xây dựng nền văn hoá Việt Nam đậm đà bản sắc dân tộc. Vận động thực hiện tốt chính sách Đề ơn đáp nghĩa, Xã hội từ thiện, giúp đỡ gia đình diện chính sách khó khăn, già neo đơn, trẻ mồ côi bằng các việc làm thiết thực.',
      },
      {
        kind: 'paragraph',
        content:
          'Động viên cán bộ, công chức đi đầu trong các phong trào, phát huy dân chủ và nêu cao tinh thần cảnh giác chống tiêu cực, tệ nạn xã hội và âm mưu diễn biến hoà bình',
      },
      {
        kind: 'paragraph',
        content:
          'Trên đây là báo cáo Tổng kết Thi đua, khen thưởng năm 2023 và phương hướng, nhiệm vụ năm 2024./.',
      },
    ],
    recipients: {
      items: [
        'UBND TPLX',
        'Phòng Nội vụ TPLX',
        'UBND phường Đông Xuyên',
        'TT Đảng Ủy, HĐND phường',
        'UBMTTQ, các BN - ĐT phường',
        'Các khóm',
      ],
      archiveLine: 'Lưu.',
    },
    signature: { position: 'CHỦ TỊCH', signerName: 'Liêu Quốc Bình' },
  };
}

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Huỳnh', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương'];
const MIDDLE = ['Văn', 'Thị', 'Hữu', 'Minh', 'Ngọc', 'Thanh', 'Quốc', 'Thị Kim', 'Hoàng', 'Đức'];
const GIVEN = [
  'An',
  'Bình',
  'Cường',
  'Dũng',
  'Hạnh',
  'Hòa',
  'Khánh',
  'Lộc',
  'Mỹ',
  'Nga',
  'Phúc',
  'Quyên',
  'Sơn',
  'Tâm',
  'Ước',
  'Yến',
];
const POSITIONS = ['Công chức', 'Chuyên viên', 'Phó Trưởng ban', 'Trưởng khóm', 'Cán bộ không chuyên trách'];
const UNITS = [
  'Văn phòng - Thống kê',
  'Tư pháp - Hộ tịch',
  'Địa chính - Xây dựng',
  'Khóm Đông Thịnh 1',
  'Hội Phụ nữ',
];

/** A deterministic Vietnamese name list (no randomness, so the bench and tests see the same rows). */
export function sampleNames(count: number): { name: string; position: string; unit: string }[] {
  return Array.from({ length: count }, (_, i) => ({
    name: `${FAMILY[i % FAMILY.length]} ${MIDDLE[(i * 7) % MIDDLE.length]} ${GIVEN[(i * 11) % GIVEN.length]}`,
    position: POSITIONS[i % POSITIONS.length] ?? '',
    unit: UNITS[(i * 3) % UNITS.length] ?? '',
  }));
}

/** The decision recognising "Lao động tiên tiến", with its danh sách kèm theo of `count` names. */
export function sampleDecisionWithAnnex(count: number): AdministrativeDocument {
  const rows: TableCell[][] = sampleNames(count).map((p, i) => [String(i + 1), p.name, p.position, p.unit]);
  const annex: AnnexSection = {
    titleLines: ['DANH SÁCH', 'CÁ NHÂN ĐẠT DANH HIỆU “LAO ĐỘNG TIÊN TIẾN” NĂM 2023'],
    subtitle: '(Kèm theo Quyết định số 125/QĐ-UBND ngày 05/02/2024 của Chủ tịch UBND phường Mỹ Quý)',
    table: {
      columnWidths: [8, 32, 28, 32],
      headerRows: [['STT', 'Họ và tên', 'Chức vụ', 'Đơn vị']],
      rows: [...rows, [{ text: `Tổng cộng: ${count} cá nhân`, colSpan: 4, bold: true, align: 'left' }]],
      columnAlign: ['center', 'left', 'left', 'left'],
    },
  };
  return {
    issuingBody: SAMPLE_ISSUING_BODY,
    numberAndSymbol: { number: 125, symbol: 'QĐ-UBND' },
    place: 'Mỹ Quý',
    issueDate: '2024-02-05',
    typeName: 'QUYẾT ĐỊNH',
    summaryLines: ['Về việc công nhận danh hiệu “Lao động tiên tiến” năm 2023'],
    body: [
      {
        kind: 'paragraph',
        content: [{ text: 'CHỦ TỊCH ỦY BAN NHÂN DÂN PHƯỜNG MỸ QUÝ', bold: true }],
        align: 'center',
        indent: false,
      },
      {
        kind: 'paragraph',
        content: [{ text: 'Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;', italic: true }],
      },
      {
        kind: 'paragraph',
        content: [
          {
            text: 'Căn cứ Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023 của Chính phủ;',
            italic: true,
          },
        ],
      },
      { kind: 'paragraph', content: [{ text: 'QUYẾT ĐỊNH:', bold: true }], align: 'center', indent: false },
      {
        kind: 'paragraph',
        content: [
          { text: 'Điều 1. ', bold: true },
          {
            text: `Công nhận danh hiệu “Lao động tiên tiến” năm 2023 cho ${count} cá nhân (có danh sách kèm theo).`,
          },
        ],
      },
      {
        kind: 'paragraph',
        content: [{ text: 'Điều 2. ', bold: true }, { text: 'Quyết định này có hiệu lực kể từ ngày ký.' }],
      },
    ],
    recipients: { items: ['Như Điều 2', 'Phòng Nội vụ TPLX'] },
    signature: {
      authority: 'KT.',
      authorityOf: 'CHỦ TỊCH',
      position: 'PHÓ CHỦ TỊCH',
      signerName: 'Nguyễn Văn An',
    },
    annexes: [annex],
  };
}

export function sampleCertificate(index = 0): CertificateModel {
  const person = sampleNames(index + 1)[index];
  return {
    issuerLines: ['CHỦ TỊCH ỦY BAN NHÂN DÂN', 'PHƯỜNG MỸ QUÝ'],
    recipientName: index === 0 ? 'Liêu Quốc Bình' : (person?.name ?? ''),
    recipientDetail:
      index === 0 ? 'Chủ tịch UBND phường Mỹ Quý' : `${person?.position ?? ''}, ${person?.unit ?? ''}`,
    achievement:
      'Đã có thành tích xuất sắc trong phong trào thi đua “Lao động tiên tiến” năm 2023, góp phần hoàn thành nhiệm vụ chính trị của địa phương.',
    decisionNumber: '125/QĐ-UBND',
    decisionDate: '2024-02-05',
    goldenBookNumber: `2024/${String(index + 1).padStart(3, '0')}`,
    place: 'Mỹ Quý',
    issueDate: '2024-02-05',
    signature: { position: 'CHỦ TỊCH', signerName: 'Liêu Quốc Bình' },
    verifyUrl: `https://tdkt.example.vn/verify/${String(index + 1).padStart(8, '0')}`,
  };
}
