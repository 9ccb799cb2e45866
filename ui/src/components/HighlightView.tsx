/**
 * The analyzed text with its findings highlighted. Segmentation is computed once per
 * (text, findings, decisions) and the marks are rendered by a memoized child, so hovering,
 * focusing or selecting never re-renders thousands of spans. One tab stop for the whole view
 * (roving tabindex): arrow keys move between findings, Enter/Space accepts or rejects one.
 */
/* oxlint-disable jsx-a11y/prefer-tag-over-role, jsx-a11y/no-noninteractive-element-to-interactive-role, jsx-a11y/no-noninteractive-element-interactions --
   The marks must stay inline text (a <button> would break text flow and selection), so they get
   role=button; their events are delegated to the container, one listener for thousands of marks. */
import { memo, useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { KeyboardEvent, MouseEvent as ReactMouseEvent, FocusEvent } from "react";
import type { Decision, Finding, SpanSelection } from "../domain";
import { entityClass } from "../text/colours";
import { layered, nonOverlapping, segmentText } from "../text/segments";
import type { Segment } from "../text/segments";

export type { SpanSelection };

interface Props {
  text: string;
  findings: Finding[];
  decisions: Record<string, Decision>;
  onToggle: (id: string) => void;
  onSelectSpan: (span: SpanSelection | null) => void;
  /** A finding to scroll to and focus (from the findings list); `seq` makes repeats count. */
  focusRequest?: { id: string; seq: number } | null;
  /**
   * Ranges of the text shown as separate blocks (a document's paragraphs, cells, notes), each
   * with an optional label; the text between blocks is not shown. Default: the whole text.
   */
  blocks?: readonly TextBlock[];
}

export interface TextBlock {
  start: number;
  end: number;
  label?: string;
}

/** The segments inside `[start, end)`, cut at its edges; `from` is where to start looking. */
function clipSegments(segments: readonly Segment[], start: number, end: number, from: number): { part: Segment[]; next: number } {
  let i = from;
  while (i < segments.length && (segments[i] as Segment).end <= start) i++;
  const part: Segment[] = [];
  let j = i;
  for (; j < segments.length && (segments[j] as Segment).start < end; j++) {
    const seg = segments[j] as Segment;
    part.push(seg.start >= start && seg.end <= end ? seg : { ...seg, start: Math.max(seg.start, start), end: Math.min(seg.end, end) });
  }
  return { part, next: Math.max(i, j - 1) };
}

/** Segments per rendered chunk: a decision change re-renders one chunk, not the whole text. */
const CHUNK = 64;

interface ChunkProps {
  text: string;
  segments: Segment[];
  /** Ids of this chunk's rejected findings, joined: the memo key for decisions. */
  rejectedKey: string;
  /** The roving tab stop if it is in this chunk, else null. */
  activeId: string | null;
}

const Chunk = memo(function Chunk({ text, segments, rejectedKey, activeId }: ChunkProps) {
  const rejected = new Set(rejectedKey ? rejectedKey.split(" ") : []);
  return (
    <>
      {segments.map((s) => {
        const f = s.finding;
        const piece = text.slice(s.start, s.end);
        if (!f) {
          return (
            <span key={s.start} data-start={s.start}>
              {piece}
            </span>
          );
        }
        const isRejected = rejected.has(f.id);
        return (
          <mark
            key={s.start}
            id={`hl-${f.id}`}
            data-start={s.start}
            data-id={f.id}
            className={`hl ${entityClass(f.entityType)}${isRejected ? " rejected" : ""}${f.manual ? " manual" : ""}`}
            role="button"
            aria-pressed={!isRejected}
            tabIndex={f.id === activeId ? 0 : -1}
            aria-label={`${f.entityType}: ${piece}`}
          >
            {piece}
          </mark>
        );
      })}
    </>
  );
});

function findingFromTarget(target: EventTarget | null): string | null {
  if (!(target instanceof HTMLElement)) return null;
  const mark = target.closest("mark[data-id]");
  return mark instanceof HTMLElement ? (mark.dataset.id ?? null) : null;
}

/** Chromium starts no text selection on a mouse press over a focusable element, and every
 *  mark has a tabindex (the roving tab stop): a drag that began on a finding selected nothing
 *  and its release clicked, and so switched, that finding. Without its tabindex for the
 *  press, the mark lets the drag select as plain text does; a click still switches it. */
function letDragSelectFromMark(e: ReactMouseEvent<HTMLDivElement>): void {
  if (e.button !== 0 || !(e.target instanceof Element)) return;
  const mark = e.target.closest("mark[data-id]");
  const tabIndex = mark?.getAttribute("tabindex");
  if (!mark || tabIndex == null) return;
  mark.removeAttribute("tabindex");
  setTimeout(() => mark.setAttribute("tabindex", tabIndex), 0);
}

/** Converts a DOM selection inside the view into text offsets, or null if it is not one. */
export function selectionOffsets(container: HTMLElement, selection: Selection | null): SpanSelection | null {
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return null;
  const range = selection.getRangeAt(0);
  const offset = (node: Node, within: number): number | null => {
    const el = node.nodeType === Node.TEXT_NODE ? node.parentElement : (node as Element);
    if (!el || !container.contains(el)) return null;
    const seg = el.closest("[data-start]");
    if (!(seg instanceof HTMLElement)) return null;
    const base = Number(seg.dataset.start);
    return node.nodeType === Node.TEXT_NODE ? base + within : base;
  };
  const start = offset(range.startContainer, range.startOffset);
  const end = offset(range.endContainer, range.endOffset);
  if (start === null || end === null || end <= start) return null;
  return { start, end };
}

export function HighlightView({ text, findings, decisions, onToggle, onSelectSpan, focusRequest, blocks }: Props) {
  const containerRef = useRef<HTMLDivElement>(null);
  const [hoverId, setHoverId] = useState<string | null>(null);
  const [activeId, setActiveId] = useState<string | null>(null);
  const [tipPos, setTipPos] = useState<{ top: number; left: number } | null>(null);

  // Which finding shows where depends on decisions only where findings overlap (rare: a span
  // added by hand over a detected one); otherwise segments are computed once per analysis.
  const overlapping = useMemo(() => nonOverlapping(findings).length !== findings.length, [findings]);
  const layeredDecisions = overlapping ? decisions : null;
  const segments = useMemo(() => {
    if (!layeredDecisions) return segmentText(text, findings);
    const accepted = findings.filter((f) => layeredDecisions[f.id] !== "rejected");
    const rejected = findings.filter((f) => layeredDecisions[f.id] === "rejected");
    if (rejected.length === 0) return segmentText(text, accepted);
    return segmentText(text, layered(accepted, rejected));
  }, [text, findings, layeredDecisions]);
  const groups = useMemo(() => {
    const cut = (list: Segment[]) => {
      const out: { segments: Segment[]; ids: string[] }[] = [];
      for (let i = 0; i < list.length; i += CHUNK) {
        const part = list.slice(i, i + CHUNK);
        out.push({ segments: part, ids: part.flatMap((seg) => (seg.finding ? [seg.finding.id] : [])) });
      }
      return out;
    };
    if (!blocks) return [{ key: 0, label: undefined, chunks: cut(segments) }];
    const out: { key: number; label: string | undefined; chunks: ReturnType<typeof cut> }[] = [];
    for (let b = 0, from = 0; b < blocks.length; b++) {
      const block = blocks[b] as TextBlock;
      if (block.end <= block.start) continue;
      const { part, next } = clipSegments(segments, block.start, block.end, from);
      from = next;
      out.push({ key: block.start, label: block.label, chunks: cut(part) });
    }
    return out;
  }, [segments, blocks]);

  const ordered = useMemo(() => segments.flatMap((s) => (s.finding ? [s.finding.id] : [])), [segments]);
  const byId = useMemo(() => new Map(findings.map((f) => [f.id, f])), [findings]);
  const rovingId = activeId && ordered.includes(activeId) ? activeId : (ordered[0] ?? null);

  const showTip = useCallback((id: string | null, el: Element | null) => {
    setHoverId(id);
    const box = containerRef.current;
    if (!id || !el || !box) {
      setTipPos(null);
      return;
    }
    // Fixed to the viewport next to the mark; hidden again when the view scrolls.
    const r = el.getBoundingClientRect();
    setTipPos({ top: r.bottom + 6, left: Math.max(4, Math.min(r.left, window.innerWidth - 340)) });
  }, []);

  /** Until when scroll events come from our own scrollIntoView (which must not hide the card). */
  const ownScrollUntil = useRef(0);
  const focusMark = useCallback((id: string) => {
    const el = document.getElementById(`hl-${id}`);
    if (!el) return;
    el.scrollIntoView({ block: "nearest" });
    ownScrollUntil.current = performance.now() + 300;
    el.focus({ preventScroll: true });
  }, []);

  useEffect(() => {
    if (focusRequest) focusMark(focusRequest.id);
  }, [focusRequest, focusMark]);

  // The card is fixed to the viewport: any scroll (this view, the panel, the page) would leave
  // it pointing at the wrong words, so it hides until the next hover or focus.
  const tipShown = tipPos !== null;
  useEffect(() => {
    if (!tipShown) return;
    const hide = () => performance.now() > ownScrollUntil.current && showTip(null, null);
    window.addEventListener("scroll", hide, { capture: true, passive: true });
    return () => window.removeEventListener("scroll", hide, { capture: true });
  }, [tipShown, showTip]);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const id = findingFromTarget(e.target);
    if (!id) return;
    const i = ordered.indexOf(id);
    let next: string | undefined;
    if (e.key === "ArrowRight" || e.key === "ArrowDown") next = ordered[i + 1];
    else if (e.key === "ArrowLeft" || e.key === "ArrowUp") next = ordered[i - 1];
    else if (e.key === "Home") next = ordered[0];
    else if (e.key === "End") next = ordered[ordered.length - 1];
    else if (e.key === "Enter" || e.key === " ") {
      e.preventDefault();
      onToggle(id);
      return;
    } else if (e.key === "Escape") {
      showTip(null, null);
      return;
    } else return;
    e.preventDefault();
    if (next) focusMark(next);
  };

  // The card follows keyboard focus (focus-visible), not focus moved by a click or by the app
  // after an analysis, so it never covers the text unasked.
  const onFocus = (e: FocusEvent<HTMLDivElement>) => {
    const id = findingFromTarget(e.target);
    if (id) {
      setActiveId(id);
      if (e.target.matches(":focus-visible")) showTip(id, e.target);
    }
  };

  const onMouseOver = (e: ReactMouseEvent<HTMLDivElement>) => {
    const id = findingFromTarget(e.target);
    if (id !== hoverId) showTip(id, id ? (e.target as Element).closest("mark") : null);
  };

  const onMouseUp = () => {
    const box = containerRef.current;
    if (box) onSelectSpan(selectionOffsets(box, window.getSelection()));
  };

  const onClick = (e: ReactMouseEvent<HTMLDivElement>) => {
    const id = findingFromTarget(e.target);
    if (id && window.getSelection()?.isCollapsed !== false) {
      setActiveId(id); // the press did not focus the mark: the tab stop follows the click
      onToggle(id);
    }
  };

  const hovered = hoverId ? byId.get(hoverId) : undefined;

  return (
    <div className="highlight-wrap">
      <div
        ref={containerRef}
        className="highlight"
        role="group"
        aria-label="Original text; findings are highlighted. Arrow keys move between findings, Enter accepts or rejects."
        aria-describedby={hovered ? "hl-tip" : undefined}
        onKeyDown={onKeyDown}
        onFocus={onFocus}
        onBlur={() => showTip(null, null)}
        onMouseOver={onMouseOver}
        onMouseLeave={() => showTip(null, null)}
        onMouseDown={letDragSelectFromMark}
        onMouseUp={onMouseUp}
        onKeyUp={onMouseUp}
        onClick={onClick}
      >
        {groups.map(({ key, label, chunks }) => {
          const rendered = chunks.map(({ segments: part, ids }) => (
            <Chunk
              key={part[0]?.start ?? 0}
              text={text}
              segments={part}
              rejectedKey={ids.filter((id) => decisions[id] === "rejected").join(" ")}
              activeId={rovingId && ids.includes(rovingId) ? rovingId : null}
            />
          ));
          if (!blocks) return rendered;
          return (
            <div key={key} className="unit-block">
              {label && <span className="unit-part">{label}</span>}
              {rendered}
            </div>
          );
        })}
      </div>
      {hovered && tipPos && (
        <div id="hl-tip" role="tooltip" className="tip" style={{ top: tipPos.top, left: tipPos.left }}>
          <strong>{hovered.entityType}</strong>
          <span className="tip-score">score {hovered.score.toFixed(2)}</span>
          {hovered.recognizer && <span className="tip-rec">{hovered.recognizer}</span>}
          {hovered.explanation && <span className="tip-why">{hovered.explanation}</span>}
          <span className="tip-state">
            {decisions[hovered.id] === "rejected" ? "Rejected: kept as is" : "Accepted: will be redacted"} · click or Enter to
            switch
          </span>
        </div>
      )}
    </div>
  );
}
