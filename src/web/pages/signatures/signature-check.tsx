import { Alert, Flex, Tag, Typography } from 'antd';
import type { PdfVerification } from '../../../contracts/signatures.ts';
import { formatDate, formatDateTime } from '../../lib/format.ts';

const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/gi, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();

/**
 * What the digital signatures of a signed copy say: the signer read from the certificate beside
 * the signer chosen for the decision (a mismatch is flagged), the signing time and where it comes
 * from, and every problem or limit in Vietnamese.
 */
export function SignatureCheckView({
  check,
  chosenSigner,
}: {
  check: PdfVerification | null;
  chosenSigner: string | null;
}) {
  if (!check) return <Typography.Text type="secondary">Chưa kiểm tra chữ ký số.</Typography.Text>;
  if (check.kind !== 'signed') {
    return (
      <Tag data-testid="signature-none" color="default">
        không có chữ ký số
      </Tag>
    );
  }
  return (
    <Flex vertical gap={8} data-testid="signature-check">
      {check.signatures.map((s, i) => {
        const certName = s.signer?.commonName ?? null;
        const mismatch = !!certName && !!chosenSigner && fold(certName) !== fold(chosenSigner);
        return (
          <Alert
            key={i}
            type={!s.valid ? 'error' : mismatch ? 'warning' : 'success'}
            showIcon
            title={
              s.valid
                ? `Chữ ký số hợp lệ${check.signatures.length > 1 ? ` (chữ ký thứ ${i + 1})` : ''}`
                : 'Chữ ký số không hợp lệ'
            }
            description={
              <Flex vertical gap={4} style={{ overflowWrap: 'anywhere' }}>
                <span>
                  Người ký theo chứng thư số: <b>{certName ?? '—'}</b>
                  {s.signer?.organization ? ` (${s.signer.organization})` : ''}
                </span>
                {chosenSigner && (
                  <span>
                    Người ký ghi trên quyết định: <b>{chosenSigner}</b>
                    {mismatch && (
                      <Tag color="orange" style={{ marginLeft: 8 }} data-testid="signer-mismatch">
                        không khớp
                      </Tag>
                    )}
                  </span>
                )}
                {s.chain.length > 1 && <span>Tổ chức cấp: {s.chain[s.chain.length - 1]?.commonName}</span>}
                {s.signer && (
                  <span>
                    Chứng thư có hiệu lực từ {formatDate(s.signer.notBefore.slice(0, 10))} đến{' '}
                    {formatDate(s.signer.notAfter.slice(0, 10))}
                  </span>
                )}
                {s.signingTime && (
                  <span>
                    Thời điểm ký: {formatDateTime(s.signingTime)}{' '}
                    {s.signingTimeSource === 'timestamp'
                      ? '(theo dấu thời gian)'
                      : '(do người ký tự khai, không có dấu thời gian)'}
                  </span>
                )}
                {s.problems.map((p) => (
                  <Typography.Text key={p.code} type="danger">
                    {p.message}
                  </Typography.Text>
                ))}
                {s.notes.map((n) => (
                  <Typography.Text key={n} type="secondary">
                    {n}
                  </Typography.Text>
                ))}
              </Flex>
            }
          />
        );
      })}
    </Flex>
  );
}
