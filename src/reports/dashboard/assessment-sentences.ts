import type { UnitParticipation } from '../../contracts/dashboard.ts';

/**
 * Sentences the officer pastes into the annual report's assessment (Nhận xét). The seed report
 * states "Phong trào thi đua giữa các ban ngành, đoàn thể và xóm không đồng đều" without figures;
 * these say the same with the year's figures. Pure, so each wording is tested.
 */

const pct = (v: number | null): string => (v === null ? '—' : `${formatDecimal(v)}%`);

export function formatDecimal(v: number): string {
  return Number.isInteger(v) ? String(v) : v.toFixed(1).replace('.', ',');
}

function listNames(names: readonly string[], max = 5): string {
  if (names.length <= max) return names.join(', ');
  return `${names.slice(0, max).join(', ')} và ${names.length - max} đơn vị khác`;
}

export function participationSentence(year: number, units: readonly UnitParticipation[]): string {
  const withMembers = units.filter((u) => u.members > 0);
  if (withMembers.length === 0)
    return `Năm ${year}, chưa có số liệu về số người của các đơn vị để so sánh mức độ tham gia.`;
  const sorted = [...withMembers].sort((a, b) => b.index - a.index);
  const top = sorted[0]!;
  const bottom = sorted[sorted.length - 1]!;
  const mean = withMembers.reduce((s, u) => s + u.index, 0) / withMembers.length;
  const spread = top.index - bottom.index;
  const uneven = mean > 0 ? spread / mean >= 1 : spread > 0;
  const verdict = uneven
    ? 'phong trào thi đua giữa các đơn vị chưa đồng đều'
    : 'mức độ tham gia giữa các đơn vị tương đối đồng đều';
  return (
    `Năm ${year}, chỉ số tham gia thi đua bình quân của ${withMembers.length} đơn vị là ${formatDecimal(Math.round(mean * 10) / 10)} ` +
    `(tính trên 100 người); cao nhất là ${top.name} (${formatDecimal(top.index)}), thấp nhất là ${bottom.name} ` +
    `(${formatDecimal(bottom.index)}), cho thấy ${verdict}.`
  );
}

export function withoutNominationSentence(year: number, names: readonly string[], unitCount: number): string {
  if (names.length === 0) return `Năm ${year}, tất cả ${unitCount} đơn vị đều có đề nghị khen thưởng.`;
  return (
    `Năm ${year}, còn ${names.length}/${unitCount} đơn vị chưa có đề nghị khen thưởng nào: ${listNames(names)}; ` +
    'cần quan tâm hướng dẫn, kiểm tra việc phát hiện, đề xuất khen thưởng ở các đơn vị này.'
  );
}

export function leaderSentence(
  year: number,
  individualsAwarded: number,
  leadersAwarded: number,
  leaderShareAwarded: number | null,
  leaderShareStaff: number | null,
): string {
  if (individualsAwarded === 0) return `Năm ${year}, chưa có cá nhân nào được khen thưởng.`;
  const base =
    `Trong ${individualsAwarded} cá nhân được khen thưởng năm ${year}, có ${leadersAwarded} người giữ chức vụ lãnh đạo, quản lý ` +
    `(${pct(leaderShareAwarded)}), trong khi lãnh đạo, quản lý chiếm ${pct(leaderShareStaff)} tổng số cán bộ`;
  if (
    leaderShareAwarded !== null &&
    leaderShareStaff !== null &&
    leaderShareAwarded > leaderShareStaff * 1.5
  ) {
    // Luật TĐKT 2022, Điều 5 (nguyên tắc khen thưởng): chú trọng người trực tiếp lao động, công tác.
    return `${base}; cần chú trọng hơn khen thưởng người trực tiếp lao động, công tác (Luật Thi đua, khen thưởng 2022, Điều 5).`;
  }
  return `${base}.`;
}

export function genderSentence(
  year: number,
  individualsAwarded: number,
  womenAwarded: number,
  womenShareAwarded: number | null,
  womenShareStaff: number | null,
): string {
  if (individualsAwarded === 0)
    return `Năm ${year}, chưa có cá nhân nào được khen thưởng để đánh giá tỷ lệ nữ.`;
  const base =
    `Nữ chiếm ${pct(womenShareAwarded)} số cá nhân được khen thưởng năm ${year} (${womenAwarded}/${individualsAwarded} người), ` +
    `so với ${pct(womenShareStaff)} trong tổng số cán bộ`;
  if (womenShareAwarded !== null && womenShareStaff !== null && womenShareAwarded + 10 < womenShareStaff) {
    return `${base}; tỷ lệ nữ được khen thưởng còn thấp so với tỷ lệ nữ trong đội ngũ.`;
  }
  return `${base}.`;
}

export function forecastSentence(
  year: number,
  total: number,
  available: number | null,
  fmt: (n: number) => string,
): string {
  if (available === null) {
    return `Dự kiến tiền thưởng cho các đề nghị năm ${year} là ${fmt(total)}; quỹ thi đua, khen thưởng năm ${year} chưa được lập nên chưa so sánh được.`;
  }
  if (total <= available) {
    return `Dự kiến tiền thưởng cho các đề nghị năm ${year} là ${fmt(total)}, trong khả năng chi của quỹ (còn ${fmt(available)}).`;
  }
  return (
    `Dự kiến tiền thưởng cho các đề nghị năm ${year} là ${fmt(total)}, vượt ${fmt(total - available)} so với số quỹ còn có thể chi ` +
    `(${fmt(available)}); cần bổ sung nguồn hoặc cân nhắc trước khi Hội đồng họp.`
  );
}
