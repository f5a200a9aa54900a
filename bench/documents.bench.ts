// Document engine bench (issue 5): run once with `npx tsx bench/documents.bench.ts`.
// Writes bench/results/documents.json; exits 1 if a target is missed.
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import {
  renderCertificatesPdf,
  renderDocx,
  renderPdf,
  sampleAnnualReport,
  sampleCertificate,
  sampleDecisionWithAnnex,
} from '../src/platform/documents/index.ts';

type Result = {
  name: string;
  targetMs: number;
  runs: number;
  medianMs: number;
  maxMs: number;
  cpuMedianMs: number;
  bytes: number;
  pass: boolean;
};

async function measure(
  name: string,
  targetMs: number,
  runs: number,
  work: () => Promise<Buffer>,
): Promise<Result> {
  const times: number[] = [];
  const cpu: number[] = [];
  let bytes = 0;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const cpuStart = process.cpuUsage();
    bytes = (await work()).length;
    times.push(performance.now() - start);
    const used = process.cpuUsage(cpuStart);
    cpu.push((used.user + used.system) / 1000);
  }
  cpu.sort((a, b) => a - b);
  // CPU time is recorded beside wall time: on a shared machine under load the wall time says little.
  const cpuMedianMs = Math.round(cpu[Math.floor(cpu.length / 2)] ?? 0);
  times.sort((a, b) => a - b);
  const medianMs = Math.round(times[Math.floor(times.length / 2)] ?? 0);
  const maxMs = Math.round(times.at(-1) ?? 0);
  const result = { name, targetMs, runs, medianMs, maxMs, cpuMedianMs, bytes, pass: medianMs <= targetMs };
  console.log(
    `${result.pass ? 'OK  ' : 'MISS'} ${name}: ${medianMs} ms (max ${maxMs}, CPU ${cpuMedianMs} ms, target ≤ ${targetMs}) ${bytes} bytes`,
  );
  return result;
}

const coldStart = performance.now();
await renderPdf(sampleAnnualReport());
const coldPdfMs = Math.round(performance.now() - coldStart);
const coldDocxStart = performance.now();
await renderDocx(sampleAnnualReport());
const coldDocxMs = Math.round(performance.now() - coldDocxStart);
console.log(`cold first call (fonts read, code compiled): PDF ${coldPdfMs} ms, DOCX ${coldDocxMs} ms`);

const certificates = Array.from({ length: 1000 }, (_, i) => sampleCertificate(i));
const results = [
  await measure('annual report DOCX (seed-sized)', 300, 5, () => renderDocx(sampleAnnualReport())),
  await measure('annual report PDF (seed-sized)', 1000, 5, () => renderPdf(sampleAnnualReport())),
  await measure('decision with 1,000-name annex, DOCX', 2000, 1, () =>
    renderDocx(sampleDecisionWithAnnex(1000)),
  ),
  await measure('decision with 1,000-name annex, PDF', 2000, 1, () =>
    renderPdf(sampleDecisionWithAnnex(1000)),
  ),
  await measure('1,000 certificates in one PDF', 15000, 1, () => renderCertificatesPdf(certificates)),
];

const out = join(dirname(fileURLToPath(import.meta.url)), 'results', 'documents.json');
mkdirSync(dirname(out), { recursive: true });
writeFileSync(
  out,
  `${JSON.stringify(
    {
      when: new Date().toISOString(),
      node: process.version,
      loadAverage: os.loadavg(),
      cpus: os.cpus().length,
      cold: { pdfMs: coldPdfMs, docxMs: coldDocxMs },
      results,
    },
    null,
    2,
  )}\n`,
);
console.log(`→ ${out}`);
if (results.some((r) => !r.pass)) process.exitCode = 1;
