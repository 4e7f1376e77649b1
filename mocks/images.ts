/**
 * Product pictures and shop/agency avatars, drawn locally: product pictures as small SVG images,
 * avatars as tiny PNGs. Deterministic (a hash of the id picks the colours and the motif),
 * same-origin (`/media/...`, served by the Node server and by MSW alike) and free of any text the
 * server did not choose, so they are safe to show.
 *
 * Avatars are raster, like the photos real parties have: every SVG image is a whole SVG document
 * on the main thread (7–9 ms each with text), so a list scrolling new rows in dropped frames
 * measuring the mock rather than the list (docs/performance.md, section 4).
 */

/** Where the mock serves a product's picture. */
export const productImageUrl = (productId: string): string => `/media/products/${encodeURIComponent(productId)}.svg`;
/** Where the mock serves a seller's or agency's avatar. */
export const avatarUrl = (partyId: string): string => `/media/avatars/${encodeURIComponent(partyId)}.png`;

/** The `/media/` paths: `products/:id.svg` or `avatars/:id.png`. */
export const MEDIA_PATH = /^\/media\/(?:(products)\/([^/]{1,200})\.svg|(avatars)\/([^/]{1,200})\.png)$/;

/** FNV-1a, then a murmur3 finaliser: ids that differ in one character get unrelated colours. */
function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** Two harmonious colours (same saturation, hues 40° apart) from a seed. */
function palette(seed: number): [string, string] {
  const hue = seed % 360;
  return [`hsl(${hue} 60% 55%)`, `hsl(${(hue + 40) % 360} 65% 42%)`];
}

const MOTIFS = [
  // a bottle
  '<rect x="26" y="14" width="12" height="8" rx="2" fill="#fff" opacity=".9"/><rect x="20" y="22" width="24" height="30" rx="6" fill="#fff" opacity=".85"/>',
  // a box
  '<path d="M14 24l18-9 18 9v18l-18 9-18-9z" fill="#fff" opacity=".85"/><path d="M14 24l18 9 18-9M32 33v18" stroke="#0002" stroke-width="2" fill="none"/>',
  // a bag
  '<path d="M18 24h28l-3 26H21z" fill="#fff" opacity=".85"/><path d="M25 24v-4a7 7 0 0 1 14 0v4" stroke="#fff" stroke-width="3" fill="none"/>',
  // a jar
  '<rect x="18" y="16" width="28" height="8" rx="3" fill="#fff"/><rect x="16" y="24" width="32" height="26" rx="8" fill="#fff" opacity=".85"/>',
];

/** A product picture: a gradient tile with a simple product motif. */
export function productImage(productId: string): string {
  const seed = hash(productId);
  const [from, to] = palette(seed);
  const motif = MOTIFS[(seed >>> 12) % MOTIFS.length]!;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64" width="64" height="64"><defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${from}"/><stop offset="1" stop-color="${to}"/></linearGradient></defs><rect width="64" height="64" rx="10" fill="url(#g)"/>${motif}</svg>`;
}

/** An hsl() colour (hue in degrees, saturation and lightness 0–1) as RGB bytes. */
function rgb(hue: number, saturation: number, lightness: number): [number, number, number] {
  const a = saturation * Math.min(lightness, 1 - lightness);
  const channel = (n: number) => {
    const k = (n + hue / 30) % 12;
    return Math.round(255 * (lightness - a * Math.max(-1, Math.min(k - 3, 9 - k, 1))));
  };
  return [channel(0), channel(8), channel(4)];
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (bytes: Uint8Array) => {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 255]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const u32 = (value: number) => [value >>> 24, (value >>> 16) & 255, (value >>> 8) & 255, value & 255];
const pngChunk = (type: string, data: number[]) => {
  const typed = Uint8Array.from([...type].map((c) => c.charCodeAt(0)).concat(data));
  return [...u32(data.length), ...typed, ...u32(crc32(typed))];
};

/** A PNG of RGB rows, its image data in one stored (uncompressed) deflate block: no zlib needed, so MSW draws it too. */
function png(width: number, rows: number[][]): Uint8Array {
  const raw = rows.flatMap((row) => [0, ...row]); // filter byte 0 (none) before each row
  let a = 1;
  let b = 0;
  for (const byte of raw) {
    a = (a + byte) % 65521;
    b = (b + a) % 65521;
  }
  const zlib = [0x78, 0x01, 0x01, raw.length & 255, raw.length >>> 8, ~raw.length & 255, (~raw.length >>> 8) & 255, ...raw, ...u32(((b << 16) | a) >>> 0)];
  const header = [...u32(width), ...u32(rows.length), 8, 2, 0, 0, 0]; // 8-bit RGB
  return Uint8Array.from([137, 80, 78, 71, 13, 10, 26, 10, ...pngChunk('IHDR', header), ...pngChunk('IDAT', zlib), ...pngChunk('IEND', [])]);
}

/** An avatar: a 16×16 PNG, a vertical gradient in the party's colours (the element clips it to a disc). */
export function avatarImage(partyId: string): Uint8Array {
  const hue = hash(partyId) % 360;
  const [from, to] = [rgb(hue, 0.6, 0.55), rgb((hue + 40) % 360, 0.65, 0.42)];
  const rows = Array.from({ length: 16 }, (_, y) => {
    const color = from.map((value, i) => Math.round(value + ((to[i]! - value) * y) / 15));
    return Array.from({ length: 16 }, () => color).flat();
  });
  return png(16, rows);
}
