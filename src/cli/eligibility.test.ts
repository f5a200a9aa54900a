import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  parseEligibilityInput,
  readFactsWorkbook,
  runEligibilityCommand,
  writeFactsWorkbook,
  type EligibilityReport,
} from './eligibility.ts';

const EXAMPLES = join(import.meta.dirname, '..', '..', 'docs', 'examples');
const MY_QUY_JSON = join(EXAMPLES, 'eligibility-my-quy-2022.json');
const MY_QUY_XLSX = join(EXAMPLES, 'eligibility-my-quy-2022.xlsx');
const LONG_XUYEN_JSON = join(EXAMPLES, 'eligibility-long-xuyen-2025.json');
const LONG_XUYEN_XLSX = join(EXAMPLES, 'eligibility-long-xuyen-2025.xlsx');

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tdkt-eligibility-'));
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterAll(async () => {
  vi.restoreAllMocks();
  await rm(dir, { recursive: true, force: true });
});

// Absent, null and empty-list fields mean the same to the rules; compare without them.
const canonical = (value: unknown): unknown =>
  JSON.parse(
    JSON.stringify(value, (key, v: unknown) =>
      key !== 'rating' && (v === null || (Array.isArray(v) && v.length === 0)) ? undefined : v,
    ),
  );

const readJson = async (file: string) => JSON.parse(await readFile(file, 'utf8')) as unknown;

describe('tdkt eligibility', () => {
  it('evaluates the Mỹ Quý example: 64 of 70 officials are "Lao động tiên tiến" for 2022 under NĐ 91/2017', async () => {
    const out = join(dir, 'my-quy.json');
    expect(await runEligibilityCommand(['--input', MY_QUY_JSON, '--out', out])).toBe(0);
    const report = (await readJson(out)) as EligibilityReport;
    expect(report.evaluation.regime).toBe('law2003_nd91');
    expect(report.evaluation.summary.persons).toBe(70);
    expect(report.evaluation.summary.advancedWorkers).toBe(64);
    // NĐ 91 Điều 9 khoản 3: at most 15 % of 64 = 9 CSTĐCS.
    expect(report.evaluation.grassrootsFighterQuota.limit).toBe(9);
    const mq010 = report.evaluation.persons.find((p) => p.personId === 'MQ010');
    expect(mq010?.advancedWorker.reasons[0]?.message).toContain('Không hoàn thành nhiệm vụ');
  });

  it('the committed example workbooks hold exactly the facts of the JSON examples', async () => {
    for (const [json, xlsx] of [
      [MY_QUY_JSON, MY_QUY_XLSX],
      [LONG_XUYEN_JSON, LONG_XUYEN_XLSX],
    ] as const) {
      const fromJson = parseEligibilityInput(await readJson(json));
      const fromXlsx = parseEligibilityInput(await readFactsWorkbook(await readFile(xlsx)));
      expect(canonical(fromXlsx)).toEqual(canonical(fromJson));
    }
  });

  it('a facts workbook written with exceljs reads back to the same facts', async () => {
    const input = parseEligibilityInput(await readJson(LONG_XUYEN_JSON));
    const buffer = await writeFactsWorkbook(input);
    expect(canonical(parseEligibilityInput(await readFactsWorkbook(buffer)))).toEqual(canonical(input));
  });

  it('reads the xlsx example and gives the same results as the JSON example', async () => {
    const fromJson = join(dir, 'lx-json.json');
    const fromXlsx = join(dir, 'lx-xlsx.json');
    expect(await runEligibilityCommand(['--input', LONG_XUYEN_JSON, '--out', fromJson])).toBe(0);
    expect(await runEligibilityCommand(['--input', LONG_XUYEN_XLSX, '--out', fromXlsx])).toBe(0);
    const a = (await readJson(fromJson)) as EligibilityReport;
    const b = (await readJson(fromXlsx)) as EligibilityReport;
    expect(b.evaluation).toEqual(a.evaluation);
    expect(a.evaluation.regime).toBe('law2022_nd152');
    const lx001 = a.evaluation.persons.find((p) => p.personId === 'LX001');
    expect(lx001?.provincialFighterProposal.eligible).toBe(true);
  });

  it('writes the results as a workbook with a row per person and every reason', async () => {
    const out = join(dir, 'my-quy-result.xlsx');
    expect(await runEligibilityCommand(['--input', MY_QUY_XLSX, '--format', 'xlsx', '--out', out])).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const sheet = wb.getWorksheet('Cá nhân');
    expect(sheet?.rowCount).toBe(71);
    let advanced = 0;
    let mq034 = '';
    sheet?.eachRow((row, i) => {
      if (i === 1) return;
      if (row.getCell(4).value === 'Đạt') advanced++;
      if (row.getCell(1).value === 'MQ034') mq034 = String(row.getCell(8).value);
    });
    expect(advanced).toBe(64);
    expect(mq034).toContain('khiển trách');
    expect(wb.getWorksheet('Chỉ tiêu')?.getRow(2).getCell(5).value).toMatch(/^Hạng 1:/);
  });

  it('--decision-date chooses the regime: decided 20/01/2024 the 2022 facts follow Luật 2022 (6-month rule)', async () => {
    const out = join(dir, 'my-quy-2024.json');
    expect(
      await runEligibilityCommand(['--input', MY_QUY_JSON, '--decision-date', '2024-01-20', '--out', out]),
    ).toBe(0);
    const report = (await readJson(out)) as EligibilityReport;
    expect(report.evaluation.regime).toBe('law2022_nd98');
    // MQ045, hired 01/04/2022 (9 months), now qualifies; MQ056 (3 months) still does not.
    expect(report.evaluation.summary.advancedWorkers).toBe(65);
  });

  it('rejects invalid input with a Vietnamese message and exit code 2', async () => {
    const bad = join(dir, 'bad.json');
    const { writeFile } = await import('node:fs/promises');
    await writeFile(
      bad,
      JSON.stringify({
        unit: { id: 'X' },
        year: 2022,
        decisionDate: '2023-13-01',
        persons: [{ personId: 'A', staffCategory: 'boss', rating: 'good' }],
      }),
    );
    const errors: string[] = [];
    const spy = vi.spyOn(console, 'error').mockImplementation((m: unknown) => void errors.push(String(m)));
    expect(await runEligibilityCommand(['--input', bad])).toBe(2);
    expect(errors.join('\n')).toContain('Dữ liệu đầu vào không hợp lệ');
    expect(errors.join('\n')).toContain('persons.0.staffCategory');
    expect(errors.join('\n')).toContain('decisionDate: ngày phải theo dạng YYYY-MM-DD');
    expect(await runEligibilityCommand([])).toBe(2);
    expect(await runEligibilityCommand(['--input', MY_QUY_JSON, '--format', 'xlsx'])).toBe(2);
    spy.mockImplementation(() => undefined);
  });
});
