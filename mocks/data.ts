/**
 * The seeded, deterministic data set of the mock backend: shops, agencies (some verified),
 * conversations in every tab, messages of every kind, sample requests in every status, agency
 * invitations in every state and a few blocked sellers. Same seed, same data, everywhere.
 */
import type { AgencyInvitation, Party, Product } from '@creator-im/sdk';
import { avatarUrl, productImageUrl } from './images.js';

/** A small seeded PRNG (mulberry32): deterministic data without a dependency. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SHOP_NAMES = [
  'Glow Theory Beauty', 'Urban Sprout Kitchen', 'PeakForm Fitness', 'Lumière Skincare', 'Cozy Nest Home',
  'TechTrail Gadgets', 'Petal & Pine Florals', 'Brew Bros Coffee', 'Little Explorers Toys', 'Velvet Vogue',
  'Café Olé Supplies', 'Nordic Knitwear', 'SunKissed Swim', 'Zen Garden Tea', 'Pixel Pop Cases',
  'Crème de la Crème Bakery', 'Trailblazer Outdoor', 'Moonlit Candles', 'Bamboo Basics', 'Sparkle Smile Oral Care',
  'Ocean Breeze Linen', 'Golden Hour Jewelry', 'FreshFuel Snacks', 'Paws & Claws Pet', 'Studio Sound Audio',
  'Mirage Fragrance', 'Élan Athleisure', 'Hydra Bottle Co.', 'Sunny Side Kids', 'Ironclad Tools',
];
const AGENCY_NAMES = [
  'Spotlight Creators Agency', 'BrightPath Talent', 'NovaReach Partners', 'CreatorCraft Collective',
  'Momentum MCN', 'Starlight Media House',
];
const PRODUCT_NAMES = [
  'Vitamin C Brightening Serum', 'Hydrating Rose Toner', 'Matte Lip Crayon', 'Bamboo Cutting Board Set',
  'Cold Brew Coffee Maker', 'Resistance Band Kit', 'Yoga Mat Pro', 'Wireless Earbuds Lite', 'Phone Tripod Stand',
  'Ring Light 10"', 'Soy Wax Candle – Vanilla', 'Silk Pillowcase', 'Kids Magnetic Tiles', 'Stainless Steel Tumbler',
  'Organic Matcha Powder', 'Crème Brûlée Lip Balm', 'Linen Throw Blanket', 'Pet Grooming Glove', 'Jade Face Roller',
  'Mini Waffle Maker', 'LED Desk Lamp', 'Hair Claw Clips (6 pack)', 'Protein Snack Bars', 'Sunscreen SPF 50 Stick',
];
const TEXTS_IN = [
  'Hi! We love your content and would like to collaborate.',
  'Could you share your rate for a 30-second video?',
  'We just launched a new product line, interested in a free sample?',
  'Thanks for the great video last week! Sales went up 40%.',
  'Our Targeted Plan has a 20% commission this month.',
  'Are you available for a livestream next Friday?',
  'Please check the product list we sent you.',
  'Let us know if you need anything else for the shoot.',
];
const TEXTS_OUT = [
  'Thanks for reaching out! Happy to chat.',
  'Sounds great, please send the details.',
  'I would love a sample of that serum.',
  'My rate is in my Creator Center profile.',
  'Sure, Friday works for me!',
];

export interface Seed {
  creator: { id: string; name: string };
  sellers: Party[];
  agencies: Party[];
  products: Product[];
  /** Product ids that can no longer be added to a Showcase (removed by the seller). */
  unavailableProducts: string[];
  blockedSellerIds: string[];
  now: number;
}

/** The people and products of the data set. Conversations and messages are built by the backend. */
export function seedParties(random: () => number, counts: { sellers?: number; agencies?: number; conversations?: number; now: number }): Seed {
  const { sellers: sellerCount, agencies: agencyCount } = partyCounts(counts);
  const sellers: Party[] = Array.from({ length: sellerCount }, (_, i) => ({
    id: `shop-${i + 1}`,
    kind: 'seller',
    name: SHOP_NAMES[i % SHOP_NAMES.length]! + (i >= SHOP_NAMES.length ? ` ${Math.floor(i / SHOP_NAMES.length) + 1}` : ''),
    avatarUrl: avatarUrl(`shop-${i + 1}`),
    verified: false,
  }));
  const agencies: Party[] = Array.from({ length: agencyCount }, (_, i) => ({
    id: `agency-${i + 1}`,
    kind: 'agency',
    name: AGENCY_NAMES[i % AGENCY_NAMES.length]! + (i >= AGENCY_NAMES.length ? ` ${Math.floor(i / AGENCY_NAMES.length) + 1}` : ''),
    avatarUrl: avatarUrl(`agency-${i + 1}`),
    // Every agency but the last of each six is verified.
    verified: i % 6 !== 5,
  }));
  const products: Product[] = PRODUCT_NAMES.map((name, i) => ({
    id: `prod-${i + 1}`,
    name,
    imageUrl: productImageUrl(`prod-${i + 1}`),
    price: { amount: Math.round((5 + random() * 60) * 100) / 100, currency: 'USD' },
    commissionRate: Math.round((0.05 + random() * 0.25) * 100) / 100,
  }));
  return {
    creator: { id: 'creator-1', name: 'Mia Chen' },
    sellers,
    agencies,
    products,
    unavailableProducts: ['prod-24'],
    blockedSellerIds: ['shop-29', 'shop-30'],
    now: counts.now,
  };
}

/** Sellers and agencies: as given, or `conversations` split about nine sellers to one agency. */
export function partyCounts(counts: { sellers?: number; agencies?: number; conversations?: number }): { sellers: number; agencies: number } {
  if (counts.conversations !== undefined) {
    const total = Math.max(2, Math.floor(counts.conversations));
    const agencies = Math.max(1, Math.round(total / 10));
    return { sellers: total - agencies, agencies };
  }
  return { sellers: counts.sellers ?? SHOP_NAMES.length, agencies: counts.agencies ?? AGENCY_NAMES.length };
}

export const textsIn = TEXTS_IN;
export const textsOut = TEXTS_OUT;

/** The agreements of a binding invitation. */
export function agreementsFor(agencyId: string): AgencyInvitation['agreements'] {
  return [
    { id: `${agencyId}-terms`, title: 'Agency Service Agreement', body: 'The agency represents you for TikTok Shop collaborations for 12 months.', url: null },
    { id: `${agencyId}-privacy`, title: 'Data Sharing Agreement', body: 'The agency can view your shop performance data while linked.', url: null },
  ];
}
