import { Suspense, useEffect, useState } from 'react';
import { Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import { Button, Flex, Layout, Menu, Result, Space, Spin, Tag, Tooltip, Typography } from 'antd';
import { LogoutOutlined, TrophyOutlined, UserOutlined } from '@ant-design/icons';
import { ROLE_LABELS } from '../lib/labels.ts';
import { showError } from './feedback.ts';
import { PAGES, type PageRoute } from './routes.tsx';
import {
  SessionContext,
  allows,
  needsSecondFactor,
  useCurrentSession,
  useSession,
  useSessionActions,
  type Session,
} from './session.ts';

/** The pages this user may open, in registry order. */
export function pagesFor(session: Session): PageRoute[] {
  return PAGES.filter((p) => allows(session, p.access) && p.visible(session));
}

/** The first path segment decides the menu entry, so a detail page lights up its list. */
function selectedKey(pathname: string, pages: PageRoute[]): string[] {
  const path = pathname.replace(/^\/+/, '');
  const hit = pages
    .filter((p) => p.menu && (path === p.path || path.startsWith(`${p.path}/`)))
    .sort((a, b) => b.path.length - a.path.length)[0];
  if (hit) return [hit.path];
  const first = path.split('/')[0] ?? '';
  return pages.filter((p) => p.menu && p.path.split('/')[0] === first).map((p) => p.path);
}

export function FullPageSpin() {
  return (
    <Flex align="center" justify="center" style={{ minHeight: '40vh' }}>
      <Spin size="large" description="Đang tải…" />
    </Flex>
  );
}

/** Route guard: no session → the sign-in page, remembering where the user was going. */
export function RequireSession() {
  const session = useSession();
  const location = useLocation();
  if (session.isPending) return <FullPageSpin />;
  if (session.isError) {
    return (
      <Result
        status="warning"
        title="Không kết nối được với máy chủ"
        subTitle="Vui lòng kiểm tra mạng rồi tải lại trang."
        extra={<Button onClick={() => void session.refetch()}>Thử lại</Button>}
      />
    );
  }
  if (!session.data || needsSecondFactor(session.data)) {
    // Also when the password was given but not the second factor: the sign-in page asks for it.
    const from = `${location.pathname}${location.search}`;
    return <Navigate to={`/sign-in${from !== '/' ? `?from=${encodeURIComponent(from)}` : ''}`} replace />;
  }
  return (
    <SessionContext.Provider value={session.data}>
      <AppLayout session={session.data} />
    </SessionContext.Provider>
  );
}

function AppLayout({ session }: { session: Session }) {
  const navigate = useNavigate();
  const location = useLocation();
  const { signOut } = useSessionActions();
  const [collapsed, setCollapsed] = useState(false);
  const pages = pagesFor(session);
  const items = pages.filter((p) => p.menu).map((p) => ({ key: p.path, icon: p.icon, label: p.label }));

  const onSignOut = async () => {
    try {
      await signOut();
    } catch (error) {
      showError(error);
    }
    navigate('/sign-in', { replace: true });
  };

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider
        collapsible
        collapsed={collapsed}
        onCollapse={setCollapsed}
        width={248}
        breakpoint="lg"
        theme="light"
        style={{ borderRight: '1px solid #f0f0f0' }}
      >
        <Flex align="center" gap={8} style={{ height: 64, padding: '0 20px' }}>
          <TrophyOutlined style={{ fontSize: 22, color: '#c41d1d' }} />
          {!collapsed && (
            <Flex vertical>
              <Typography.Text strong style={{ fontSize: 18, lineHeight: 1.2 }}>
                TĐKT
              </Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 12, lineHeight: 1.2 }}>
                Thi đua, khen thưởng
              </Typography.Text>
            </Flex>
          )}
        </Flex>
        <nav aria-label="Danh mục chức năng">
          <Menu
            mode="inline"
            items={items}
            selectedKeys={selectedKey(location.pathname, pages)}
            onClick={({ key }) => navigate(`/${key}`)}
            style={{ borderInlineEnd: 'none' }}
          />
        </nav>
      </Layout.Sider>
      <Layout>
        <Layout.Header
          style={{
            background: '#fff',
            borderBottom: '1px solid #f0f0f0',
            padding: '0 24px',
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'flex-end',
          }}
        >
          <Space size="middle" data-testid="current-user">
            <UserOutlined />
            <Tooltip title={session.roles.map((r) => ROLE_LABELS[r]).join(', ')}>
              <Typography.Text strong>{session.displayName}</Typography.Text>
            </Tooltip>
            <Tag color="geekblue" data-testid="current-unit">
              {session.orgUnit.name}
            </Tag>
            <Button icon={<LogoutOutlined />} onClick={() => void onSignOut()}>
              Đăng xuất
            </Button>
          </Space>
        </Layout.Header>
        <Layout.Content style={{ padding: 24 }}>
          <Suspense fallback={<FullPageSpin />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}

/** Wraps one registry page: role check and the browser title. */
export function PageGuard({ page }: { page: PageRoute }) {
  const session = useCurrentSession();
  useEffect(() => {
    document.title = `${page.label} — TĐKT`;
  }, [page.label]);
  if (!allows(session, page.access) || !page.visible(session)) {
    return (
      <Result
        status="403"
        title="Không có quyền truy cập"
        subTitle="Vai trò của bạn không được xem trang này. Hãy chọn một mục khác trong danh mục bên trái."
      />
    );
  }
  const Component = page.component;
  return <Component />;
}

/** "/" goes to the first page the user may open. */
export function HomeRedirect() {
  const session = useCurrentSession();
  const first = pagesFor(session).find((p) => p.menu);
  return first ? <Navigate to={`/${first.path}`} replace /> : <NotFoundPage />;
}

export function NotFoundPage() {
  const navigate = useNavigate();
  return (
    <Result
      status="404"
      title="Không tìm thấy trang"
      subTitle="Địa chỉ này không tồn tại hoặc đã được chuyển. Hãy chọn một mục trong danh mục bên trái."
      extra={<Button onClick={() => navigate('/')}>Về trang đầu</Button>}
    />
  );
}
