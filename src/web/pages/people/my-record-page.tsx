import { useQuery } from '@tanstack/react-query';
import { Card, Skeleton } from 'antd';
import { PersonDetail } from '../../../contracts/people.ts';
import { ApiError, apiGet } from '../../lib/api.ts';
import { EmptyState } from '../../components/empty-state.tsx';
import { Page } from '../../components/page.tsx';
import { PersonRecord } from './person-record.tsx';

/** The signed-in user's own record (every role, including staff who see nothing else). */
export function MyRecordPage() {
  const record = useQuery({
    queryKey: ['me', 'record'],
    queryFn: ({ signal }) => apiGet('/api/v1/me/record', PersonDetail, undefined, signal),
    meta: { silent: true },
  });
  if (record.isPending) {
    return (
      <Page title="Hồ sơ của tôi">
        <Skeleton active />
      </Page>
    );
  }
  if (record.isError) {
    const missing = record.error instanceof ApiError && record.error.status === 404;
    return (
      <Page title="Hồ sơ của tôi">
        <Card size="small">
          <EmptyState
            title={missing ? 'Tài khoản của bạn chưa được gắn với hồ sơ cán bộ nào.' : record.error.message}
            hint={
              missing
                ? 'Hãy liên hệ cán bộ phụ trách thi đua, khen thưởng của đơn vị để gắn tài khoản với hồ sơ của bạn.'
                : 'Vui lòng thử lại sau ít phút.'
            }
          />
        </Card>
      </Page>
    );
  }
  return (
    <Page title="Hồ sơ của tôi" subtitle={`${record.data.fullName} — ${record.data.orgUnitName}`}>
      <PersonRecord person={record.data} />
    </Page>
  );
}
