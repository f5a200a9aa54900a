// fontkit ships no types; the document engine only opens a font file and hands the result to pdfkit.
declare module 'fontkit' {
  /** A parsed font (pdfkit accepts it wherever it accepts font bytes). */
  export interface Font {
    layout(text: string): unknown;
    /** Every Unicode code point the font maps to a glyph. */
    characterSet: number[];
    glyphForCodePoint(codePoint: number): unknown;
  }
  export function create(buffer: Uint8Array, postscriptName?: string): Font;
}
