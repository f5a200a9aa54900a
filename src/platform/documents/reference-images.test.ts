import { describe, it, expect } from 'vitest';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import { renderCertificatesPdf } from './render-certificates.ts';
import { renderPdf } from './render-pdf.ts';
import { sampleAnnualReport, sampleCertificate } from './samples.ts';
import { SKIP_WITHOUT_POPPLER, renderPagePng } from './testing/poppler.ts';
import { compareImages, decodePng } from './testing/png.ts';

// The first page of the seed report and one certificate, rendered at 100 dpi, must match the committed
// pictures in docs/reference/ to within 0.5 % of pixels. UPDATE_REFERENCE_IMAGES=1 rewrites them (then look
// at them before committing).
const REFERENCE_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../../docs/reference');
const FIXED_DATE = new Date('2024-01-01T00:00:00Z');
const MAX_DIFFERING = 0.005;
const UPDATE = process.env.UPDATE_REFERENCE_IMAGES === '1';

function checkAgainstReference(name: string, png: Buffer): void {
  const file = join(REFERENCE_DIR, name);
  if (UPDATE) {
    mkdirSync(REFERENCE_DIR, { recursive: true });
    writeFileSync(file, png);
  }
  expect(existsSync(file), `${file} is missing; run with UPDATE_REFERENCE_IMAGES=1`).toBe(true);
  const diff = compareImages(decodePng(png), decodePng(readFileSync(file)));
  if (!diff.sameSize || diff.ratio > MAX_DIFFERING) {
    const actual = join(tmpdir(), `actual-${name}`);
    writeFileSync(actual, png);
    console.error(`Ảnh khác mẫu ${file}: ${(diff.ratio * 100).toFixed(3)} % điểm ảnh; bản vừa vẽ: ${actual}`);
  }
  expect(diff.sameSize).toBe(true);
  expect(diff.ratio).toBeLessThanOrEqual(MAX_DIFFERING);
}

describe.skipIf(SKIP_WITHOUT_POPPLER)('reference images', () => {
  it('renders the first page of the seed report like docs/reference/annual-report-page-1.png', async () => {
    const pdf = await renderPdf(sampleAnnualReport(), { metadataDate: FIXED_DATE });
    checkAgainstReference('annual-report-page-1.png', renderPagePng(pdf, 1, 100));
  });

  it('renders a certificate like docs/reference/certificate.png', async () => {
    const pdf = await renderCertificatesPdf([sampleCertificate(0)], { metadataDate: FIXED_DATE });
    checkAgainstReference('certificate.png', renderPagePng(pdf, 1, 100));
  });

  it('notices a changed document: a different recipient name differs from the reference', async () => {
    const pdf = await renderCertificatesPdf(
      [{ ...sampleCertificate(0), recipientName: 'Trần Thị Kim Quyên' }],
      {
        metadataDate: FIXED_DATE,
      },
    );
    const file = join(REFERENCE_DIR, 'certificate.png');
    const diff = compareImages(decodePng(renderPagePng(pdf, 1, 100)), decodePng(readFileSync(file)));
    expect(diff.sameSize).toBe(true);
    expect(diff.differing).toBeGreaterThan(0);
  });
});
