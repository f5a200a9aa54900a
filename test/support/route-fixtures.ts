import { insertOrgUnit } from '../../src/organizations/index.ts';
import { insertPeople } from '../../src/people/index.ts';
import type { TestApp } from './test-app.ts';

/**
 * Values for path parameters in the access-matrix test (test/access-matrix.test.ts). "own" is an
 * entity of Phường Mỹ Quý (the demo ward every test role belongs to or sits above); "other" is an
 * entity of another province that no test user may read. A route whose parameter has no fixture
 * here makes the matrix test fail: add one when you add a route.
 *
 * Keys, tried in order: `<METHOD> <url>:<param>`, `<url>:<param>`, `<collection>:<param>` (the path
 * segment before the parameter, e.g. `people:id`), then `<param>`.
 */
export type Side = 'own' | 'other';
export type Fixture = (t: TestApp, side: Side, world: World) => Promise<string> | string;

export type World = {
  /** Phường Mỹ Quý and one of its people. */
  own: { orgUnitId: string; personId: string; year: string };
  /** A ward of another province and one of its people. */
  other: { orgUnitId: string; personId: string; year: string };
};

export const ROUTE_FIXTURES: Record<string, Fixture> = {
  'people:id': (_t, side, w) => w[side].personId,
  'org-units:id': (_t, side, w) => w[side].orgUnitId,
  personId: (_t, side, w) => w[side].personId,
  orgUnitId: (_t, side, w) => w[side].orgUnitId,
  year: (_t, side, w) => w[side].year,
  // Council, decisions (issue 4): ids that exist nowhere, so every role gets 404, never another ward's row.
  sessionId: () => '00000000-0000-4000-8000-0000000000c1',
  itemId: () => '00000000-0000-4000-8000-0000000000c2',
  decisionId: () => '00000000-0000-4000-8000-0000000000d1',
  proposalId: () => '00000000-0000-4000-8000-0000000000d2',
  // Clusters (issue 6): the demo 2023 cluster (Mỹ Quý is a member); no cluster of the other province.
  clusterId: (t, side) => (side === 'own' ? t.ids.clusterId : '00000000-0000-4000-8000-000000000000'),
  notificationId: () => '00000000-0000-4000-8000-000000000001',
  // Certificates, documents (issue 5): a token and ids that exist nowhere.
  token: () => 'AAAAAAAAAAAAAAAAAAAAAAAA',
  blankId: () => '00000000-0000-4000-8000-0000000000e1',
  'templates:kind': () => 'people',
  // Inspections (issue 7, item 4): ids that exist nowhere; the API test covers real rows.
  inspectionId: () => '00000000-0000-4000-8000-0000000000f1',
  taskId: () => '00000000-0000-4000-8000-0000000000f2',
  // Dashboards and statistics (issue 7): a statistical form code.
  form: () => '0603',
  // Trust (issue 8): a retention record type (admin-only, not org-scoped).
  recordType: () => 'sessions',
  // Account administration: an account that exists nowhere; the sign-in API test covers real ones.
  userId: () => '00000000-0000-4000-8000-0000000000a1',
  // Trusted roots: instance-wide (admin only); an id that exists nowhere.
  rootId: () => '00000000-0000-4000-8000-0000000000a2',
  'imports:id': async (t, side, w) => {
    const { createImportJob } = await import('../../src/imports/index.ts');
    return createImportJob(t.database.db, {
      kind: 'people',
      fileName: 'x.xlsx',
      orgUnitId: w[side].orgUnitId,
      createdBy: null,
    });
  },
  // Emulation and nominations (issue 4, first half): ids that exist nowhere, so every role gets
  // 404 on either side, never another ward's row; the API tests cover the rows that do exist.
  'nominations:id': () => '00000000-0000-4000-8000-0000000000e1',
  'attachments:attachmentId': () => '00000000-0000-4000-8000-0000000000e2',
  'postings:id': () => '00000000-0000-4000-8000-0000000000e3',
  'comments:commentId': () => '00000000-0000-4000-8000-0000000000e4',
  'movements:id': () => '00000000-0000-4000-8000-0000000000e5',
  'targets:targetId': () => '00000000-0000-4000-8000-0000000000e6',
  'registrations:id': () => '00000000-0000-4000-8000-0000000000e7',
  'covenants:id': () => '00000000-0000-4000-8000-0000000000e8',
  'articles:articleId': () => '00000000-0000-4000-8000-0000000000e9',
};

/** Creates the "other" province with a ward and a person, outside every test user's scope. */
export async function buildWorld(t: TestApp): Promise<World> {
  const other = await t.database.db.transaction(async (tx) => {
    const province = await insertOrgUnit(tx, {
      code: 'ZZ',
      name: 'Tỉnh Khác',
      kind: 'province',
      parentId: null,
      validFrom: '2000-01-01',
    });
    const ward = await insertOrgUnit(tx, {
      code: 'ZZ-W',
      name: 'Phường Khác',
      kind: 'ward',
      parentId: province.id,
      validFrom: '2000-01-01',
    });
    const [personId] = await insertPeople(tx, [
      {
        code: 'ZZ-000001',
        fullName: 'Người Tỉnh Khác',
        gender: 'male',
        orgUnitId: ward.id,
        staffCategory: 'civil_servant',
        provinceCode: 'ZZ',
        startDate: '2010-01-01',
      },
    ]);
    return { orgUnitId: ward.id, personId: personId! };
  });
  return {
    own: { orgUnitId: t.ids.myQuy, personId: t.ids.chairmanPersonId, year: '2023' },
    other: { ...other, year: '2023' },
  };
}

export function fixtureKeys(method: string, url: string, param: string): string[] {
  const segments = url.split('/');
  const at = segments.indexOf(`:${param}`);
  const collection = at > 0 ? segments[at - 1] : undefined;
  return [
    `${method} ${url}:${param}`,
    `${url}:${param}`,
    ...(collection ? [`${collection}:${param}`] : []),
    param,
  ];
}
