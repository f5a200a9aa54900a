import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Flex, Input, List, Typography, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { z } from 'zod';
import { TrustedRoot } from '../../../contracts/signatures.ts';
import { apiGet, apiSend } from '../../lib/api.ts';
import { formatDate, formatDateTime } from '../../lib/format.ts';
import { allows, useCurrentSession } from '../../app/session.ts';
import { showError, showSuccess } from '../../app/feedback.ts';
import { EmptyState } from '../../components/empty-state.tsx';
import { LoadError } from '../../components/load-error.tsx';
import { Page } from '../../components/page.tsx';
import { fileToBase64 } from '../decisions/decision-labels.ts';

/** The roots the instance trusts when it verifies a signed PDF (admin installs, others read). */
export function TrustedRootsPage() {
  const client = useQueryClient();
  const { modal } = App.useApp();
  const session = useCurrentSession();
  const isAdmin = allows(session, ['admin']);
  const [note, setNote] = useState('');
  const roots = useQuery({
    queryKey: ['trusted-roots'],
    queryFn: ({ signal }) => apiGet('/api/v1/admin/trusted-roots', z.array(TrustedRoot), undefined, signal),
  });
  const install = useMutation({
    mutationFn: async (file: File) =>
      apiSend('POST', '/api/v1/admin/trusted-roots', z.array(TrustedRoot), {
        contentBase64: await fileToBase64(file),
        note: note.trim() || null,
      }),
    onSuccess: async (r) => {
      showSuccess(`Đã cài ${r.length} chứng thư gốc tin cậy.`);
      setNote('');
      await client.invalidateQueries({ queryKey: ['trusted-roots'] });
    },
    onError: showError,
  });
  const remove = useMutation({
    mutationFn: (id: string) =>
      apiSend('DELETE', `/api/v1/admin/trusted-roots/${id}`, z.object({ ok: z.literal(true) })),
    onSuccess: async () => {
      showSuccess('Đã gỡ chứng thư gốc.');
      await client.invalidateQueries({ queryKey: ['trusted-roots'] });
    },
    onError: showError,
  });
  return (
    <Page
      title="Chứng thư gốc tin cậy"
      subtitle="Chữ ký số trên bản ký tải lên chỉ được chấp nhận khi chứng thư của người ký thuộc một chứng thư gốc dưới đây (ví dụ chứng thư gốc của Ban Cơ yếu Chính phủ)."
    >
      {isAdmin && (
        <Card size="small" title="Cài chứng thư gốc">
          <Flex vertical gap={8} style={{ maxWidth: 560 }}>
            <Input
              aria-label="Ghi chú"
              placeholder="Ghi chú (ví dụ: Ban Cơ yếu Chính phủ, tải từ trang chính thức)"
              value={note}
              onChange={(e) => setNote(e.target.value)}
            />
            <Upload
              accept=".cer,.crt,.pem,.der"
              maxCount={1}
              showUploadList={false}
              beforeUpload={(f) => {
                install.mutate(f);
                return false;
              }}
            >
              <Button icon={<UploadOutlined />} loading={install.isPending}>
                Chọn tệp chứng thư (.cer, .crt, .pem)
              </Button>
            </Upload>
          </Flex>
        </Card>
      )}
      <Card size="small" title="Đã cài">
        {roots.isPending ? null : roots.isError ? (
          <LoadError title="Không tải được danh sách chứng thư gốc." error={roots.error} />
        ) : roots.data.length === 0 ? (
          <EmptyState
            title="Chưa cài chứng thư gốc nào"
            hint="Mọi bản ký có chữ ký số sẽ bị từ chối cho đến khi quản trị viên cài chứng thư gốc của tổ chức cấp chứng thư số."
          />
        ) : (
          <List
            dataSource={roots.data}
            renderItem={(r) => (
              <List.Item
                actions={
                  isAdmin
                    ? [
                        <Button
                          key="remove"
                          danger
                          size="small"
                          onClick={() =>
                            modal.confirm({
                              title: `Gỡ chứng thư gốc "${r.commonName ?? r.subject}"?`,
                              content: 'Bản ký mới có chữ ký số thuộc gốc này sẽ bị từ chối.',
                              okText: 'Gỡ',
                              cancelText: 'Giữ lại',
                              onOk: () => remove.mutateAsync(r.id),
                            })
                          }
                        >
                          Gỡ
                        </Button>,
                      ]
                    : []
                }
              >
                <List.Item.Meta
                  title={r.commonName ?? r.subject}
                  description={
                    <Flex vertical style={{ overflowWrap: 'anywhere' }}>
                      <span>{r.subject}</span>
                      <span>
                        Hiệu lực {formatDate(r.notBefore.slice(0, 10))} –{' '}
                        {formatDate(r.notAfter.slice(0, 10))}; cài lúc {formatDateTime(r.installedAt)}
                      </span>
                      {r.note && <span>{r.note}</span>}
                      <Typography.Text type="secondary" copyable>
                        SHA-256 {r.sha256}
                      </Typography.Text>
                    </Flex>
                  }
                />
              </List.Item>
            )}
          />
        )}
      </Card>
    </Page>
  );
}
