/**
 * One distinct highlight colour per entity type. There are 24 colours: 12 well-separated hues
 * in a pastel and a stronger tone. The types that most often appear together each own a pastel
 * colour chosen so that look-alikes (a card number and a phone number, an IBAN and a date)
 * differ clearly; every other type the engine reports (`/api/v1/entities`) or the user defines
 * takes one of the remaining colours, in name order.
 */

/** [light mode, dark mode] backgrounds; both readable with the theme's text colour. */
const COLOURS: readonly (readonly [string, string])[] = [
  // pastel tone: blue, green, orange, yellow, violet, pink, cyan, teal, indigo, lime, red, grape
  ["#a5d8ff", "#1b5487"], ["#b2f2bb", "#1f6b30"], ["#ffd8a8", "#7a4a12"], ["#ffec99", "#6b5a0c"],
  ["#d0bfff", "#4c3a8f"], ["#fcc2d7", "#80284f"], ["#99e9f2", "#0f6470"], ["#96f2d7", "#0f6b55"],
  ["#bac8ff", "#34478f"], ["#c0eb75", "#4a6b12"], ["#ffc9c9", "#852a2a"], ["#eebefa", "#6e2f80"],
  // stronger tone, same hue order
  ["#74c0fc", "#2369a8"], ["#69db7c", "#2a8a40"], ["#ffa94d", "#9c5d17"], ["#ffd43b", "#8a7410"],
  ["#9775fa", "#6550b8"], ["#f783ac", "#a33566"], ["#3bc9db", "#13808f"], ["#38d9a9", "#138a6d"],
  ["#748ffc", "#4359b8"], ["#a9e34b", "#5f8a17"], ["#ff8787", "#a83636"], ["#da77f2", "#8d3ca3"],
];

/** Types that often appear together, each with its own pastel colour (index into COLOURS). */
const FIXED: Readonly<Record<string, number>> = {
  PERSON: 0,
  LOCATION: 1,
  ORGANIZATION: 2,
  DATE_TIME: 3,
  EMAIL_ADDRESS: 4,
  PHONE_NUMBER: 5,
  URL: 6,
  CREDIT_CARD: 7,
  IBAN_CODE: 8,
  IP_ADDRESS: 9,
  NRP: 10,
  US_SSN: 11,
};

export const COLOUR_COUNT = COLOURS.length;

/** Colour index for each of `types`: distinct for up to COLOUR_COUNT types, then reused. */
export function entityPalette(types: readonly string[]): Map<string, number> {
  const out = new Map<string, number>();
  const taken = new Set<number>();
  const rest: string[] = [];
  for (const t of [...new Set(types)].sort()) {
    const fixed = FIXED[t];
    if (fixed === undefined) rest.push(t);
    else {
      out.set(t, fixed);
      taken.add(fixed);
    }
  }
  const free = COLOURS.map((_, i) => i).filter((i) => !taken.has(i));
  rest.forEach((t, i) => out.set(t, free[i % Math.max(1, free.length)] ?? i % COLOURS.length));
  return out;
}

/** The CSS class that carries a type's colour (types are [A-Z0-9_], anything else is escaped). */
export function entityClass(entityType: string): string {
  return `et-${entityType.replace(/[^A-Za-z0-9_-]/g, (c) => `-${c.charCodeAt(0)}`)}`;
}

/** Stylesheet text for the palette: light and dark variants of each type's background. */
export function paletteCss(palette: Map<string, number>): string {
  const light: string[] = [];
  const dark: string[] = [];
  for (const [t, i] of palette) {
    const [l, d] = COLOURS[i % COLOURS.length] ?? ["", ""];
    light.push(`.${entityClass(t)}{--et-bg:${l}}`);
    dark.push(`.${entityClass(t)}{--et-bg:${d}}`);
  }
  return `${light.join("\n")}\n@media (prefers-color-scheme: dark){\n${dark.join("\n")}\n}`;
}
