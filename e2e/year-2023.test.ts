import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { describeBrowser, openBrowserApp, type BrowserApp } from './support/browser.ts';

type Json = Record<string, unknown>;

/**
 * A JSON call from inside the signed-in page, so the browser sends its own session cookie and
 * same-origin headers, exactly as the web app does.
 */
async function api(
  page: Page,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: Json }> {
  return page.evaluate(
    async ({ method, path, body }) => {
      const res = await fetch(path, {
        method,
        headers: body === undefined ? {} : { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: res.status, body: (await res.json()) as Record<string, unknown> };
    },
    { method, path, body },
  );
}

/** Uploads a tiny PDF as one dossier part of a nomination. */
async function attachPdf(page: Page, nominationId: string, part: string): Promise<number> {
  return page.evaluate(
    async ({ nominationId, part }) => {
      const pdf =
        '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n';
      const form = new FormData();
      form.append('file', new Blob([pdf], { type: 'application/pdf' }), `${part}.pdf`);
      const res = await fetch(`/api/v1/nominations/${nominationId}/attachments?part=${part}`, {
        method: 'POST',
        body: form,
      });
      return res.status;
    },
    { nominationId, part },
  );
}

/** The movements the seed report names for 2023 (seed §I.2), as the demo launches them. */
const SEED_MOVEMENTS = [
  'Thu ngân sách địa phương',
  'Lập lại trật tự đô thị',
  'Xây dựng cơ quan văn hóa, đẩy lùi tệ nạn xã hội',
  'Dân vận khéo',
  'Học tập và làm theo tấm gương đạo đức Hồ Chí Minh',
  'Tổ chức tốt các hoạt động văn hóa, thể dục thể thao và vệ sinh môi trường',
  'giúp nhau giảm nghèo, cất nhà tình thương',
  'Đảm bảo trật tự an toàn giao thông, an ninh quốc phòng',
];

const rowsOf = (page: Page, testId: string) => page.getByTestId(testId).locator('tbody tr.ant-table-row');

describeBrowser('The 2023 emulation year of Phường Mỹ Quý in the browser', () => {
  let h: BrowserApp;

  beforeAll(async () => {
    h = await openBrowserApp();
    await h.signIn(h.page, 'tdkt.myquy');
  });
  afterAll(async () => {
    await h?.close();
  });

  it('shows the 2023 movements the seed names, launched at the 20/01/2023 staff conference', async () => {
    const { page } = h;
    await page.goto(h.url('/emulation?year=2023'));
    const rows = rowsOf(page, 'movements');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(SEED_MOVEMENTS.length);
    for (const name of SEED_MOVEMENTS) {
      const row = rows.filter({ hasText: name });
      expect(await row.count(), name).toBe(1);
      const text = await row.innerText();
      // Launched on the conference day, and reviewed by the year-end report.
      expect(text).toContain('20/01/2023');
      expect(text).toContain('Đã sơ kết / tổng kết');
    }
    const fields = await page.getByTestId('movements').innerText();
    for (const field of ['an ninh quốc phòng', 'kinh tế', 'giáo dục', 'văn hóa - xã hội', 'dân vận khéo']) {
      expect(fields).toContain(field);
    }
    await h.screenshot(page, 'movements-2023');

    await rows.filter({ hasText: 'Dân vận khéo' }).getByRole('link').click();
    await page.getByRole('heading', { name: 'Dân vận khéo' }).waitFor();
    expect(await page.getByTestId('launched-on').innerText()).toBe('20/01/2023');
    await page.getByText('Báo cáo số 184/BC-UBND ngày 26/12/2023').first().waitFor();
    // The seed gives no numeric targets: the page says how to add them.
    await page.getByText('Phong trào chưa có chỉ tiêu định lượng.').waitFor();
    // The officer adds one with its owner, and reports progress against it.
    await page.getByRole('button', { name: 'Thêm chỉ tiêu' }).click();
    const add = page.getByRole('dialog');
    await add.getByLabel('Tên chỉ tiêu').fill('Mô hình dân vận khéo được công nhận');
    await add.getByLabel('Giá trị cần đạt').fill('10');
    await add.getByLabel('Đơn vị tính').fill('mô hình');
    await add.getByRole('button', { name: 'Thêm' }).click();
    const target = rowsOf(page, 'targets').filter({ hasText: 'Mô hình dân vận khéo được công nhận' });
    await target.waitFor();
    expect(await target.innerText()).toContain('Phường Mỹ Quý');
    expect(await target.innerText()).toContain('Chưa báo cáo');
    await target.getByRole('button', { name: 'Cập nhật tiến độ' }).click();
    const report = page.getByRole('dialog');
    await report.getByLabel('Giá trị đã đạt').fill('7');
    await report.getByRole('button', { name: 'Ghi nhận' }).click();
    await target.getByText('70%').waitFor();
    expect(await target.innerText()).toContain('7 mô hình');
    await h.screenshot(page, 'movement-dan-van-kheo');

    await page.goto(h.url('/emulation?year=2023&tab=conference'));
    await page.getByText('Hội nghị cán bộ, công chức ngày 20/01/2023').waitFor();
    await page.getByText(`Phong trào phát động (${SEED_MOVEMENTS.length})`).waitFor();
    await page.goto(h.url('/emulation?year=2023&tab=covenants'));
    const covenant = page.getByTestId('covenant');
    await covenant.waitFor();
    expect(await covenant.innerText()).toContain('4/4 điều đã đánh giá, 2 điều đạt');
  });

  it('shows a nomination with its verdict, dossier and history; submits it and returns it with a required reason', async () => {
    const { page } = h;
    let nominationId = '';
    for (const unitId of Object.values(h.ids.myQuyUnits)) {
      const created = await api(page, 'POST', '/api/v1/nominations', {
        orgUnitId: unitId,
        year: 2023,
        kind: 'regular',
        subjectKind: 'collective',
        subjectOrgUnitId: unitId,
        awardCode: 'advanced_labour_collective',
        achievementSummary: 'Hoàn thành tốt nhiệm vụ năm 2023.',
      });
      if (created.status === 201 && (created.body.allowedActions as string[]).includes('submit')) {
        nominationId = created.body.id as string;
        break;
      }
    }
    expect(nominationId).not.toBe('');
    expect(await attachPdf(page, nominationId, 'proposal_letter')).toBe(201);

    await page.goto(h.url(`/nominations/${nominationId}`));
    await page.getByTestId('verdict').waitFor();
    expect(await page.getByTestId('nomination-status').innerText()).toBe('Đang soạn');
    expect(await page.getByTestId('verdict').innerText()).toMatch(/Căn cứ: /);
    // The 2023 collective title is judged on the Bắc Ninh template (no An Giang text read): the
    // verdict says so, and the tag names the rule, its default and the text that would settle it.
    const tag = page.getByTestId('verdict').getByTestId('unverified-tag').first();
    await tag.waitFor();
    await tag.click();
    const popover = page.getByTestId('unverified-popover').first();
    await popover.waitFor();
    const explained = await popover.innerText();
    expect(explained).toContain('Bắc Ninh');
    expect(explained).toContain('Đang áp dụng mặc định:');
    expect(explained).toContain('Cần đối chiếu: Quy định thi đua, khen thưởng của tỉnh An Giang');
    await h.screenshot(page, 'nomination-unverified-tag');
    await page.keyboard.press('Escape');
    const dossier = await page.getByTestId('dossier').innerText();
    expect(dossier).toContain('Còn thiếu');
    expect(dossier).toContain('Báo cáo thành tích');
    expect(dossier).toContain('proposal_letter.pdf');
    await h.screenshot(page, 'nomination-draft');

    await page.getByRole('button', { name: 'Gửi hồ sơ' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Gửi hồ sơ' }).click();
    await page.getByTestId('nomination-status').getByText('Đã gửi, chờ duyệt').waitFor();

    await page.getByRole('button', { name: 'Trả lại' }).click();
    const dialog = page.getByRole('dialog');
    const ok = dialog.getByRole('button', { name: 'Trả lại' });
    expect(await ok.isDisabled()).toBe(true);
    await dialog.getByLabel('Lý do trả lại').fill('Bổ sung báo cáo thành tích và biên bản bình xét.');
    await ok.click();
    await page.getByTestId('nomination-status').getByText('Bị trả lại').waitFor();
    const history = await page.getByTestId('history').innerText();
    expect(history).toContain('Đang soạn → Đã gửi, chờ duyệt');
    expect(history).toContain('Đã gửi, chờ duyệt → Bị trả lại');
    expect(history).toContain('Bổ sung báo cáo thành tích và biên bản bình xét.');
    await h.screenshot(page, 'nomination-returned');
  });

  it('recognizes 64 "Lao động tiên tiến" of 2022 by one decision, 12/QĐ-UBND, with 64 annex rows', async () => {
    const { page } = h;
    await page.goto(h.url('/decisions?year=2022'));
    const rows = page.locator('.ant-table-row');
    await rows.first().waitFor();
    const ldtt = rows.filter({ hasText: 'Lao động tiên tiến' });
    expect(await ldtt.count()).toBe(1);
    const text = await ldtt.innerText();
    expect(text).toContain('12/QĐ-UBND');
    expect(text).toContain('64');
    await ldtt.getByRole('link', { name: '12/QĐ-UBND' }).click();
    await page.getByRole('heading', { name: 'Quyết định số 12/QĐ-UBND' }).waitFor();
    await page.getByText('Danh sách kèm theo (64)').waitFor();
    expect(await rowsOf(page, 'annex').count()).toBe(64);
    expect(await page.getByTestId('total-in-words').innerText()).toMatch(/^Bằng chữ: [A-ZĐ].* đồng\.$/u);
    // 0,3 × 1.490.000 = 447.000 → 450.000 whichever way "làm tròn lên" is read, on verified
    // coefficients (NĐ 91 Điều 69): no amount is marked unverified.
    expect(await page.getByTestId('annex').getByTestId('unverified-tag').count()).toBe(0);
    await h.screenshot(page, 'decision-12-ldtt-2022');
  });

  it('shows the Giấy khen decisions 245 (12 collectives) and 246 (50 individuals) with their money', async () => {
    const { page } = h;
    await page.goto(h.url('/decisions?year=2023'));
    const rows = page.locator('.ant-table-row');
    await rows.filter({ hasText: '245/QĐ-UBND' }).waitFor();
    const collective = await rows.filter({ hasText: '245/QĐ-UBND' }).innerText();
    const individual = await rows.filter({ hasText: '246/QĐ-UBND' }).innerText();
    expect(collective).toMatch(/12 tập thể/);
    expect(individual).toMatch(/50 cá nhân/);
    await h.screenshot(page, 'decisions-2023');

    const list = await api(page, 'GET', `/api/v1/decisions?orgUnitId=${h.ids.myQuy}&year=2023`);
    const decisions = list.body as unknown as {
      id: string;
      numberText: string | null;
      itemCount: number;
      totalAmount: number | null;
    }[];
    const d245 = decisions.find((d) => d.numberText === '245/QĐ-UBND')!;
    const d246 = decisions.find((d) => d.numberText === '246/QĐ-UBND')!;
    expect([d245.itemCount, d246.itemCount]).toEqual([12, 50]);

    for (const [d, count] of [
      [d245, 12],
      [d246, 50],
    ] as const) {
      await page.goto(h.url(`/decisions/${d.id}`));
      await page.getByText(`Danh sách kèm theo (${count})`).waitFor();
      expect(await rowsOf(page, 'annex').count()).toBe(count);
      const onScreen = await page.getByTestId('decision-total').innerText();
      expect(onScreen).toBe(`${(d.totalAmount ?? 0).toLocaleString('de-DE')} đ`);
    }
  });

  it('shows the December council session: 6 of 7 present, 62 items tallied', async () => {
    const { page } = h;
    await page.goto(h.url('/council?year=2023'));
    await page.getByRole('link', { name: 'Phiên họp xét khen thưởng năm 2023' }).click();
    await page.getByTestId('agenda').waitFor();
    expect(await page.getByTestId('present-count').innerText()).toBe('6');
    expect(await page.getByTestId('agenda-item').count()).toBe(62);
    expect(await page.getByTestId('tally').count()).toBe(62);
    expect(await page.getByTestId('tally').first().innerText()).toContain('Được thông qua');
  });

  it('shows the 2023 fund with the Giấy khen money posted and the 62 rewards unpaid', async () => {
    const { page } = h;
    const list = await api(page, 'GET', `/api/v1/decisions?orgUnitId=${h.ids.myQuy}&year=2023`);
    const giayKhen = (list.body as unknown as { numberText: string | null; totalAmount: number | null }[])
      .filter((d) => d.numberText === '245/QĐ-UBND' || d.numberText === '246/QĐ-UBND')
      .reduce((sum, d) => sum + (d.totalAmount ?? 0), 0);
    expect(giayKhen).toBeGreaterThan(0);

    await page.goto(h.url('/fund?year=2023'));
    await page.getByTestId('fund-position').waitFor();
    await page.getByText('Tiền thưởng chưa chi (62)').waitFor();
    expect(await rowsOf(page, 'unpaid').count()).toBe(62);
    expect(await page.getByTestId('unpaid-total').innerText()).toBe(`${giayKhen.toLocaleString('de-DE')} đ`);
    // Each Giấy khen decision is posted to the fund as an expense, the 2022 LĐTT money paid in February.
    const entries = page.locator('.ant-table-row').filter({ hasText: 'Chi thưởng theo quyết định' });
    expect(await entries.filter({ hasText: '245/QĐ-UBND' }).count()).toBe(1);
    expect(await entries.filter({ hasText: '246/QĐ-UBND' }).count()).toBe(1);
    await page.getByText('Các quyết định đã vượt phần quỹ dành chi thưởng').waitFor();
    await h.screenshot(page, 'fund-2023');
  });

  it('lets hoidong.myquy cast a secret ballot on a phone and shows only "Đã bỏ phiếu"', async () => {
    const { page } = h;
    // An accepted nomination: created, dossier attached, submitted and accepted through the API.
    let nominationId = '';
    const refused: string[] = [];
    // A collective: the officials' current records belong to Phường Long Xuyên since the 2025 merge.
    for (const unitId of Object.values(h.ids.myQuyUnits).reverse()) {
      const created = await api(page, 'POST', '/api/v1/nominations', {
        orgUnitId: unitId,
        year: 2023,
        kind: 'unexpected',
        subjectKind: 'collective',
        subjectOrgUnitId: unitId,
        awardCode: 'commune_certificate_of_merit',
        achievementSummary: 'Có thành tích đột xuất trong phòng chống thiên tai năm 2023.',
      });
      if (created.status !== 201) {
        refused.push(`${created.status} ${String(created.body.message)}`);
        continue;
      }
      const id = created.body.id as string;
      expect(await attachPdf(page, id, 'proposal_letter')).toBe(201);
      expect(await attachPdf(page, id, 'summary_report')).toBe(201);
      const submitted = await api(page, 'POST', `/api/v1/nominations/${id}/submit`, {
        expectedStatus: 'draft',
      });
      if (submitted.status !== 200) {
        refused.push(`${submitted.status} ${String(submitted.body.message)}`);
        continue;
      }
      const accepted = await api(page, 'POST', `/api/v1/nominations/${id}/accept`, {
        expectedStatus: 'submitted',
      });
      expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
      nominationId = id;
      break;
    }
    expect(nominationId, refused.slice(0, 3).join(' | ')).not.toBe('');

    const council = await api(page, 'GET', `/api/v1/councils/${h.ids.myQuy}/2023`);
    const memberIds = (council.body.members as { id: string }[]).map((m) => m.id);
    const session = await api(page, 'POST', `/api/v1/councils/${h.ids.myQuy}/2023/sessions`, {
      title: 'Phiên họp xét khen thưởng đột xuất',
      heldOn: '2023-12-28',
    });
    expect(session.status, JSON.stringify(session.body)).toBe(200);
    const sessionId = session.body.id as string;
    const attendance = await api(page, 'PUT', `/api/v1/council-sessions/${sessionId}/attendance`, {
      presentMemberIds: memberIds,
    });
    expect(attendance.body.quorumMet).toBe(true);
    const agenda = await api(page, 'POST', `/api/v1/council-sessions/${sessionId}/agenda`, {
      nominationIds: [nominationId],
    });
    expect(agenda.status, JSON.stringify(agenda.body)).toBe(200);
    const itemId = (agenda.body.items as { id: string }[])[0]!.id;
    expect((await api(page, 'POST', `/api/v1/council-items/${itemId}/open`, {})).status).toBe(200);

    const phone = await h.newPage();
    await phone.setViewportSize({ width: 375, height: 740 });
    await h.signIn(phone, 'hoidong.myquy');
    await phone.goto(h.url(`/council-sessions/${sessionId}`));
    const item = phone.getByTestId('agenda-item').first();
    await item.getByText('Đang bỏ phiếu').waitFor();
    const agree = item.getByRole('button', { name: 'Đồng ý', exact: true });
    await agree.waitFor();
    // The buttons fit the phone's width: nothing to scroll sideways to reach them.
    const box = await agree.boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= 375).toBe(true);
    await h.screenshot(phone, 'ballot-phone-before');
    await agree.click();
    await phone.getByRole('dialog').getByRole('button', { name: 'Bỏ phiếu' }).click();
    await item.getByTestId('voted').waitFor();
    expect(await item.getByTestId('voted').innerText()).toContain('Đã bỏ phiếu');
    // Nobody's choice is shown while voting is open, not even the voter's own.
    const text = await item.innerText();
    expect(text).not.toMatch(/Đồng ý:|Không đồng ý:/);
    expect(await item.getByRole('button', { name: 'Đồng ý', exact: true }).count()).toBe(0);
    expect(await item.getByTestId('ballots-cast').innerText()).toBe('1');
    await h.screenshot(phone, 'ballot-phone');

    // The officer cannot close yet: the chairman, present, has not voted; no tally is shown.
    await page.goto(h.url(`/council-sessions/${sessionId}`));
    await page.getByRole('button', { name: 'Kết thúc bỏ phiếu' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Kết thúc và kiểm phiếu' }).click();
    await page
      .getByText(/thành viên có mặt chưa bỏ phiếu/)
      .first()
      .waitFor();
    expect(await page.getByTestId('tally').count()).toBe(0);
  });

  it('raised no page or console errors along the way', () => {
    expect(h.pageErrors).toEqual([]);
  });
});
