import { Link, useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Skeleton } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { PersonDetail } from '../../../contracts/people.ts';
import { ApiError, apiGet } from '../../lib/api.ts';
import { EmptyState } from '../../components/empty-state.tsx';
import { Page } from '../../components/page.tsx';
import { PersonRecord } from './person-record.tsx';

/** One person's record, opened from the people list or a link elsewhere. */
export function PersonPage() {
  const { id = '' } = useParams();
  const person = useQuery({
    queryKey: ['people', 'detail', id],
    queryFn: ({ signal }) =>
      apiGet(`/api/v1/people/${encodeURIComponent(id)}`, PersonDetail, undefined, signal),
    meta: { silent: true },
  });
  const back = (
    <Link to="/people">
      <Button icon={<ArrowLeftOutlined />}>Danh sách cán bộ</Button>
    </Link>
  );
  if (person.isPending) {
    return (
      <Page title="Hồ sơ cán bộ">
        <Skeleton active />
      </Page>
    );
  }
  if (person.isError) {
    const missing =
      person.error instanceof ApiError && (person.error.status === 404 || person.error.status === 400);
    return (
      <Page title="Hồ sơ cán bộ" extra={back}>
        <Card size="small">
          <EmptyState
            title={missing ? 'Không tìm thấy cán bộ này.' : person.error.message}
            hint={
              missing
                ? 'Cán bộ không tồn tại hoặc không thuộc phạm vi đơn vị của bạn. Hãy tìm lại trong danh sách cán bộ.'
                : 'Vui lòng thử lại sau ít phút.'
            }
          />
        </Card>
      </Page>
    );
  }
  const p = person.data;
  return (
    <Page title={p.fullName} subtitle={[p.position, p.orgUnitName].filter(Boolean).join(' — ')} extra={back}>
      <PersonRecord person={p} />
    </Page>
  );
}
