import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

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
