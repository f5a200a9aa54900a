// Labels of the emulation pages: movement kinds, status colours and actions, covenant assessments.

export const MOVEMENT_KIND_LABELS: Readonly<Record<string, string>> = {
  regular: 'Thường xuyên',
  thematic: 'Chuyên đề, theo đợt',
};

export const MOVEMENT_STATUS_COLORS: Readonly<Record<string, string>> = {
  draft: 'default',
  launched: 'blue',
  in_progress: 'cyan',
  reviewed: 'green',
  closed: 'default',
};

/** Fields the seed report names (an ninh quốc phòng, kinh tế, giáo dục, văn hóa - xã hội, dân vận khéo). */
export const FIELD_SUGGESTIONS: readonly string[] = [
  'an ninh quốc phòng',
  'kinh tế',
  'giáo dục',
  'văn hóa - xã hội',
  'dân vận khéo',
  'xây dựng Đảng, chính quyền',
];

export type MovementActionCode = 'launch' | 'start' | 'review' | 'resume' | 'close';

/** The buttons of each status; `confirm` marks a step the user confirms before it happens. */
export const MOVEMENT_ACTIONS: Readonly<
  Record<string, readonly { action: MovementActionCode; label: string; confirm?: string; note?: boolean }[]>
> = {
  draft: [
    {
      action: 'launch',
      label: 'Phát động phong trào',
      confirm:
        'Phát động phong trào? Sau khi phát động, phong trào được công bố tới các đơn vị tham gia và không trở lại trạng thái soạn thảo.',
    },
  ],
  launched: [{ action: 'start', label: 'Bắt đầu triển khai' }],
  in_progress: [{ action: 'review', label: 'Sơ kết, tổng kết', note: true }],
  reviewed: [
    { action: 'resume', label: 'Tiếp tục triển khai sau sơ kết' },
    {
      action: 'close',
      label: 'Kết thúc phong trào',
      confirm:
        'Kết thúc phong trào? Không thể mở lại, không thêm chỉ tiêu và không cập nhật tiến độ được nữa.',
    },
  ],
  closed: [],
};

export const ASSESSMENT_LABELS: Readonly<Record<string, { label: string; color: string }>> = {
  met: { label: 'Đạt', color: 'green' },
  partly_met: { label: 'Đạt một phần', color: 'orange' },
  not_met: { label: 'Không đạt', color: 'red' },
};

export const REGISTRATION_STATUS: Readonly<Record<string, { label: string; color: string }>> = {
  submitted: { label: 'Chờ duyệt', color: 'blue' },
  accepted: { label: 'Đã chấp nhận', color: 'green' },
  returned: { label: 'Trả lại', color: 'orange' },
};
