// Vietnamese labels of the council's code names (glossary), kept in the web app so the bundle
// never pulls server code.

export const MEMBER_ROLE_LABELS: Readonly<Record<string, string>> = {
  chairman: 'Chủ tịch Hội đồng',
  vice_chairman: 'Phó Chủ tịch Hội đồng',
  member: 'Ủy viên',
  secretary: 'Thư ký',
};

export const SESSION_STATUS_LABELS: Readonly<Record<'planned' | 'open' | 'closed', string>> = {
  planned: 'Chưa họp',
  open: 'Đang họp',
  closed: 'Đã kết thúc',
};

export const ITEM_STATUS_LABELS: Readonly<Record<'pending' | 'voting' | 'closed', string>> = {
  pending: 'Chưa biểu quyết',
  voting: 'Đang bỏ phiếu',
  closed: 'Đã kết thúc bỏ phiếu',
};

export const CHOICE_LABELS: Readonly<Record<'yes' | 'no' | 'abstain', string>> = {
  yes: 'Đồng ý',
  no: 'Không đồng ý',
  abstain: 'Không biểu quyết',
};
