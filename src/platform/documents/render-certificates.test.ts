import { describe, it, expect } from 'vitest';
import QRCode from 'qrcode';
import { DEFAULT_CERTIFICATE_CALIBRATION } from './certificate-model.ts';
import type { CertificateCalibration } from './certificate-model.ts';
import { mmToPt } from './layout.ts';
import { renderCertificatesPdf } from './render-certificates.ts';
import { sampleCertificate } from './samples.ts';
import {
  SKIP_WITHOUT_POPPLER,
  pdfFontNames,
  pdfInfo,
  pdfText,
  pdfWords,
  renderPagePng,
} from './testing/poppler.ts';
import { decodePng, greyAt } from './testing/png.ts';

const flat = (text: string): string => text.replace(/\s+/g, ' ');

describe.skipIf(SKIP_WITHOUT_POPPLER)('renderCertificatesPdf', () => {
  it('prints one landscape A4 page per certificate', async () => {
    const pdf = await renderCertificatesPdf([
      sampleCertificate(0),
      sampleCertificate(1),
      sampleCertificate(2),
    ]);
    const info = pdfInfo(pdf);
    expect(info.pages).toBe(3);
    expect(info.widthPt).toBeCloseTo(841.89, 1);
    expect(info.heightPt).toBeCloseTo(595.28, 1);
    for (const name of pdfFontNames(pdf)) expect(name).toMatch(/Tinos/);
  });

  it('prints every part of a Giấy khen with its diacritics', async () => {
    const text = flat(pdfText(await renderCertificatesPdf([sampleCertificate(0)])));
    for (const expected of [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'CHỦ TỊCH ỦY BAN NHÂN DÂN PHƯỜNG MỸ QUÝ',
      'TẶNG GIẤY KHEN',
      'Liêu Quốc Bình',
      'Chủ tịch UBND phường Mỹ Quý',
      '“Lao động tiên tiến” năm 2023',
      'Quyết định số 125/QĐ-UBND ngày 05/02/2024',
      'Số sổ vàng: 2024/001',
      'Mỹ Quý, ngày 05 tháng 02 năm 2024',
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('takes a configurable page size and keeps everything on one page', async () => {
    const pdf = await renderCertificatesPdf([sampleCertificate(0)], {
      pageSize: { widthMm: 210, heightMm: 148 },
    });
    const info = pdfInfo(pdf);
    expect(info.pages).toBe(1);
    expect(info.widthPt).toBeCloseTo(mmToPt(210), 0);
    expect(flat(pdfText(pdf))).toContain('Liêu Quốc Bình');
  });

  it('draws a QR code that matches the verify URL module for module', async () => {
    const cert = sampleCertificate(0);
    const pdf = await renderCertificatesPdf([cert]);
    const dpi = 200;
    const image = decodePng(renderPagePng(pdf, 1, dpi));
    const qr = QRCode.create(cert.verifyUrl ?? '', { errorCorrectionLevel: 'M' });
    const n = qr.modules.size;
    // The full design puts the code at x 24 mm, y 158 mm, 26 mm wide (render-certificates.ts).
    const px = (mm: number): number => (mm / 25.4) * dpi;
    let matches = 0;
    for (let row = 0; row < n; row++) {
      for (let col = 0; col < n; col++) {
        const x = Math.round(px(24 + ((col + 0.5) * 26) / n));
        const y = Math.round(px(158 + ((row + 0.5) * 26) / n));
        const dark = greyAt(image, x, y) < 128;
        if (dark === Boolean(qr.modules.data[row * n + col])) matches++;
      }
    }
    expect(matches / (n * n)).toBeGreaterThan(0.99);
  });

  it('prints only the values on a pre-printed blank, at the calibrated positions', async () => {
    const pdf = await renderCertificatesPdf([sampleCertificate(0)], { mode: 'blank' });
    const text = flat(pdfText(pdf));
    expect(text).toContain('Liêu Quốc Bình');
    expect(text).toContain('125/QĐ-UBND');
    expect(text).not.toContain('CỘNG HÒA');
    expect(text).not.toContain('GIẤY KHEN');
    const name = DEFAULT_CERTIFICATE_CALIBRATION.fields.recipientName;
    const word = pdfWords(pdf).find((w) => w.word === 'Liêu');
    expect(name && word).toBeTruthy();
    if (!name || !word) return;
    expect(word.yMin).toBeGreaterThan(mmToPt(name.yMm) - 2);
    expect(word.yMin).toBeLessThan(mmToPt(name.yMm) + 8);
  });

  it('shifts every field by the printer offset of the calibration', async () => {
    const shifted: CertificateCalibration = {
      ...DEFAULT_CERTIFICATE_CALIBRATION,
      offsetXMm: 10,
      offsetYMm: -5,
    };
    const find = async (calibration: CertificateCalibration) =>
      pdfWords(await renderCertificatesPdf([sampleCertificate(0)], { mode: 'blank', calibration })).find(
        (w) => w.word === '125/QĐ-UBND',
      );
    const base = await find(DEFAULT_CERTIFICATE_CALIBRATION);
    const moved = await find(shifted);
    expect(base && moved).toBeTruthy();
    if (!base || !moved) return;
    expect(moved.xMin - base.xMin).toBeCloseTo(mmToPt(10), 0);
    expect(moved.yMin - base.yMin).toBeCloseTo(mmToPt(-5), 0);
  });

  it('writes markup and formulas in a recipient name as literal text', async () => {
    const cert = {
      ...sampleCertificate(0),
      recipientName: '<b>x</b>',
      recipientDetail: '=HYPERLINK("http://x")',
    };
    const text = pdfText(await renderCertificatesPdf([cert]));
    expect(text).toContain('<b>x</b>');
    expect(text).toContain('=HYPERLINK("http://x")');
  });
});
