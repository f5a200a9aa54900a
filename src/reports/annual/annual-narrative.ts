// The narrative paragraphs of the annual report: defaults are the seed report's own words
// (shared/seed/000_3966117c7f4e1eb6.txt); the officer rewrites them in the web app and they are kept
// with the report (report_drafts.narrative). Figures never live here: they come from data.

export const NARRATIVE_KEYS = [
  'basis',
  'intro',
  'context',
  'organising',
  'movements',
  'emulationDetail',
  'emulationImpact',
  'commendationClosing',
  'strengths',
  'limitations',
  'directions',
  'recipients',
] as const;

export type NarrativeKey = (typeof NARRATIVE_KEYS)[number];
export type Narrative = Partial<Record<NarrativeKey, string>>;

export const NARRATIVE_LABELS: Record<NarrativeKey, string> = {
  basis: 'Căn cứ (để trống: lấy từ công văn của Trưởng Cụm)',
  intro: 'Câu mở đầu',
  context: 'Bối cảnh năm (đầu mục I)',
  organising: 'Mục I.1 — Tổ chức triển khai',
  movements: 'Mục I.2 — Tên các phong trào (dùng khi chưa có dữ liệu phong trào)',
  emulationDetail: 'Mục I.2 — Các phong trào khác',
  emulationImpact: 'Mục I.2 — Kết quả chung',
  commendationClosing: 'Mục I.3 — Đoạn kết (tùy chọn)',
  strengths: 'Mục II — Mặt làm được',
  limitations: 'Mục II — Hạn chế (mỗi dòng một ý)',
  directions: 'Mục III — Phương hướng (mỗi đoạn cách nhau một dòng trống)',
  recipients: 'Nơi nhận (mỗi dòng một nơi)',
};

type Vars = { year: number; committeeShort: string; kindWord: string };

export function defaultNarrative(v: Vars): Required<Narrative> {
  const { year, committeeShort, kindWord } = v;
  const next = year + 1;
  return {
    basis: '',
    intro: '',
    context: `Năm ${year}, trong bối cảnh có nhiều khó khăn đã tác động đến các mục tiêu, nhiệm vụ phát triển kinh tế - xã hội của địa phương. Tuy nhiên, với quyết tâm của toàn thể cán bộ, công chức đã đề xuất, tìm ra nhiều giải pháp, tranh thủ tối đa thời cơ, vượt qua khó khăn thách thức để thực hiện đạt và vượt các chỉ tiêu kế hoạch phát triển kinh tế - xã hội và các phong trào thi đua yêu nước năm ${year}.`,
    organising: `Thực hiện Luật Thi đua - Khen thưởng và các văn bản liên quan về đổi mới công tác thi đua khen thưởng trong giai đoạn mới, đẩy mạnh phong trào thi đua yêu nước, phát hiện, bồi dưỡng, tổng kết và nhân điển hình tiên tiến. Ngay từ đầu năm ${year}, ${committeeShort} kết hợp Công đoàn tổ chức Hội nghị cán bộ, công chức, thông qua đó đã tổng kết phong trào thi đua năm ${year - 1}, phát động phong trào thi đua, cho đăng ký các danh hiệu thi đua và ký kết giao ước thi đua năm ${year}. Đồng thời, ban hành văn bản phát động nhiều phong trào thi đua yêu nước. Trên cơ sở đó, các ban ngành, đoàn thể đã xây dựng chương trình hành động và kế hoạch thực hiện một cách cụ thể, phù hợp với điều kiện, đặc điểm và nhiệm vụ chính trị của đơn vị mình.`,
    movements:
      'Thu ngân sách địa phương; lập lại trật tự đô thị; xây dựng cơ quan văn hóa, đẩy lùi tệ nạn xã hội; dân vận khéo; học tập và làm theo tấm gương đạo đức Hồ Chí Minh; tổ chức tốt các hoạt động văn hóa, thể dục thể thao và vệ sinh môi trường',
    emulationDetail:
      'Phát động phong trào thi đua thực hiện tốt các chính sách xã hội, điển hình như: Giúp nhau giảm nghèo, cất nhà tình thương, giúp đỡ các gia đình chính sách, nhằm khơi dậy, phát huy đạo lý truyền thống “Uống nước nhớ nguồn” và lòng nhân ái sâu sắc của dân tộc Việt Nam. Thi đua đảm bảo trật tự an toàn giao thông, đảm bảo an ninh quốc phòng, giữ vững ổn định chính trị và trật tự an toàn xã hội, loại trừ những nguy cơ gây mất ổn định và những tình huống đột xuất xảy ra, đẩy mạnh phong trào toàn dân bảo vệ an ninh Tổ quốc.',
    emulationImpact: `Các phong trào trên đã thu hút nhân dân và cán bộ tham gia nhằm phấn đấu thực hiện tốt các chỉ tiêu kinh tế, xã hội và thúc đẩy phong trào thi đua yêu nước trên địa bàn ${kindWord}.`,
    commendationClosing: '',
    strengths: `Để làm tốt công tác thi đua, khen thưởng, Đảng ủy - ${committeeShort} thường xuyên kiểm tra, nắm tình hình việc triển khai công tác thi đua, khen thưởng ở các đơn vị, nhờ vậy công tác thi đua, khen thưởng đã có chuyển biến tích cực, từng bước đi vào nề nếp và đảm bảo thực hiện nghiêm túc các quy định của Luật Thi đua, Khen thưởng và các văn bản khác có liên quan đến công tác thi đua, khen thưởng. Nhìn chung việc lãnh đạo, chỉ đạo của Đảng ủy, ${committeeShort} đối với công tác thi đua khen thưởng trong năm ${year} đã có chuyển biến tích cực khen thưởng đúng người, đúng việc, từ đó tạo phấn khởi cho cán bộ, công chức và nhân dân tham gia và có sức lan tỏa trong cơ quan, đơn vị và cộng đồng dân cư.`,
    limitations: [
      'Phong trào thi đua tổ chức chưa sâu rộng, chưa thường xuyên hoặc chưa lồng ghép các phong trào, các chương trình với nhau một cách hài hòa.',
      'Phong trào thi đua giữa các ban ngành, đoàn thể và xóm không đồng đều.',
      'Do nguồn thu ngân sách địa phương gặp khó khăn nên ảnh hưởng đến việc chi khen thưởng theo quy định.',
    ].join('\n'),
    directions: [
      `Đẩy mạnh công tác tuyên truyền các chủ trương chính sách, pháp luật của Đảng và Nhà nước trong cán bộ, công chức; tiếp tục phát huy tinh thần làm chủ và tích cực phấn đấu hoàn thành chỉ tiêu Kinh tế - Xã hội năm ${next}.`,
      'Phát động phong trào thi đua lao động giỏi, lao động sáng tạo, phát huy sáng kiến cải tiến lề lối làm việc trong công tác với mục tiêu “năng suất, chất lượng, hiệu quả” kết hợp vận động cán bộ, công chức tự học để nâng cao trình độ văn hoá, chuyên môn nghiệp vụ đáp ứng yêu cầu chuẩn hoá cán bộ, chấp hành nội quy cơ quan góp phần cải cách thủ tục hành chính.',
      'Luôn quan tâm đến các hoạt động VHVN - TDTT và các loại hình vui chơi giải trí lành mạnh, thúc đẩy phong trào rèn luyện sức khoẻ theo gương Bác Hồ vĩ đại góp phần xây dựng nền văn hoá Việt Nam đậm đà bản sắc dân tộc. Vận động thực hiện tốt chính sách Đền ơn đáp nghĩa, Xã hội từ thiện, giúp đỡ gia đình diện chính sách khó khăn, già neo đơn, trẻ mồ côi bằng các việc làm thiết thực.',
      'Động viên cán bộ, công chức đi đầu trong các phong trào, phát huy dân chủ và nêu cao tinh thần cảnh giác chống tiêu cực, tệ nạn xã hội và âm mưu diễn biến hoà bình.',
    ].join('\n\n'),
    recipients: '',
  };
}

/** The narrative with the officer's edits over the defaults; blank edits fall back to the default. */
export function mergeNarrative(defaults: Required<Narrative>, edits: Narrative): Required<Narrative> {
  const out = { ...defaults };
  for (const key of NARRATIVE_KEYS) {
    const v = edits[key];
    if (typeof v === 'string' && v.trim() !== '') out[key] = v;
  }
  return out;
}

/** Keeps only known keys with string values (what a client may send). */
export function cleanNarrative(input: Record<string, unknown>): Narrative {
  const out: Narrative = {};
  for (const key of NARRATIVE_KEYS) {
    const v = input[key];
    if (typeof v === 'string') out[key] = v;
  }
  return out;
}
