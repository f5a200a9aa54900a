// Vietnamese labels of the decisions module's code names (glossary), kept in the web app.

export type DecisionKind = 'award' | 'correction' | 'amendment' | 'revocation';
export type DecisionStatus = 'draft' | 'issued' | 'revoked';

export const DECISION_KIND_LABELS: Readonly<Record<DecisionKind, string>> = {
  award: 'Khen thưởng',
  correction: 'Đính chính',
  amendment: 'Sửa đổi, bổ sung',
  revocation: 'Thu hồi',
};

export const DECISION_STATUS_LABELS: Readonly<Record<DecisionStatus, string>> = {
  draft: 'Dự thảo',
  issued: 'Đã ban hành',
  revoked: 'Đã bị thu hồi',
};

export const DECISION_STATUS_COLORS: Readonly<Record<DecisionStatus, string>> = {
  draft: 'gold',
  issued: 'green',
  revoked: 'red',
};

export const SUBJECT_KIND_LABELS: Readonly<Record<string, string>> = {
  individual: 'Cá nhân',
  collective: 'Tập thể',
  household: 'Hộ gia đình',
};

/** Reads a File as base64 (without the data: prefix), for the JSON upload of the signed copy. */
export function fileToBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onerror = () => reject(new Error('Không đọc được tệp đã chọn.'));
    reader.onload = () => {
      const text = String(reader.result);
      resolve(text.slice(text.indexOf(',') + 1));
    };
    reader.readAsDataURL(file);
  });
}
