// Labels and colours of the nomination pages (the server sends the status label; the colour and
// the action buttons are the web app's).

export const NOMINATION_STATUS_OPTIONS: readonly { value: string; label: string; color: string }[] = [
  { value: 'draft', label: 'Đang soạn', color: 'default' },
  { value: 'submitted', label: 'Đã gửi, chờ duyệt', color: 'blue' },
  { value: 'returned', label: 'Bị trả lại', color: 'orange' },
  { value: 'accepted', label: 'Đã tiếp nhận', color: 'cyan' },
  { value: 'at_council', label: 'Đang trình Hội đồng', color: 'purple' },
  { value: 'approved', label: 'Hội đồng đề nghị khen', color: 'green' },
  { value: 'not_approved', label: 'Hội đồng không đề nghị', color: 'red' },
  { value: 'decided', label: 'Đã có quyết định', color: 'success' },
  { value: 'forwarded', label: 'Đã trình cấp trên', color: 'geekblue' },
  { value: 'result_recorded', label: 'Đã ghi nhận kết quả cấp trên', color: 'default' },
];

export const statusColor = (status: string): string =>
  NOMINATION_STATUS_OPTIONS.find((s) => s.value === status)?.color ?? 'default';

export const SUBJECT_KIND_LABELS: Readonly<Record<string, string>> = {
  individual: 'Cá nhân',
  collective: 'Tập thể',
  household: 'Hộ gia đình',
};

export const DOSSIER_PART_OPTIONS: readonly { value: string; label: string }[] = [
  { value: 'proposal_letter', label: 'Tờ trình đề nghị khen thưởng' },
  { value: 'achievement_report', label: 'Báo cáo thành tích' },
  { value: 'evaluation_minutes', label: 'Biên bản bình xét thi đua / xét khen thưởng' },
  { value: 'initiative_proof', label: 'Văn bản công nhận sáng kiến, đề tài' },
  { value: 'summary_report', label: 'Báo cáo tóm tắt thành tích' },
  { value: 'other', label: 'Tài liệu khác' },
];

/** The status actions a user takes on the detail page, in the order the buttons appear. */
export type NominationUserAction = 'submit' | 'accept' | 'return' | 'forward' | 'record_result';

export const ACTION_BUTTONS: Readonly<
  Record<NominationUserAction, { path: string; label: string; confirm: string | null; danger?: boolean }>
> = {
  submit: {
    path: 'submit',
    label: 'Gửi hồ sơ',
    confirm:
      'Gửi hồ sơ lên cơ quan xét khen thưởng? Sau khi gửi, đơn vị không sửa được cho đến khi bị trả lại.',
  },
  accept: {
    path: 'accept',
    label: 'Tiếp nhận hồ sơ',
    confirm: 'Tiếp nhận hồ sơ? Hồ sơ đủ thành phần sẽ được đưa vào danh sách trình Hội đồng.',
  },
  return: { path: 'return', label: 'Trả lại', confirm: null, danger: true },
  forward: { path: 'forward', label: 'Trình cấp trên', confirm: null },
  record_result: { path: 'result', label: 'Ghi nhận kết quả cấp trên', confirm: null },
};

export const ACTION_ORDER: readonly NominationUserAction[] = [
  'submit',
  'accept',
  'forward',
  'record_result',
  'return',
];
