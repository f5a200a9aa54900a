import { CITATIONS } from './citations.ts';

/** What the screens say about a rule that rests on no text read: its default and what would settle it. */
export type UnverifiedRule = {
  readonly citation: string;
  /** The rule as applied, with its default, in Vietnamese. */
  readonly rule: string;
  /** The text that would settle it. */
  readonly settle: string;
};

type Key = keyof typeof CITATIONS;

// One line per unverified citation (docs/rules.md, "Unverified rules", says the same in English).
const NOTES: Readonly<Partial<Record<Key, { rule: string; settle: string }>>> = Object.freeze({
  law2013Art27: {
    rule: 'Tiêu chuẩn "Tập thể lao động xuất sắc" trước 2024: như Luật 2022 Điều 27, thêm không có thành viên bị kỷ luật từ cảnh cáo',
    settle: 'Luật Thi đua, khen thưởng 2003 (sửa đổi 2013), Điều 27',
  },
  oldPending: {
    rule: 'Trước 2024: chưa khen thưởng khi đang xem xét kỷ luật (áp dụng)',
    settle: 'Điều về nguyên tắc khen thưởng của Nghị định 91/2017/NĐ-CP',
  },
  tt01Art1K5: {
    rule: 'Thời gian điều trị do bị thương khi làm nhiệm vụ và thời gian đi học được tính là thời gian công tác (áp dụng)',
    settle: 'Toàn văn Thông tư 01/2024/TT-BNV, Điều 1, khoản 5',
  },
  tt01Maternity: {
    rule: 'Thời gian nghỉ thai sản được tính theo Nghị định 98/2023/NĐ-CP (áp dụng)',
    settle: 'Điều khoản về nghỉ thai sản của Thông tư 01/2024/TT-BNV',
  },
  tt01Discipline: {
    rule: 'Từ 2024: bị kỷ luật từ khiển trách trở lên thì không xét "Lao động tiên tiến" (áp dụng)',
    settle: 'Điều khoản về kỷ luật của Thông tư 01/2024/TT-BNV và Thông tư 15/2025/TT-BNV',
  },
  nd98Art4: {
    rule: 'Nghị định 98: chưa khen thưởng khi đang xem xét kỷ luật, thanh tra (áp dụng)',
    settle: 'Nghị định 98/2023/NĐ-CP, Điều 4',
  },
  nd98Art58K1G: {
    rule: 'Giấy khen của Chủ tịch Ủy ban nhân dân cấp xã theo Nghị định 98: 0,15 lần mức lương cơ sở',
    settle: 'Nghị định 98/2023/NĐ-CP, Điều 58, khoản 1, điểm g',
  },
  nd98Art58K1E: {
    rule: 'Giấy khen khác theo Nghị định 98: 0,3 lần mức lương cơ sở',
    settle: 'Nghị định 98/2023/NĐ-CP, Điều 58, khoản 1, điểm e',
  },
  nd98Art58K1B: {
    rule: 'Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh theo Nghị định 98: 1,0 lần mức lương cơ sở',
    settle: 'Nghị định 98/2023/NĐ-CP, Điều 58, khoản 1, điểm b',
  },
  nd98Art58K2CCommune: {
    rule: 'Giấy khen cấp xã cho tập thể theo Nghị định 98: gấp 2 lần mức của cá nhân',
    settle: 'Toàn câu Nghị định 98/2023/NĐ-CP, Điều 58, khoản 2, điểm c',
  },
  nd98MoneyPrinciples: {
    rule: 'Nghị định 98: nhiều danh hiệu cùng thời gian tính chỉ nhận tiền danh hiệu cao nhất; khác thời gian thì nhận từng danh hiệu',
    settle: 'Điều về nguyên tắc tính tiền thưởng của Nghị định 98/2023/NĐ-CP',
  },
  nd91MoneyPrinciples: {
    rule: 'Trước 2024: nguyên tắc tiền thưởng khi đạt nhiều danh hiệu áp dụng như Nghị định 152',
    settle: 'Toàn văn Nghị định 91/2017/NĐ-CP, Điều 68',
  },
  nd152Art46K3B: {
    rule: 'Quỹ thi đua, khen thưởng cấp xã tối đa 1,0 % chi ngân sách thường xuyên',
    settle: 'Nghị định 152/2025/NĐ-CP, Điều 46, khoản 3',
  },
  nd152Art54K1E: {
    rule: 'Giấy khen theo Nghị định 152: 0,3 lần mức lương cơ sở',
    settle: 'Nghị định 152/2025/NĐ-CP, Điều 54, khoản 1, điểm e',
  },
  nd152Art54Collective: {
    rule: 'Nghị định 152: tập thể gấp 2 lần, hộ gia đình gấp 1,5 lần mức của cá nhân',
    settle: 'Các khoản về tập thể, hộ gia đình của Nghị định 152/2025/NĐ-CP, Điều 54',
  },
  nd122: {
    rule: '"Gia đình văn hóa" trước 30/01/2024: đối chiếu theo 3 tiêu chí của Nghị định 86/2023/NĐ-CP',
    settle: 'Tiêu chuẩn của Nghị định 122/2018/NĐ-CP',
  },
  bacNinhQd86Art4K2B: {
    rule: '"Tập thể lao động tiên tiến": ít nhất 70 % đạt "Lao động tiên tiến", không ai bị kỷ luật từ cảnh cáo (mẫu tỉnh Bắc Ninh)',
    settle: 'Quy định thi đua, khen thưởng của tỉnh An Giang',
  },
  bacNinhQd86Art8: {
    rule: 'Hội đồng họp khi có 2/3 thành viên; xét khen thưởng cần 80 % (mẫu tỉnh Bắc Ninh)',
    settle: 'Quy định thi đua, khen thưởng của tỉnh An Giang',
  },
  anGiangQd21: {
    rule: 'Chưa nhập quy định của tỉnh An Giang; dùng mặc định của luật',
    settle: 'Quyết định 21/2024/QĐ-UBND tỉnh An Giang (hoặc quy định mới sau sáp nhập)',
  },
  tthcCanTho: {
    rule: 'Thời hạn giải quyết hồ sơ: 20 ngày làm việc (mẫu của Cần Thơ)',
    settle: 'Danh mục thủ tục hành chính đã công bố của tỉnh An Giang',
  },
  fundNd91: {
    rule: 'Trước 2024: quỹ thi đua, khen thưởng cấp xã tối đa 1,0 %',
    settle: 'Nghị định 91/2017/NĐ-CP, Điều 65',
  },
  fundNd98: {
    rule: 'Nghị định 98: quỹ thi đua, khen thưởng cấp xã tối đa 1,0 %',
    settle: 'Điều về quỹ thi đua, khen thưởng của Nghị định 98/2023/NĐ-CP',
  },
  oldAgencyHead: {
    rule: 'Trước 2024: thủ trưởng cơ quan chuyên môn thuộc tỉnh tặng "Tập thể lao động tiên tiến", "Chiến sĩ thi đua cơ sở", "Lao động tiên tiến", Giấy khen (cho phép)',
    settle: 'Điều về thẩm quyền của Luật Thi đua, khen thưởng 2003 (sửa đổi 2013)',
  },
  newNoMinimum: {
    rule: 'Từ 2024: không đặt số tháng công tác tối thiểu và không trừ thời gian nghỉ không lương cho người không mới tuyển dụng',
    settle: 'Toàn văn Thông tư 01/2024/TT-BNV, Điều 1, khoản 5 và Thông tư 15/2025/TT-BNV',
  },
});

/** The keys of unverified citations that have no note above (a test keeps this empty). */
export function unverifiedCitationsWithoutNote(): string[] {
  return (Object.keys(CITATIONS) as Key[]).filter((k) => !CITATIONS[k].verified && !NOTES[k]);
}

const BY_TEXT: ReadonlyMap<string, UnverifiedRule> = new Map(
  (Object.keys(NOTES) as Key[]).map((k) => {
    const n = NOTES[k] as { rule: string; settle: string };
    return [CITATIONS[k].text, Object.freeze({ citation: CITATIONS[k].text, ...n })];
  }),
);

const ROUNDING_TEXTS = new Set([
  CITATIONS.nd91Art68K2.text,
  CITATIONS.nd98Rounding.text,
  CITATIONS.nd152Art49K2.text,
]);

/**
 * What to tell the user about an unverified citation. A citation without its own note (a province
 * parameter, a rounding mode) still names itself; the text that settles it is the cited one.
 */
export function unverifiedRule(citation: string): UnverifiedRule {
  const known = BY_TEXT.get(citation);
  if (known) return known;
  if (ROUNDING_TEXTS.has(citation)) {
    return {
      citation,
      rule: 'Làm tròn số tiền đến hàng chục nghìn đồng gần nhất ("làm tròn số lên" chưa rõ là làm tròn lên hay gần nhất)',
      settle: 'Ví dụ tính tiền thưởng chính thức của Bộ Nội vụ hoặc Sở Nội vụ',
    };
  }
  return { citation, rule: 'Áp dụng theo mặc định đã ghi ở căn cứ', settle: `Văn bản gốc của ${citation}` };
}
