import { inflateSync } from 'node:zlib';

// Just enough PNG for pdftoppm's output: 8-bit grey, RGB or RGBA, not interlaced.
export type Image = { width: number; height: number; channels: number; pixels: Uint8Array };

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export function decodePng(png: Buffer): Image {
  if (!png.subarray(0, 8).equals(SIGNATURE)) throw new Error('Không phải tệp PNG.');
  let p = 8;
  let width = 0;
  let height = 0;
  let channels = 0;
  const idat: Buffer[] = [];
  while (p < png.length) {
    const length = png.readUInt32BE(p);
    const type = png.toString('ascii', p + 4, p + 8);
    const data = png.subarray(p + 8, p + 8 + length);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      const bitDepth = data[8];
      const colorType = data[9];
      const interlace = data[12];
      if (bitDepth !== 8 || interlace !== 0) throw new Error('PNG không hỗ trợ (cần 8 bit, không xen kẽ).');
      channels = colorType === 0 ? 1 : colorType === 2 ? 3 : colorType === 6 ? 4 : colorType === 4 ? 2 : 0;
      if (channels === 0) throw new Error(`PNG không hỗ trợ (color type ${colorType}).`);
    } else if (type === 'IDAT') {
      idat.push(data);
    } else if (type === 'IEND') {
      break;
    }
    p += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const pixels = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const out = y * stride;
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? (pixels[out + x - channels] ?? 0) : 0;
      const b = y > 0 ? (pixels[out - stride + x] ?? 0) : 0;
      const c = y > 0 && x >= channels ? (pixels[out - stride + x - channels] ?? 0) : 0;
      const v = line[x] ?? 0;
      let predicted = 0;
      if (filter === 1) predicted = a;
      else if (filter === 2) predicted = b;
      else if (filter === 3) predicted = (a + b) >> 1;
      else if (filter === 4) {
        const pa = Math.abs(b - c);
        const pb = Math.abs(a - c);
        const pc = Math.abs(a + b - 2 * c);
        predicted = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      }
      pixels[out + x] = (v + predicted) & 0xff;
    }
  }
  return { width, height, channels, pixels };
}

/** Grey level (0–255) of pixel (x, y). */
export function greyAt(image: Image, x: number, y: number): number {
  const i = (y * image.width + x) * image.channels;
  if (image.channels < 3) return image.pixels[i] ?? 255;
  return Math.round(
    ((image.pixels[i] ?? 255) + (image.pixels[i + 1] ?? 255) + (image.pixels[i + 2] ?? 255)) / 3,
  );
}

export type ImageDiff = { sameSize: boolean; differing: number; total: number; ratio: number };

/** Share of pixels whose channels differ by more than `tolerance` (anti-aliasing noise is ignored). */
export function compareImages(a: Image, b: Image, tolerance = 24): ImageDiff {
  if (a.width !== b.width || a.height !== b.height || a.channels !== b.channels) {
    return { sameSize: false, differing: Number.NaN, total: a.width * a.height, ratio: 1 };
  }
  let differing = 0;
  const total = a.width * a.height;
  for (let i = 0; i < total; i++) {
    for (let c = 0; c < a.channels; c++) {
      const k = i * a.channels + c;
      if (Math.abs((a.pixels[k] ?? 0) - (b.pixels[k] ?? 0)) > tolerance) {
        differing++;
        break;
      }
    }
  }
  return { sameSize: true, differing, total, ratio: differing / total };
}
