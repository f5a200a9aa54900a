import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { create as openFont, type Font } from 'fontkit';

// Tinos is metric-compatible with Times New Roman and covers Vietnamese; it ships from npm
// (@expo-google-fonts/tinos), so rendering a PDF needs no system font. pdfkit's built-in Times
// (WinAnsi) garbles Vietnamese (stack-probe §4) and must never be used.
export type FontFace = 'regular' | 'bold' | 'italic' | 'boldItalic';

const FILES: Record<FontFace, string> = {
  regular: '400Regular/Tinos_400Regular.ttf',
  bold: '700Bold/Tinos_700Bold.ttf',
  italic: '400Regular_Italic/Tinos_400Regular_Italic.ttf',
  boldItalic: '700Bold_Italic/Tinos_700Bold_Italic.ttf',
};

let cache: Record<FontFace, Buffer> | undefined;

/** The four Tinos faces, read once per process. */
export function tinosFonts(): Record<FontFace, Buffer> {
  if (cache) return cache;
  const require = createRequire(import.meta.url);
  const root = dirname(require.resolve('@expo-google-fonts/tinos/package.json'));
  const read = (face: FontFace): Buffer => readFileSync(join(root, FILES[face]));
  cache = {
    regular: read('regular'),
    bold: read('bold'),
    italic: read('italic'),
    boldItalic: read('boldItalic'),
  };
  return cache;
}

export function faceFor(bold: boolean | undefined, italic: boolean | undefined): FontFace {
  if (bold && italic) return 'boldItalic';
  if (bold) return 'bold';
  if (italic) return 'italic';
  return 'regular';
}

let parsed: Record<FontFace, Font> | undefined;

/**
 * Opens a face and creates the glyph of every character it maps, so each glyph object fontkit
 * caches carries its code points. A parsed font is shared by every PDF of the process; without
 * this, the first document's subsetting creates a composite's base glyph (the "Y" under "Ỷ")
 * with no code points, fontkit caches it so, and later documents lose that letter from their
 * ToUnicode map: the text still prints but no longer copies or extracts.
 */
function openWithCodePoints(bytes: Buffer): Font {
  const font = openFont(bytes);
  for (const codePoint of font.characterSet) font.glyphForCodePoint(codePoint);
  return font;
}

/**
 * The four faces parsed once per process (fontkit), handed to pdfkit instead of the bytes: pdfkit
 * otherwise parses each face again for every document, which was most of a short PDF's time.
 * pdfkit subsets a face per document (`createSubset`) without changing the parsed font.
 */
export function tinosFontObjects(): Record<FontFace, Font> {
  if (parsed) return parsed;
  const bytes = tinosFonts();
  parsed = {
    regular: openWithCodePoints(bytes.regular),
    bold: openWithCodePoints(bytes.bold),
    italic: openWithCodePoints(bytes.italic),
    boldItalic: openWithCodePoints(bytes.boldItalic),
  };
  return parsed;
}
