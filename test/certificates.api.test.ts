import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DRIVERS, openTestApp, type TestApp } from './support/test-app.ts';
import { SKIP_WITHOUT_POPPLER, pdfInfo, pdfText } from '../src/platform/documents/testing/poppler.ts';

type View = {
  awardees: {
    awardRecordId: string;
    recipientName: string;
    verifyUrl: string | null;
    blank: { id: string } | null;
  }[];
};

describe.each(DRIVERS)('Giấy khen certificates API on %s', (driver) => {
  let t: TestApp;
  let cookie: string;
  let decisionId: string;
  beforeAll(async () => {
    t = await openTestApp(driver);
    cookie = await t.login('tdkt.myquy');
    const rows = await t.database.query<{ id: string }>(
      `select id from decisions where org_unit_id = $1 and status = 'issued'
         and award_code = 'commune_certificate_of_merit' and title like '%12 tập thể%'`,
      [t.ids.myQuy],
    );
    decisionId = rows[0]!.id;
  }, 120_000);
  afterAll(async () => t?.close());

  it.skipIf(SKIP_WITHOUT_POPPLER)('prints a whole decision as one PDF, one page per awardee', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/v1/certificates/decisions/${decisionId}/pdf`,
      headers: { cookie },
    });
    expect(res.statusCode, res.body).toBe(200);
    const info = pdfInfo(res.rawPayload);
    expect(info.pages).toBe(12);
    expect(info.widthPt).toBeGreaterThan(info.heightPt);
    const text = pdfText(res.rawPayload, { page: 1 });
    expect(text).toContain('GIẤY KHEN');
    expect(text).toContain('245/QĐ-UBND');
    expect(text).toContain('Liêu Quốc Bình');
  });

  it('gives each awardee an unguessable token whose public page shows the award and, once revoked, says so', async () => {
    await t.app.inject({
      method: 'GET',
      url: `/api/v1/certificates/decisions/${decisionId}/pdf`,
      headers: { cookie },
    });
    const view = (
      await t.app.inject({
        method: 'GET',
        url: `/api/v1/certificates/decisions/${decisionId}`,
        headers: { cookie },
      })
    ).json() as View;
    expect(view.awardees).toHaveLength(12);
    const first = view.awardees[0]!;
    const token = first.verifyUrl!.split('/verify/')[1]!;
    expect(token).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(token).not.toContain(first.awardRecordId);
    const tokens = new Set(view.awardees.map((a) => a.verifyUrl));
    expect(tokens.size).toBe(12);

    const page = await t.app.inject({ method: 'GET', url: `/verify/${token}` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(first.recipientName.replace(/&/g, '&amp;'));
    expect(page.body).toContain('245/QĐ-UBND');
    expect(page.body).toContain('còn hiệu lực');
    expect(page.body).not.toMatch(/\d{12}/); // no CCCD

    await t.database.query(`update award_records set revoked_at = '2024-03-01' where id = $1`, [
      first.awardRecordId,
    ]);
    const revoked = await t.app.inject({ method: 'GET', url: `/verify/${token}` });
    expect(revoked.body).toContain('ĐÃ BỊ THU HỒI');

    const unknown = await t.app.inject({ method: 'GET', url: '/verify/AAAAAAAAAAAAAAAAAAAAAAAA' });
    expect(unknown.statusCode).toBe(404);
  });

  it('shows a hostile recipient name as plain text on the verification page', async () => {
    const view = (
      await t.app.inject({
        method: 'GET',
        url: `/api/v1/certificates/decisions/${decisionId}`,
        headers: { cookie },
      })
    ).json() as View;
    const second = view.awardees[1]!;
    await t.database.query(
      `update decision_items set subject_name = '<b>x</b>' where id = (select decision_item_id from award_records where id = $1)`,
      [second.awardRecordId],
    );
    const token = second.verifyUrl!.split('/verify/')[1]!;
    const page = await t.app.inject({ method: 'GET', url: `/verify/${token}` });
    expect(page.body).toContain('&lt;b&gt;x&lt;/b&gt;');
    expect(page.body).not.toContain('<b>x</b>');
  });

  it('saves a calibration per blank size and records blanks and their hand-over', async () => {
    const calibration = {
      name: 'Phôi A4 ngang của phường',
      pageWidthMm: 297,
      pageHeightMm: 210,
      offsetXMm: 1.5,
      fields: {
        recipientName: { xMm: 50, yMm: 90, widthMm: 200, fontSizePt: 24, align: 'center', bold: true },
      },
    };
    const saved = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/certificates/calibrations/${t.ids.myQuy}`,
      headers: { cookie },
      payload: calibration,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const again = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/certificates/calibrations/${t.ids.myQuy}`,
      headers: { cookie },
      payload: { ...calibration, offsetXMm: -1 },
    });
    const list = again.json() as { calibration: { offsetXMm: number } }[];
    expect(list).toHaveLength(1);
    expect(list[0]!.calibration.offsetXMm).toBe(-1);

    const blankPdf = await t.app.inject({
      method: 'GET',
      url: `/api/v1/certificates/decisions/${decisionId}/pdf?mode=blank`,
      headers: { cookie },
    });
    expect(blankPdf.statusCode).toBe(200);

    const view = (
      await t.app.inject({
        method: 'GET',
        url: `/api/v1/certificates/decisions/${decisionId}`,
        headers: { cookie },
      })
    ).json() as View;
    const target = view.awardees[2]!;
    const recorded = await t.app.inject({
      method: 'POST',
      url: '/api/v1/certificates/blanks',
      headers: { cookie },
      payload: { decisionId, blanks: [{ awardRecordId: target.awardRecordId, blankSerial: 'GK-000123' }] },
    });
    expect(recorded.statusCode, recorded.body).toBe(200);
    const reused = await t.app.inject({
      method: 'POST',
      url: '/api/v1/certificates/blanks',
      headers: { cookie },
      payload: {
        decisionId,
        blanks: [{ awardRecordId: view.awardees[3]!.awardRecordId, blankSerial: 'GK-000123' }],
      },
    });
    expect(reused.statusCode).toBe(409);
    const blankId = (recorded.json() as View).awardees[2]!.blank!.id;
    const handed = await t.app.inject({
      method: 'POST',
      url: `/api/v1/certificates/blanks/${blankId}/hand-over`,
      headers: { cookie },
      payload: { handedOverTo: 'Đại diện đơn vị', handedOverOn: '2024-01-05' },
    });
    expect(handed.statusCode, handed.body).toBe(200);
    expect(JSON.stringify(handed.json())).toContain('2024-01-05');
  });
});
