/**
 * Product pictures and shop/agency avatars, drawn locally as small SVG images: deterministic (a
 * hash of the id picks the colours and the motif), same-origin (`/media/...`, served by the Node
 * server and by MSW alike) and free of any text the server did not choose, so they are safe to show.
 */

/** Where the mock serves a product's picture. */
export const productImageUrl = (productId: string): string => `/media/products/${encodeURIComponent(productId)}.svg`;
/** Where the mock serves a seller's or agency's avatar. */
export const avatarUrl = (partyId: string): string => `/media/avatars/${encodeURIComponent(partyId)}.svg`;

/** The `/media/` paths: `products` or `avatars`, then the id. */
export const MEDIA_PATH = /^\/media\/(products|avatars)\/([^/]{1,200})\.svg$/;

/** FNV-1a, then a murmur3 finaliser: ids that differ in one character get unrelated colours. */
function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

const escapeXml = (text: string) => text.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);

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

/** An avatar: a coloured disc with the party's initials (from its name, escaped). */
export function avatarImage(partyId: string, name: string): string {
  const seed = hash(partyId);
  const [from, to] = palette(seed);
  const words = name.trim().split(/\s+/).filter(Boolean);
  const letters = (words.length > 1 ? words[0]![0]! + words[1]![0]! : (words[0] ?? '?').slice(0, 2)).toUpperCase();
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64" width="64" height="64"><defs><linearGradient id="g" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${from}"/><stop offset="1" stop-color="${to}"/></linearGradient></defs><circle cx="32" cy="32" r="32" fill="url(#g)"/><text x="32" y="40" text-anchor="middle" font-family="system-ui,sans-serif" font-size="22" font-weight="600" fill="#fff">${escapeXml(letters)}</text></svg>`;
}
