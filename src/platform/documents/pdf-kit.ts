import PDFDocument from 'pdfkit';
import { faceFor, tinosFontObjects } from './fonts.ts';
import type { FontFace } from './fonts.ts';

export type PdfDoc = PDFKit.PDFDocument;

export type PdfPageOptions = {
  size: [number, number];
  margins: { top: number; bottom: number; left: number; right: number };
  title: string;
  metadataDate?: Date;
  bufferPages?: boolean;
};

/** A pdfkit document with the four Tinos faces registered under their FontFace names. */
export function createPdf(options: PdfPageOptions): PdfDoc {
  const date = options.metadataDate ?? new Date();
  const doc = new PDFDocument({
    size: options.size,
    margins: options.margins,
    bufferPages: options.bufferPages ?? false,
    autoFirstPage: false,
    info: { Title: options.title, Creator: 'TĐKT', Producer: 'TĐKT', CreationDate: date, ModDate: date },
  });
  const fonts = tinosFontObjects();
  // pdfkit takes a parsed fontkit font where it takes font bytes (PDFFontFactory.open); its types
  // list only the bytes.
  for (const face of Object.keys(fonts) as FontFace[])
    doc.registerFont(face, fonts[face] as unknown as PDFKit.Mixins.PDFFontSource);
  doc.font('regular');
  return doc;
}

export function useFont(doc: PdfDoc, size: number, bold?: boolean, italic?: boolean): PdfDoc {
  return doc.font(faceFor(bold, italic)).fontSize(size);
}

/** Collects the document's bytes; call after drawing, it ends the document. */
export function finish(doc: PdfDoc): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}
