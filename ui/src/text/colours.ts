/**
 * One distinct highlight colour per entity type. The palette is built from the types the
 * engine reports (`/api/v1/entities`) plus the user's custom ones, so every type on screen has
 * its own colour instead of sharing a fixed handful.
 */

export interface EntityColour {
  hue: number;
  /** 0: pastel; 1: stronger and darker (the second half of the types). */
  tone: 0 | 1;
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

/**
 * Types that often appear together get the clearest colours: each of these takes its own hue
 * in the first (pastel) tone, so e.g. a card number never looks like a phone number.
 */
const COMMON = [
  "PERSON", "LOCATION", "ORGANIZATION", "DATE_TIME", "EMAIL_ADDRESS", "PHONE_NUMBER",
  "URL", "CREDIT_CARD", "IBAN_CODE", "IP_ADDRESS", "NRP", "US_SSN",
];

function rank(t: string): number {
  const i = COMMON.indexOf(t);
  return i < 0 ? COMMON.length : i;
}

/**
 * Colours for `types` (deduplicated): the hues of each tone are 360/m degrees apart (m = half
 * the types, rounded up), and the second tone sits between the first one's hues with a
 * stronger, darker shade. Common types come first; a stride spreads neighbours apart.
 */
export function entityPalette(types: readonly string[]): Map<string, EntityColour> {
  const unique = [...new Set(types)];
  const ordered = unique.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  const m = Math.max(1, Math.ceil(ordered.length / 2));
  // A stride coprime with m visits every hue once, with neighbours about 3/8 of the wheel apart.
  let stride = Math.max(1, Math.round((m * 3) / 8));
  if (m > 1) while (gcd(stride, m) !== 1) stride++;
  const out = new Map<string, EntityColour>();
  ordered.forEach((t, i) => {
    const tone = i < m ? 0 : 1;
    const slot = ((i % m) * stride) % m;
    out.set(t, { hue: Math.round((slot * 360) / m + (tone ? 180 / m : 0)) % 360, tone });
  });
  return out;
}

/** The CSS class that carries a type's colour (types are [A-Z0-9_], anything else is escaped). */
export function entityClass(entityType: string): string {
  return `et-${entityType.replace(/[^A-Za-z0-9_-]/g, (c) => `-${c.charCodeAt(0)}`)}`;
}

/** Stylesheet text for the palette: light and dark variants of each type's background. */
export function paletteCss(palette: Map<string, EntityColour>): string {
  const light: string[] = [];
  const dark: string[] = [];
  for (const [t, { hue, tone }] of palette) {
    light.push(`.${entityClass(t)}{--et-bg:hsl(${hue} ${tone ? 70 : 90}% ${tone ? 70 : 84}%)}`);
    dark.push(`.${entityClass(t)}{--et-bg:hsl(${hue} ${tone ? 35 : 60}% ${tone ? 40 : 27}%)}`);
  }
  return `${light.join("\n")}\n@media (prefers-color-scheme: dark){\n${dark.join("\n")}\n}`;
}
