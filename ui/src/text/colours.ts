/**
 * One distinct highlight colour per entity type. The palette is built from the types the
 * engine reports (`/api/v1/entities`) plus the user's custom ones, so every type on screen has
 * its own hue instead of sharing a fixed handful; alphabetical neighbours (US_SSN, US_ITIN…)
 * are spread far apart on the colour wheel.
 */

export interface EntityColour {
  hue: number;
  /** 0 or 1: alternate lightness so close hues still differ. */
  tone: 0 | 1;
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

/** Colours for `types` (deduplicated, sorted): n types get n different hues, 360/n degrees apart. */
export function entityPalette(types: readonly string[]): Map<string, EntityColour> {
  const sorted = [...new Set(types)].sort();
  const n = sorted.length;
  // A stride coprime with n visits every hue slot once, with neighbours about 3/8 of the wheel apart.
  let stride = Math.max(1, Math.round((n * 3) / 8));
  if (n > 1) while (gcd(stride, n) !== 1) stride++;
  const out = new Map<string, EntityColour>();
  sorted.forEach((t, i) => {
    const slot = (i * stride) % Math.max(1, n);
    out.set(t, { hue: Math.round((slot * 360) / Math.max(1, n)), tone: (i % 2) as 0 | 1 });
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
    light.push(`.${entityClass(t)}{--et-bg:hsl(${hue} ${tone ? 90 : 75}% ${tone ? 86 : 78}%)}`);
    dark.push(`.${entityClass(t)}{--et-bg:hsl(${hue} ${tone ? 45 : 55}% ${tone ? 34 : 26}%)}`);
  }
  return `${light.join("\n")}\n@media (prefers-color-scheme: dark){\n${dark.join("\n")}\n}`;
}
