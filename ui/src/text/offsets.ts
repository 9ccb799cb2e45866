/**
 * The backend counts offsets in Unicode code points (Python str indices); JavaScript strings
 * index UTF-16 code units. They differ after any character outside the BMP (emoji, some CJK),
 * so every offset crossing the API goes through these converters.
 */

const SURROGATE = /[\uD800-\uDFFF]/;

export interface OffsetMap {
  toUtf16(codePoint: number): number;
  toCodePoint(utf16: number): number;
}

const identity: OffsetMap = { toUtf16: (n) => n, toCodePoint: (n) => n };

/** Builds both directions in one pass; identity (no allocation) for texts without surrogates. */
export function offsetMap(text: string): OffsetMap {
  if (!SURROGATE.test(text)) return identity;
  const cpToU16: number[] = [];
  const u16ToCp = new Int32Array(text.length + 1);
  let cp = 0;
  for (let i = 0; i < text.length; ) {
    cpToU16.push(i);
    const wide = (text.codePointAt(i) ?? 0) > 0xffff;
    u16ToCp[i] = cp;
    if (wide) u16ToCp[i + 1] = cp; // an offset inside a pair maps to the pair's start
    i += wide ? 2 : 1;
    cp++;
  }
  cpToU16.push(text.length);
  u16ToCp[text.length] = cp;
  return {
    toUtf16: (n) => cpToU16[Math.max(0, Math.min(n, cpToU16.length - 1))] ?? text.length,
    toCodePoint: (n) => u16ToCp[Math.max(0, Math.min(n, text.length))] ?? cp,
  };
}
