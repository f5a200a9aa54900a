// Every article the rules rest on, in one place, as written in Vietnamese decisions.
// `verified: true` only where the sentence of the text itself was read (the text, or a page quoting
// it); a rule read only in a press or secondary summary, or inferred from context, is `false`
// (shared/domain/legal-brief.md, legal-followup.md; the walk is tabled in docs/rules.md).

export type Citation = { readonly text: string; readonly verified: boolean };

const c = (text: string, verified: boolean): Citation => Object.freeze({ text, verified });

export const CITATIONS = Object.freeze({
  law2013Art22: c(
    'Luật Thi đua, khen thưởng 2003 (sửa đổi, bổ sung 2013), Điều 22; Nghị định 91/2017/NĐ-CP, Điều 9, khoản 2',
    true,
  ),
  law2013Art23: c('Luật Thi đua, khen thưởng 2003 (sửa đổi, bổ sung 2013), Điều 23', true),
  law2013Art24: c('Luật Thi đua, khen thưởng 2003 (sửa đổi, bổ sung 2013), Điều 24', true),
  law2013Art27: c('Luật Thi đua, khen thưởng 2003 (sửa đổi, bổ sung 2013), Điều 27', false),
  law2013Art28: c('Luật Thi đua, khen thưởng 2003 (sửa đổi, bổ sung 2013), Điều 28', true),
  nd91Art9K3: c('Nghị định 91/2017/NĐ-CP, Điều 9, khoản 3', true),
  nd91Art10: c('Nghị định 91/2017/NĐ-CP, Điều 10', true),
  nd91Art45K8: c('Nghị định 91/2017/NĐ-CP, Điều 45, khoản 8', true),
  nd91Art68K2: c('Nghị định 91/2017/NĐ-CP, Điều 68, khoản 2', true),
  nd91Art69: c('Nghị định 91/2017/NĐ-CP, Điều 69', true),
  nd91Art73: c('Nghị định 91/2017/NĐ-CP, Điều 73', true),
  nd91Art73K1D: c('Nghị định 91/2017/NĐ-CP, Điều 73, khoản 1, điểm d', true),
  nd91Art73K2B: c('Nghị định 91/2017/NĐ-CP, Điều 73, khoản 2, điểm b', true),
  oldPending: c(
    'Nguyên tắc chưa khen thưởng khi đang xem xét kỷ luật (chế độ Nghị định 91/2017/NĐ-CP; điều khoản chưa đối chiếu)',
    false,
  ),
  law2022Art5: c('Luật Thi đua, khen thưởng 2022, Điều 5', true),
  // Khoản 1 điểm a quoted in a TVPL Q&A: "… trong số những cá nhân có 03 lần liên tục được tặng
  // danh hiệu “Chiến sĩ thi đua cơ sở”".
  law2022Art22: c('Luật Thi đua, khen thưởng 2022, Điều 22, khoản 1, điểm a', true),
  law2022Art23: c('Luật Thi đua, khen thưởng 2022, Điều 23', true),
  law2022Art24K1: c('Luật Thi đua, khen thưởng 2022, Điều 24, khoản 1', true),
  law2022Art27K1: c('Luật Thi đua, khen thưởng 2022, Điều 27, khoản 1', true),
  law2022Art28K3: c('Luật Thi đua, khen thưởng 2022, Điều 28, khoản 3', true),
  law2022Art75: c('Luật Thi đua, khen thưởng 2022, Điều 75', true),
  // "Thủ trưởng cơ quan chuyên môn thuộc Ủy ban nhân dân cấp tỉnh và tương đương quyết định tặng danh
  // hiệu “Tập thể lao động tiên tiến”, “Chiến sĩ thi đua cơ sở”, “Lao động tiên tiến” và giấy khen."
  law2022Art80K1: c('Luật Thi đua, khen thưởng 2022, Điều 80, khoản 1', true),
  law2022Art80K2: c('Luật Thi đua, khen thưởng 2022, Điều 80, khoản 2', true),
  law2022Art80K3: c('Luật Thi đua, khen thưởng 2022, Điều 80, khoản 3', true),
  law2022Art94: c('Luật Thi đua, khen thưởng 2022, Điều 94', true),
  law2022Ch7: c('Luật Thi đua, khen thưởng 2022, Chương VII (thu hồi hiện vật và tiền thưởng)', true),
  // Injury treatment and training counted: read only in press summaries of the circular; that they
  // sit in Điều 1 khoản 5 is inferred from the new-hire rule's place (điểm d).
  tt01Art1K5: c('Thông tư 01/2024/TT-BNV, Điều 1, khoản 5 (chỉ đọc bản tóm tắt báo chí)', false),
  tt01Art1K5D: c('Thông tư 01/2024/TT-BNV, Điều 1, khoản 5, điểm d', true),
  tt01Maternity: c('Thông tư 01/2024/TT-BNV (thời gian nghỉ thai sản; nội dung chưa đối chiếu)', false),
  tt01Discipline: c(
    'Nghị định 98/2023/NĐ-CP, Điều 4; Thông tư 01/2024/TT-BNV (kỷ luật từ khiển trách trở lên; nội dung chưa đối chiếu)',
    false,
  ),
  // Read only in a summary of the decree's new points (Ban Quản lý Lăng).
  nd98Art4: c('Nghị định 98/2023/NĐ-CP, Điều 4 (chỉ đọc bản tóm tắt)', false),
  nd98Art30K7: c('Nghị định 98/2023/NĐ-CP, Điều 30, khoản 7', true),
  nd98Art54: c('Nghị định 98/2023/NĐ-CP, Điều 54', true),
  // 0,15 read only in a press article (Lao Động), not in the clause.
  nd98Art58K1G: c('Nghị định 98/2023/NĐ-CP, Điều 58, khoản 1, điểm g (chỉ đọc bản tin báo chí)', false),
  nd98Art58K1E: c('Nghị định 98/2023/NĐ-CP, Điều 58, khoản 1, điểm e', false),
  nd98Art58K1B: c('Nghị định 98/2023/NĐ-CP, Điều 58, khoản 1, điểm b', false),
  // The quoted sentence stops at "… cá nhân quy định tại điểm e khoản 1 Điều này …".
  nd98Art58K2C: c('Nghị định 98/2023/NĐ-CP, Điều 58, khoản 2, điểm c', true),
  // That the same ×2 covers the commune chairman's Giấy khen (điểm g) is an inference.
  nd98Art58K2CCommune: c(
    'Nghị định 98/2023/NĐ-CP, Điều 58, khoản 2, điểm c (áp dụng cho Giấy khen của Chủ tịch Ủy ban nhân dân cấp xã là suy luận)',
    false,
  ),
  // The money principles of NĐ 98 were read only in a press summary (VGP / Phụ nữ Việt Nam):
  // several titles or forms for different periods or achievements are each paid.
  nd98MoneyPrinciples: c(
    'Nghị định 98/2023/NĐ-CP (nguyên tắc tính tiền thưởng; chỉ đọc bản tóm tắt báo chí, điều khoản chưa đối chiếu)',
    false,
  ),
  nd98Rounding: c('Nghị định 98/2023/NĐ-CP (làm tròn số lên hàng chục nghìn đồng)', true),
  nd152Art4: c('Nghị định 152/2025/NĐ-CP, Điều 4', true),
  nd152Art4K4: c('Nghị định 152/2025/NĐ-CP, Điều 4, khoản 4', true),
  nd152Art4K5: c('Nghị định 152/2025/NĐ-CP, Điều 4, khoản 5', true),
  nd152Art4K6: c('Nghị định 152/2025/NĐ-CP, Điều 4, khoản 6', true),
  nd152Art6K2C: c('Nghị định 152/2025/NĐ-CP, Điều 6, khoản 2, điểm c', true),
  nd152Art46K3B: c('Nghị định 152/2025/NĐ-CP, Điều 46, khoản 3, điểm b (chỉ đọc bản tin báo chí)', false),
  nd152Art49K2: c('Nghị định 152/2025/NĐ-CP, Điều 49, khoản 2', true),
  // Khoản 5, second sentence: same counted time → only the highest title is paid.
  nd152Art49K5: c('Nghị định 152/2025/NĐ-CP, Điều 49, khoản 5', true),
  // Khoản 5, first sentence: different counted time → each title is paid.
  nd152Art49K5Different: c(
    'Nghị định 152/2025/NĐ-CP, Điều 49, khoản 5 (thời gian được tính khác nhau)',
    true,
  ),
  nd152Art49K6: c('Nghị định 152/2025/NĐ-CP, Điều 49, khoản 6', true),
  nd152Art49K7: c('Nghị định 152/2025/NĐ-CP, Điều 49, khoản 7', true),
  nd152Art50: c('Nghị định 152/2025/NĐ-CP, Điều 50', true),
  nd152Art54: c('Nghị định 152/2025/NĐ-CP, Điều 54', true),
  // 0,3 read only in a press article (Lao Động, English edition), not in the clause.
  nd152Art54K1E: c('Nghị định 152/2025/NĐ-CP, Điều 54, khoản 1, điểm e (chỉ đọc bản tin báo chí)', false),
  // Collective ×2 and household ×1,5: a TVPL summary table, not the clause text.
  nd152Art54Collective: c(
    'Nghị định 152/2025/NĐ-CP, Điều 54 (mức thưởng tập thể, hộ gia đình; chỉ đọc bảng tóm tắt)',
    false,
  ),
  nd152Art59: c('Nghị định 152/2025/NĐ-CP, Điều 59', true),
  nd129Art59: c('Nghị định 129/2025/NĐ-CP, Điều 59', true),
  tt15Dissolved: c(
    'Thông tư 15/2025/TT-BNV (không khen thưởng cơ quan, đơn vị đã giải thể do sắp xếp)',
    true,
  ),
  nd86: c('Nghị định 86/2023/NĐ-CP (khung tiêu chuẩn danh hiệu “Gia đình văn hóa”)', true),
  nd122: c(
    'Nghị định 122/2018/NĐ-CP (tiêu chuẩn danh hiệu “Gia đình văn hóa”; nội dung chưa đối chiếu)',
    false,
  ),
  bacNinhQd86Art4K2B: c(
    'Mẫu: Quyết định 86/2025/QĐ-UBND tỉnh Bắc Ninh, Điều 4, khoản 2, điểm b (chưa có quy định của tỉnh An Giang)',
    false,
  ),
  bacNinhQd86Art8: c(
    'Mẫu: Quyết định 86/2025/QĐ-UBND tỉnh Bắc Ninh, Điều 8 (chưa có quy định của tỉnh An Giang)',
    false,
  ),
  // Its heading was read (thuvienphapluat.vn: 26/06/2024, in force 10/07/2024, under Luật 2022 and
  // NĐ 98); its body — the criteria — was not.
  anGiangQd21: c(
    'Quyết định 21/2024/QĐ-UBND ngày 26/6/2024 của Ủy ban nhân dân tỉnh An Giang (hiệu lực từ 10/7/2024; nội dung tiêu chuẩn chưa đối chiếu)',
    false,
  ),
  tthcCanTho: c(
    'Thủ tục hành chính 1.012379.H13 (Cần Thơ) — mẫu thời hạn giải quyết, chưa có của An Giang',
    false,
  ),
  fundNd91: c(
    'Nghị định 91/2017/NĐ-CP, Điều 65 (quỹ cấp tỉnh, cấp xã 1,0 %/1,5 %; chỉ đọc bản tóm tắt của Sở Nội vụ)',
    false,
  ),
  nd91MoneyPrinciples: c(
    'Nghị định 91/2017/NĐ-CP, Điều 68 (nguyên tắc tính tiền thưởng khi đạt nhiều danh hiệu; nội dung chưa đối chiếu)',
    false,
  ),
  // Old-regime authority of heads of provincial specialised agencies: not read in Luật 2003 (sửa
  // đổi 2013) or NĐ 91; kept as in Luật 2022 Điều 80 khoản 1, flagged.
  oldAgencyHead: c(
    'Luật Thi đua, khen thưởng 2003 (sửa đổi 2013) — thẩm quyền của thủ trưởng cơ quan chuyên môn thuộc Ủy ban nhân dân tỉnh (chưa đối chiếu)',
    false,
  ),
  // Absences: which counted months a person needs apart from a new hire.
  nd91Art10NoMinimum: c(
    'Nghị định 91/2017/NĐ-CP, Điều 10 (chỉ loại trừ người mới tuyển dụng dưới 10 tháng và người bị kỷ luật từ khiển trách trở lên)',
    true,
  ),
  newNoMinimum: c(
    'Thông tư 01/2024/TT-BNV, Điều 1, khoản 5 (chỉ đọc điểm d về người mới tuyển dụng; chưa thấy thời gian công tác tối thiểu cho người khác)',
    false,
  ),
  fundNd98: c('Nghị định 98/2023/NĐ-CP (quỹ cấp tỉnh, cấp xã; điều khoản chưa đối chiếu)', false),
});
