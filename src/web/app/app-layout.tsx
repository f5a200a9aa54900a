import { Suspense, useEffect, useMemo, useState } from 'react';
import { Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import {
  Button,
  Drawer,
  Flex,
  Grid,
  Layout,
  Menu,
  Result,
  Select,
  Spin,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { LogoutOutlined, MenuOutlined, TrophyOutlined, UserOutlined } from '@ant-design/icons';
import { ROLE_LABELS } from '../lib/labels.ts';
import { showError } from './feedback.ts';
import { PAGES, type PageRoute } from './routes.tsx';
import { useWorkingYear, workingYearOptions } from './working-year.ts';
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

/** Below antd's `md` breakpoint (768 px) the page is laid out for a phone. */
function useIsPhone(): boolean {
  const screens = Grid.useBreakpoint();
  return screens.md === false;
}

function Brand({ compact }: { compact: boolean }) {
  return (
    <Flex align="center" gap={8} style={{ height: 64, padding: '0 20px' }}>
      <TrophyOutlined style={{ fontSize: 22, color: '#c41d1d' }} />
      {!compact && (
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
  );
}

/** The year every page of the year shows, chosen once here (see `working-year.ts`). */
function WorkingYearSelect({ phone }: { phone: boolean }) {
  const [year, setYear] = useWorkingYear();
  const options = useMemo(() => workingYearOptions(), []);
  return (
    <Flex align="center" gap={8}>
      {!phone && <Typography.Text type="secondary">Năm làm việc</Typography.Text>}
      <Select
        aria-label="Năm làm việc"
        data-testid="working-year"
        value={year}
        options={options}
        onChange={(y: number) => setYear(y)}
        style={{ width: phone ? 118 : 124 }}
      />
    </Flex>
  );
}

function AppLayout({ session }: { session: Session }) {
  const navigate = useNavigate();
  const location = useLocation();
  const { signOut } = useSessionActions();
  const phone = useIsPhone();
  const [collapsed, setCollapsed] = useState(false);
  const [drawerOpen, setDrawerOpen] = useState(false);
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

  const menu = (
    <nav aria-label="Danh mục chức năng">
      <Menu
        mode="inline"
        items={items}
        selectedKeys={selectedKey(location.pathname, pages)}
        onClick={({ key }) => {
          setDrawerOpen(false);
          navigate(`/${key}`);
        }}
        style={{ borderInlineEnd: 'none' }}
      />
    </nav>
  );
  const roles = session.roles.map((r) => ROLE_LABELS[r]).join(', ');

  return (
    <Layout style={{ minHeight: '100vh' }}>
      {phone ? (
        <Drawer
          placement="left"
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          size={280}
          title={<Brand compact={false} />}
          styles={{ header: { padding: 0 }, body: { padding: 0 } }}
        >
          {menu}
        </Drawer>
      ) : (
        <Layout.Sider
          collapsible
          collapsed={collapsed}
          onCollapse={setCollapsed}
          width={248}
          breakpoint="lg"
          theme="light"
          style={{ borderRight: '1px solid #f0f0f0' }}
        >
          <Brand compact={collapsed} />
          {menu}
        </Layout.Sider>
      )}
      <Layout style={{ minWidth: 0 }}>
        <Layout.Header
          style={{
            background: '#fff',
            borderBottom: '1px solid #f0f0f0',
            padding: phone ? '0 8px' : '0 24px',
            display: 'flex',
            alignItems: 'center',
            gap: phone ? 8 : 16,
          }}
        >
          {phone && (
            <Button
              type="text"
              aria-label="Mở danh mục chức năng"
              icon={<MenuOutlined />}
              onClick={() => setDrawerOpen(true)}
            />
          )}
          <WorkingYearSelect phone={phone} />
          <Flex
            align="center"
            gap={phone ? 4 : 12}
            data-testid="current-user"
            style={{ marginLeft: 'auto', minWidth: 0 }}
          >
            {!phone && <UserOutlined />}
            <Tooltip title={phone ? `${roles} — ${session.orgUnit.name}` : roles}>
              <Typography.Text strong ellipsis style={{ maxWidth: phone ? 120 : 260, whiteSpace: 'nowrap' }}>
                {session.displayName}
              </Typography.Text>
            </Tooltip>
            {!phone && (
              <Tag color="geekblue" data-testid="current-unit">
                {session.orgUnit.name}
              </Tag>
            )}
            <Button icon={<LogoutOutlined />} aria-label="Đăng xuất" onClick={() => void onSignOut()}>
              {phone ? null : 'Đăng xuất'}
            </Button>
          </Flex>
        </Layout.Header>
        <Layout.Content style={{ padding: phone ? 12 : 24, minWidth: 0 }}>
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
