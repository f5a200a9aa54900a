import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// poppler-utils (pdftotext, pdftoppm, pdfinfo, pdffonts) read our PDFs back in tests. Without it the tests
// fail when CI=true and are skipped, with a loud line, elsewhere.
export const POPPLER_AVAILABLE = spawnSync('pdftoppm', ['-v']).status === 0;
const CI = process.env.CI === 'true' || process.env.CI === '1';
export const SKIP_WITHOUT_POPPLER = !POPPLER_AVAILABLE && !CI;
if (!POPPLER_AVAILABLE) {
  console.error(
    CI
      ? '!!! poppler-utils (pdftoppm/pdftotext) không có: CI=true nên các kiểm thử PDF sẽ thất bại.'
      : '!!! poppler-utils (pdftoppm/pdftotext) không có: BỎ QUA các kiểm thử đọc lại PDF. Cài: apt-get install poppler-utils',
  );
}

function withPdf<T>(pdf: Buffer, run: (dir: string, file: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'tdkt-pdf-'));
  try {
    const file = join(dir, 'in.pdf');
    writeFileSync(file, pdf);
    return run(dir, file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** pdftotext of the whole document (or one page), "\f" between pages. */
export function pdfText(pdf: Buffer, options: { layout?: boolean; page?: number } = {}): string {
  return withPdf(pdf, (_dir, file) => {
    const args = [
      ...(options.layout ? ['-layout'] : []),
      ...(options.page ? ['-f', `${options.page}`, '-l', `${options.page}`] : []),
    ];
    return execFileSync('pdftotext', [...args, '-enc', 'UTF-8', file, '-'], {
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
    });
  });
}

export type WordBox = { word: string; xMin: number; yMin: number; xMax: number; yMax: number; page: number };

/** Every word with its box in points (pdftotext -bbox). */
export function pdfWords(pdf: Buffer): WordBox[] {
  const html = withPdf(pdf, (_dir, file) =>
    execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 }),
  );
  const words: WordBox[] = [];
  let page = 0;
  for (const line of html.split('\n')) {
    if (line.includes('<page ')) page++;
    const m = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*)<\/word>/.exec(line);
    if (m) {
      words.push({
        xMin: Number(m[1]),
        yMin: Number(m[2]),
        xMax: Number(m[3]),
        yMax: Number(m[4]),
        word: m[5] ?? '',
        page,
      });
    }
  }
  return words;
}

export function pdfInfo(pdf: Buffer): { pages: number; widthPt: number; heightPt: number } {
  const out = withPdf(pdf, (_dir, file) => execFileSync('pdfinfo', [file], { encoding: 'utf8' }));
  const pages = Number(/Pages:\s+(\d+)/.exec(out)?.[1] ?? NaN);
  const size = /Page size:\s+([\d.]+) x ([\d.]+)/.exec(out);
  return { pages, widthPt: Number(size?.[1]), heightPt: Number(size?.[2]) };
}

/** Names of the fonts the PDF uses (pdffonts). */
export function pdfFontNames(pdf: Buffer): string[] {
  const out = withPdf(pdf, (_dir, file) => execFileSync('pdffonts', [file], { encoding: 'utf8' }));
  return out
    .split('\n')
    .slice(2)
    .map((l) => l.split(/\s+/)[0] ?? '')
    .filter((n) => n.length > 0);
}

/** One page rendered to PNG by pdftoppm. */
export function renderPagePng(pdf: Buffer, page: number, dpi: number): Buffer {
  return withPdf(pdf, (dir, file) => {
    execFileSync('pdftoppm', [
      '-r',
      `${dpi}`,
      '-png',
      '-f',
      `${page}`,
      '-l',
      `${page}`,
      '-singlefile',
      file,
      join(dir, 'out'),
    ]);
    return readFileSync(join(dir, 'out.png'));
  });
}
