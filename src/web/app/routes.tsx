/**
 * The page registry: one entry per page of the web app. The router, the side menu, the page
 * titles and the role checks are all built from this list.
 *
 * To add a page, write the component as a named export in `src/web/pages/<module>/<name>-page.tsx`
 * (use `<Page title=…>` from `components/page.tsx` for the heading) and add ONE line below:
 *
 *   page('nominations', 'Đề nghị khen thưởng', <TrophyOutlined />, ['officer'], () => import('../pages/nominations/nominations-page.tsx'), 'NominationsPage'),
 *
 * - `path` is relative to the site root, with React Router params (`people/:id`); read them with
 *   `useParams()`.
 * - The label is the menu entry and the browser title: Vietnamese with full diacritics.
 * - `roles` is 'authenticated' or the roles that may open the page (src/contracts/auth.ts); the
 *   server checks again, this only hides what the user cannot use.
 * - Pages load lazily (their own chunk), so a page's size never slows the others.
 * - A page reached only through links (a detail page) passes `{ menu: false }`; `visible` hides an
 *   entry for users it does not concern.
 *
 * Order here is the order of the menu. An e2e test of a new page goes in `e2e/<name>.test.ts`
 * (see `e2e/support/browser.ts`).
 */
import { lazy, type ComponentType, type LazyExoticComponent, type ReactNode } from 'react';
import {
  ApartmentOutlined,
  AuditOutlined,
  BellOutlined,
  SafetyCertificateOutlined,
  BankOutlined,
  FileDoneOutlined,
  FileTextOutlined,
  FlagOutlined,
  PrinterOutlined,
  HistoryOutlined,
  DashboardOutlined,
  ClusterOutlined,
  IdcardOutlined,
  TeamOutlined,
  TrophyOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import type { RoleCode } from '../../contracts/auth.ts';
import type { Access, Session } from './session.ts';

export type PageRoute = {
  path: string;
  label: string;
  icon: ReactNode;
  access: Access;
  component: LazyExoticComponent<ComponentType>;
  /** Shown in the side menu (default true). */
  menu: boolean;
  /** Further condition on the user, e.g. "has a personal record". */
  visible: (session: Session) => boolean;
};

type PageOptions = { menu?: boolean; visible?: (session: Session) => boolean };

/** One registry entry; `exportName` is the page's named export in the loaded module. */
function page<M extends Record<string, unknown>>(
  path: string,
  label: string,
  icon: ReactNode,
  access: Access,
  load: () => Promise<M>,
  exportName: keyof M & string,
  options: PageOptions = {},
): PageRoute {
  return {
    path,
    label,
    icon,
    access,
    component: lazy(async () => {
      const loaded = (await load())[exportName];
      if (typeof loaded !== 'function') throw new Error(`Page module has no export ${exportName}`);
      return { default: loaded as ComponentType };
    }),
    menu: options.menu ?? true,
    visible: options.visible ?? (() => true),
  };
}

/** Roles that read lists of people (the staff role sees only its own record). */
export const PEOPLE_READERS: readonly RoleCode[] = [
  'admin',
  'officer',
  'unit_head',
  'council_member',
  'chairman',
  'superior_viewer',
];
export const IMPORTERS: readonly RoleCode[] = ['admin', 'officer'];

// prettier-ignore
export const PAGES: readonly PageRoute[] = [
  page('dashboard', 'Tổng quan', <DashboardOutlined />, PEOPLE_READERS, () => import('../pages/dashboard/dashboard-page.tsx'), 'DashboardPage'),
  page('org-units', 'Cơ cấu tổ chức', <ApartmentOutlined />, 'authenticated', () => import('../pages/org-units/org-units-page.tsx'), 'OrgUnitsPage'),
  page('clusters', 'Cụm thi đua', <ClusterOutlined />, 'authenticated', () => import('../pages/clusters/clusters-page.tsx'), 'ClustersPage'),
  page('clusters/:id', 'Cụm thi đua năm', <ClusterOutlined />, 'authenticated', () => import('../pages/clusters/cluster-year-page.tsx'), 'ClusterYearPage', { menu: false }),
  page('people', 'Cán bộ', <TeamOutlined />, PEOPLE_READERS, () => import('../pages/people/people-page.tsx'), 'PeoplePage'),
  page('people/:id', 'Hồ sơ cán bộ', <TeamOutlined />, 'authenticated', () => import('../pages/people/person-page.tsx'), 'PersonPage', { menu: false }),
  page('me/record', 'Hồ sơ của tôi', <IdcardOutlined />, 'authenticated', () => import('../pages/people/my-record-page.tsx'), 'MyRecordPage', { visible: (s) => s.personId !== null }),
  page('emulation', 'Phong trào thi đua', <FlagOutlined />, PEOPLE_READERS, () => import('../pages/emulation/movements-page.tsx'), 'MovementsPage'),
  page('emulation/:id', 'Phong trào thi đua', <FlagOutlined />, PEOPLE_READERS, () => import('../pages/emulation/movement-page.tsx'), 'MovementPage', { menu: false }),
  page('nominations', 'Đề nghị khen thưởng', <TrophyOutlined />, PEOPLE_READERS, () => import('../pages/nominations/nominations-page.tsx'), 'NominationsPage'),
  page('nominations/:id', 'Hồ sơ đề nghị khen thưởng', <TrophyOutlined />, PEOPLE_READERS, () => import('../pages/nominations/nomination-page.tsx'), 'NominationPage', { menu: false }),
  page('council', 'Hội đồng TĐKT', <AuditOutlined />, ['admin', 'officer', 'chairman', 'council_member', 'superior_viewer'], () => import('../pages/council/council-page.tsx'), 'CouncilPage'),
  page('council-sessions/:id', 'Phiên họp Hội đồng', <AuditOutlined />, ['admin', 'officer', 'chairman', 'council_member', 'superior_viewer'], () => import('../pages/council/session-page.tsx'), 'SessionPage', { menu: false }),
  page('decisions', 'Quyết định khen thưởng', <FileDoneOutlined />, ['admin', 'officer', 'chairman', 'council_member', 'unit_head', 'superior_viewer'], () => import('../pages/decisions/decisions-page.tsx'), 'DecisionsPage'),
  page('decisions/:id', 'Quyết định', <FileDoneOutlined />, ['admin', 'officer', 'chairman', 'council_member', 'unit_head', 'superior_viewer'], () => import('../pages/decisions/decision-page.tsx'), 'DecisionPage', { menu: false }),
  page('reports/annual', 'Báo cáo tổng kết năm', <FileTextOutlined />, ['admin', 'officer', 'chairman', 'council_member', 'unit_head', 'superior_viewer'], () => import('../pages/reports/annual-report-page.tsx'), 'AnnualReportPage'),
  page('certificates/:decisionId', 'In Giấy khen', <PrinterOutlined />, ['admin', 'officer', 'chairman', 'council_member', 'unit_head', 'superior_viewer'], () => import('../pages/certificates/certificates-page.tsx'), 'CertificatesPage', { menu: false }),
  page('award-history', 'Lịch sử khen thưởng', <HistoryOutlined />, PEOPLE_READERS, () => import('../pages/decisions/award-history-page.tsx'), 'AwardHistoryPage'),
  page('fund', 'Quỹ thi đua, khen thưởng', <BankOutlined />, ['admin', 'officer', 'chairman', 'council_member', 'superior_viewer'], () => import('../pages/fund/fund-page.tsx'), 'FundPage'),
  page('inspections', 'Kiểm tra thi đua, khen thưởng', <SafetyCertificateOutlined />, ['admin', 'officer', 'chairman', 'unit_head', 'superior_viewer'], () => import('../pages/inspections/inspections-page.tsx'), 'InspectionsPage'),
  page('notifications', 'Nhắc việc', <BellOutlined />, 'authenticated', () => import('../pages/notifications/notifications-page.tsx'), 'NotificationsPage'),
  page('trusted-roots', 'Chứng thư gốc tin cậy', <SafetyCertificateOutlined />, ['admin', 'officer', 'chairman'], () => import('../pages/signatures/trusted-roots-page.tsx'), 'TrustedRootsPage'),
  page('imports', 'Nhập dữ liệu', <UploadOutlined />, IMPORTERS, () => import('../pages/imports/import-page.tsx'), 'ImportPage'),
];
