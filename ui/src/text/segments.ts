/**
 * Cuts a text into plain and highlighted segments once per analysis, so rendering thousands
 * of findings is one linear pass instead of a search per span.
 */
import type { Finding } from "../domain";

export interface Segment {
  start: number;
  end: number;
  /** The finding this segment highlights; absent for plain text. */
  finding?: Finding;
}

/**
 * Orders findings by start (longer first on ties) and drops any that overlap an earlier kept
 * one: a character is highlighted by at most one finding, the one that starts first.
 */
export function nonOverlapping(findings: readonly Finding[]): Finding[] {
  const sorted = [...findings].sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Finding[] = [];
  let cursor = 0;
  for (const f of sorted) {
    if (f.end <= f.start || f.start < cursor) continue;
    kept.push(f);
    cursor = f.end;
  }
  return kept;
}

/**
 * Keeps every non-overlapping `preferred` finding, then fills the gaps with the `others`
 * (e.g. accepted findings win over rejected ones that cover the same characters).
 */
export function layered(preferred: readonly Finding[], others: readonly Finding[]): Finding[] {
  const first = nonOverlapping(preferred);
  if (others.length === 0) return first;
  const rest = nonOverlapping(others);
  const out: Finding[] = [];
  let i = 0;
  let lastEnd = 0;
  for (const f of rest) {
    while (i < first.length && (first[i] as Finding).start < f.end) {
      const p = first[i] as Finding;
      out.push(p);
      lastEnd = Math.max(lastEnd, p.end);
      i++;
    }
    const next = first[i];
    if (f.start >= lastEnd && (!next || f.end <= next.start)) {
      out.push(f);
      lastEnd = f.end;
    }
  }
  while (i < first.length) out.push(first[i++] as Finding);
  return out;
}

/**
 * Splits `text` into contiguous segments covering it exactly; findings outside it are ignored.
 * Where findings overlap, the one that starts first owns the shared characters and the other
 * keeps the rest of its span, so everything that will be redacted is highlighted.
 */
export function segmentText(text: string, findings: readonly Finding[]): Segment[] {
  const segments: Segment[] = [];
  let cursor = 0;
  const sorted = [...findings].sort((a, b) => a.start - b.start || b.end - a.end);
  for (const f of sorted) {
    if (f.end > text.length) continue;
    if (f.end <= cursor || f.end <= f.start) continue;
    const start = Math.max(f.start, cursor);
    if (start > cursor) segments.push({ start: cursor, end: start });
    segments.push({ start, end: f.end, finding: f });
    cursor = f.end;
  }
  if (cursor < text.length || segments.length === 0) segments.push({ start: cursor, end: text.length });
  return segments;
}
