// Document engine bench (issue 5): run with `npx tsx bench/documents.bench.ts` (part of `npm run bench`).
// Each figure is printed beside its target and a floor measured in the same run:
// - Word: zipping the same package parts again (fflate, level 6) — the cost of writing that many bytes
//   as a .docx with no document model at all;
// - PDF: pdfkit writing the same words with the same font as one flowing text, no layout;
// - certificates: pdfkit drawing one page per certificate with a border and the same lines, no QR code.
// Wall time is noisy on two shared cores, so CPU time and the load average are recorded beside it.
// Writes bench/results/documents.json; exits 1 if a target is missed.
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import PDFDocument from 'pdfkit';
import { unzipSync, zipSync } from 'fflate';
import {
  renderCertificatesPdf,
  renderDocx,
  renderPdf,
  sampleAnnualReport,
  sampleCertificate,
  sampleDecisionWithAnnex,
  tinosFonts,
  type AdministrativeDocument,
  type CertificateModel,
} from '../src/platform/documents/index.ts';
import { fmt, report } from './support/stats.ts';

type Timing = { medianMs: number; maxMs: number; cpuMedianMs: number; bytes: number };
type Result = Timing & { name: string; targetMs: number; runs: number; floor: Timing; pass: boolean };

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

async function time(runs: number, work: () => Promise<Buffer> | Buffer): Promise<Timing> {
  const wall: number[] = [];
  const cpu: number[] = [];
  let bytes = 0;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const cpuStart = process.cpuUsage();
    bytes = (await work()).length;
    wall.push(performance.now() - start);
    const used = process.cpuUsage(cpuStart);
    cpu.push((used.user + used.system) / 1000);
  }
  return {
    medianMs: Math.round(median(wall)),
    maxMs: Math.round(Math.max(...wall)),
    cpuMedianMs: Math.round(median(cpu)),
    bytes,
  };
}

async function measure(
  name: string,
  targetMs: number,
  runs: number,
  work: () => Promise<Buffer>,
  floorWork: () => Promise<Buffer> | Buffer,
): Promise<Result> {
  const t = await time(runs, work);
  const floor = await time(runs, floorWork);
  const pass = t.medianMs <= targetMs;
  report(
    name,
    `${fmt(t.medianMs)} (max ${fmt(t.maxMs)}, CPU ${fmt(t.cpuMedianMs)}, ${t.bytes} bytes)`,
    `≤ ${fmt(targetMs)}`,
    `${fmt(floor.medianMs)}, CPU ${fmt(floor.cpuMedianMs)}`,
    pass,
  );
  return { name, targetMs, runs, ...t, floor, pass };
}

/** Floor for Word: the package's parts zipped again, as fflate does it for docx. */
function zipFloor(docx: Buffer): () => Buffer {
  const parts = unzipSync(docx);
  return () => Buffer.from(zipSync(parts, { level: 6 }));
}

/** Every string of a document model, in order (what a PDF of it must at least write). */
function wordsOf(doc: AdministrativeDocument): string[] {
  const out: string[] = [];
  const walk = (v: unknown): void => {
    if (typeof v === 'string') out.push(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(doc);
  return out;
}

function pdfkitBytes(draw: (doc: PDFKit.PDFDocument) => void, size: [number, number]): Promise<Buffer> {
  const doc = new PDFDocument({ size, autoFirstPage: false });
  const fonts = tinosFonts();
  doc.registerFont('regular', fonts.regular);
  doc.registerFont('bold', fonts.bold);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    draw(doc);
    doc.end();
  });
}

const A4: [number, number] = [595.28, 841.89];
const A4_LANDSCAPE: [number, number] = [841.89, 595.28];

/** Floor for PDF: the same words as one flowing text in Tinos 14 pt on A4 pages. */
function pdfTextFloor(doc: AdministrativeDocument): () => Promise<Buffer> {
  const text = wordsOf(doc).join('\n');
  return () =>
    pdfkitBytes((pdf) => {
      pdf.addPage({ size: A4, margin: 57 });
      pdf.font('regular').fontSize(14).text(text);
    }, A4);
}

/** Floor for certificates: a page each with a border and the certificate's lines, no QR code. */
function certificatesFloor(certs: readonly CertificateModel[]): () => Promise<Buffer> {
  return () =>
    pdfkitBytes((pdf) => {
      for (const c of certs) {
        pdf.addPage({ size: A4_LANDSCAPE, margin: 40 });
        pdf.rect(20, 20, A4_LANDSCAPE[0] - 40, A4_LANDSCAPE[1] - 40).stroke();
        pdf.font('bold').fontSize(26).text(c.recipientName, { align: 'center' });
        pdf.font('regular').fontSize(14);
        for (const line of [...c.issuerLines, c.achievement, c.decisionNumber, c.signature.signerName])
          pdf.text(line, { align: 'center' });
      }
    }, A4_LANDSCAPE);
}

const loadBefore = os.loadavg();
console.log(
  `load average before: ${loadBefore.map((l) => l.toFixed(2)).join(', ')} (${os.cpus().length} CPUs)`,
);

const coldStart = performance.now();
await renderPdf(sampleAnnualReport());
const coldPdfMs = Math.round(performance.now() - coldStart);
const coldDocxStart = performance.now();
await renderDocx(sampleAnnualReport());
const coldDocxMs = Math.round(performance.now() - coldDocxStart);
console.log(`cold first call (fonts read, code compiled): PDF ${coldPdfMs} ms, DOCX ${coldDocxMs} ms`);

const report1 = sampleAnnualReport();
const annex = sampleDecisionWithAnnex(1000);
const certificates = Array.from({ length: 1000 }, (_, i) => sampleCertificate(i));
const results = [
  await measure(
    'annual report DOCX (seed-sized)',
    300,
    5,
    () => renderDocx(report1),
    zipFloor(await renderDocx(report1)),
  ),
  await measure('annual report PDF (seed-sized)', 1000, 5, () => renderPdf(report1), pdfTextFloor(report1)),
  await measure(
    'decision with 1,000-name annex, DOCX',
    2000,
    3,
    () => renderDocx(annex),
    zipFloor(await renderDocx(annex)),
  ),
  await measure('decision with 1,000-name annex, PDF', 2000, 3, () => renderPdf(annex), pdfTextFloor(annex)),
  await measure(
    '1,000 certificates in one PDF',
    15000,
    1,
    () => renderCertificatesPdf(certificates),
    certificatesFloor(certificates),
  ),
];
const loadAfter = os.loadavg();
console.log(`load average after: ${loadAfter.map((l) => l.toFixed(2)).join(', ')}`);

const out = join(dirname(fileURLToPath(import.meta.url)), 'results', 'documents.json');
mkdirSync(dirname(out), { recursive: true });
writeFileSync(
  out,
  `${JSON.stringify(
    {
      when: new Date().toISOString(),
      node: process.version,
      loadAverage: { before: loadBefore, after: loadAfter },
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
