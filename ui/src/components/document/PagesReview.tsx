/**
 * Pages under review (PDFs, images): each page as the image the backend renders, loaded only
 * when it scrolls into view (a 200-page file opens at once), with a box per finding (its type
 * on hover), which the user switches with a click or the keyboard, and areas the user draws
 * with the mouse to redact anything on the page. Boxes are in PDF points from the page's
 * top-left, placed as shares of the page so they follow the image at any size.
 */
import { useEffect, useRef, useState } from "react";
import type { PointerEvent as ReactPointerEvent } from "react";
import { useApi } from "../../api/context";
import type { PageBox, PageSize } from "../../domain";
import type { DocumentReviewState } from "../../review/documentReview";
import { pageMarks } from "../../review/documentReview";
import { entityClass } from "../../text/colours";

interface Props {
  state: DocumentReviewState;
  onToggle: (id: string) => void;
  onDraw: (page: number, box: PageBox) => void;
  onRemoveDrawn: (id: string) => void;
}

const pct = (v: number, of: number) => `${(v / of) * 100}%`;

function PageImage({ jobId, index, page }: { jobId: string; index: number; page: PageSize }) {
  const api = useApi();
  const holder = useRef<HTMLDivElement>(null);
  // Without IntersectionObserver (old engines, tests) every page loads at once.
  const [visible, setVisible] = useState(() => typeof IntersectionObserver === "undefined");
  const [url, setUrl] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const el = holder.current;
    if (!el || visible) return;
    const io = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && setVisible(true), { rootMargin: "400px" });
    io.observe(el);
    return () => io.disconnect();
  }, [visible]);

  useEffect(() => {
    if (!visible || !api.jobs) return;
    const ctl = new AbortController();
    let made: string | null = null;
    api.jobs
      .pageImage(jobId, index, page.page, ctl.signal)
      .then((blob) => {
        made = URL.createObjectURL(blob);
        setUrl(made);
      })
      .catch((e: unknown) => !ctl.signal.aborted && setError(e instanceof Error ? e.message : "The page could not be rendered."));
    return () => {
      ctl.abort();
      if (made) URL.revokeObjectURL(made);
    };
  }, [api, visible, jobId, index, page.page]);

  return (
    <div ref={holder} className="page-image">
      {url ? (
        <img src={url} alt={`Page ${page.page}`} draggable={false} />
      ) : (
        <span className="hint">{error ?? `Page ${page.page}…`}</span>
      )}
    </div>
  );
}

function Page({ state, page, onToggle, onDraw, onRemoveDrawn }: Props & { page: PageSize }) {
  const [drag, setDrag] = useState<{ x0: number; y0: number; x1: number; y1: number } | null>(null);
  const marks = pageMarks(state, page.page);

  const toPoints = (e: ReactPointerEvent<HTMLDivElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    return {
      x: Math.max(0, Math.min(page.width, ((e.clientX - r.left) / r.width) * page.width)),
      y: Math.max(0, Math.min(page.height, ((e.clientY - r.top) / r.height) * page.height)),
    };
  };
  const onPointerDown = (e: ReactPointerEvent<HTMLDivElement>) => {
    if (e.button !== 0 || e.target !== e.currentTarget) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    const p = toPoints(e);
    setDrag({ x0: p.x, y0: p.y, x1: p.x, y1: p.y });
  };
  const onPointerMove = (e: ReactPointerEvent<HTMLDivElement>) => {
    if (!drag) return;
    const p = toPoints(e);
    setDrag({ ...drag, x1: p.x, y1: p.y });
  };
  const onPointerUp = () => {
    if (!drag) return;
    onDraw(page.page, [drag.x0, drag.y0, drag.x1, drag.y1]);
    setDrag(null);
  };

  return (
    <figure className="page" aria-label={`Page ${page.page}`} style={{ aspectRatio: `${page.width} / ${page.height}` }}>
      <PageImage jobId={state.data.jobId} index={state.data.index} page={page} />
      <div
        className="page-overlay"
        data-testid={`page-${page.page}`}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={() => setDrag(null)}
      >
        {marks.flatMap((m) =>
          m.boxes.map((b, i) => {
            const rejected = m.decision === "rejected";
            const label = m.drawn ? `Area drawn by you (${m.entityType}): remove` : `${m.entityType}: ${rejected ? "kept, click to redact" : "redacted, click to keep"}`;
            return (
              <button
                key={`${m.id}-${i}`}
                id={i === 0 ? `box-${m.id}` : undefined}
                type="button"
                className={`page-box ${entityClass(m.entityType)}${rejected ? " rejected" : ""}${m.drawn ? " drawn" : ""}`}
                style={{ left: pct(b[0], page.width), top: pct(b[1], page.height), width: pct(b[2] - b[0], page.width), height: pct(b[3] - b[1], page.height) }}
                title={m.entityType}
                aria-label={label}
                aria-pressed={m.drawn ? undefined : !rejected}
                data-id={m.id}
                onClick={() => (m.drawn ? onRemoveDrawn(m.id) : onToggle(m.id))}
              />
            );
          }),
        )}
        {drag && (
          <div
            className="page-box drawing"
            style={{
              left: pct(Math.min(drag.x0, drag.x1), page.width),
              top: pct(Math.min(drag.y0, drag.y1), page.height),
              width: pct(Math.abs(drag.x1 - drag.x0), page.width),
              height: pct(Math.abs(drag.y1 - drag.y0), page.height),
            }}
          />
        )}
      </div>
      <figcaption className="hint">Page {page.page}</figcaption>
    </figure>
  );
}

export function PagesReview(props: Props) {
  return (
    <div className="pages-review">
      <p className="hint">Click a box to keep or redact it; drag on the page to redact any area.</p>
      {props.state.data.pages.map((p) => (
        <Page key={p.page} {...props} page={p} />
      ))}
    </div>
  );
}
